package fr.fraisdejustice.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.memoire.SentMemoires;
import fr.fraisdejustice.onboarding.MemoireImport;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.PortalSession;

/**
 * Past mémoires of migrated structures: imported read-only with their former numbers, found by the search and in the
 * Archives like the others, once; the MJ sequence then goes on above them; each refused row says its line and why.
 */
@IntegrationTest
class MemoireImportTest {

    static final String HEADER = "formerNumber;identifierType;identifier;jurisdictionCode;providerCategory;vatType;"
            + "invoiceNumber;status;depositDate;statusDate;statusReason;amountExclVat;vatAmount;amountInclVat;paidAmount;paymentDate";
    static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    MemoireImport memoireImport;

    @Autowired
    Providers providers;

    @Autowired
    Structures structures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    Providers.Provider provider;
    String identifier;
    /** Numbers above any drawn so far: each test imports its own. */
    long base;

    @BeforeEach
    void aMigratedStructure() {
        provider = providers.withOwnStructure();
        identifier = structures.byId(provider.structureId()).identifier();
        Long last = jdbc.queryForObject("select last_value from memoire_definitive_number", Long.class);
        base = last + 1000;
    }

    String mj(long offset) {
        return String.format("MJ%010d", base + offset);
    }

    static String date(LocalDate date) {
        return date.format(FRENCH);
    }

    /** A paid mémoire deposited and paid on these dates. */
    String paid(long offset, LocalDate deposit, LocalDate payment) {
        return mj(offset) + ";AUTRE;" + identifier + ";TJ75101;Interprète ou traducteur;TVA_SUR_DEBIT;F-" + offset
                + ";Mis en paiement;" + date(deposit) + ";" + date(payment) + ";;100,00;20,00;120,00;120,00;" + date(payment);
    }

    String refused(long offset, LocalDate deposit, LocalDate refusal) {
        return mj(offset) + ";AUTRE;" + identifier + ";TJ75101;INTERPRETE_TRADUCTEUR;EXONERATION;;Refusé;" + date(deposit)
                + ";" + date(refusal) + ";Réquisition absente;1 234,50;0;1 234,50;;";
    }

    MemoireImport.Report run(String... rows) throws IOException {
        return memoireImport.run(new StringReader("\uFEFF" + HEADER + "\n" + String.join("\n", rows) + "\n"));
    }

