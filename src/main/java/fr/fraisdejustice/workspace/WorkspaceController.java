package fr.fraisdejustice.workspace;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.memoire.MemoireStatus;
import fr.fraisdejustice.security.ProviderPrincipal;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.structure.ProviderCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The provider's workspace: Synthèse, Rechercher (and its CSV), Tableau de bord, Liste fiscale, Archives. */
@RestController
@Tag(name = "Espace prestataire")
class WorkspaceController {

    static final String CSV = "text/csv";

    private final MemoireSearch search;
    private final MemoireWorkspace workspace;
    private final FiscalListDocument fiscalDocument;

    WorkspaceController(MemoireSearch search, MemoireWorkspace workspace, FiscalListDocument fiscalDocument) {
        this.search = search;
        this.workspace = workspace;
        this.fiscalDocument = fiscalDocument;
    }

    @GetMapping(path = "/api/memoires", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rechercher les mémoires de vos structures (hors archives), paginé et trié")
    MemoireSearch.Page search(@RequestParam Map<String, String> query, @AuthenticationPrincipal ProviderPrincipal me) {
        return search.search(criteria(query, false), integer(query, "page", 0), integer(query, "size", 20),
                query.get("sort"), me.accountId());
    }

    @GetMapping(path = {"/api/memoires", "/api/memoires/export"}, produces = CSV)
    @Operation(summary = "La même recherche en CSV (« ; », UTF-8 avec BOM), toutes les lignes")
    void export(@RequestParam Map<String, String> query, @AuthenticationPrincipal ProviderPrincipal me,
                HttpServletResponse response) throws IOException {
        csv(response, "memoires.csv", out -> search.export(criteria(query, false), query.get("sort"), me.accountId(), out));
    }

    @GetMapping(path = "/api/archives", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Les archives : mémoires sans changement depuis plus de deux ans, en lecture seule")
    MemoireSearch.Page archives(@RequestParam Map<String, String> query, @AuthenticationPrincipal ProviderPrincipal me) {
        return search.search(criteria(query, true), integer(query, "page", 0), integer(query, "size", 20),
                query.get("sort"), me.accountId());
    }

    @GetMapping(path = {"/api/archives", "/api/archives/export"}, produces = CSV)
    @Operation(summary = "Les archives en CSV")
    void exportArchives(@RequestParam Map<String, String> query, @AuthenticationPrincipal ProviderPrincipal me,
                        HttpServletResponse response) throws IOException {
        csv(response, "archives.csv", out -> search.export(criteria(query, true), query.get("sort"), me.accountId(), out));
    }

    @GetMapping("/api/memoires/summary")
    @Operation(summary = "Synthèse : les mémoires qui attendent une action de votre part, d'une structure (structureId) "
            + "ou de toutes, paginés")
    MemoireWorkspace.Summary summary(@RequestParam(required = false) String structureId,
                                     @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                                     @AuthenticationPrincipal ProviderPrincipal me) {
        Map<String, String> query = new HashMap<>();
        query.put("structureId", structureId);
        query.put("page", page);
        query.put("size", size);
        return workspace.summary(structure(query), integer(query, "page", 0), integer(query, "size", 20), me.accountId());
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "Tableau de bord : nombre de mémoires par statut et par structure")
    MemoireWorkspace.Dashboard dashboard(@AuthenticationPrincipal ProviderPrincipal me) {
        return workspace.dashboard(me.accountId());
    }

    @GetMapping(path = "/api/fiscal-list", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Liste fiscale : les mémoires mis en paiement sur une période d'un an au plus, d'une structure "
            + "(structureId) ou de toutes")
    List<MemoireWorkspace.FiscalRow> fiscalList(@RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to,
                                                @RequestParam(required = false) String structureId,
                                                @AuthenticationPrincipal ProviderPrincipal me) {
        return fiscalRows(from, to, structureId, me);
    }

    private List<MemoireWorkspace.FiscalRow> fiscalRows(String from, String to, String structureId, ProviderPrincipal me) {
        return workspace.fiscalList(date(from, "from"), date(to, "to"),
                structure(structureId == null ? Map.of() : Map.of("structureId", structureId)), me.accountId());
    }

    @GetMapping(path = {"/api/fiscal-list", "/api/fiscal-list/export"}, produces = CSV)
    @Operation(summary = "La liste fiscale en CSV")
    void fiscalCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String structureId, @AuthenticationPrincipal ProviderPrincipal me,
                   HttpServletResponse response) throws IOException {
        List<MemoireWorkspace.FiscalRow> rows = fiscalRows(from, to, structureId, me);
        csv(response, "liste-fiscale.csv", out -> FiscalListDocument.csv(rows, out));
    }

    @GetMapping(path = {"/api/fiscal-list", "/api/fiscal-list/pdf"}, produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "La liste fiscale en PDF")
    ResponseEntity<byte[]> fiscalPdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String structureId,
                                     @AuthenticationPrincipal ProviderPrincipal me) {
        LocalDate start = date(from, "from");
        LocalDate end = date(to, "to");
        byte[] pdf = fiscalDocument.render(start, end, fiscalRows(from, to, structureId, me));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("liste-fiscale-" + start + "-" + end + ".pdf").build().toString())
                .body(pdf);
    }

    interface CsvBody {
        void write(Writer out) throws IOException;
    }

    private static void csv(HttpServletResponse response, String fileName, CsvBody body) throws IOException {
        response.setContentType(CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        body.write(out);
        out.flush();
    }

    private static MemoireSearch.Criteria criteria(Map<String, String> q, boolean archived) {
        MemoireStatus status = null;
        if (present(q, "status")) {
            try {
                status = MemoireStatus.valueOf(q.get("status").trim());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidField("status", "INVALID_VALUE", "Ce statut n'existe pas (BROUILLON, DEPOSE, …).");
            }
        }
        ProviderCategory category = null;
        if (present(q, "providerCategory")) {
            try {
                category = ProviderCategory.valueOf(q.get("providerCategory").trim());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalidField("providerCategory", "INVALID_VALUE",
                        "Cette catégorie de prestataire n'existe pas : choisissez-la dans la liste.");
            }
        }
        return new MemoireSearch.Criteria(q.get("number"), q.get("jurisdiction"), status, date(q.get("from"), "from"),
                date(q.get("to"), "to"), q.get("caseNumber"), amount(q, "minAmount"), amount(q, "maxAmount"), structure(q),
                archived, category, q.get("serviceCode"), q.get("referenceText"), q.get("providerInvoiceNumber"));
    }

    /** The structure criterion: structureId, or structure as the first links of the portal wrote it. */
    private static UUID structure(Map<String, String> q) {
        String field = present(q, "structureId") ? "structureId" : "structure";
        if (!present(q, field)) {
            return null;
        }
        try {
            return UUID.fromString(q.get(field).trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField(field, "INVALID_VALUE", "Choisissez une de vos structures.");
        }
    }

    private static boolean present(Map<String, String> q, String name) {
        return q.get(name) != null && !q.get(name).isBlank();
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(field, "INVALID_DATE", "La date s'écrit AAAA-MM-JJ (par exemple 2026-11-30).");
        }
    }

    private static BigDecimal amount(Map<String, String> q, String field) {
        if (!present(q, field)) {
            return null;
        }
        try {
            return new BigDecimal(q.get(field).trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw DomainException.invalidField(field, "INVALID_AMOUNT", "Le montant s'écrit en euros, par exemple 150,00.");
        }
    }

    private static int integer(Map<String, String> q, String field, int otherwise) {
        if (!present(q, field)) {
            return otherwise;
        }
        try {
            return Integer.parseInt(q.get(field).trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalidField(field, "INVALID_VALUE", "Un nombre entier est attendu.");
        }
    }
}
