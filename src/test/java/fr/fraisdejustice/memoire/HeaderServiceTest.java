package fr.fraisdejustice.memoire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** A mémoire's header names one of its structure's open services, or none. */
@IntegrationTest
class HeaderServiceTest {

    @Autowired Providers providers;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    @Test
    void onlyAnOpenServiceOfTheStructureIsAccepted() throws IOException {
        Http http = new Http(port);
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, http, json);
        String structure = ready.manager().structureId().toString();
        String open = call(http, ready, "POST", "/api/structures/" + structure + "/services", "{\"name\":\"Urgences\"}", 201)
                .get("code").asText();
        String closed = call(http, ready, "POST", "/api/structures/" + structure + "/services", "{\"name\":\"Ancien\"}", 201)
                .get("code").asText();
        call(http, ready, "PATCH", "/api/structures/" + structure + "/services/" + closed, "{\"active\":false}", 200);

        assertThat(call(http, ready, "POST", "/api/memoires", header(ready, open), 201).get("serviceCode").asText()).isEqualTo(open);
        for (String refused : new String[] {closed, "S99"}) {
            JsonNode problem = call(http, ready, "POST", "/api/memoires", header(ready, refused), 400);
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("serviceCode");
            assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("UNKNOWN_SERVICE");
        }
    }

    private static String header(StructureWithBankAccount ready, String serviceCode) {
        return "{\"structureId\":\"" + ready.manager().structureId() + "\",\"jurisdictionCode\":\"TJ75101\",\"bankAccountId\":\""
                + ready.bankAccountId() + "\",\"providerCategory\":\"INTERPRETE_TRADUCTEUR\",\"vatType\":\"TVA_SUR_DEBIT\","
                + "\"serviceCode\":\"" + serviceCode + "\"}";
    }

    private JsonNode call(Http http, StructureWithBankAccount who, String method, String path, String body, int status)
            throws IOException {
        HttpResponse<String> answer = http.send(http.request(path).header("Authorization", who.manager().basic())
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return json.readTree(answer.body());
    }
}
