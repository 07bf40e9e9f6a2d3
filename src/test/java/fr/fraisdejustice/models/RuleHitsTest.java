package fr.fraisdejustice.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.TestClock;

/** How often each rule of the live table fired over the last decisions: counted from the decision history. */
@IntegrationTest
class RuleHitsTest {

    @Autowired DecisionService decisions;
    @Autowired HistoryService history;
    @Autowired TestClock clock;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    @Test
    void countsTheHitsOfEachRuleOverTheLastDecisionsAndShowsTheDeadOnes() throws IOException {
        // one seeded case in three (1 000 € to 1 995 €), none late: rule 1 (late) stays dead over these
        List<DecisionReplaySeed.Case> all = DecisionReplaySeed.cases(200);
        List<DecisionReplaySeed.Case> cases = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 3 == 0)
                .mapToObj(all::get).map(c -> new DecisionReplaySeed.Case(c.amount(), false, c.allTariffed())).toList();
        DecisionReplaySeed.evaluate(decisions, history, clock, cases);
        Http http = new Http(port);

        HttpResponse<String> response = http.send(http.request("/api/models/decisions/memoire-track/rule-hits?last=" + cases.size())
                .header("Authorization", DecisionReplayTest.ANALYST));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("evaluations").asInt()).isEqualTo(cases.size());
        Map<String, Long> expected = new HashMap<>();
        cases.forEach(c -> expected.merge(c.allTariffed() ? "Rule_Tariffed"
                : c.track(1500).equals("CERTIFICATION") ? "Rule_SmallUntariffed" : "Rule_LargeUntariffed", 1L, Long::sum));
        Map<String, Long> hits = new HashMap<>();
        answer.get("rules").forEach(rule -> hits.put(rule.get("ruleId").asText(), rule.get("hits").asLong()));
        assertThat(expected).containsKeys("Rule_Tariffed", "Rule_SmallUntariffed", "Rule_LargeUntariffed");
        assertThat(hits).containsEntry("Rule_Late", 0L)
                .containsEntry("Rule_Tariffed", expected.get("Rule_Tariffed"))
                .containsEntry("Rule_SmallUntariffed", expected.get("Rule_SmallUntariffed"))
                .containsEntry("Rule_LargeUntariffed", expected.get("Rule_LargeUntariffed"));
        assertThat(answer.at("/rules/0/index").asInt()).isEqualTo(1);
        assertThat(answer.at("/rules/3/index").asInt()).isEqualTo(4);
    }

    @Test
    void refusesABadCountAndAnUnknownDecisionInFrench() throws IOException {
        Http http = new Http(port);
        HttpResponse<String> zero = http.send(http.request("/api/models/decisions/memoire-track/rule-hits?last=0")
                .header("Authorization", DecisionReplayTest.ANALYST));
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(json.readTree(zero.body()).get("detail").asText()).contains("de 1 à 100 000");

        HttpResponse<String> unknown = http.send(http.request("/api/models/decisions/inconnue/rule-hits")
                .header("Authorization", DecisionReplayTest.ANALYST));
        assertThat(unknown.statusCode()).isEqualTo(404);

        assertThat(http.send(http.request("/api/models/decisions/memoire-track/rule-hits")
                .header("Authorization", Http.basic("camille.martin", "Greffe-Paris-2026"))).statusCode()).isEqualTo(403);
        assertThat(http.send(http.request("/api/models/decisions/memoire-track/rule-hits")).statusCode()).isEqualTo(401);
    }
}
