package fr.fraisdejustice.ticket;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import fr.fraisdejustice.security.ProviderPrincipal;
import fr.fraisdejustice.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@Tag(name = "Sollicitations")
class TicketController {

    private final Tickets tickets;
    private final TicketSubcategoryRepository subcategories;

    TicketController(Tickets tickets, TicketSubcategoryRepository subcategories) {
        this.tickets = tickets;
        this.subcategories = subcategories;
    }

    @GetMapping("/api/reference/ticket-categories")
    @Operation(summary = "Les catégories de sollicitation et leurs sous-catégories (anonyme)")
    List<Category> categories() {
        Map<String, Category> categories = new LinkedHashMap<>();
        for (TicketSubcategory s : subcategories.findAllByOrderByPosition()) {
            categories.computeIfAbsent(s.categoryCode(), c -> new Category(c, s.categoryLabel(), new java.util.ArrayList<>()))
                    .subcategories().add(new Subcategory(s.code(), s.label(), s.objectType()));
        }
        return List.copyOf(categories.values());
    }

    @PostMapping("/api/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ouvrir une sollicitation (ou la garder en brouillon avec draft: true)")
    Tickets.TicketView create(@RequestBody TicketRequest request, @AuthenticationPrincipal ProviderPrincipal me) {
        return tickets.create(request.request(), Boolean.TRUE.equals(request.draft()), me.accountId());
    }

    @GetMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Les sollicitations de vos structures : ACTIONS_REQUIRED, OPEN (tout sauf les clôturées) ou CLOSED, "
            + "cherchées par mot-clé (q), début de numéro (number) et statut (status)")
    List<Tickets.TicketView> list(@RequestParam(defaultValue = "OPEN") String view, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) String number, @RequestParam(required = false) String status,
                                  @AuthenticationPrincipal ProviderPrincipal me) {
        return tickets.list(view(view), new Tickets.Filter(q, number, status(status)), me.accountId());
    }

    @GetMapping(path = "/api/tickets/export", produces = TicketCsv.MEDIA_TYPE)
    @Operation(summary = "La même liste en CSV (« ; », UTF-8 avec BOM)")
    void export(@RequestParam(defaultValue = "OPEN") String view, @RequestParam(required = false) String q,
                @RequestParam(required = false) String number, @RequestParam(required = false) String status,
                @AuthenticationPrincipal ProviderPrincipal me, HttpServletResponse response) throws IOException {
        List<Tickets.TicketView> list = tickets.list(view(view), new Tickets.Filter(q, number, status(status)), me.accountId());
        response.setContentType(TicketCsv.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("sollicitations.csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        TicketCsv.write(list, out);
        out.flush();
    }

    private static Tickets.View view(String view) {
        try {
            return Tickets.View.valueOf(view.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("view", "INVALID_VALUE", "La vue est ACTIONS_REQUIRED, OPEN ou CLOSED.");
        }
    }

    private static TicketStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TicketStatus.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("status", "INVALID_VALUE",
                    "Ce statut n'existe pas : choisissez Brouillon, Ouvert, En cours, Action requise, Résolu ou Clôturé.");
        }
    }

    @GetMapping("/api/tickets/{number}")
    @Operation(summary = "Une sollicitation, avec son historique")
    Tickets.TicketView get(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        return tickets.read(number, me.accountId());
    }

    @PutMapping("/api/tickets/{number}")
    @Operation(summary = "Modifier un brouillon de sollicitation")
    Tickets.TicketView change(@PathVariable String number, @RequestBody TicketRequest request,
                              @AuthenticationPrincipal ProviderPrincipal me) {
        return tickets.change(number, request.request(), me.accountId());
    }

    @PostMapping("/api/tickets/{number}/submission")
    @Operation(summary = "Envoyer un brouillon de sollicitation")
    Tickets.TicketView submit(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        return tickets.submit(number, me.accountId());
    }

    @PostMapping(path = "/api/tickets/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Joindre un document (PDF, PNG, JPEG ou TIFF, 10 Mo au plus)")
    Tickets.AttachmentView attach(@PathVariable String number, @RequestPart(name = "file", required = false) MultipartFile file,
                                  @AuthenticationPrincipal ProviderPrincipal me) {
        return tickets.attach(number, file, me.accountId());
    }

    @PostMapping("/api/tickets/{number}/acceptance")
    @Operation(summary = "Accepter la solution proposée : la sollicitation est clôturée")
    Tickets.TicketView accept(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        return tickets.accept(number, me.accountId());
    }

    @PostMapping("/api/tickets/{number}/refusal")
    @Operation(summary = "Refuser la solution, avec un commentaire : la sollicitation revient à l'agent")
    Tickets.TicketView refuse(@PathVariable String number, @RequestBody(required = false) Comment request,
                              @AuthenticationPrincipal ProviderPrincipal me) {
        return tickets.refuse(number, request == null ? null : request.comment(), me.accountId());
    }

    @PostMapping("/api/tickets/{number}/information")
    @Operation(summary = "Apporter les informations demandées : la sollicitation revient à l'agent")
    Tickets.TicketView inform(@PathVariable String number, @RequestBody(required = false) Information request,
                              @AuthenticationPrincipal ProviderPrincipal me) {
        return tickets.provideInformation(number, request == null ? null : request.message(), me.accountId());
    }

    @PostMapping("/api/tickets/{number}/closure")
    @Operation(summary = "Clôturer la sollicitation, à tout moment")
    Tickets.TicketView close(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        return tickets.close(number, me.accountId());
    }

    record Category(String code, String label, List<Subcategory> subcategories) {
    }

    record Subcategory(String code, String label, String objectType) {
    }

    record TicketRequest(String category, String subcategory, String objectType, String objectNumber, UUID structureId,
                         String contactEmail, String contactPhone, String title, String description, Boolean draft) {
        SupportTicket.Request request() {
            return new SupportTicket.Request(subcategory, objectNumber, structureId, contactEmail, contactPhone, title,
                    description);
        }
    }

    record Comment(String comment) {
    }

    record Information(String message) {
    }
}
