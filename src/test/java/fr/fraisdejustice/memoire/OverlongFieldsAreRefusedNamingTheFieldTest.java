package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * A text one character longer than its column (db/migration) is a 400 naming the field, never a 500: mémoire header,
 * mémoire line, support ticket.
 */
@IntegrationTest
class OverlongFieldsAreRefusedNamingTheFieldTest {

    @Autowired ObjectMapper json;
    @Autowired Providers providers;
    @LocalServerPort int port;

    Http http;
    Providers.Provider manager;
    String bankAccountId;

    @BeforeEach
    void setUp() throws IOException {
        http = new Http(port);
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, http, json);
        manager = ready.manager();
        bankAccountId = ready.bankAccountId();
    }

    @ParameterizedTest(name = "{0}.{1} de {2} caractères → 400")
    @CsvSource({
            "header, referenceText,         21",
            "header, providerInvoiceNumber, 51",
            "header, serviceCode,           101",
            "line,   caseNumber,            51",
            "line,   requestingAuthority,   101",
            "line,   sundryCostsDetail,     501",
            "ticket, title,                 151",
            "ticket, description,           5001",
            "ticket, contactPhone,          31",
            "ticket, contactEmail,          255",
            "ticket, objectNumber,          101",
    })
    void aValueLongerThanItsColumnIsRefused(String where, String field, int length) throws IOException {
        String value = switch (field) {
            case "contactPhone" -> "0".repeat(length);
            case "contactEmail" -> "a".repeat(length - "@example.fr".length()) + "@example.fr";
            default -> "x".repeat(length);
        };
        HttpResponse<String> refused = switch (where) {
            case "header" -> {
                Map<String, Object> header = header();
                header.put(field, value);
                yield call("/api/memoires", header);
            }
            case "line" -> {
                Map<String, Object> line = line();
                line.put(field, value);
                yield call("/api/memoires/" + draft() + "/lines", line);
            }
            default -> {
                Map<String, Object> ticket = new HashMap<>(Map.of("subcategory", "SUIVI_MEMOIRE",
                        "structureId", manager.structureId(), "contactEmail", manager.email(),
                        "title", "Mon mémoire n'avance pas", "description", "Depuis un mois.", "objectNumber", "MJ9999999999"));
                ticket.put(field, value);
                yield call("/api/tickets", ticket);
            }
        };

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    }

    private Map<String, Object> header() {
        Map<String, Object> header = new HashMap<>();
        header.put("structureId", manager.structureId());
        header.put("jurisdictionCode", "TJ75101");
        header.put("bankAccountId", bankAccountId);
        header.put("providerCategory", "INTERPRETE_TRADUCTEUR");
        header.put("vatType", "TVA_SUR_DEBIT");
        return header;
    }

    private static Map<String, Object> line() {
        Map<String, Object> line = new HashMap<>();
        line.put("caseNumber", "PARQUET-26-001");
        line.put("requisitionDate", LocalDate.now().minusDays(10).toString());
        line.put("requestingAuthority", "OPJ");
        line.put("serviceType", "INTERPRETARIAT_ORAL");
        line.put("serviceDate", LocalDate.now().minusDays(5).toString());
        line.put("quantity", 1);
        line.put("unitPriceExclVat", "42.00");
        line.put("vatRate", 20);
        line.put("sundryCosts", "10.00");
        line.put("sundryCostsDetail", "Déplacement");
        return line;
    }

    private String draft() throws IOException {
        HttpResponse<String> created = call("/api/memoires", header());
        assertThat(created.statusCode()).isEqualTo(201);
        return json.readTree(created.body()).get("number").asText();
    }

    private HttpResponse<String> call(String path, Object body) throws IOException {
        return http.send(http.request(path).header("Content-Type", "application/json").header("Authorization", manager.basic())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }
}
