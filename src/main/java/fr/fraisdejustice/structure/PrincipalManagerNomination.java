package fr.fraisdejustice.structure;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A gestionnaire principal named by the support while the structure has an active one: it waits for the objection
 * period, then takes effect, unless the current one objects, the ticket is closed, or it can no longer apply.
 */
@Entity
@Table(name = "principal_manager_nomination")
class PrincipalManagerNomination {

    enum Status { PENDING, APPLIED, OBJECTED, CANCELLED }

    @Id
    private UUID id;

    @Column(name = "structure_id")
    private UUID structureId;

    @Column(name = "named_account_id")
    private UUID namedAccountId;

    @Column(name = "manager_account_id")
    private UUID managerAccountId;

    @Column(name = "ticket_number")
    private String ticketNumber;

    private String reason;

    @Column(name = "effective_at")
    private Instant effectiveAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String objection;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected PrincipalManagerNomination() {
    }

    PrincipalManagerNomination(UUID structureId, UUID namedAccountId, UUID managerAccountId, String ticketNumber,
                               String reason, Instant effectiveAt, Instant now) {
        this.id = UUID.randomUUID();
        this.structureId = structureId;
        this.namedAccountId = namedAccountId;
        this.managerAccountId = managerAccountId;
        this.ticketNumber = ticketNumber;
        this.reason = reason;
        this.effectiveAt = effectiveAt;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    void decide(Status outcome, String objection, Instant now) {
        this.status = outcome;
        this.objection = objection;
        this.decidedAt = now;
    }

    UUID id() { return id; }
    UUID structureId() { return structureId; }
    UUID namedAccountId() { return namedAccountId; }
    UUID managerAccountId() { return managerAccountId; }
    String ticketNumber() { return ticketNumber; }
    String reason() { return reason; }
    Instant effectiveAt() { return effectiveAt; }
    Status status() { return status; }
}
