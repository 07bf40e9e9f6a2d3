package fr.fraisdejustice.ticket;

import java.time.Clock;
import java.time.Year;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.StaffGroups;
import jakarta.persistence.EntityManager;

/**
 * Tickets opened on an account's behalf, when its holder cannot open one himself (tickets need an active account): the
 * « Renvoi du courriel d'activation » of an account whose activation link expired. Sent at once, through the same
 * routing and process as the others, so the support finds it among « Sollicitations à traiter » in Tasklist.
 */
@Service
@Transactional
public class AccountTickets {

    static final String ACTIVATION_RESEND = TicketProcessing.RESTART_ACTIVATION_SUBCATEGORY;

    /** The ticket's number; {@code created} false when one was already open for the account. */
    public record Opened(String number, boolean created) {
    }

    private final SupportTicketRepository tickets;
    private final TicketSubcategoryRepository subcategories;
    private final TicketHistory history;
    private final TicketRouting routing;
    private final RuntimeService runtime;
    private final EntityManager entities;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccountTickets(SupportTicketRepository tickets, TicketSubcategoryRepository subcategories, TicketHistory history,
                   TicketRouting routing, RuntimeService runtime, EntityManager entities, JdbcTemplate jdbc, Clock clock) {
        this.tickets = tickets;
        this.subcategories = subcategories;
        this.history = history;
        this.routing = routing;
        this.runtime = runtime;
        this.entities = entities;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens « Renvoi du courriel d'activation » for the account (its login e-mail as the object, in its structure), unless
     * one is still open for it: then answers that one. Two requests at once open one ticket (a lock per account).
     */
    public Opened activationResend(UUID accountId, UUID structureId, String loginEmail, String requesterName) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", "activation-resend:" + accountId);
        var open = entities.createQuery("""
                        select t.number from SupportTicket t where t.requesterId = :account and t.subcategory = :subcategory
                        and t.status <> :closed order by t.createdAt""", String.class)
                .setParameter("account", accountId).setParameter("subcategory", ACTIVATION_RESEND)
                .setParameter("closed", TicketStatus.CLOTURE).getResultList();
        if (!open.isEmpty()) {
            return new Opened(open.get(0), false);
        }
        TicketSubcategory subcategory = subcategories.findById(ACTIVATION_RESEND).orElseThrow();
        String number = "SOL" + Year.now(clock.withZone(FrenchDates.PARIS)) + String.format("%07d", tickets.nextNumber());
        SupportTicket ticket = tickets.save(SupportTicket.draft(number, accountId, subcategory.objectType(),
                new SupportTicket.Request(ACTIVATION_RESEND, loginEmail, structureId, loginEmail, null,
                        subcategory.label(),
                        "Le lien d'activation du compte " + loginEmail + " a expiré avant d'avoir servi. Son titulaire a "
                                + "demandé un nouveau lien depuis la page « Je n'ai pas pu activer mon compte ». "
                                + "Répondez « Relancer l'activation du compte » : un nouveau lien, valable 30 jours, "
                                + "lui sera envoyé."),
                clock.instant()));
        String recipient = routing.recipient(subcategory.categoryCode(), subcategory.code());
        if (!"SUPPORT".equals(recipient)) {
            throw new IllegalStateException("ticket-routing envoie « " + subcategory.label() + " » à " + recipient
                    + " : seul le support peut relancer une activation");
        }
        ticket.open(recipient, StaffGroups.SUPPORT, clock.instant());
        history.record(ticket, requesterName, accountId.toString(),
                "Sollicitation envoyée depuis « Je n'ai pas pu activer mon compte »", null);
        runtime.startProcessInstanceByKey(SupportTicketProcess.KEY, number, Map.of("recipientGroup", StaffGroups.SUPPORT));
        return new Opened(number, true);
    }
}
