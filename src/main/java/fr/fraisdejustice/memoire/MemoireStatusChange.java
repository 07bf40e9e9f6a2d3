package fr.fraisdejustice.memoire;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One step of a mémoire's history: its status from then on, when, who (a label the provider may read: his own name or
 * the office, never a clerk's name) and why. A row whose mail is still due has no {@code notifiedAt}: the history is
 * the source of the status mails ({@link StatusMails}), which leave through the outbox.
 */
@Entity
@Table(name = "memoire_status_change")
class MemoireStatusChange extends InsertedRow {

    /** The order of the steps, given by the database (two steps may share an instant). */
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Column(name = "memoire_id")
    private UUID memoireId;

    @Enumerated(EnumType.STRING)
    private MemoireStatus status;

    @Column(name = "changed_at")
    private Instant changedAt;

    private String actor;

    @Column(name = "actor_id")
    private String actorId;

    private String reason;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    protected MemoireStatusChange() {
    }

    MemoireStatusChange(Memoire memoire, Actor actor, String reason, boolean mailed, Instant now) {
        super(UUID.randomUUID());
        this.memoireId = memoire.id();
        this.status = memoire.status();
        this.changedAt = now;
        this.actor = actor.label();
        this.actorId = actor.id();
        this.reason = reason;
        this.notifiedAt = mailed ? null : now;
    }

    void mailSent(Instant now) {
        notifiedAt = now;
    }

    UUID id() { return getId(); }
    UUID memoireId() { return memoireId; }
    MemoireStatus status() { return status; }
    Instant changedAt() { return changedAt; }
    String actor() { return actor; }
    /** The provider's account id, or the staff member's Camunda login. */
    String actorId() { return actorId; }
    String reason() { return reason; }
    boolean mailDue() { return notifiedAt == null; }
}
