package fr.fraisdejustice.memoire;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Records each step of a mémoire, in the transaction that changed it; mails the provider the steps that concern him. */
@Component
class MemoireHistory {

    /** The provider is told of what others decide, not of what he did himself. */
    static final Set<MemoireStatus> MAILED = EnumSet.of(MemoireStatus.MIS_A_DISPOSITION, MemoireStatus.SUSPENDU,
            MemoireStatus.CERTIFIE, MemoireStatus.TAXE, MemoireStatus.REFUSE, MemoireStatus.MANDATE,
            MemoireStatus.MIS_EN_PAIEMENT);

    record Step(MemoireStatus status, String label, Instant changedAt, String actor, String reason) {
        static Step of(MemoireStatusChange change) {
            return new Step(change.status(), change.status().label(), change.changedAt(), change.actor(), change.reason());
        }
    }

    /** A status change the provider is to be mailed about, stored by the outbox with the change itself. */
    public record StatusMailDue(UUID changeId) {
    }

    private final MemoireStatusChangeRepository changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemoireHistory(MemoireStatusChangeRepository changes, ApplicationEventPublisher events, Clock clock) {
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /** The mémoire's current status, by this actor, for this reason (by default the mémoire's status reason). */
    void record(Memoire memoire, Actor actor, String reason) {
        MemoireStatusChange change = changes.save(new MemoireStatusChange(memoire, actor,
                reason == null ? memoire.statusReason() : reason, MAILED.contains(memoire.status()), clock.instant()));
        if (change.mailDue()) {
            events.publishEvent(new StatusMailDue(change.id()));
        }
    }

    void record(Memoire memoire, Actor actor) {
        record(memoire, actor, null);
    }

    /** A step that leaves the status as it is (sent to taxation, appeal lodged): in the history, not mailed. */
    void note(Memoire memoire, Actor actor, String what) {
        changes.save(new MemoireStatusChange(memoire, actor, what, false, clock.instant()));
    }

    List<Step> of(Memoire memoire) {
        return changes.findByMemoireIdOrderBySeq(memoire.id()).stream().map(Step::of).toList();
    }
}
