package fr.fraisdejustice.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** « Essayer » : the live table evaluated with typed inputs answers its outputs and the rules that matched. */
@IntegrationTest
class DecisionTrialTest {

    @Autowired ObjectMapper json;
    @LocalServerPort int port;
    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private HttpResponse<String> evaluate(String key, String body) {
        return http.json("POST", "/api/models/decisions/" + key + "/evaluation", body,
                "Authorization", DecisionReplayTest.ANALYST);
    }

    @Test
    void anUntariffedMemoireUnderTheThresholdIsCertifiedByTheThirdRule() throws IOException {
        HttpResponse<String> response = evaluate("memoire-track",
                "{\"inputs\":{\"late\":false,\"allTariffed\":false,\"amountInclVat\":1300}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.at("/results/0/track").asText()).isEqualTo("CERTIFICATION");
        assertThat(answer.at("/matchedRules/0/ruleId").asText()).isEqualTo("Rule_SmallUntariffed");
        assertThat(answer.at("/matchedRules/0/index").asInt()).isEqualTo(3);
        assertThat(answer.get("matchedRules")).hasSize(1);
        assertThat(answer.at("/decisions/0/key").asText()).isEqualTo("memoire-track");
    }

    @Test
    void theDrdRootEvaluatesEachDecisionItRequires() throws IOException {
        HttpResponse<String> response = evaluate("memoire-routing", """
                {"inputs":{"jurisdictionType":"TRIBUNAL_JUDICIAIRE","jurisdictionCode":"TJ75101","jurisdictionRessort":null,
                "jurisdictionCourAppel":"CA_PARIS","late":false,"allTariffed":false,"amountInclVat":1600}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.at("/results/0/track").asText()).isEqualTo("TAXATION");
        assertThat(answer.at("/results/0/certifyingOffice").asText()).isEqualTo("TJ75101");
        assertThat(answer.at("/results/0/controlLevel").asText()).isEqualTo("THOROUGH");
        assertThat(answer.at("/matchedRules/0/ruleId").asText()).isEqualTo("Rule_Routing");
        java.util.Map<String, String> ruleByDecision = new java.util.HashMap<>();
        answer.get("decisions").forEach(d -> ruleByDecision.put(d.get("key").asText(), d.at("/matchedRules/0/ruleId").asText()));
        assertThat(ruleByDecision).containsEntry("memoire-track", "Rule_LargeUntariffed")
                .containsEntry("certifying-office", "Rule_OwnOffice")
                .containsEntry("control-level", "Rule_Thorough")
                .containsEntry("memoire-routing", "Rule_Routing");
    }

    @Test
    void aMissingInputIsNamedInFrench() throws IOException {
        HttpResponse<String> response = evaluate("memoire-track", "{\"inputs\":{\"late\":false}}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("detail").asText()).contains("Saisissez chaque entrée");
        assertThat(problem.toString()).contains("inputs.amountInclVat").contains("Montant TTC demandé (€)")
                .contains("inputs.allTariffed");
    }

    @Test
    void aWrongTypeOrAnUnknownDecisionIsRefusedNotAServerError() throws IOException {
        HttpResponse<String> wrongType = evaluate("memoire-track",
                "{\"inputs\":{\"late\":\"peut-être\",\"allTariffed\":false,\"amountInclVat\":\"beaucoup\"}}");
        assertThat(wrongType.statusCode()).isEqualTo(422);
        assertThat(json.readTree(wrongType.body()).get("detail").asText()).contains("vérifiez le type");

        HttpResponse<String> unknown = evaluate("inconnue", "{\"inputs\":{}}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("detail").asText()).contains("Aucune décision « inconnue »");
    }

    @Test
    void onlyAnalystsAndAdministratorsTry() {
        assertThat(http.json("POST", "/api/models/decisions/memoire-track/evaluation", "{}",
                "Authorization", Http.basic("camille.martin", "Greffe-Paris-2026")).statusCode()).isEqualTo(403);
        assertThat(http.json("POST", "/api/models/decisions/memoire-track/evaluation", "{}").statusCode()).isEqualTo(401);
    }
}
