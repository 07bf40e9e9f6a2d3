package fr.fraisdejustice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/**
 * The what-if replay's goal (issue #19): 10 000 real evaluations of memoire-track replayed with a candidate
 * memoire-routing.dmn (threshold 1 200 €) in under 10 s, through the API as the page calls it. Runs only with
 * {@code mvn -Pbench test -Dtest=ReplayBenchmark -Dnpm.skip=true}.
 */
@IntegrationTest
class ReplayBenchmark {

    static final int EVALUATIONS = 10_000;

    @Autowired DecisionService decisions;
    @Autowired TransactionTemplate transactions;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    @Test
    void replaysTenThousandEvaluationsInUnderTenSeconds() throws IOException {
        long seeding = System.nanoTime();
        for (int chunk = 0; chunk < EVALUATIONS; chunk += 500) {
            int from = chunk;
            transactions.executeWithoutResult(status -> {
                for (int i = from; i < from + 500; i++) {
                    decisions.evaluateDecisionByKey("memoire-track").variables(Variables.createVariables()
                            .putValue("late", i % 7 == 3)
                            .putValue("allTariffed", i % 5 == 1)
                            .putValue("amountInclVat", 100.0 + (i * 7919L % 300_000) / 100.0)).evaluate();
                }
            });
        }
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        String shipped = Files.readString(Path.of("dmn/memoire-routing.dmn"), StandardCharsets.UTF_8);
        byte[] candidate = shipped.replace("&lt; 1500", "&lt; 1200").replace("&gt;= 1500", "&gt;= 1200")
                .getBytes(StandardCharsets.UTF_8);
        Http http = new Http(port);

        JsonNode report = null;
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            Multipart body = new Multipart().file("file", "memoire-routing.dmn", "application/xml", candidate)
                    .text("limit", String.valueOf(EVALUATIONS));
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(http.request("/api/models/decisions/memoire-track/replay")
                    .header("Authorization", Http.basic("claire.durand", "Analyste-2026"))
                    .header("Content-Type", body.contentType()).POST(body.publisher()));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            report = json.readTree(response.body());
            best = Math.min(best, seconds);
            System.out.printf("replay run %d: %.2f s (server %d ms), %d evaluated, %d changed%n", run + 1, seconds,
                    report.get("millis").asLong(), report.get("evaluated").asInt(), report.get("changed").asInt());
        }
        assertThat(report.get("evaluated").asInt()).isEqualTo(EVALUATIONS);
        BenchTable.record("seeding 10 000 evaluations of memoire-track (DecisionService, chunks of 500)", seedSeconds, "s");
        BenchTable.record("replay of 10 000 evaluations (candidate memoire-routing.dmn, best of 3, HTTP)", best, "s",
                "goal", 10, "< 10 s", best < 10);
    }
}
