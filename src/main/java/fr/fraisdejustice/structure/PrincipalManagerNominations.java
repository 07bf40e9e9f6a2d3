package fr.fraisdejustice.structure;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.shared.DomainException;

/**
 * A gestionnaire principal named by the support while the structure has an active one who still logs in: the nomination
 * waits for the objection period (the support-ticket process holds the timer), during which that gestionnaire may object
 * from the structure's page. The ticket feature announces, applies and cancels it; the objection is published as
 * {@link Objected} and the ticket feature takes the ticket back to the agent in the same transaction.
 */
@Service
@Transactional
public class PrincipalManagerNominations {

    /** A nomination waiting for its date. */
    public record Pending(UUID structureId, UUID namedAccountId, UUID managerAccountId, String ticketNumber,
                          String reason, Instant effectiveAt) {
    }

    /** Published, synchronously, when the current gestionnaire principal objects to a pending nomination. */
    public record Objected(UUID structureId, String ticketNumber, UUID managerAccountId, UUID namedAccountId,
                           String objection) {
    }

    /** What became of a pending nomination once its date came. */
    public enum Application { APPLIED, NO_LONGER_MEMBER, NOT_PENDING }

    static final int MAX_TEXT = 2000;

    private final PrincipalManagerNominationRepository nominations;
    private final Structures structures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PrincipalManagerNominations(PrincipalManagerNominationRepository nominations, Structures structures,
                                ApplicationEventPublisher events, Clock clock) {
        this.nominations = nominations;
        this.structures = structures;
        this.events = events;
        this.clock = clock;
    }

    /** The nomination waits for its date; the named account must be an active member, and no other may wait. */
    public Pending announce(UUID structureId, UUID namedAccountId, UUID managerAccountId, String ticketNumber,
                            String reason, Instant effectiveAt) {
        if (!structures.isMember(structureId, namedAccountId)) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "MEMBER_NOT_FOUND",
                    "Cette personne n'est pas membre actif de la structure : elle doit d'abord y être rattachée.");
        }
        nominations.lockPendingOfStructure(structureId).ifPresent(other -> {
            throw new DomainException(DomainException.Kind.CONFLICT, "NOMINATION_PENDING",
                    "Une nomination de gestionnaire principal est déjà en cours pour cette structure (sollicitation "
                            + other.ticketNumber() + ") : attendez son issue.");
        });
        PrincipalManagerNomination saved = nominations.save(new PrincipalManagerNomination(structureId, namedAccountId,
                managerAccountId, ticketNumber, reason, effectiveAt, clock.instant()));
        return pending(saved);
    }

    @Transactional(readOnly = true)
    public Optional<Pending> pendingOf(UUID structureId) {
        return nominations.findByStructureIdAndStatus(structureId, PrincipalManagerNomination.Status.PENDING)
                .map(PrincipalManagerNominations::pending);
    }

    /** The objection period is over: the named account becomes gestionnaire principal, if it is still a member. */
    public Application apply(String ticketNumber) {
        Optional<PrincipalManagerNomination> found = nominations.lockPendingOfTicket(ticketNumber);
        if (found.isEmpty()) {
            return Application.NOT_PENDING;
        }
        PrincipalManagerNomination nomination = found.get();
        if (!structures.isMember(nomination.structureId(), nomination.namedAccountId())) {
            nomination.decide(PrincipalManagerNomination.Status.CANCELLED, null, clock.instant());
            return Application.NO_LONGER_MEMBER;
        }
        structures.namePrincipalManager(nomination.structureId(), nomination.namedAccountId());
        nomination.decide(PrincipalManagerNomination.Status.APPLIED, null, clock.instant());
        return Application.APPLIED;
    }

    /** The ticket was closed before the date: the nomination is dropped. */
    public void cancel(String ticketNumber) {
        nominations.lockPendingOfTicket(ticketNumber)
                .ifPresent(n -> n.decide(PrincipalManagerNomination.Status.CANCELLED, null, clock.instant()));
    }

    /**
     * The structure's gestionnaire principal objects, with his reason. Anyone else is told there is nothing here (404);
     * nothing pending is a conflict (409).
     */
    void object(UUID structureId, UUID accountId, String reason) {
        boolean manager = structures.isMember(structureId, accountId)
                && structures.principalManagerOf(structureId).filter(accountId::equals).isPresent();
        if (!manager) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "NOMINATION_NOT_FOUND",
                    "Aucune nomination de gestionnaire principal ne vous concerne pour cette structure.");
        }
        String text = reason == null ? "" : reason.trim();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw DomainException.invalidField("reason", "REQUIRED",
                    "Dites pourquoi vous vous opposez à cette nomination (2 000 caractères au plus).");
        }
        PrincipalManagerNomination nomination = nominations.lockPendingOfStructure(structureId)
                .orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "NO_PENDING_NOMINATION",
                        "Aucune nomination n'est en cours pour cette structure : il n'y a rien à quoi s'opposer."));
        if (!clock.instant().isBefore(nomination.effectiveAt())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "OBJECTION_PERIOD_OVER",
                    "Le délai pour s'opposer à cette nomination est écoulé : elle prend effet. Si elle est injustifiée, "
                            + "ouvrez une sollicitation auprès du support.");
        }
        nomination.decide(PrincipalManagerNomination.Status.OBJECTED, text, clock.instant());
        events.publishEvent(new Objected(structureId, nomination.ticketNumber(), accountId, nomination.namedAccountId(), text));
    }

    private static Pending pending(PrincipalManagerNomination n) {
        return new Pending(n.structureId(), n.namedAccountId(), n.managerAccountId(), n.ticketNumber(), n.reason(),
                n.effectiveAt());
    }
}
