package fr.fraisdejustice.ticket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.validator.routines.EmailValidator;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.jurisdiction.JurisdictionType;
import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.memoire.MemoireDirectory;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.StaffGroups;
import fr.fraisdejustice.shared.UploadCheck;
import fr.fraisdejustice.structure.Structures;

/**
 * The requester's side of support tickets: drafts, sending (routing by ticket-routing, start of support-ticket), the
 * three views, and his answers. Every member of the ticket's structure sees it; nobody else knows it exists.
 */
@Service
@Transactional
class Tickets {

    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    static final int MAX_FILES = 10;

    enum View {
        ACTIONS_REQUIRED(EnumSet.of(TicketStatus.RESOLU, TicketStatus.ACTION_REQUISE)),
        OPEN(EnumSet.complementOf(EnumSet.of(TicketStatus.CLOTURE))),
        CLOSED(EnumSet.of(TicketStatus.CLOTURE));

        private final Set<TicketStatus> statuses;

        View(Set<TicketStatus> statuses) {
            this.statuses = statuses;
        }
    }

    record AttachmentView(UUID id, String fileName, String mediaType, long size) {
    }

    /** The search of the list: a keyword (number, title, description, n° d'objet), the start of a number, a status. */
    record Filter(String keyword, String number, TicketStatus status) {

        static final Filter NONE = new Filter(null, null, null);

        boolean accepts(SupportTicket t) {
            return (blank(number) || t.number().startsWith(normalize(number)))
                    && (status == null || t.status() == status)
                    && (blank(keyword) || contains(t.number(), keyword) || contains(t.title(), keyword)
                        || contains(t.description(), keyword) || contains(t.objectNumber(), keyword));
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        private static boolean contains(String text, String keyword) {
            return text != null && text.toLowerCase(java.util.Locale.FRENCH).contains(keyword.trim().toLowerCase(java.util.Locale.FRENCH));
        }
    }

    record TicketView(String number, TicketStatus status, String statusLabel, String category, String categoryLabel,
                      String subcategory, String subcategoryLabel, String objectType, String objectNumber,
                      UUID structureId, String contactEmail, String contactPhone, String title, String description,
                      String recipient, String recipientLabel, java.time.Instant createdAt, java.time.Instant updatedAt,
                      List<String> availableActions, List<TicketHistory.Step> history, List<AttachmentView> attachments) {
    }

    private final SupportTicketRepository tickets;
    private final TicketSubcategoryRepository subcategories;
    private final TicketAttachmentRepository attachments;
    private final TicketHistory history;
    private final TicketRouting routing;
    private final Structures structures;
    private final AccountDirectory accounts;
    private final MemoireDirectory memoires;
    private final RuntimeService runtime;
    private final Jurisdictions jurisdictions;
    private final TicketNomination nomination;
    private final Clock clock;

