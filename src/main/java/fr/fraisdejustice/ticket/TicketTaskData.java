package fr.fraisdejustice.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.shared.FormText;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.StaffGroups;
import fr.fraisdejustice.structure.Structures;

/**
 * The ticket as the handle-ticket form shows it to the agent: labels, dates JJ/MM/AAAA HH:mm in the time of Paris, what
 * the requester typed escaped by {@link FormText} (the form's text components render markdown and HTML), and the
 * answers that fit the team holding it: the account actions belong to the support, each on its own sous-catégorie.
 */
@Service
@Transactional(readOnly = true)
class TicketTaskData {

    record TaskTicket(String number, String statusLabel, String title, String categoryLabel, String subcategoryLabel,
                      String objectNumber, String structure, String contactEmail, String contactPhone,
                      String description, String openedAt, String team, List<Decision> decisions,
                      List<Document> attachments, List<Step> history) {
    }

    /** One answer of the form's radio list (its valuesExpression). */
    record Decision(String label, String value) {
    }

    record Document(String name, String url) {
    }

    /** One row of the history: {@code at} rather than {@code date}, a FEEL function name in the form's templates. */
    record Step(String at, String statusLabel, String actor, String what, String message) {
    }

    private final SupportTicketRepository tickets;
    private final TicketSubcategoryRepository subcategories;
    private final TicketAttachmentRepository attachments;
    private final TicketEventRepository events;
    private final TicketProcessing processing;
    private final Structures structures;

    TicketTaskData(SupportTicketRepository tickets, TicketSubcategoryRepository subcategories,
                   TicketAttachmentRepository attachments, TicketEventRepository events, TicketProcessing processing,
                   Structures structures) {
        this.tickets = tickets;
        this.subcategories = subcategories;
        this.attachments = attachments;
        this.events = events;
        this.processing = processing;
        this.structures = structures;
    }

    TaskTicket of(String number) {
        SupportTicket ticket = ticket(number);
        TicketSubcategory sub = subcategories.findById(ticket.subcategory()).orElseThrow();
        List<TicketEvent> steps = events.findByTicketIdOrderBySeq(ticket.id());
        return new TaskTicket(ticket.number(), ticket.status().label(), FormText.inline(ticket.title()),
                sub.categoryLabel(), sub.label(), ticket.objectNumber() == null ? null : FormText.inline(ticket.objectNumber()),
                FormText.inline(structures.byId(ticket.structureId()).name()), FormText.inline(ticket.contactEmail()),
                ticket.contactPhone() == null ? null : FormText.inline(ticket.contactPhone()),
                FormText.lines(ticket.description()), FrenchDates.shortDateTime(openedAt(ticket, steps)),
                FormText.inline(processing.team(ticket)), decisions(ticket),
                documents(ticket), steps.stream().map(TicketTaskData::step).toList());
    }

    /** Its attachments, or none at all (null) so that the form leaves out their heading. */
    private List<Document> documents(SupportTicket ticket) {
        List<Document> documents = attachments.findByTicketId(ticket.id()).stream()
                .map(a -> new Document(FormText.inline(a.fileName()),
                        "/api/staff/tickets/" + ticket.number() + "/attachments/" + a.id())).toList();
        return documents.isEmpty() ? null : documents;
    }

    /** The card of the ticket's task in Tasklist: its number, the requesting structure, its subject, when it was sent. */
    Map<String, String> cardVariables(String number) {
        SupportTicket ticket = ticket(number);
        Map<String, String> card = new LinkedHashMap<>();
        card.put("ticketNumber", ticket.number());
        card.put("providerName", structures.byId(ticket.structureId()).name());
        card.put("ticketSubject", subcategories.findById(ticket.subcategory()).map(TicketSubcategory::label).orElse(""));
        card.put("openedOnLabel", FrenchDates.date(openedAt(ticket, events.findByTicketIdOrderBySeq(ticket.id()))));
        return card;
    }

    /**
     * What the team holding the ticket may answer: a solution or a question always; a transfer unless the support
     * holds it; at the support, the account action of the ticket's sous-catégorie (TicketProcessing checks it again).
     */
    static List<Decision> decisions(SupportTicket ticket) {
        List<Decision> decisions = new ArrayList<>(List.of(new Decision("Proposer une solution", "SOLUTION"),
                new Decision("Demander des informations au demandeur", "INFORMATION")));
        boolean support = StaffGroups.SUPPORT.equals(ticket.recipientGroup());
        if (!support) {
            decisions.add(new Decision("Transférer au support national", "TRANSFER"));
        } else if (TicketProcessing.RESTART_ACTIVATION_SUBCATEGORY.equals(ticket.subcategory())) {
            decisions.add(new Decision("Relancer l'activation du compte (nouveau lien valable 30 jours)", "RESTART_ACTIVATION"));
        } else if (TicketProcessing.NAME_MANAGER_SUBCATEGORY.equals(ticket.subcategory())) {
            decisions.add(new Decision("Nommer ce compte gestionnaire principal de la structure", "NAME_MANAGER"));
        }
        return decisions;
    }

    private SupportTicket ticket(String number) {
        return tickets.findByNumber(number).orElseThrow(Tickets::notFound);
    }

    /** When the requester sent it: its first step « Ouvert ». */
    private static Instant openedAt(SupportTicket ticket, List<TicketEvent> steps) {
        return steps.stream().filter(e -> e.status() == TicketStatus.OUVERT).map(TicketEvent::at).findFirst()
                .orElse(ticket.createdAt());
    }

    private static Step step(TicketEvent e) {
        String actor = FormText.inline(e.actor());
        if (e.actorId() != null && !isUuid(e.actorId())) {  // an agent's Camunda login, for the staff only
            actor += " (" + FormText.inline(e.actorId()) + ")";
        }
        return new Step(FrenchDates.shortDateTime(e.at()), e.status().label(), actor, FormText.inline(e.what()),
                e.message() == null ? "" : FormText.lines(e.message()));
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
