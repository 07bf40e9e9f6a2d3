package fr.fraisdejustice.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.memoire.SentMemoires;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/**
 * The guarded live deployment through its API: a valid change is live at once (the next mémoire follows it), a refused
 * one deploys nothing and says every reason, the history, the live models and the rollback. Every live change of a
 * shipped model is reverted after each test (the context is shared).
 */
@IntegrationTest
class ModelDeploymentApiTest {

    static final String ANALYST = Http.basic("claire.durand", "Analyste-2026");
    static final String CLERK = Http.basic("camille.martin", "Greffe-Paris-2026");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    RepositoryService repository;

    @Autowired
    HistoryService history;

    @Autowired
    ModelDeploymentService deployments;

    @Autowired
    LiveModels live;

    final ObjectMapper json = new ObjectMapper();
    Http http;

    @AfterEach
    void restoreTheShippedModels() throws IOException {
        List<ModelDeploymentService.Upload> shipped = new java.util.ArrayList<>();
        for (String name : List.of("dmn/memoire-routing.dmn", "dmn/tests/memoire-routing.csv", "dmn/tests/memoire-track.csv")) {
            byte[] content = Files.readAllBytes(Path.of(name));
            if (!java.util.Arrays.equals(live.content(name).orElseThrow(), content)) {
                shipped.add(new ModelDeploymentService.Upload(name, content));
            }
        }
        if (!shipped.isEmpty()) {
            deployments.deploy(shipped, "Retour aux modèles livrés après un test", "test");
        }
    }

    Http http() {
        if (http == null) {
            http = new Http(port);
        }
        return http;
    }