    @Test
    void importsPastMemoiresReadOnlyWithTheirFormerNumbersThenChangesNothingTheSecondTime() throws IOException {
        LocalDate today = LocalDate.now();
        String[] rows = {paid(1, today.minusMonths(3), today.minusMonths(1)), refused(2, today.minusYears(3), today.minusYears(3))};

        MemoireImport.Report first = run(rows);
        MemoireImport.Report second = run(rows);

        assertThat(first.refused()).isEmpty();
        assertThat(first.imported()).isEqualTo(2);
        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(second.summary()).startsWith("Rien de nouveau");
        assertThat(jdbc.queryForObject("select count(*) from memoire where mj_number in (?, ?)", Long.class, mj(1), mj(2)))
                .isEqualTo(2);

        PortalSession session = PortalSession.logIn(new Http(port), provider.email(), AccountFixture.PASSWORD);
        JsonNode paid = json.readTree(session.get("/api/memoires/" + mj(1)).body());
        assertThat(paid.get("number").asText()).isEqualTo(mj(1));
        assertThat(paid.get("statusLabel").asText()).isEqualTo("Mis en paiement");
        assertThat(paid.get("paidAmount").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(paid.get("providerInvoiceNumber").asText()).isEqualTo("F-1");
        assertThat(paid.get("totals").get("exclVat").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(paid.get("totals").get("vat").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(paid.get("totals").get("inclVat").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(paid.get("availableActions")).isEmpty();
        assertThat(paid.get("history").get(0).get("reason").asText()).contains("repris de l'ancien portail").contains(mj(1));
        assertThat(paid.get("history").get(1).get("label").asText()).isEqualTo("Mis en paiement");

        // the search finds the recent one, the Archives the one whose last change is more than two years old
        assertThat(session.get("/api/memoires?number=" + mj(1)).body()).contains(mj(1)).contains("\"total\":1");
        assertThat(session.get("/api/memoires?number=" + mj(2)).body()).contains("\"total\":0");
        assertThat(session.get("/api/archives?number=" + mj(2)).body()).contains(mj(2)).contains("Refusé");
        assertThat(session.get("/api/memoires?status=MIS_EN_PAIEMENT&structure=" + provider.structureId()).body())
                .contains(mj(1));
    }

    @Test
    void anImportedMemoireRefusesEveryActionWithAClearConflict() throws IOException {
        LocalDate today = LocalDate.now();
        run(refused(1, today.minusMonths(2), today.minusMonths(1)), paid(2, today.minusMonths(2), today.minusMonths(1)));
        PortalSession session = PortalSession.logIn(new Http(port), provider.email(), AccountFixture.PASSWORD);

        for (var answer : List.of(session.json("POST", "/api/memoires/" + mj(1) + "/duplicate", ""),
                session.json("POST", "/api/memoires/" + mj(1) + "/abandon", ""),
                session.json("PUT", "/api/memoires/" + mj(2), "{\"jurisdictionCode\":\"TJ75101\"}"),
                session.json("DELETE", "/api/memoires/" + mj(2), ""))) {
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.body()).contains("IMPORTED_MEMOIRE_READ_ONLY").contains("repris de l'ancien portail")
                    .contains("lecture seule");
        }
        assertThat(session.get("/api/memoires/" + mj(1)).body()).contains("\"status\":\"REFUSE\"");
        var certificate = session.get("/api/memoires/" + mj(2) + "/certificate");
        assertThat(certificate.statusCode()).isEqualTo(409);
    }

    @Test
    void theMjSequenceGoesOnAboveTheHighestImportedNumber() throws IOException {
        LocalDate today = LocalDate.now();
        run(paid(7, today.minusYears(1), today.minusMonths(6)), paid(3, today.minusYears(1), today.minusMonths(6)));

        String sent = SentMemoires.forNewStructure(context, port).tariffed();

        assertThat(Long.parseLong(sent.substring(2))).isGreaterThan(base + 7);
    }

    @Test
    void eachRefusedRowIsReportedWithItsLineAndAFrenchReasonAndTheOthersAreImported() throws IOException {
        LocalDate today = LocalDate.now();
        LocalDate before = today.minusMonths(2);
        LocalDate after = today.minusMonths(1);
        String structure = ";AUTRE;" + identifier + ";TJ75101;EXPERT;TVA_SUR_DEBIT;;";
        MemoireImport.Report report = run(
                paid(1, before, after),                                                                    // 2
                "TMP2024000000001" + structure + "Refusé;" + date(before) + ";" + date(after) + ";Motif;1;0;1;;",  // 3
                mj(3) + ";AUTRE;INCONNUE-" + base + ";TJ75101;EXPERT;TVA_SUR_DEBIT;;Refusé;" + date(before) + ";"
                        + date(after) + ";Motif;1;0;1;;",                                                   // 4
                mj(4) + ";AUTRE;" + identifier + ";TJ99999;EXPERT;TVA_SUR_DEBIT;;Refusé;" + date(before) + ";"
                        + date(after) + ";Motif;1;0;1;;",                                                   // 5
                mj(5) + structure + "Certifié;" + date(before) + ";" + date(after) + ";;1;0;1;;",          // 6
                mj(6) + structure + "Refusé;" + date(before) + ";" + date(after) + ";;1;0;1;;",            // 7
                mj(7) + structure + "Refusé;31/02/2024;" + date(after) + ";Motif;1;0;1;;",                 // 8
                mj(8) + structure + "Refusé;" + date(after) + ";" + date(before) + ";Motif;1;0;1;;",       // 9
                mj(9) + structure + "Refusé;" + date(before) + ";" + date(after) + ";Motif;100;20;110;;",  // 10
                mj(10) + structure + "Mis en paiement;" + date(before) + ";" + date(after) + ";;1;0;1;;",  // 11
                mj(11) + structure + "Abandonné;" + date(before) + ";" + date(after) + ";;1;0;1;1;" + date(after), // 12
                mj(12) + structure + "Refusé;" + date(before) + ";" + date(after) + ";Motif;12,345;0;13;;", // 13
                mj(13) + ";AUTRE;" + identifier,                                                           // 14
                mj(1) + structure + "Refusé;" + date(before) + ";" + date(after) + ";Autre;1;0;1;;");      // 15

        assertThat(report.rows()).isEqualTo(14);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.refused()).extracting(MemoireImport.Refusal::line)
                .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
        assertThat(report.refused()).extracting(MemoireImport.Refusal::reason).satisfiesExactly(
                r -> assertThat(r).contains("Numéro de mémoire invalide").contains("MJ suivi de 10 chiffres"),
                r -> assertThat(r).contains("Aucune structure AUTRE").contains("importez d'abord le fichier des comptes"),
                r -> assertThat(r).contains("Juridiction inconnue : « TJ99999 »"),
                r -> assertThat(r).contains("Statut « Certifié » non repris"),
                r -> assertThat(r).contains("motif de son refus"),
                r -> assertThat(r).contains("Date invalide dans la colonne depositDate : « 31/02/2024 »"),
                r -> assertThat(r).contains("précède la date de dépôt"),
                r -> assertThat(r).contains("Le montant TTC (110,00 €) est inférieur"),
                r -> assertThat(r).contains("Le montant payé d'un mémoire mis en paiement est obligatoire"),
                r -> assertThat(r).contains("Seul un mémoire mis en paiement a un montant payé"),
                r -> assertThat(r).contains("Montant invalide dans la colonne amountExclVat : « 12,345 »"),
                r -> assertThat(r).contains("colonnes au lieu de 16"),
                r -> assertThat(r).contains("figure déjà à la ligne 2 du fichier"));
        assertThat(jdbc.queryForObject("select count(*) from memoire where structure_id = ?", Long.class,
                provider.structureId())).isEqualTo(1);
    }

    @Test
    void aNumberAlreadyGivenHereOrImportedWithOtherDataIsRefused() throws IOException {
        LocalDate today = LocalDate.now();
        run(paid(1, today.minusMonths(3), today.minusMonths(2)));
        String sent = SentMemoires.forNewStructure(context, port).tariffed();

        MemoireImport.Report report = run(
                paid(1, today.minusMonths(3), today.minusMonths(1)),
                sent + ";AUTRE;" + identifier + ";TJ75101;EXPERT;TVA_SUR_DEBIT;;Abandonné;" + date(today.minusDays(2))
                        + ";" + date(today.minusDays(1)) + ";;1;0;1;;");

        assertThat(report.refused()).extracting(MemoireImport.Refusal::reason).satisfiesExactly(
                r -> assertThat(r).contains("a déjà été importé avec d'autres données"),
                r -> assertThat(r).contains("est déjà celui d'un mémoire déposé dans ce portail"));
    }

    @Test
    void onlyAnAdministratorImportsMemoiresThroughTheApi() {
        Http http = new Http(port);
        String boundary = "limite" + base;
        LocalDate today = LocalDate.now();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"memoires.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + HEADER + "\n" + paid(1, today.minusMonths(3), today.minusMonths(2))
                + "\n\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder upload = http.request("/api/admin/memoire-imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));

        assertThat(http.send(upload).statusCode()).isEqualTo(401);
        assertThat(http.send(upload.copy().header("Authorization", Http.basic("thomas.petit", "Support-2026")))
                .statusCode()).isEqualTo(403);
        var admin = http.send(upload.copy().header("Authorization", Http.basic("marc.leroy", "Admin-FDJ-2026")));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"imported\":1");
    }

    /** Not a timed assertion: a measure printed for the migration's planning. */
    @Test
    void tenThousandRowsAreImportedByBatches() throws IOException {
        LocalDate today = LocalDate.now();
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 10_000; i++) {
            file.append(i % 2 == 0 ? paid(i, today.minusYears(3), today.minusYears(2).minusMonths(6))
                    : refused(i, today.minusYears(1), today.minusMonths(11))).append('\n');
        }

        long start = System.nanoTime();
        MemoireImport.Report report = memoireImport.run(new StringReader(file.toString()));
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.println("Import de 10 000 mémoires : " + millis + " ms");
        assertThat(report.imported()).isEqualTo(10_000);
        assertThat(report.refused()).isEmpty();
    }
}
