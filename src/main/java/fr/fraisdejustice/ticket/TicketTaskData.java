package fr.fraisdejustice.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.shared.FormText;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.StaffGroups;
import fr.fraisdejustice.structure.Membership;
import fr.fraisdejustice.structure.MembershipRole;
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
                      List<Document> attachments, List<Step> history, Nomination nomination) {
    }

    /**
     * What the support weighs before naming a gestionnaire principal: who is to be named, the current one and his last
     * login (one older than six months, or none, means the nomination takes effect at once), and every active member.
     */
    record Nomination(String named, String currentManager, String currentManagerLastLogin, String effect,
                      List<Member> members) {
    }

    record Member(String name, String loginEmail, String role, String profiles, String lastLogin) {
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
    private final AccountDirectory accounts;
    private final Clock clock;

    TicketTaskData(SupportTicketRepository tickets, TicketSubcategoryRepository subcategories,
                   TicketAttachmentRepository attachments, TicketEventRepository events, TicketProcessing processing,
                   Structures structures, AccountDirectory accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
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
                documents(ticket), steps.stream().map(TicketTaskData::step).toList(), nomination(ticket));
    }

    /** For a nomination ticket at the support: the structure's members and its current gestionnaire principal. */
    private Nomination nomination(SupportTicket ticket) {
        if (!TicketProcessing.NAME_MANAGER_SUBCATEGORY.equals(ticket.subcategory())
                || !StaffGroups.SUPPORT.equals(ticket.recipientGroup())) {
            return null;
        }
        List<Membership> members = structures.activeMembers(ticket.structureId());
        Optional<UUID> current = structures.principalManagerOf(ticket.structureId());
        String named = accounts.byLoginEmail(ticket.objectNumber())
                .map(c -> c.fullName() + " (" + c.loginEmail() + ")").orElse(ticket.objectNumber() + " (compte introuvable)");
        String currentName = current.map(id -> accounts.contact(id).fullName()).orElse("aucun");
        String currentLogin = current.map(id -> lastLogin(accounts.presence(id))).orElse("sans objet");
        String effect = current.map(id -> accounts.presence(id).lastSeenAt().isAfter(clock.instant()
                        .atZone(FrenchDates.PARIS).minus(SupportTicketProcess.INACTIVE_MANAGER).toInstant())
                        ? "Le gestionnaire principal en place sera prévenu par courriel : la nomination prendra effet "
                        + SupportTicketProcess.OBJECTION_PERIOD.toDays() + " jours après, sauf opposition de sa part."
                        : "Le gestionnaire principal en place ne s'est pas connecté depuis plus de six mois : la "
                        + "nomination prendra effet immédiatement.")
                .orElse("La structure n'a pas de gestionnaire principal actif : la nomination prendra effet immédiatement.");
        return new Nomination(FormText.inline(named), FormText.inline(currentName), currentLogin, effect,
                members.stream().map(this::member).toList());
    }

    private Member member(Membership m) {
        AccountDirectory.Contact contact = accounts.contact(m.accountId());
        return new Member(FormText.inline(contact.fullName()), FormText.inline(contact.loginEmail()), ROLES.get(m.role()),
                m.profiles().stream().map(p -> PROFILES.getOrDefault(p, p)).collect(Collectors.joining(", ")),
                lastLogin(accounts.presence(m.accountId())));
    }

    private static String lastLogin(AccountDirectory.Presence presence) {
        return presence.lastLoginAt() == null ? "jamais connecté" : FrenchDates.shortDateTime(presence.lastLoginAt());
    }

    private static final Map<MembershipRole, String> ROLES = Map.of(MembershipRole.PRINCIPAL_MANAGER, "Gestionnaire principal",
            MembershipRole.MANAGER, "Gestionnaire", MembershipRole.USER, "Utilisateur");
    private static final Map<String, String> PROFILES = Map.of(Membership.CONSULTATION, "Frais de justice consultation",
            Membership.MODIFICATION, "Frais de justice modification");

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
