package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

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
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/** « Valider et envoyer »: the MJ number, the certificate and its verification, and every refusal. */
@IntegrationTest
class MemoireSubmissionApiTest {

    private static final Pattern TOKEN = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @Autowired
    MandateSignature mandates;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GreenMail mailServer;

    @LocalServerPort
    int port;

    Http http;
    Providers.Provider manager;
    String bankAccountId;

    @BeforeEach
    void setUp() throws IOException {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        http = new Http(port);
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, http, json);
        manager = ready.manager();
        bankAccountId = ready.bankAccountId();
    }

    void signMandate() {
        new StructureWithBankAccount(manager, bankAccountId).signMandate(engine, mandates, mailServer);
    }

    HttpResponse<String> call(String method, String path, Object body, Providers.Provider who) {
        try {
            HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            return http.send(who == null ? request : request.header("Authorization", who.basic()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    String draftWithLine(LocalDate serviceDate) throws IOException {
        String number = body(call("POST", "/api/memoires", Map.of("structureId", manager.structureId(),
                "jurisdictionCode", "TJ75101", "bankAccountId", bankAccountId, "providerCategory", "INTERPRETE_TRADUCTEUR",
                "vatType", "TVA_SUR_DEBIT"), manager)).get("number").asText();
        if (serviceDate != null) {
            Map<String, Object> line = new HashMap<>();
            line.put("caseNumber", "26-001");
            line.put("requisitionDate", serviceDate.minusDays(1).toString());
            line.put("requestingAuthority", "Procureur");
            line.put("serviceType", "TRADUCTION_ECRITE");
            line.put("serviceDate", serviceDate.toString());
            line.put("quantity", 4);
            line.put("unitPriceExclVat", "25.00");
            line.put("vatRate", 20);
            assertThat(call("POST", "/api/memoires/" + number + "/lines", line, manager).statusCode()).isEqualTo(201);
        }
        return number;
    }

    HttpResponse<String> submit(String number, Object body) {
        return call("POST", "/api/memoires/" + number + "/submission", body, manager);
    }

    @Test
    void sendingGivesAnMjNumberACertificateThatVerifiesAndStartsTheProcess() throws IOException {
        signMandate();
        String draft = draftWithLine(LocalDate.now().minusDays(3));

        var sent = submit(draft, Map.of("swornStatement", true));

        assertThat(sent.statusCode()).isEqualTo(200);
        JsonNode result = body(sent);
        String mj = result.get("number").asText();
        assertThat(mj).matches("MJ\\d{10}");
        assertThat(result.get("status").asText()).as("envoyé puis aussitôt routé").isEqualTo("MIS_A_DISPOSITION");
        assertThat(result.get("certificate").get("amounts").get("inclVat").decimalValue()).isEqualByComparingTo("120.00");
        String fingerprint = result.get("certificate").get("fingerprint").asText();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("memoire-lifecycle")
                .processInstanceBusinessKey(mj).count()).isEqualTo(1);
        JsonNode memoire = body(call("GET", "/api/memoires/" + draft, null, manager));
        assertThat(memoire.get("number").asText()).isEqualTo(mj);
        assertThat(body(call("GET", "/api/memoires/" + mj + "/attachments", null, manager)).findValuesAsText("kind"))
                .containsExactly("RIB");
        assertThat(call("POST", "/api/memoires/" + mj + "/lines", Map.of(), manager).statusCode()).isEqualTo(409);

        assertThat(verify(mj, fingerprint)).isTrue();
        assertThat(verify(mj, fingerprint.replace(fingerprint.charAt(0), fingerprint.charAt(0) == 'a' ? 'b' : 'a'))).isFalse();
        assertThat(verify(draft, fingerprint)).isFalse();

        var pdf = http.sendBytes(http.request("/api/memoires/" + mj + "/certificate").header("Authorization", manager.basic()));
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(mj, fingerprint, "Tribunal judiciaire de Paris",
                    "120,00 €", "Cabinet Martin", "/portail/verifier-un-certificat");
        }
    }

    @Test
    void aChangedFieldOrAttachmentByteNoLongerVerifies() throws IOException {
        signMandate();
        JsonNode sent = body(submit(draftWithLine(LocalDate.now().minusDays(3)), Map.of("swornStatement", true)));
        String mj = sent.get("number").asText();
        String fingerprint = sent.get("certificate").get("fingerprint").asText();

        jdbc.update("update memoire_attachment set content = overlay(content placing '\\x41'::bytea from 12 for 1) "
                + "where memoire_id = (select id from memoire where mj_number = ?)", mj);
        assertThat(verify(mj, fingerprint)).as("one byte of the RIB changed").isFalse();

        JsonNode other = body(submit(draftWithLine(LocalDate.now().minusDays(2)), Map.of("swornStatement", true)));
        jdbc.update("update memoire_line set case_number = '26-002' where memoire_id = (select id from memoire where mj_number = ?)",
                other.get("number").asText());
        assertThat(verify(other.get("number").asText(), other.get("certificate").get("fingerprint").asText())).isFalse();
    }

    @Test
    void eachRefusalOfSendingHasItsCode() throws IOException {
        String withoutMandate = draftWithLine(LocalDate.now().minusDays(3));
        assertThat(code(submit(withoutMandate, Map.of()))).isEqualTo("SWORN_STATEMENT_REQUIRED");
        var missing = submit(withoutMandate, Map.of("swornStatement", true));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(code(missing)).isEqualTo("PREREQUISITES_MISSING");
        assertThat(body(missing).get("missing").toString()).isEqualTo("[\"02\"]");

        signMandate();
        assertThat(code(submit(draftWithLine(null), Map.of("swornStatement", true)))).isEqualTo("NO_LINE");

        String late = draftWithLine(LocalDate.now().minusYears(1).minusDays(10));
        var warned = submit(late, Map.of("swornStatement", true));
        assertThat(warned.statusCode()).isEqualTo(422);
        assertThat(code(warned)).isEqualTo("LATE_MEMOIRE");
        var acknowledged = submit(late, Map.of("swornStatement", true, "lateAcknowledged", true));
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(body(acknowledged).get("late").asBoolean()).isTrue();
        var twice = submit(late, Map.of("swornStatement", true, "lateAcknowledged", true));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(code(twice)).isEqualTo("ALREADY_SUBMITTED");
        assertThat(body(twice).get("mjNumber").asText()).isEqualTo(body(acknowledged).get("number").asText());

        String inactive = draftWithLine(LocalDate.now().minusDays(3));
        Multipart second = new Multipart().json("bankAccount", "{\"name\":\"Autre\",\"type\":\"RIB\",\"bankCode\":\"30002\","
                + "\"branchCode\":\"00550\",\"accountNumber\":\"0000157845Z\",\"ribKey\":\"02\"}")
                .file("document", "rib2.pdf", "application/pdf", Multipart.pdf());
        http.send(http.request("/api/structures/" + manager.structureId() + "/bank-accounts").header("Authorization", manager.basic())
                .header("Content-Type", second.contentType()).POST(second.publisher()));
        call("DELETE", "/api/structures/" + manager.structureId() + "/bank-accounts/" + bankAccountId, null, manager);
        var stale = submit(inactive, Map.of("swornStatement", true));
        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(code(stale)).isEqualTo("BANK_ACCOUNT_INACTIVE");
    }

    @Test
    void aConcurrentDoubleSubmissionGivesExactlyOneMjNumber() throws Exception {
        signMandate();
        String draft = draftWithLine(LocalDate.now().minusDays(3));
        Callable<HttpResponse<String>> send = () -> submit(draft, Map.of("swornStatement", true));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> answers = pool.invokeAll(List.of(send, send, send, send));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from memoire where number = ? and mj_number is not null",
                Integer.class, draft)).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("memoire-lifecycle")
                .processInstanceBusinessKey(body(call("GET", "/api/memoires/" + draft, null, manager)).get("number").asText())
                .count()).isEqualTo(1);
    }

    @Test
    void onlyModificationMembersSendAndOutsidersGet404() throws IOException {
        signMandate();
        String draft = draftWithLine(LocalDate.now().minusDays(3));
        Providers.Provider reader = providers.memberOf(manager);
        call("PATCH", "/api/structures/" + manager.structureId() + "/members/" + reader.accountId(),
                Map.of("profiles", List.of("FRAIS_DE_JUSTICE_CONSULTATION")), manager);
        Providers.Provider stranger = providers.withOwnStructure();

        assertThat(call("POST", "/api/memoires/" + draft + "/submission", Map.of("swornStatement", true), reader)
                .statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/memoires/" + draft + "/submission", Map.of("swornStatement", true), stranger)
                .statusCode()).isEqualTo(404);
    }

    private boolean verify(String number, String fingerprint) throws IOException {
        var answer = call("POST", "/api/certificates/verification", Map.of("number", number, "fingerprint", fingerprint), null);
        assertThat(answer.statusCode()).isEqualTo(200);
        return body(answer).get("valid").asBoolean();
    }

    private String code(HttpResponse<String> response) throws IOException {
        return body(response).get("code").asText();
    }
}
