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
 * A line's amounts and quantity fit their numeric columns: too large a value, or a line or mémoire whose TTC would not
 * fit numeric(14, 2), is a 400 naming the field, never a 500.
 */
@IntegrationTest
class LineAmountsFitTheirColumnsTest {

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

    @ParameterizedTest(name = "quantité {0}, tarif {1}, frais divers {2}, débours {3} → 400 sur {4}")
    @CsvSource({
            "1000000,    10,        0,       0,       quantity",
            "1,          1000000,   0,       0,       unitPriceExclVat",
            "1,          10,        1000000, 0,       sundryCosts",
            "1,          10,        0,       1000000, disbursements",
            "1,          1E+400,    0,       0,       unitPriceExclVat",
            "999999.999, 999999.99, 999999.99, 999999.99, quantity",
    })
    void anOversizedAmountIsRefusedNamingItsField(String quantity, String price, String sundry, String disbursements,
                                                  String field) throws IOException {
        String number = draft();
        Map<String, Object> line = new HashMap<>();
        line.put("caseNumber", "PARQUET-26-001");
        line.put("requisitionDate", LocalDate.now().minusDays(10).toString());
        line.put("requestingAuthority", "OPJ");
        line.put("serviceType", "INTERPRETARIAT_ORAL");
        line.put("serviceDate", LocalDate.now().minusDays(5).toString());
        line.put("vatRate", 20);
        line.put("sundryCostsDetail", "Frais de déplacement");
        String body = json.writeValueAsString(line).replaceFirst("\\}$", ", \"quantity\": " + quantity
                + ", \"unitPriceExclVat\": " + price + ", \"sundryCosts\": " + sundry
                + ", \"disbursements\": " + disbursements + "}");

        HttpResponse<String> refused = call("POST", "/api/memoires/" + number + "/lines", body);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        if (!"1E+400".equals(price)) {
            assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        }
    }

    private String draft() throws IOException {
        Map<String, Object> header = new HashMap<>();
        header.put("structureId", manager.structureId());
        header.put("jurisdictionCode", "TJ75101");
        header.put("bankAccountId", bankAccountId);
        header.put("providerCategory", "INTERPRETE_TRADUCTEUR");
        header.put("vatType", "TVA_SUR_DEBIT");
        HttpResponse<String> created = call("POST", "/api/memoires", json.writeValueAsString(header));
        assertThat(created.statusCode()).isEqualTo(201);
        return json.readTree(created.body()).get("number").asText();
    }

    private HttpResponse<String> call(String method, String path, String body) {
        return http.send(http.request(path).header("Content-Type", "application/json").header("Authorization", manager.basic())
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }
}
