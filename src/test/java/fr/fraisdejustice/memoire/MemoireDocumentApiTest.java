package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** « Visualiser le mémoire »: its PDF read back, and the ZIP of several, for the members of its structure only. */
@IntegrationTest
class MemoireDocumentApiTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    Providers providers;

    @LocalServerPort
    int port;

    Http http;
    DraftsOfAStructure drafts;

    @BeforeEach
    void setUp() throws IOException {
        http = new Http(port);
        drafts = new DraftsOfAStructure(http, json, StructureWithBankAccount.create(providers, http, json));
    }

    @Test
    void thePdfShowsHeaderLinesTotalsPerVatRateAttachmentsAndHistoryInAnyScript() throws IOException {
        String number = drafts.draft(Map.of("providerInvoiceNumber", "FAC-ØRSTED-ŁÓDŹ"));
        drafts.line(number, "26-001", "JI Łódź", "4", "25", "20");
        String second = drafts.line(number, "26-002", "OPJ", "2", "10", "10").get("id").asText();
        assertThat(drafts.attach(number, drafts.manager(), DraftsOfAStructure.pdf("document"),
                Map.of("kind", "REQUISITION", "lineId", second, "designation", "Réquisition de M. Nguyễn Łódź")).statusCode())
                .isEqualTo(201);

        var pdf = http.sendBytes(http.request("/api/memoires/" + number + "/document")
                .header("Authorization", drafts.manager().basic()));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "memoire-document.pdf"), pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Mémoire de frais de justice " + number, "Brouillon", "Tribunal judiciaire de Paris",
                    "article R.122 du code de procédure pénale (tarif des interprètes et traducteurs)",
                    "FAC-ØRSTED-ŁÓDŹ", "JI Łódź", "26-001", "26-002", "Traduction écrite",
                    "requisition.pdf", "Réquisition de M. Nguyễn Łódź", "ligne 2", "Historique");
            assertThat(text).containsPattern("TVA 10 %\\s+20,00 €\\s+0,00 €\\s+2,00 €\\s+0,00 €\\s+22,00 €")
                    .containsPattern("TVA 20 %\\s+100,00 €\\s+0,00 €\\s+20,00 €\\s+0,00 €\\s+120,00 €")
                    .containsPattern("Total\\s+120,00 €\\s+0,00 €\\s+22,00 €\\s+0,00 €\\s+142,00 €");
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("LiberationSans");
                }
            }
        }
    }

    @Test
    void aCharacterTheFontLacksIsReplacedNotFatal() throws IOException {
        String number = drafts.draft(Map.of());
        drafts.line(number, "26-漢字", "Procureur 😀", "1", "10", "20");

        var pdf = http.sendBytes(http.request("/api/memoires/" + number + "/document")
                .header("Authorization", drafts.manager().basic()));

        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("26-??", "Procureur ?");
        }
    }

    @Test
    void onlyTheMembersOfTheStructureSeeTheDocument() throws IOException {
        String number = drafts.draft(Map.of());
        Providers.Provider member = providers.memberOf(drafts.manager());
        Providers.Provider stranger = providers.withOwnStructure();
        String path = "/api/memoires/" + number + "/document";

        assertThat(http.sendBytes(http.request(path).header("Authorization", member.basic())).statusCode()).isEqualTo(200);
        assertThat(http.sendBytes(http.request(path).header("Authorization", stranger.basic())).statusCode()).isEqualTo(404);
        assertThat(http.sendBytes(http.request(path)).statusCode()).isEqualTo(401);
        assertThat(http.sendBytes(http.request("/api/memoires/TMP2026999999999/document")
                .header("Authorization", member.basic())).statusCode()).isEqualTo(404);
    }

    @Test
    void theZipHoldsOnePdfPerSelectedMemoire() throws IOException {
        String first = drafts.draft(Map.of());
        String second = drafts.draft(Map.of());
        drafts.line(second, "26-003", "OPJ", "1", "10", "20");

        var zip = http.sendBytes(http.request("/api/memoires/documents").header("Authorization", drafts.manager().basic())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("numbers", List.of(first, second, first))))));

        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("memoires.zip"));
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                try (PDDocument document = Loader.loadPDF(in.readAllBytes())) {
                    entries.put(entry.getName(), new PDFTextStripper().getText(document));
                }
            }
        }
        assertThat(entries).containsOnlyKeys("memoire-" + first + ".pdf", "memoire-" + second + ".pdf");
        assertThat(entries.get("memoire-" + second + ".pdf")).contains(second, "26-003");
    }

    @Test
    void aZipIsRefusedWholeWhenOneMemoireIsNotTheAccountsOrTheSelectionIsEmptyOrTooLarge() throws IOException {
        String mine = drafts.draft(Map.of());
        DraftsOfAStructure others = new DraftsOfAStructure(http, json, StructureWithBankAccount.create(providers, http, json));
        String theirs = others.draft(Map.of());

        assertThat(zip(List.of(mine, theirs), drafts.manager()).statusCode()).isEqualTo(404);
        assertThat(zip(List.of(mine, "TMP2026999999999"), drafts.manager()).statusCode()).isEqualTo(404);
        var empty = zip(List.of(), drafts.manager());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("errors").get(0).get("field").asText()).isEqualTo("numbers");
        List<String> tooMany = new ArrayList<>(Collections.nCopies(1, mine));
        for (int i = 0; i < MemoireDocuments.MAX_PER_ZIP; i++) {
            tooMany.add("TMP2026" + String.format("%09d", 900_000_000 + i));
        }
        assertThat(zip(tooMany, drafts.manager()).statusCode()).isEqualTo(400);
    }

    private java.net.http.HttpResponse<String> zip(List<String> numbers, Providers.Provider who) throws IOException {
        return drafts.call("POST", "/api/memoires/documents", Map.of("numbers", numbers), who);
    }
}