    @Test
    void aLoweredThresholdIsLiveAtOnceAndTheNextMemoireOf1320EurosGoesToTaxation() throws IOException {
        SentMemoires sent = SentMemoires.forNewStructure(context, port);
        String before = sent.untariffed("1100.00");
        assertThat(variable(before, "track")).as("1 320 € TTC, seuil de 1 500 €").isEqualTo("CERTIFICATION");
        int trackVersion = latestDecisionVersion("memoire-track");
        long deploymentsBefore = repository.createDeploymentQuery().count();

        var response = post("/api/models/deployments", loweredThreshold().text("reason", "Seuil de taxation abaissé à 1 200 €"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode deployed = json.readTree(response.body());
        assertThat(deployed.get("deployedBy").asText()).isEqualTo("claire.durand");
        assertThat(deployed.get("reason").asText()).isEqualTo("Seuil de taxation abaissé à 1 200 €");
        assertThat(deployed.get("liveAfterMillis").asLong()).isBetween(0L, 10_000L);
        assertThat(deployed.get("definitions").findValuesAsText("key")).contains("memoire-track", "memoire-routing");
        assertThat(repository.createDeploymentQuery().count()).as("un seul déploiement").isEqualTo(deploymentsBefore + 1);
        assertThat(latestDecisionVersion("memoire-track")).isEqualTo(trackVersion + 1);
        assertThat(repository.getDeploymentResourceNames(deployed.get("deploymentId").asText()))
                .containsExactlyInAnyOrder("dmn/memoire-routing.dmn", "dmn/tests/memoire-routing.csv", "dmn/tests/memoire-track.csv");

        String after = sent.untariffed("1100.00");
        assertThat(variable(after, "track")).as("1 320 € TTC, seuil abaissé à 1 200 €").isEqualTo("TAXATION");
        System.out.println("liveAfterMillis=" + deployed.get("liveAfterMillis").asLong());

        JsonNode history = json.readTree(get("/api/models/deployments").body());
        assertThat(history.get(0).get("deploymentId").asText()).isEqualTo(deployed.get("deploymentId").asText());
        assertThat(history.get(0).get("kind").asText()).isEqualTo("LIVE");
        assertThat(history.get(0).get("deployedBy").asText()).isEqualTo("claire.durand");
        assertThat(history.findValuesAsText("kind")).contains("START");

        JsonNode definitions = json.readTree(get("/api/models/definitions").body());
        JsonNode track = find(definitions, "memoire-track");
        assertThat(track.get("version").asInt()).isEqualTo(trackVersion + 1);
        assertThat(track.get("previousVersion").asInt()).isEqualTo(trackVersion);
        assertThat(track.get("resource").asText()).isEqualTo("dmn/memoire-routing.dmn");
        assertThat(definitions.findValuesAsText("type")).contains("BPMN", "DMN", "FORM");

        var resource = get("/api/models/resources?name=dmn/memoire-routing.dmn");
        assertThat(resource.body()).contains("&lt; 1200").doesNotContain("&lt; 1500");
        assertThat(resource.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
    }

    @Test
    void aCheckRunsEveryCheckAndDeploysNothing() throws IOException {
        long deploymentsBefore = repository.createDeploymentQuery().count();

        var response = post("/api/models/deployments/check", loweredThreshold().text("reason", "Essai"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode check = json.readTree(response.body());
        assertThat(check.get("valid").asBoolean()).isTrue();
        assertThat(check.get("testCases").asInt()).isGreaterThan(5);
        assertThat(check.get("resources").toString()).contains("dmn/memoire-routing.dmn");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
        assertThat(live.content("dmn/memoire-routing.dmn").map(String::new).orElseThrow()).contains("&lt; 1500");
    }

    @Test
    void aTableThatBreaksItsTestCasesIsRefusedWithTheCase() throws IOException {
        long deploymentsBefore = repository.createDeploymentQuery().count();
        var response = post("/api/models/deployments", new Multipart()
                .file("files", "memoire-routing.dmn", "application/xml", lowered())
                .text("reason", "Seuil abaissé sans revoir les cas"));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("detail").asText()).contains("rien n'a été déployé");
        assertThat(problem.get("errors").findValuesAsText("field")).contains("dmn/tests/memoire-track.csv",
                "dmn/tests/memoire-routing.csv");
        assertThat(problem.get("errors").findValuesAsText("detail"))
                .anyMatch(d -> d.contains("non tarifé juste sous le seuil") && d.contains("obtenu « TAXATION »"));
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    }

    @Test
    void aForbiddenConstructIsRefused() throws IOException {
        String process = Files.readString(Path.of("bpmn/support-ticket.bpmn"))
                .replaceFirst("camunda:delegateExpression=\"\\$\\{[a-zA-Z]+}\"", "camunda:class=\"java.lang.Runtime\"");
        var response = post("/api/models/deployments", new Multipart()
                .file("files", "support-ticket.bpmn", "application/xml", process.getBytes(StandardCharsets.UTF_8))
                .text("reason", "Essai"));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).contains("bpmn/support-ticket.bpmn");
        assertThat(errors.findValuesAsText("detail")).anyMatch(d -> d.contains("camunda:class"));
    }

    @Test
    void anXxeInATableIsRefusedAndNothingIsRead() throws IOException {
        String table = Files.readString(Path.of("dmn/ticket-routing.dmn")).replaceFirst("<\\?xml[^>]*>",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>").replace("SUPPORT\"", "&x;\"");
        var response = post("/api/models/deployments/check", new Multipart()
                .file("files", "ticket-routing.dmn", "application/xml", table.getBytes(StandardCharsets.UTF_8))
                .text("reason", "Essai"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void aProcessTheEngineCannotParseIsRefusedWithTheEnginesReason() throws IOException {
        // a timer without its time: the model reads, the lint has nothing to say, the engine's parser refuses it
        var process = Bpmn.createExecutableProcess("demo-engine-parse").camundaHistoryTimeToLive(1)
                .startEvent("Event_Started")
                .sequenceFlowId("Flow_ToWait")
                .intermediateCatchEvent("Event_Waited").timerWithDuration("PT1H")
                .sequenceFlowId("Flow_ToDone")
                .endEvent("Event_Done")
                .done();
        String xml = Bpmn.convertToString(process).replaceAll("<timeDuration[^>]*>PT1H</timeDuration>", "");
        var response = post("/api/models/deployments/check", new Multipart()
                .file("files", "demo-engine-parse.bpmn", "application/xml",
                        xml.getBytes(StandardCharsets.UTF_8))
                .text("reason", "Essai"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json.readTree(response.body()).get("errors").findValuesAsText("detail"))
                .anyMatch(d -> d.startsWith("le moteur refuse"));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("demo-engine-parse").count()).isZero();
    }

    @Test
    void badRequestsAreRefusedWithEveryReason() throws IOException {
        var nothing = post("/api/models/deployments", new Multipart().text("other", "x"));
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertThat(json.readTree(nothing.body()).get("errors").findValuesAsText("field")).containsExactly("reason", "files");

        var wrongFile = post("/api/models/deployments", new Multipart()
                .file("files", "script.js", "text/javascript", "1".getBytes(StandardCharsets.UTF_8)).text("reason", "Essai"));
        assertThat(wrongFile.statusCode()).isEqualTo(422);
        assertThat(wrongFile.body()).contains("n'est pas un modèle");

        var unchanged = post("/api/models/deployments", new Multipart()
                .file("files", "ticket-routing.dmn", "application/xml", Files.readAllBytes(Path.of("dmn/ticket-routing.dmn")))
                .text("reason", "Essai"));
        assertThat(unchanged.statusCode()).isEqualTo(422);
        assertThat(unchanged.body()).contains("déjà en service");

        var unknown = get("/api/models/resources?name=dmn/nowhere.dmn");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Aucun modèle en service ne s'appelle « dmn/nowhere.dmn »");
    }

    @Test
    void onlyAnalystsAndAdministratorsGetIn() {
        assertThat(http().send(http().request("/api/models/live")).statusCode()).isEqualTo(401);
        assertThat(http().send(http().request("/api/models/live").header("Authorization", CLERK)).statusCode()).isEqualTo(403);
        assertThat(http().send(http().request("/api/models/deployments").header("Authorization", CLERK)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
    }

    @Test
    void aHugeUploadIsRefusedBeforeItsBodyIsRead() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/models/deployments HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: " + ANALYST
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (300L * 1024 * 1024)
                    + "\r\n\r\n--x\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void theLiveModelsComeAsAZipInTheRepositorysLayout() throws IOException {
        HttpResponse<byte[]> response = http().sendBytes(http().request("/api/models/live").header("Authorization", ANALYST));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("bpmn/memoire-lifecycle.bpmn", "dmn/memoire-routing.dmn",
                "dmn/tests/memoire-track.csv", "forms/certify-memoire.form");
        assertThat(entries.get("dmn/tests/memoire-track.csv")).isEqualTo(Files.readAllBytes(Path.of("dmn/tests/memoire-track.csv")));
        assertThat(entries.keySet()).allMatch(name -> name.matches("(bpmn|dmn|dmn/tests|forms)/[a-z0-9-]+\\.(bpmn|dmn|csv|form)"));
    }

    @Test
    void aRollbackRedeploysThePreviousContentAsANewVersion() throws IOException {
        var deployed = post("/api/models/deployments", loweredThreshold().text("reason", "Seuil abaissé"));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        int lowered = latestDecisionVersion("memoire-track");

        var rollback = http().json("POST", "/api/models/rollbacks",
                "{\"resource\":\"dmn/memoire-routing.dmn\",\"reason\":\"Retour au seuil de 1 500 €\"}", "Authorization", ANALYST);

        assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(201);
        assertThat(latestDecisionVersion("memoire-track")).isEqualTo(lowered + 1);
        assertThat(live.content("dmn/memoire-routing.dmn").orElseThrow()).isEqualTo(Files.readAllBytes(Path.of("dmn/memoire-routing.dmn")));
        assertThat(live.content("dmn/tests/memoire-track.csv").orElseThrow())
                .as("its test cases go back with it").isEqualTo(Files.readAllBytes(Path.of("dmn/tests/memoire-track.csv")));
        JsonNode history = json.readTree(get("/api/models/deployments").body());
        assertThat(history.get(0).get("kind").asText()).isEqualTo("ROLLBACK");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("Retour au seuil de 1 500 €");
    }

    @Test
    void aRollbackWithoutPreviousVersionOrOfAnUnknownModelIsRefused() throws IOException {
        var none = http().json("POST", "/api/models/rollbacks",
                "{\"resource\":\"forms/terms-of-use.form\",\"reason\":\"Essai\"}", "Authorization", ANALYST);
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("pas de version précédente");

        var unknown = http().json("POST", "/api/models/rollbacks",
                "{\"resource\":\"dmn/nowhere.dmn\",\"reason\":\"Essai\"}", "Authorization", ANALYST);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Aucun modèle en service");
    }

    private Multipart loweredThreshold() throws IOException {
        String track = Files.readString(Path.of("dmn/tests/memoire-track.csv"))
                .replace("non tarifé juste sous le seuil;false;false;1499.99;CERTIFICATION",
                        "non tarifé juste sous le nouveau seuil;false;false;1199.99;CERTIFICATION")
                .replace("non tarifé au seuil;false;false;1500.00;TAXATION", "non tarifé au nouveau seuil;false;false;1200.00;TAXATION");
        String routing = Files.readString(Path.of("dmn/tests/memoire-routing.csv"))
                .replace("1300;false;false;TJ75101;CA_PARIS;CERTIFICATION", "1300;false;false;TJ75101;CA_PARIS;TAXATION");
        return new Multipart()
                .file("files", "memoire-routing.dmn", "application/xml", lowered())
                .file("files", "memoire-track.csv", "text/csv", track.getBytes(StandardCharsets.UTF_8))
                .file("files", "dmn/tests/memoire-routing.csv", "text/csv", routing.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] lowered() throws IOException {
        return Files.readString(Path.of("dmn/memoire-routing.dmn"))
                .replace("&lt; 1500", "&lt; 1200").replace("&gt;= 1500", "&gt;= 1200")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, Multipart body) {
        return http().send(http().request(path).header("Authorization", ANALYST).header("Content-Type", body.contentType())
                .POST(body.publisher()));
    }

    private HttpResponse<String> get(String path) {
        return http().send(http().request(path).header("Authorization", ANALYST));
    }

    private int latestDecisionVersion(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult().getVersion();
    }

    private Object variable(String mj, String name) {
        var instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(mj).singleResult();
        return context.getBean(org.camunda.bpm.engine.RuntimeService.class).getVariable(instance.getId(), name);
    }

    private static JsonNode find(JsonNode definitions, String key) {
        for (JsonNode definition : definitions) {
            if (definition.get("key").asText().equals(key)) {
                return definition;
            }
        }
        throw new AssertionError("pas de définition " + key);
    }
}
