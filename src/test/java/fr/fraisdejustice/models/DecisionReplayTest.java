package fr.fraisdejustice.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;
import fr.fraisdejustice.support.TestClock;

/**
 * The what-if replay: a candidate memoire-routing.dmn lowering the certification threshold from 1 500 € to 1 200 € is
 * replayed over 200 seeded evaluations of memoire-track, and the report names exactly the cases it changes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionReplayTest {

    static final String ANALYST = Http.basic("claire.durand", "Analyste-2026");
    static final int SEEDED = 200;

    @Autowired DecisionService decisions;
    @Autowired HistoryService history;
    @Autowired TestClock clock;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private Http http;
    private List<DecisionReplaySeed.Case> cases;

    @BeforeAll
    void seedTheHistory() {
        http = new Http(port);
        cases = DecisionReplaySeed.cases(SEEDED);
        DecisionReplaySeed.evaluate(decisions, history, clock, cases);
    }

    static byte[] routingWithThreshold(int threshold) throws IOException {
        String shipped = Files.readString(Path.of("dmn/memoire-routing.dmn"), StandardCharsets.UTF_8);
        String candidate = shipped.replace("&lt; 1500", "&lt; " + threshold).replace("&gt;= 1500", "&gt;= " + threshold);
        assertThat(threshold == 1500 || !candidate.equals(shipped)).isTrue();
        return candidate.getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> replay(String key, Multipart body, String authorization) {
        return http.send(http.request("/api/models/decisions/" + key + "/replay")
                .header("Authorization", authorization).header("Content-Type", body.contentType())
                .POST(body.publisher()));
    }

    private static Multipart candidate(byte[] dmn, String limit) {
        Multipart body = new Multipart().file("file", "memoire-routing.dmn", "application/xml", dmn);
        return limit == null ? body : body.text("limit", limit);
    }

    @Test
    void reportsExactlyTheCasesALowerThresholdSendsToTaxation() throws IOException {
        HttpResponse<String> response = replay(DecisionReplaySeed.TRACK,
                candidate(routingWithThreshold(1200), String.valueOf(SEEDED)), ANALYST);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        Set<BigDecimal> expected = cases.stream()
                .filter(c -> !c.track(1500).equals(c.track(1200)))
                .map(c -> c.amount().setScale(1))
                .collect(Collectors.toSet());
        assertThat(expected).isNotEmpty().allSatisfy(amount -> assertThat(amount).isBetween(
                new BigDecimal("1200"), new BigDecimal("1499.9")));
        assertThat(report.get("decisionKey").asText()).isEqualTo("memoire-track");
        assertThat(report.get("evaluated").asInt()).isEqualTo(SEEDED);
        assertThat(report.get("changed").asInt()).isEqualTo(expected.size());
        assertThat(report.get("unchanged").asInt()).isEqualTo(SEEDED - expected.size());
        assertThat(report.get("notReplayable").asInt()).isZero();
        Set<BigDecimal> changedAmounts = java.util.stream.StreamSupport.stream(report.get("changes").spliterator(), false)
                .peek(change -> {
                    assertThat(change.at("/inputs/late").asBoolean()).isFalse();
                    assertThat(change.at("/inputs/allTariffed").asBoolean()).isFalse();
                    assertThat(change.at("/before/track").asText()).isEqualTo("CERTIFICATION");
                    assertThat(change.at("/after/track").asText()).isEqualTo("TAXATION");
                    assertThat(change.get("evaluatedAt").asText()).isNotBlank();
                })
                .map(change -> change.at("/inputs/amountInclVat").decimalValue().setScale(1))
                .collect(Collectors.toSet());
        assertThat(changedAmounts).isEqualTo(expected);
        long taxedBefore = cases.stream().filter(c -> c.track(1500).equals("TAXATION")).count();
        assertThat(report.at("/countsBefore/track/TAXATION").asLong()).isEqualTo(taxedBefore);
        assertThat(report.at("/countsAfter/track/TAXATION").asLong()).isEqualTo(taxedBefore + expected.size());
        assertThat(report.at("/countsAfter/track/CERTIFICATION").asLong())
                .isEqualTo(SEEDED - taxedBefore - expected.size());
    }

    @Test
    void theShippedTableChangesNothing() throws IOException {
        HttpResponse<String> response = replay(DecisionReplaySeed.TRACK,
                candidate(routingWithThreshold(1500), String.valueOf(SEEDED)), ANALYST);

        JsonNode report = json.readTree(response.body());
        assertThat(report.get("evaluated").asInt()).isEqualTo(SEEDED);
        assertThat(report.get("changed").asInt()).isZero();
        assertThat(report.get("changes")).isEmpty();
        assertThat(report.get("countsAfter")).isEqualTo(report.get("countsBefore"));
    }

    @Test
    void aDecisionWhoseOutputsReadOtherVariablesIsNotReplayedButExplained() throws IOException {
        HttpResponse<String> response = replay("certifying-office", candidate(routingWithThreshold(1200), "50"), ANALYST);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        assertThat(report.get("evaluated").asInt()).isZero();
        assertThat(report.get("notReplayableReason").asText()).contains("jurisdictionRessort").contains("inventer");
    }

    @Test
    void refusesWhatCannotBeReplayedInFrench() throws IOException {
        HttpResponse<String> noFile = replay("memoire-track", new Multipart().text("limit", "10"), ANALYST);
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noFile.body()).get("detail").asText()).contains("Joignez la table candidate");

        HttpResponse<String> notDmn = replay("memoire-track",
                candidate("<html>bonjour</html>".getBytes(StandardCharsets.UTF_8), null), ANALYST);
        assertThat(notDmn.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notDmn.body()).get("detail").asText()).contains("n'est pas une table de décision DMN lisible");

        HttpResponse<String> otherDecision = replay("ticket-routing", candidate(routingWithThreshold(1200), null), ANALYST);
        assertThat(otherDecision.statusCode()).isEqualTo(400);
        assertThat(json.readTree(otherDecision.body()).get("detail").asText()).contains("ne contient pas la décision « ticket-routing »");

        HttpResponse<String> tooMany = replay("memoire-track", candidate(routingWithThreshold(1200), "100001"), ANALYST);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooMany.body()).get("detail").asText()).contains("de 1 à 100 000");

        HttpResponse<String> notANumber = replay("memoire-track", candidate(routingWithThreshold(1200), "beaucoup"), ANALYST);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notANumber.body()).get("detail").asText()).contains("en chiffres");
    }

    @Test
    void aHostileDmnIsRefusedWithoutReadingAnyFile() throws IOException {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"&x;\" namespace=\"n\">"
                + "<decision id=\"memoire-track\" name=\"&x;\"><decisionTable id=\"t\"><output id=\"o\" name=\"track\"/>"
                + "</decisionTable></decision></definitions>";
        HttpResponse<String> response = replay("memoire-track", candidate(xxe.getBytes(StandardCharsets.UTF_8), "10"), ANALYST);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("root:");
    }

    @Test
    void onlyAnalystsAndAdministratorsReplay() throws IOException {
        assertThat(replay("memoire-track", candidate(routingWithThreshold(1200), "10"),
                Http.basic("camille.martin", "Greffe-Paris-2026")).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = http.send(http.request("/api/models/decisions/memoire-track/replay")
                .header("Content-Type", candidate(new byte[] {1}, null).contentType())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