    Tickets(SupportTicketRepository tickets, TicketSubcategoryRepository subcategories,
            TicketAttachmentRepository attachments, TicketHistory history, TicketRouting routing,
            Structures structures, AccountDirectory accounts, MemoireDirectory memoires, RuntimeService runtime,
            Jurisdictions jurisdictions, TicketNomination nomination, Clock clock) {
        this.nomination = nomination;
        this.tickets = tickets;
        this.subcategories = subcategories;
        this.attachments = attachments;
        this.history = history;
        this.routing = routing;
        this.structures = structures;
        this.accounts = accounts;
        this.memoires = memoires;
        this.runtime = runtime;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    TicketView create(SupportTicket.Request request, boolean draft, UUID accountId) {
        TicketSubcategory subcategory = checked(request, accountId);
        String number = "SOL" + Year.now(clock.withZone(FrenchDates.PARIS)) + String.format("%07d", tickets.nextNumber());
        SupportTicket ticket = tickets.save(SupportTicket.draft(number, accountId, subcategory.objectType(),
                normalized(request), clock.instant()));
        history.record(ticket, name(accountId), accountId.toString(), "Brouillon enregistré", null);
        if (!draft) {
            send(ticket, subcategory, accountId);
        }
        return view(ticket);
    }

    TicketView change(String number, SupportTicket.Request request, UUID accountId) {
        SupportTicket ticket = actionable(number, accountId);
        ticket.requireStatus("le modifier", TicketStatus.BROUILLON);
        TicketSubcategory subcategory = checked(request, accountId);
        ticket.change(subcategory.objectType(), normalized(request), clock.instant());
        return view(ticket);
    }

    TicketView submit(String number, UUID accountId) {
        SupportTicket ticket = actionable(number, accountId);
        ticket.requireStatus("l'envoyer", TicketStatus.BROUILLON);
        send(ticket, subcategories.findById(ticket.subcategory()).orElseThrow(), accountId);
        return view(ticket);
    }

    @Transactional(readOnly = true)
    List<TicketView> list(View view, Filter filter, UUID accountId) {
        List<UUID> mine = structures.activeStructureIds(accountId);
        return mine.isEmpty() ? List.of() : tickets.findByStructureIdInAndStatusInOrderByUpdatedAtDesc(mine, view.statuses)
                .stream().filter(filter::accepts).map(t -> view(t, false)).toList();
    }

    @Transactional(readOnly = true)
    TicketView read(String number, UUID accountId) {
        SupportTicket ticket = tickets.findByNumber(normalize(number)).orElseThrow(Tickets::notFound);
        requireMember(ticket, accountId);
        return view(ticket);
    }

    AttachmentView attach(String number, MultipartFile file, UUID accountId) {
        SupportTicket ticket = actionable(number, accountId);
        ticket.requireStatus("y joindre un document", TicketStatus.BROUILLON, TicketStatus.OUVERT, TicketStatus.EN_COURS,
                TicketStatus.ACTION_REQUISE, TicketStatus.RESOLU);
        String type = UploadCheck.check(file, "file", UploadCheck.PDF_PNG_JPEG_TIFF, MAX_FILE_BYTES, 50);
        if (attachments.findByTicketId(ticket.id()).size() >= MAX_FILES) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "TOO_MANY_ATTACHMENTS",
                    "Une sollicitation compte au plus " + MAX_FILES + " pièces jointes.");
        }
        try {
            TicketAttachment saved = attachments.save(new TicketAttachment(ticket.id(), file.getOriginalFilename(), type,
                    file.getBytes(), clock.instant()));
            return new AttachmentView(saved.id(), saved.fileName(), saved.mediaType(), saved.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TicketView accept(String number, UUID accountId) {
        SupportTicket ticket = actionable(number, accountId);
        ticket.requireStatus("accepter la solution", TicketStatus.RESOLU);
        ticket.moveTo(TicketStatus.CLOTURE, clock.instant());
        history.record(ticket, name(accountId), accountId.toString(), "Solution acceptée", null);
        correlate("TicketAccepted", ticket);
        return view(ticket);
    }

    TicketView refuse(String number, String comment, UUID accountId) {
        requireText(comment, "comment", "Dites pourquoi la solution ne vous convient pas (2 000 caractères au plus).");
        SupportTicket ticket = actionable(number, accountId);
        ticket.requireStatus("refuser la solution", TicketStatus.RESOLU);
        ticket.moveTo(TicketStatus.EN_COURS, clock.instant());
        history.record(ticket, name(accountId), accountId.toString(), "Solution refusée", comment.trim());
        correlate("TicketRefused", ticket);
        return view(ticket);
    }

    TicketView provideInformation(String number, String message, UUID accountId) {
        requireText(message, "message", "Donnez les informations demandées (2 000 caractères au plus).");
        SupportTicket ticket = actionable(number, accountId);
        ticket.requireStatus("apporter des informations", TicketStatus.ACTION_REQUISE);
        ticket.moveTo(TicketStatus.EN_COURS, clock.instant());
        history.record(ticket, name(accountId), accountId.toString(), "Informations apportées", message.trim());
        correlate("TicketInformationProvided", ticket);
        return view(ticket);
    }

    TicketView close(String number, UUID accountId) {
        SupportTicket ticket = actionable(number, accountId);
        ticket.requireStatus("la clôturer", TicketStatus.BROUILLON, TicketStatus.OUVERT, TicketStatus.EN_COURS,
                TicketStatus.ACTION_REQUISE, TicketStatus.RESOLU);
        boolean sent = ticket.status() != TicketStatus.BROUILLON;
        ticket.moveTo(TicketStatus.CLOTURE, clock.instant());
        history.record(ticket, name(accountId), accountId.toString(), "Clôturée par le demandeur", null);
        if (sent) {
            nomination.ticketClosed(ticket.number());
            correlate("TicketClosed", ticket);
        }
        return view(ticket);
    }

    private void send(SupportTicket ticket, TicketSubcategory subcategory, UUID accountId) {
        String recipient = routing.recipient(subcategory.categoryCode(), subcategory.code());
        String group = StaffGroups.SUPPORT;
        if ("SERVICE_METIER".equals(recipient)) {
            group = memoires.find(ticket.objectNumber()).flatMap(m -> m.certifyingOffice()).map(StaffGroups::greffe)
                    .orElseThrow(() -> DomainException.invalidField("objectNumber", "NOT_SENT",
                            "Ce mémoire n'est pas encore envoyé : aucun service ne le traite. Pour une question sur un "
                                    + "brouillon, choisissez une autre sous-catégorie : le support vous répondra."));
        }
        ticket.open(recipient, group, clock.instant());
        history.record(ticket, name(accountId), accountId.toString(), "Sollicitation envoyée", null);
        runtime.startProcessInstanceByKey(SupportTicketProcess.KEY, ticket.number(), Map.of("recipientGroup", group));
    }

    private TicketSubcategory checked(SupportTicket.Request request, UUID accountId) {
        List<FieldProblem> problems = new ArrayList<>();
        TicketSubcategory subcategory = request.subcategory() == null ? null
                : subcategories.findById(request.subcategory()).orElse(null);
        if (subcategory == null) {
            problems.add(new FieldProblem("subcategory", "UNKNOWN",
                    "Choisissez la sous-catégorie dans la liste (GET /api/reference/ticket-categories)."));
        }
        if (request.structureId() == null) {
            problems.add(new FieldProblem("structureId", "REQUIRED", "Indiquez la structure émettrice."));
        }
        if (request.contactEmail() == null || !EmailValidator.getInstance().isValid(request.contactEmail().trim())) {
            problems.add(new FieldProblem("contactEmail", "INVALID_EMAIL", "Saisissez une adresse électronique valide pour vous répondre."));
        } else if (request.contactEmail().trim().length() > 254) {
            problems.add(new FieldProblem("contactEmail", "INVALID_LENGTH", "L'adresse électronique compte au plus 254 caractères."));
        }
        if (request.contactPhone() != null && !request.contactPhone().isBlank()
                && !request.contactPhone().trim().matches("\\+?[0-9 .()-]{6,30}")) {
            problems.add(new FieldProblem("contactPhone", "INVALID_PHONE", "Le téléphone ne compte que des chiffres, espaces, points ou tirets (30 au plus)."));
        }
        if (request.objectNumber() != null && request.objectNumber().trim().length() > 100) {
            problems.add(new FieldProblem("objectNumber", "INVALID_LENGTH", "Le n° d'objet compte au plus 100 caractères."));
        }
        if (request.title() == null || request.title().isBlank() || request.title().length() > 150) {
            problems.add(new FieldProblem("title", "REQUIRED", "Donnez un titre à votre demande (150 caractères au plus)."));
        }
        if (request.description() == null || request.description().isBlank() || request.description().length() > 5000) {
            problems.add(new FieldProblem("description", "REQUIRED", "Décrivez votre demande (5 000 caractères au plus)."));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "VALIDATION_FAILED",
                    "La sollicitation est incomplète : corrigez les champs signalés.", problems);
        }
        structures.requireMember(request.structureId(), accountId);
        checkObject(subcategory.objectType(), request, accountId);
        return subcategory;
    }

    /** The n° d'objet: a mémoire of one of the requester's structures, or an account of the émetteur structure. */
    private void checkObject(String objectType, SupportTicket.Request request, UUID accountId) {
        String object = request.objectNumber() == null ? "" : request.objectNumber().trim();
        switch (objectType) {
            case "MEMOIRE" -> {
                if (object.isEmpty()) {
                    throw DomainException.invalidField("objectNumber", "REQUIRED", "Indiquez le numéro du mémoire concerné (MJ… ou TMP…).");
                }
                List<UUID> mine = structures.activeStructureIds(accountId);
                if (memoires.find(object).filter(m -> mine.contains(m.structureId())).isEmpty()) {
                    throw DomainException.invalidField("objectNumber", "UNKNOWN_MEMOIRE",
                            "Aucun mémoire de vos structures ne porte le numéro « " + object + " » : vérifiez-le.");
                }
            }
            case "COMPTE" -> {
                if (object.isEmpty()) {
                    throw DomainException.invalidField("objectNumber", "REQUIRED", "Indiquez l'adresse de connexion du compte concerné.");
                }
                boolean known = accounts.byLoginEmail(object).map(c -> c.accountId().equals(accountId)
                        || structures.isMember(request.structureId(), c.accountId())).orElse(false);
                if (!known) {
                    throw DomainException.invalidField("objectNumber", "UNKNOWN_ACCOUNT",
                            "Aucun compte de la structure n'a l'adresse de connexion « " + object + " » : vérifiez-la.");
                }
            }
            default -> {
            }
        }
    }

    private static SupportTicket.Request normalized(SupportTicket.Request r) {
        return new SupportTicket.Request(r.subcategory(), blankToNull(r.objectNumber() == null ? null : r.objectNumber().trim()),
                r.structureId(), r.contactEmail().trim(), blankToNull(r.contactPhone() == null ? null : r.contactPhone().trim()), r.title().trim(), r.description().trim());
    }

    private SupportTicket actionable(String number, UUID accountId) {
        SupportTicket ticket = tickets.lockByNumber(normalize(number)).orElseThrow(Tickets::notFound);
        requireMember(ticket, accountId);
        return ticket;
    }

    private void requireMember(SupportTicket ticket, UUID accountId) {
        if (!structures.isMember(ticket.structureId(), accountId)) {
            throw notFound();
        }
    }

    private void correlate(String message, SupportTicket ticket) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(ticket.number()).correlate();
    }

