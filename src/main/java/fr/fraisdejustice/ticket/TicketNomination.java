package fr.fraisdejustice.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.notification.OutgoingMail;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.PrincipalManagerNominations;
import fr.fraisdejustice.structure.Structures;

/**
 * The « Nomination d'un gestionnaire principal » ticket, once the support names the account: at once when the structure
 * has no active gestionnaire principal or his last login is more than six months old; otherwise he is mailed, the
 * nomination waits for the objection period (the process's timer), and his objection sends the ticket back to the agent.
 */
@Service
@Transactional
class TicketNomination {

    static final String SYSTEM = "frais-de-justice";
    static final int MAX_REASON = 2000;

    private final TicketHistory history;
    private final SupportTicketRepository tickets;
    private final Structures structures;
    private final PrincipalManagerNominations nominations;
    private final AccountDirectory accounts;
    private final TicketMails mails;
    private final ApplicationEventPublisher events;
    private final RuntimeService runtime;
    private final Clock clock;

    TicketNomination(TicketHistory history, SupportTicketRepository tickets, Structures structures,
                     PrincipalManagerNominations nominations, AccountDirectory accounts, TicketMails mails,
                     ApplicationEventPublisher events, RuntimeService runtime, Clock clock) {
        this.history = history;
        this.tickets = tickets;
        this.structures = structures;
        this.nominations = nominations;
        this.accounts = accounts;
        this.mails = mails;
        this.events = events;
        this.runtime = runtime;
        this.clock = clock;
    }

    static String requireReason(String reason) {
        String text = reason == null ? "" : reason.trim();
        if (text.isEmpty() || text.length() > MAX_REASON) {
            throw DomainException.invalidField("nominationReason", "REQUIRED", "Indiquez le motif de la nomination "
                    + "(2 000 caractères au plus) : il est communiqué au gestionnaire principal en place.");
        }
        return text;
    }

    /** The agent names the account: at once, or announced to the current gestionnaire principal. */
    TicketProcessing.Outcome name(SupportTicket ticket, UUID named, String reason, String message, String team, String agentId) {
        AccountDirectory.Contact namedContact = accounts.contact(named);
        String who = namedContact.fullName() + " (" + namedContact.loginEmail() + ")";
        String note = message.isEmpty() ? "" : " " + message;
        Optional<UUID> current = structures.principalManagerOf(ticket.structureId());
        String immediately = immediateBecause(current, named);
        if (immediately != null) {
            structures.namePrincipalManager(ticket.structureId(), named);
            ticket.moveTo(TicketStatus.RESOLU, clock.instant());
            history.record(ticket, team, agentId, "Gestionnaire principal nommé", who + " est désormais le gestionnaire "
                    + "principal de la structure. Effet immédiat : " + immediately + " Motif : " + reason + note);
            return TicketProcessing.Outcome.SOLUTION;
        }
        AccountDirectory.Contact manager = accounts.contact(current.orElseThrow());
        Instant effectiveAt = clock.instant().plus(SupportTicketProcess.OBJECTION_PERIOD);
        nominations.announce(ticket.structureId(), named, manager.accountId(), ticket.number(), reason, effectiveAt);
        ticket.moveTo(TicketStatus.EN_COURS, clock.instant());
        history.record(ticket, team, agentId, "Nomination annoncée au gestionnaire principal en place", who
                + " sera gestionnaire principal le " + FrenchDates.date(effectiveAt) + ", sauf opposition de "
                + manager.fullName() + ", gestionnaire principal en place, prévenu(e) ce jour par courriel. Motif : "
                + reason + note);
        String structure = structures.byId(ticket.structureId()).name();
        events.publishEvent(new OutgoingMail("nomination-announced:" + ticket.number() + ":" + effectiveAt.toEpochMilli(),
                mails.nominationAnnounced(manager, namedContact.fullName(), structure, ticket, reason, effectiveAt)));
        return TicketProcessing.Outcome.NOMINATION_PENDING;
    }

    /** Why the nomination needs no waiting, or null when the current gestionnaire principal may object. */
    private String immediateBecause(Optional<UUID> current, UUID named) {
        if (current.isEmpty()) {
            return "la structure n'a pas de gestionnaire principal actif.";
        }
        if (current.get().equals(named)) {
            return "ce compte était déjà gestionnaire principal.";
        }
        AccountDirectory.Presence presence = accounts.presence(current.get());
        Instant limit = clock.instant().atZone(FrenchDates.PARIS).minus(SupportTicketProcess.INACTIVE_MANAGER).toInstant();
        if (presence.lastSeenAt() != null && presence.lastSeenAt().isAfter(limit)) {
            return null;
        }
        return "le gestionnaire principal en place, " + accounts.contact(current.get()).fullName()
                + ", ne s'est pas connecté depuis plus de six mois (" + (presence.lastLoginAt() == null
                ? "jamais connecté" : "dernière connexion le " + FrenchDates.date(presence.lastLoginAt())) + ").";
    }

    /** Task_ApplyNomination: the objection period is over; where the process goes next. */
    TicketProcessing.Outcome applyAfterObjectionPeriod(String number) {
        SupportTicket ticket = tickets.lockByNumber(number).orElseThrow(Tickets::notFound);
        PrincipalManagerNominations.Application applied = nominations.apply(number);
        if (applied == PrincipalManagerNominations.Application.APPLIED) {
            ticket.moveTo(TicketStatus.RESOLU, clock.instant());
            history.record(ticket, SYSTEM, null, "Gestionnaire principal nommé", ticket.objectNumber() + " est désormais "
                    + "le gestionnaire principal de la structure : le gestionnaire principal en place ne s'y est pas "
                    + "opposé dans les " + SupportTicketProcess.OBJECTION_PERIOD.toDays() + " jours.");
            return TicketProcessing.Outcome.SOLUTION;
        }
        ticket.moveTo(TicketStatus.EN_COURS, clock.instant());
        history.record(ticket, SYSTEM, null, "Nomination non appliquée", ticket.objectNumber()
                + " n'est plus membre actif de la structure : la nomination n'a pas eu lieu, la sollicitation revient au support.");
        return TicketProcessing.Outcome.BACK_TO_AGENT;
    }

    /** The current gestionnaire principal objected: recorded, the requester told, the ticket back to the agent. */
    @EventListener
    void objected(PrincipalManagerNominations.Objected objection) {
        SupportTicket ticket = tickets.lockByNumber(objection.ticketNumber()).orElseThrow(Tickets::notFound);
        AccountDirectory.Contact manager = accounts.contact(objection.managerAccountId());
        ticket.moveTo(TicketStatus.EN_COURS, clock.instant());
        history.record(ticket, manager.fullName(), manager.accountId().toString(),
                "Opposition du gestionnaire principal en place", objection.objection());
        events.publishEvent(new OutgoingMail("nomination-objected:" + ticket.number() + ":" + clock.instant().toEpochMilli(),
                mails.nominationObjected(ticket, manager.fullName(), objection.objection())));
        runtime.createMessageCorrelation(SupportTicketProcess.MESSAGE_NOMINATION_OBJECTED)
                .processInstanceBusinessKey(ticket.number()).correlate();
    }

    /** The requester closed the ticket: a nomination still waiting is dropped. */
    void ticketClosed(String number) {
        nominations.cancel(number);
    }
}
