package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** Drafts of mémoires: header, lines and server-computed amounts; who may read and change them; what is refused. */
@IntegrationTest
class MemoireDraftApiTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

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

    HttpResponse<String> call(String method, String path, Object body, Providers.Provider who) {
        try {
            return http.send(http.request(path).header("Content-Type", "application/json").header("Authorization", who.basic())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    Map<String, Object> header() {
        Map<String, Object> header = new HashMap<>();
        header.put("structureId", manager.structureId());
        header.put("jurisdictionCode", "TJ75101");
        header.put("bankAccountId", bankAccountId);
        header.put("providerCategory", "INTERPRETE_TRADUCTEUR");
        header.put("vatType", "TVA_SUR_DEBIT");
        return header;
    }

    static Map<String, Object> line(String price) {
        Map<String, Object> line = new HashMap<>();
        line.put("caseNumber", "PARQUET-26-001");
        line.put("requisitionDate", LocalDate.now().minusDays(10).toString());
        line.put("requestingAuthority", "OPJ");
        line.put("serviceType", "INTERPRETARIAT_ORAL");
        line.put("serviceDate", LocalDate.now().minusDays(5).toString());
        line.put("quantity", 1);
        line.put("unitPriceExclVat", price);
        line.put("vatRate", 20);
        return line;
    }

    String draft() throws IOException {
        var created = call("POST", "/api/memoires", header(), manager);
        assertThat(created.statusCode()).isEqualTo(201);
        return body(created).get("number").asText();
    }

    @Test
    void aDraftGetsATemporaryNumberAndTheReferenceTextOfItsCategory() throws IOException {
        var created = call("POST", "/api/memoires", header(), manager);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode memoire = body(created);
        assertThat(memoire.get("number").asText()).matches("TMP" + LocalDate.now().getYear() + "\\d{9}");
        assertThat(memoire.get("status").asText()).isEqualTo("BROUILLON");
        assertThat(memoire.get("referenceText").asText()).isEqualTo("R.122");
        assertThat(memoire.get("totals").get("inclVat").decimalValue()).isEqualByComparingTo("0");

        Map<String, Object> changed = header();
        changed.put("jurisdictionCode", "TJ69383");
        changed.put("providerInvoiceNumber", "F-2026-17");
        var put = call("PUT", "/api/memoires/" + memoire.get("number").asText(), changed, manager);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(body(put).get("jurisdictionCode").asText()).isEqualTo("TJ69383");
        assertThat(body(put).get("providerInvoiceNumber").asText()).isEqualTo("F-2026-17");
    }

    @Test
    void linesAreComputedAndComparedWithTheTariff() throws IOException {
        String number = draft();

        JsonNode first = body(call("POST", "/api/memoires/" + number + "/lines", line("42.00"), manager));
        Map<String, Object> night = line("60.00");
        night.put("night", true);
        night.put("sundryCosts", "12.50");
        night.put("sundryCostsDetail", "Taxi de nuit");
        night.put("disbursements", "3.10");
        JsonNode second = body(call("POST", "/api/memoires/" + number + "/lines", night, manager));

        assertThat(first.get("amountExclVat").decimalValue()).isEqualByComparingTo("42.00");
        assertThat(first.get("amountInclVat").decimalValue()).isEqualByComparingTo("50.40");
        assertThat(first.get("tariffed").asBoolean()).isTrue();
        assertThat(first.get("aboveTariff").asBoolean()).isFalse();
        assertThat(second.get("tariffExclVat").decimalValue()).isEqualByComparingTo("49.50");
        assertThat(second.get("aboveTariff").asBoolean()).isTrue();
        assertThat(second.get("amountInclVat").decimalValue()).isEqualByComparingTo("90.10");
        JsonNode totals = body(call("GET", "/api/memoires/" + number, null, manager)).get("totals");
        assertThat(totals.get("exclVat").decimalValue()).isEqualByComparingTo("102.00");
        assertThat(totals.get("inclVat").decimalValue()).isEqualByComparingTo("140.50");
        assertThat(totals.get("byVatRate")).hasSize(1);

        assertThat(call("DELETE", "/api/memoires/" + number + "/lines/" + second.get("id").asText(), null, manager)
                .statusCode()).isEqualTo(204);
        assertThat(body(call("GET", "/api/memoires/" + number, null, manager)).get("totals").get("inclVat").decimalValue())
                .isEqualByComparingTo("50.40");
    }

    @Test
    void badHeadersAndLinesAreRefusedFieldByField() throws IOException {
        Map<String, Object> header = header();
        header.put("jurisdictionCode", "TJ00000");
        header.put("bankAccountId", java.util.UUID.randomUUID().toString());
        var refused = call("POST", "/api/memoires", header, manager);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("errors").findValuesAsText("field")).contains("jurisdictionCode", "bankAccountId");

        String number = draft();
        Map<String, Object> bad = line("-1");
        bad.put("serviceType", "ENQUETE_IP1");
        bad.put("requisitionDate", LocalDate.now().minusDays(1).toString());
        bad.put("serviceDate", LocalDate.now().minusDays(3).toString());
        bad.put("vatRate", 7);
        var lineRefused = call("POST", "/api/memoires/" + number + "/lines", bad, manager);
        assertThat(lineRefused.statusCode()).isEqualTo(400);
        assertThat(body(lineRefused).get("errors").findValuesAsText("field"))
                .contains("serviceType", "requisitionDate", "unitPriceExclVat", "vatRate");

        Map<String, Object> future = line("42.00");
        future.put("serviceDate", LocalDate.now().plusDays(2).toString());
        assertThat(body(call("POST", "/api/memoires/" + number + "/lines", future, manager)).get("errors")
                .findValuesAsText("code")).contains("IN_THE_FUTURE");
    }

    @Test
    void anExemptMemoireTakesNoVat() throws IOException {
        Map<String, Object> header = header();
        header.put("vatType", "EXONERATION");
        String number = body(call("POST", "/api/memoires", header, manager)).get("number").asText();

        var refused = call("POST", "/api/memoires/" + number + "/lines", line("42.00"), manager);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("errors").get(0).get("code").asText()).isEqualTo("EXEMPT");
    }

    @Test
    void otherStructuresSeeNothingAndConsultationCannotChange() throws IOException {
        String number = draft();
        Providers.Provider stranger = providers.withOwnStructure();
        Providers.Provider reader = providers.memberOf(manager);
        call("PATCH", "/api/structures/" + manager.structureId() + "/members/" + reader.accountId(),
                Map.of("profiles", java.util.List.of("FRAIS_DE_JUSTICE_CONSULTATION")), manager);

        assertThat(call("GET", "/api/memoires/" + number, null, stranger).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/memoires/" + number + "/lines", line("42.00"), stranger).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/memoires/" + number, null, stranger).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/memoires/" + number, null, reader).statusCode()).isEqualTo(200);
        var forbidden = call("POST", "/api/memoires/" + number + "/lines", line("42.00"), reader);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(body(forbidden).get("code").asText()).isEqualTo("PROFILE_REQUIRED");
        assertThat(call("POST", "/api/memoires", header(), stranger).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeletedDraftIsGone() throws IOException {
        String number = draft();

        assertThat(call("DELETE", "/api/memoires/" + number, null, manager).statusCode()).isEqualTo(204);

        assertThat(call("GET", "/api/memoires/" + number, null, manager).statusCode()).isEqualTo(404);
    }
}