    private String name(UUID accountId) {
        return accounts.contact(accountId).fullName();
    }

    TicketView view(SupportTicket ticket) {
        return view(ticket, true);
    }

    /** The ticket; in lists, without its description, history and attachments. */
    private TicketView view(SupportTicket ticket, boolean whole) {
        TicketSubcategory sub = subcategories.findById(ticket.subcategory()).orElseThrow();
        return new TicketView(ticket.number(), ticket.status(), ticket.status().label(), sub.categoryCode(),
                sub.categoryLabel(), sub.code(), sub.label(), ticket.objectType(), ticket.objectNumber(),
                ticket.structureId(), ticket.contactEmail(), ticket.contactPhone(), ticket.title(),
                whole ? ticket.description() : null, ticket.recipient(), recipientLabel(ticket), ticket.createdAt(), ticket.updatedAt(),
                actions(ticket.status()), whole ? history.of(ticket) : null,
                whole ? attachments.findByTicketId(ticket.id()).stream()
                        .map(a -> new AttachmentView(a.id(), a.fileName(), a.mediaType(), a.size())).toList() : null);
    }

    /** Who answers, as the requester reads it: « Support national » or « Greffe du Tribunal judiciaire de Paris ». */
    private String recipientLabel(SupportTicket ticket) {
        String group = ticket.recipientGroup();
        if (ticket.status() == TicketStatus.BROUILLON || group == null) {
            return null;
        }
        if (group.startsWith(StaffGroups.greffe(""))) {
            return jurisdictions.find(group.substring(StaffGroups.greffe("").length()))
                    .map(j -> j.type() == JurisdictionType.COUR_APPEL ? "Greffe de la " + j.name() : "Greffe du " + j.name())
                    .orElse("Greffe qui traite le mémoire");
        }
        return StaffGroups.SUPPORT.equals(group) ? "Support national" : "Service qui traite votre demande";
    }

    /** What the requester may do next; the server checks it again when he does. */
    private static List<String> actions(TicketStatus status) {
        return switch (status) {
            case BROUILLON -> List.of("MODIFIER", "ENVOYER", "CLOTURER");
            case RESOLU -> List.of("ACCEPTER", "REFUSER", "CLOTURER");
            case ACTION_REQUISE -> List.of("INFORMER", "CLOTURER");
            case OUVERT, EN_COURS -> List.of("CLOTURER");
            case CLOTURE -> List.of();
        };
    }

    private static void requireText(String value, String field, String detail) {
        if (value == null || value.isBlank() || value.length() > 2000) {
            throw DomainException.invalidField(field, "REQUIRED", detail);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String normalize(String number) {
        return number == null ? "" : number.trim().toUpperCase();
    }

    static DomainException notFound() {
        return new DomainException(DomainException.Kind.NOT_FOUND, "TICKET_NOT_FOUND", "Aucune sollicitation de vos structures ne porte ce numéro.");
    }
}
