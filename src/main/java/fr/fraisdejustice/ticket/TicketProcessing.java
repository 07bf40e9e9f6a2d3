package fr.fraisdejustice.ticket;

import java.time.Clock;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.account.AccountActivation;
import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.StaffGroups;
import fr.fraisdejustice.structure.Structures;

/**
 * The agents' side of support-ticket, called from its task listeners and delegates in the transaction that moves the
 * process: claim, answer (solution, question, transfer), the actions a ticket allows, and the closing of an unanswered one.
 */
@Service
@Transactional
class TicketProcessing {

    /** Where the process goes after the agent's answer. */
    enum Outcome { SOLUTION, INFORMATION, TRANSFER, NOMINATION_PENDING, BACK_TO_AGENT }

    /** The sous-catégories whose tickets the support settles with an account action. */
    static final String RESTART_ACTIVATION_SUBCATEGORY = "RENVOI_ACTIVATION";
    static final String NAME_MANAGER_SUBCATEGORY = "NOMINATION_GESTIONNAIRE";

    private final SupportTicketRepository tickets;
    private final TicketHistory history;
    private final AccountActivation activation;
    private final AccountDirectory accounts;
    private final Structures structures;
    private final IdentityService identity;
    private final TicketNomination nomination;
    private final Clock clock;

    TicketProcessing(SupportTicketRepository tickets, TicketHistory history, AccountActivation activation,
                     AccountDirectory accounts, Structures structures, IdentityService identity,
                     TicketNomination nomination, Clock clock) {
        this.nomination = nomination;
        this.identity = identity;
        this.tickets = tickets;
        this.history = history;
        this.activation = activation;
        this.accounts = accounts;
        this.structures = structures;
        this.clock = clock;
    }

    void claimed(String number, String agentId) {
        SupportTicket ticket = ticket(number);
        if (agentId != null && ticket.status() == TicketStatus.OUVERT) {
            ticket.moveTo(TicketStatus.EN_COURS, clock.instant());
            history.record(ticket, team(ticket), agentId, "Prise en charge", null);
        }
    }

    /** The agent's decision from the handle-ticket form; returns where the process goes next. */
    Outcome answer(String number, String decision, String text, String agentId) {
        return answer(number, decision, text, null, agentId);
    }

    /** The same, with the reason the agent states for naming a gestionnaire principal (required for NAME_MANAGER). */
    Outcome answer(String number, String decision, String text, String nominationReason, String agentId) {
        SupportTicket ticket = ticket(number);
        ticket.requireStatus("y répondre", TicketStatus.OUVERT, TicketStatus.EN_COURS);
        String message = text == null ? "" : text.trim();
        switch (decision == null ? "" : decision) {
            case "SOLUTION" -> {
                requireMessage(message, "Rédigez la solution proposée au demandeur.");
                return solution(ticket, "Solution proposée", message, agentId);
            }
            case "INFORMATION" -> {
                requireMessage(message, "Précisez les informations que le demandeur doit apporter.");
                ticket.moveTo(TicketStatus.ACTION_REQUISE, clock.instant());
                history.record(ticket, team(ticket), agentId, "Informations demandées", message);
                return Outcome.INFORMATION;
            }
            case "TRANSFER" -> {
                if (StaffGroups.SUPPORT.equals(ticket.recipientGroup())) {
                    throw invalid("La sollicitation est déjà au support : répondez-y ou demandez des informations.");
                }
                String from = team(ticket);
                ticket.transferTo("SUPPORT", StaffGroups.SUPPORT, clock.instant());
                history.record(ticket, from, agentId, "Transférée au support", message.isEmpty() ? null : message);
                return Outcome.TRANSFER;
            }
            case "RESTART_ACTIVATION" -> {
                requireSupport(ticket);
                requireSubcategory(ticket, RESTART_ACTIVATION_SUBCATEGORY, "« Renvoi du courriel d'activation »");
                activation.restart(objectAccount(ticket));
                return solution(ticket, "Activation relancée", "Un nouveau lien d'activation, valable 30 jours, a été envoyé "
                        + "au compte " + ticket.objectNumber() + "." + (message.isEmpty() ? "" : " " + message), agentId);
            }
            case "NAME_MANAGER" -> {
                requireSupport(ticket);
                requireSubcategory(ticket, NAME_MANAGER_SUBCATEGORY, "« Nomination d'un gestionnaire principal »");
                String reason = TicketNomination.requireReason(nominationReason);
                return nomination.name(ticket, objectAccount(ticket), reason, message, team(ticket), agentId);
            }
            default -> throw invalid("Choisissez une réponse : solution, demande d'informations, transfert ou action.");
        }
    }

    /** Nobody answered for 15 days: the ticket is closed. */
    void closeUnanswered(String number) {
        SupportTicket ticket = ticket(number);
        if (ticket.status() == TicketStatus.CLOTURE) {
            return;
        }
        ticket.moveTo(TicketStatus.CLOTURE, clock.instant());
        history.record(ticket, "frais-de-justice", null, "Clôturée sans réponse du demandeur depuis " + SupportTicketProcess.REQUESTER_WAIT.toDays() + " jours", null);
    }

    SupportTicket ticket(String number) {
        return tickets.lockByNumber(number).orElseThrow(Tickets::notFound);
    }

    private Outcome solution(SupportTicket ticket, String what, String message, String agentId) {
        ticket.moveTo(TicketStatus.RESOLU, clock.instant());
        history.record(ticket, team(ticket), agentId, what, message);
        return Outcome.SOLUTION;
    }

    private UUID objectAccount(SupportTicket ticket) {
        return accounts.byLoginEmail(ticket.objectNumber()).map(AccountDirectory.Contact::accountId)
                .orElseThrow(() -> invalid("Le compte " + ticket.objectNumber() + " n'existe plus."));
    }

    /** The account actions belong to the national support, whatever the form offered. */
    private static void requireSupport(SupportTicket ticket) {
        if (!StaffGroups.SUPPORT.equals(ticket.recipientGroup())) {
            throw invalid("Les actions sur un compte reviennent au support national : transférez-lui la sollicitation.");
        }
    }

    private static void requireSubcategory(SupportTicket ticket, String code, String label) {
        if (!code.equals(ticket.subcategory())) {
            throw invalid("Cette action ne vaut que pour une sollicitation " + label + ".");
        }
    }

    private static void requireMessage(String message, String detail) {
        if (message.isEmpty()) {
            throw invalid(detail);
        }
    }

    /** The team that answers (its Camunda group's name), never the agent's name. */
    String team(SupportTicket ticket) {
        Group group = identity.createGroupQuery().groupId(ticket.recipientGroup()).singleResult();
        return group == null ? ticket.recipientGroup() : group.getName();
    }

    private static DomainException invalid(String detail) {
        return new DomainException(DomainException.Kind.INVALID, "INVALID_TASK_INPUT", detail);
    }
}
