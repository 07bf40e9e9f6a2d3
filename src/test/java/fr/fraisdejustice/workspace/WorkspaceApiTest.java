package fr.fraisdejustice.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.memoire.MemoireAttachments;
import fr.fraisdejustice.memoire.MemoireDrafts;
import fr.fraisdejustice.memoire.MemoireSubmission;
import fr.fraisdejustice.memoire.SentMemoires;
import fr.fraisdejustice.memoire.StructureWithBankAccount;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * The provider's workspace over real mémoires of two structures: every filter and their combination, paging and
 * sorting, the CSV, archives by age, the dashboard, the Synthèse, the fiscal list and its one-year rule. Dates and
 * payments that only time or the comptable give are set in the database.
 */
@IntegrationTest
class WorkspaceApiTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired MemoireDrafts drafts;
    @Autowired MemoireAttachments attachments;
    @Autowired MemoireSubmission submission;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    Http http;
    SentMemoires mine;
    Providers.Provider me;
    String draft;
    String sent;
    String expensive;
    String paid;
    String archived;
    String othersMemoire;
    StructureWithBankAccount other;

    @BeforeEach
    void setUp() throws IOException {
        http = new Http(port);
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, http, json);
        ready.signMandate(engine, mandates, mailServer);
        mine = new SentMemoires(ready, drafts, attachments, submission, engine);
        me = ready.manager();
        jdbc.update("update structure set name = ? where id = ?", "Cabinet \"Dupont; fils\"", me.structureId());
        draft = mine.draft(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(SentMemoires.SMALL_TARIFFED));
        sent = mine.tariffed();
        expensive = mine.send(ProviderCategory.INTERPRETE_TRADUCTEUR,
                List.of(SentMemoires.translation(LocalDate.now().minusDays(3), "40")), false);
        paid = mine.tariffed();
        jdbc.update("update memoire set status = 'MIS_EN_PAIEMENT', payment_date = ?, paid_amount = 120 where mj_number = ?",
                java.sql.Date.valueOf(LocalDate.of(2026, 3, 15)), paid);
        archived = mine.tariffed();
        jdbc.update("update memoire set status_changed_at = now() - interval '3 years' where mj_number = ?", archived);
        other = StructureWithBankAccount.create(providers, http, json);
        other.signMandate(engine, mandates, mailServer);
        othersMemoire = new SentMemoires(other, drafts, attachments, submission, engine).tariffed();
    }

    HttpResponse<String> get(String path) {
        return http.send(http.request(path).header("Authorization", me.basic()));
    }

    List<String> numbers(String query) throws IOException {
        HttpResponse<String> response = get("/api/memoires?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("items").findValuesAsText("number");
    }

    @Test
    void everyFilterAloneAndCombinedNeverShowsAnotherStructure() throws IOException {
        assertThat(numbers("")).containsExactlyInAnyOrder(draft, sent, expensive, paid).doesNotContain(othersMemoire, archived);
        assertThat(numbers("number=" + sent)).containsExactly(sent);
        assertThat(numbers("number=TMP")).containsExactly(draft);
        assertThat(numbers("status=MIS_EN_PAIEMENT")).containsExactly(paid);
        assertThat(numbers("jurisdiction=TJ75101")).hasSize(4);
        assertThat(numbers("jurisdiction=TJ69383")).isEmpty();
        LocalDate today = LocalDate.now(FrenchDates.PARIS);  // deposit dates are read in Paris time
        assertThat(numbers("from=" + today + "&to=" + today)).containsExactlyInAnyOrder(sent, expensive, paid);
        assertThat(numbers("to=" + today.minusDays(1))).isEmpty();
        assertThat(numbers("caseNumber=26-001")).hasSize(4);
        assertThat(numbers("minAmount=1000")).containsExactly(expensive);
        assertThat(numbers("maxAmount=120,00&status=MIS_A_DISPOSITION")).containsExactly(sent);
        assertThat(numbers("structure=" + me.structureId() + "&minAmount=100&maxAmount=200&caseNumber=26-001&status=MIS_EN_PAIEMENT"))
                .containsExactly(paid);
        assertThat(numbers("number=" + othersMemoire)).isEmpty();

        // another structure's id (a real one: the check never depends on what the id happens to contain)
        HttpResponse<String> foreign = get("/api/memoires?structure=" + other.manager().structureId());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(othersMemoire);
        assertThat(get("/api/memoires?structure=" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(get("/api/memoires?status=PAYE").statusCode()).isEqualTo(400);
        assertThat(get("/api/memoires?from=30/11/2026").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesAndSorts() throws IOException {
        JsonNode page = json.readTree(get("/api/memoires?size=1&page=1&sort=amount,desc").body());
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("items").findValuesAsText("number")).hasSize(1);
        assertThat(numbers("sort=amount,desc&size=2")).first().isEqualTo(expensive);
        assertThat(numbers("sort=number,asc")).first().isEqualTo(sent);
        assertThat(get("/api/memoires?sort=password").statusCode()).isEqualTo(400);
        assertThat(get("/api/memoires?size=500").statusCode()).isEqualTo(400);
    }

    @Test
    void theCsvOpensInAFrenchSpreadsheet() {
        HttpResponse<byte[]> csv = http.sendBytes(http.request("/api/memoires?sort=number,asc")
                .header("Authorization", me.basic()).header("Accept", "text/csv"));

        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(csv.body(), StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Numéro;Statut;Structure;Juridiction;Date de dépôt;Montant TTC;Dernier changement;N° de facture");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith(sent + ";Mis à disposition;\"Cabinet \"\"Dupont; fils\"\"\";Tribunal judiciaire de Paris;")
                .contains(";120,00;");
        assertThat(new String(http.sendBytes(http.request("/api/memoires/export?status=BROUILLON")
                .header("Authorization", me.basic())).body(), StandardCharsets.UTF_8).lines().count()).isEqualTo(2);
    }

    @Test
    void archivesHoldWhatHasNotChangedForTwoYears() throws IOException {
        JsonNode archives = json.readTree(get("/api/archives").body());
        assertThat(archives.get("items").findValuesAsText("number")).containsExactly(archived);
        jdbc.update("update memoire set status_changed_at = now() - interval '23 months' where mj_number = ?", archived);
        assertThat(json.readTree(get("/api/archives").body()).get("items")).isEmpty();
        assertThat(numbers("")).contains(archived);
    }

    @Test
    void theDashboardCountsPerStatusAndStructureAndEachCountOpensItsSearch() throws IOException {
        JsonNode dashboard = json.readTree(get("/api/dashboard").body());
        assertThat(dashboard.get("byStatus").toString()).contains("{\"code\":\"MIS_A_DISPOSITION\",\"label\":\"Mis à disposition\","
                + "\"count\":2,\"search\":\"/portail/recherche?status=MIS_A_DISPOSITION\"}");
        assertThat(dashboard.get("byStructure")).hasSize(1);
        assertThat(dashboard.get("byStructure").get(0).get("count").asLong()).isEqualTo(4);
    }

    @Test
    void theSummaryListsWhatWaitsForTheProvider() throws IOException {
        JsonNode summary = json.readTree(get("/api/memoires/summary").body()).get("items");
        assertThat(summary.findValuesAsText("number")).containsExactly(draft);
        assertThat(summary.get(0).get("actionCode").asText()).isEqualTo("ENVOYER");
        mine.complete(sent, "Task_CertifyMemoire", "camille.martin", "greffe-TJ75101",
                java.util.Map.of("certificationDecision", "REFUSER", "refusalReason", "DOUBLON"));
        JsonNode after = json.readTree(get("/api/memoires/summary").body()).get("items");
        assertThat(after.findValuesAsText("number")).containsExactly(sent, draft);
        assertThat(after.get(0).get("action").asText()).isEqualTo("Dupliquer pour corriger, ou abandonner");
    }

    @Test
    void theSummaryCarriesTheWebinarsColumnsByStructureAPageAtATime() throws IOException {
        mine.complete(sent, "Task_CertifyMemoire", "camille.martin", "greffe-TJ75101",
                java.util.Map.of("certificationDecision", "REFUSER", "refusalReason", "DOUBLON"));
        jdbc.update("update memoire set provider_invoice_number = 'FAC-2026-017' where mj_number = ?", sent);
        new SentMemoires(other, drafts, attachments, submission, engine)
                .draft(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(SentMemoires.SMALL_TARIFFED));

        JsonNode first = json.readTree(get("/api/memoires/summary?structureId=" + me.structureId() + "&size=1").body());
        assertThat(first.get("total").asLong()).isEqualTo(2);
        assertThat(first.get("items")).hasSize(1);
        JsonNode refused = first.get("items").get(0);
        assertThat(refused.get("number").asText()).isEqualTo(sent);
        assertThat(refused.get("structureName").asText()).isEqualTo("Cabinet \"Dupont; fils\"");
        assertThat(refused.get("jurisdictionName").asText()).isEqualTo("Tribunal judiciaire de Paris");
        assertThat(refused.get("statusLabel").asText()).isEqualTo("Refusé");
        assertThat(refused.get("providerInvoiceNumber").asText()).isEqualTo("FAC-2026-017");
        assertThat(refused.get("amountInclVat").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(refused.hasNonNull("depositedAt")).isTrue();
        assertThat(refused.hasNonNull("statusChangedAt")).isTrue();
        assertThat(first.get("structures").findValuesAsText("name")).containsExactly("Cabinet \"Dupont; fils\"");
        JsonNode second = json.readTree(get("/api/memoires/summary?size=1&page=1").body());
        assertThat(second.get("items").findValuesAsText("number")).containsExactly(draft);

        HttpResponse<String> foreign = get("/api/memoires/summary?structureId=" + other.manager().structureId());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(othersMemoire);
        assertThat(get("/api/memoires/summary?structureId=pas-un-identifiant").statusCode()).isEqualTo(400);
        assertThat(get("/api/memoires/summary?size=0").statusCode()).isEqualTo(400);
    }

    @Test
    void theSearchFindsByCategoryServiceReferenceTextInvoiceNumberAndStructure() throws IOException {
        String expert = mine.untariffed("300");
        jdbc.update("update memoire set service_code = 'URGENCES', provider_invoice_number = 'FAC-2026-017' where mj_number = ?", sent);
        jdbc.update("update memoire set service_code = 'URGENCES', provider_invoice_number = 'FAC-2026-017' where mj_number = ?",
                othersMemoire);

        assertThat(numbers("providerCategory=EXPERT")).containsExactly(expert);
        assertThat(numbers("providerCategory=INTERPRETE_TRADUCTEUR")).containsExactlyInAnyOrder(draft, sent, expensive, paid);
        assertThat(numbers("referenceText=R.106")).containsExactly(expert);
        assertThat(numbers("referenceText=R.122")).containsExactlyInAnyOrder(draft, sent, expensive, paid);
        assertThat(numbers("serviceCode=URGENCES")).containsExactly(sent);
        assertThat(numbers("serviceCode=AUTRE")).isEmpty();
        assertThat(numbers("providerInvoiceNumber=fac-2026")).containsExactly(sent);
        assertThat(numbers("providerInvoiceNumber=FAC-2026-017&providerCategory=EXPERT")).isEmpty();
        assertThat(numbers("structureId=" + me.structureId() + "&serviceCode=URGENCES&referenceText=R.122")).containsExactly(sent);
        JsonNode row = json.readTree(get("/api/memoires?number=" + sent).body()).get("items").get(0);
        assertThat(row.get("jurisdictionName").asText()).isEqualTo("Tribunal judiciaire de Paris");
        assertThat(row.get("providerInvoiceNumber").asText()).isEqualTo("FAC-2026-017");
        assertThat(row.get("serviceCode").asText()).isEqualTo("URGENCES");

        assertThat(get("/api/memoires?structureId=" + other.manager().structureId()).statusCode()).isEqualTo(404);
        assertThat(get("/api/memoires?providerCategory=PLOMBIER").statusCode()).isEqualTo(400);
        assertThat(json.readTree(get("/api/memoires?providerCategory=PLOMBIER").body()).get("errors").get(0).get("field")
                .asText()).isEqualTo("providerCategory");
    }

    @Test
    void theDashboardGridCrossesEveryStructureOfTheAccountWithEveryStatus() throws IOException {
        JsonNode grid = json.readTree(get("/api/dashboard").body()).get("grid");
        assertThat(grid.get("statuses").findValuesAsText("label")).startsWith("Brouillon", "Envoyé").contains("Mis en paiement");
        assertThat(grid.get("rows")).hasSize(1);
        JsonNode row = grid.get("rows").get(0);
        assertThat(row.get("structureId").asText()).isEqualTo(me.structureId().toString());
        assertThat(row.get("total").asLong()).isEqualTo(4);
        assertThat(row.get("counts")).hasSize(grid.get("statuses").size());
        assertThat(row.get("counts").toString()).contains("{\"status\":\"MIS_A_DISPOSITION\",\"count\":2,\"search\":"
                + "\"/portail/recherche?structureId=" + me.structureId() + "&status=MIS_A_DISPOSITION\"}")
                .contains("{\"status\":\"REFUSE\",\"count\":0,");
        assertThat(grid.toString()).doesNotContain(other.manager().structureId().toString());
    }

    @Test
    void theFiscalListIsByStructureAsWellAsByPeriod() throws IOException {
        String query = "/api/fiscal-list?from=2026-01-01&to=2026-12-31&structureId=";
        JsonNode list = json.readTree(get(query + me.structureId()).body());
        assertThat(list.findValuesAsText("number")).containsExactly(paid);
        assertThat(list.get(0).get("jurisdictionName").asText()).isEqualTo("Tribunal judiciaire de Paris");
        assertThat(get(query + other.manager().structureId()).statusCode()).isEqualTo(404);
        assertThat(http.sendBytes(http.request("/api/fiscal-list/export?from=2026-01-01&to=2026-12-31&structureId="
                + other.manager().structureId()).header("Authorization", me.basic())).statusCode()).isEqualTo(404);
        assertThat(get(query + "inconnue").statusCode()).isEqualTo(400);
    }

    @Test
    void theFiscalListCoversAtMostOneYearInJsonCsvAndPdf() throws IOException {
        JsonNode list = json.readTree(get("/api/fiscal-list?from=2026-01-01&to=2026-12-31").body());
        assertThat(list.findValuesAsText("number")).containsExactly(paid);
        HttpResponse<String> tooLong = get("/api/fiscal-list?from=2026-01-01&to=2027-01-01");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooLong.body()).get("code").asText()).isEqualTo("PERIOD_TOO_LONG");
        assertThat(json.readTree(tooLong.body()).get("detail").asText()).contains("au 31/12/2026 au plus");
        assertThat(get("/api/fiscal-list?from=2026-05-01&to=2026-04-01").statusCode()).isEqualTo(400);

        String csv = new String(http.sendBytes(http.request("/api/fiscal-list/export?from=2026-03-01&to=2026-03-31")
                .header("Authorization", me.basic())).body(), StandardCharsets.UTF_8);
        assertThat(csv).contains(paid + ";\"Cabinet \"\"Dupont; fils\"\"\";Tribunal judiciaire de Paris;15/03/2026;120,00;120,00");
        byte[] pdf = http.sendBytes(http.request("/api/fiscal-list/pdf?from=2026-03-01&to=2026-03-31")
                .header("Authorization", me.basic())).body();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Liste fiscale", paid, "15/03/2026", "du 01/03/2026 au 31/03/2026");
        }
    }
}
