package fr.fraisdejustice.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * An analyst moves running instances to a new version of their process. In a JVM of its own (Failsafe): the versions it
 * deploys must not leak into the shared test context. A small process of the test's own (v2 keeps one activity under a
 * new label and a longer timer, drops another), then the real mémoire process with a relabelled v2. The engine's job
 * executor is off in tests: the batch's jobs are run here, one by one.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessMigrationIT {

    static final String KEY = "migration-essai";
    static final String ANALYST = Http.basic("claire.durand", "Analyste-2026");
    static final String ADMIN = Http.basic("marc.leroy", "Admin-FDJ-2026");
    static final String CLERK = Http.basic("camille.martin", "Greffe-Paris-2026");

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    Http http;

    /**
     * v1: check (timer 1 day) → removed step → save point → approve. v2: check (new label, timer 2 days) → approve, with
     * no save point.
     */
    static BpmnModelInstance essai(int version) {
        var process = Bpmn.createExecutableProcess(KEY).name("Essai de migration").camundaHistoryTimeToLive(1)
                .startEvent("Event_Started")
                .userTask("Task_Check").name(version == 1 ? "Vérifier" : "Vérifier la demande")
                .boundaryEvent("Event_CheckOverdue").cancelActivity(false).timerWithDuration(version == 1 ? "P1D" : "P2D")
                .endEvent("Event_Reminded")
                .moveToActivity("Task_Check");
        if (version == 1) {
            process = process.userTask("Task_Remove").name("Étape supprimée");
        }
        // the save point before approval goes away in v2: an instance waiting there is refused by the engine itself
        return process.userTask("Task_Approve").name("Approuver").camundaAsyncBefore(version == 1)
                .endEvent("Event_Approved").done();
    }

    @BeforeAll
    void twoVersionsWithRunningInstances() {
        http = new Http(port);
        deploy(KEY, essai(1));
        IntStream.range(0, 3).forEach(i -> startAt(KEY, "Task_Check", "ESSAI-C" + i));
        IntStream.range(0, 2).forEach(i -> startAt(KEY, "Task_Remove", "ESSAI-R" + i));
        startAt(KEY, "Task_Approve", "ESSAI-A0");
        deploy(KEY, essai(2));
    }

    @Test
    void theCompatibleInstancesMoveAndTheOthersStayListedWithTheirReason() throws Exception {
        long started = System.nanoTime();
        JsonNode versions = read(call("GET", "/api/models/processes/" + KEY + "/versions", null, ANALYST), 200);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).get("runningInstances").asInt()).isEqualTo(6);
        assertThat(versions.get(0).get("deployedAt").asText()).isNotBlank();
        assertThat(versions.get(1).get("runningInstances").asInt()).isZero();

        JsonNode dryRun = read(call("POST", "/api/models/processes/" + KEY + "/migrations/dry-run",
                "{\"fromVersion\":1}", ANALYST), 200);
        assertThat(dryRun.get("fromVersion").asInt()).isEqualTo(1);
        assertThat(dryRun.get("toVersion").asInt()).as("la dernière version par défaut").isEqualTo(2);
        assertThat(dryRun.get("migratable").asInt()).isEqualTo(3);
        assertThat(dryRun.get("instructions").findValuesAsText("source"))
                .contains("Task_Check", "Task_Approve", "Event_CheckOverdue").doesNotContain("Task_Remove");
        assertThat(reasons(dryRun)).containsOnlyKeys("ESSAI-R0", "ESSAI-R1", "ESSAI-A0")
                .containsEntry("ESSAI-R0", "L'instance est dans l'activité « Étape supprimée » (Task_Remove), qui n'existe "
                        + "plus dans la version 2.")
                .containsEntry("ESSAI-A0", "L'instance est dans l'activité « Approuver » (Task_Approve) : elle attend au "
                        + "point de sauvegarde avant cette activité, qui n'en a plus dans la version 2.");
        assertThat(versionOf("ESSAI-C0")).as("rien n'a bougé au galop d'essai").isEqualTo(1);

        JsonNode migration = read(call("POST", "/api/models/processes/" + KEY + "/migrations",
                "{\"fromVersion\":1,\"toVersion\":2,\"reason\":\"Étape supprimée du circuit\"}", ANALYST), 202);
        String batchId = migration.get("batchId").asText();
        assertThat(migration.get("instances").asInt()).isEqualTo(3);
        assertThat(reasons(migration)).isEqualTo(reasons(dryRun));
        assertThat(progress(batchId)).isEqualTo(Map.of("total", 3, "done", 0, "failed", 0, "finished", false));
        assertThat(jdbc.queryForMap("select requested_by, reason, instances, incompatible, from_version, to_version "
                + "from model_migration where batch_id = ?", batchId)).containsEntry("requested_by", "claire.durand")
                .containsEntry("reason", "Étape supprimée du circuit").containsEntry("instances", 3)
                .containsEntry("incompatible", 3).containsEntry("from_version", 1).containsEntry("to_version", 2);

        JsonNode twice = read(call("POST", "/api/models/processes/" + KEY + "/migrations",
                "{\"fromVersion\":1,\"reason\":\"Double clic\"}", ADMIN), 409);
        assertThat(twice.get("batchId").asText()).isEqualTo(batchId);

        // meanwhile a clerk moves ESSAI-C2 on to the step v2 drops: its part of the batch fails, the rest goes through
        tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId("ESSAI-C2")).singleResult().getId());
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        runJobs(batch.getSeedJobDefinitionId());
        runJobs(batch.getBatchJobDefinitionId());
        assertThat(progress(batchId)).isEqualTo(Map.of("total", 3, "done", 2, "failed", 1, "finished", true));

        assertThat(List.of("ESSAI-C0", "ESSAI-C1")).allSatisfy(key -> assertThat(versionOf(key)).isEqualTo(2));
        assertThat(List.of("ESSAI-C2", "ESSAI-R0", "ESSAI-R1", "ESSAI-A0"))
                .allSatisfy(key -> assertThat(versionOf(key)).isEqualTo(1));
        Job reminder = management.createJobQuery().processInstanceId(instanceId("ESSAI-C0")).singleResult();
        assertThat(reminder.getProcessDefinitionId()).isEqualTo(definition(KEY, 2).getId());
        versions = read(call("GET", "/api/models/processes/" + KEY + "/versions", null, ADMIN), 200);
        assertThat(versions.findValuesAsText("runningInstances")).containsExactly("4", "2");
        System.out.printf("Migration : galop d'essai, lot et suivi de 6 instances en %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void theRealMemoireProcessMigratesWholeWhenItsV2OnlyChangesALabel() throws Exception {
        String key = "memoire-lifecycle";
        startAt(key, "Event_MemoireCompleted", "MJ-MIGRATION-1");
        startAt(key, "Gateway_AppealWindow", "MJ-MIGRATION-2");
        // enough instances to measure the dry run, which migrates each one in a transaction rolled back
        IntStream.range(0, 48).forEach(i -> startAt(key, "Event_MemoireCompleted", "MJ-MIGRATION-X" + i));
        int from = definition(key, null).getVersion();
        String bpmn;
        try (InputStream in = new ClassPathResource("bpmn/memoire-lifecycle.bpmn").getInputStream()) {
            bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String relabelled = bpmn.replace("name=\"Mémoire complété par le prestataire\"", "name=\"Mémoire complété\"");
        assertThat(relabelled).isNotEqualTo(bpmn);
        repository.createDeployment().name("migration-essai").addString("bpmn/memoire-lifecycle.bpmn", relabelled).deploy();

        long started = System.nanoTime();
        JsonNode dryRun = read(call("POST", "/api/models/processes/" + key + "/migrations/dry-run",
                "{\"fromVersion\":" + from + "}", ANALYST), 200);
        System.out.printf("Migration : galop d'essai de %d instances du mémoire en %d ms%n", dryRun.get("migratable").asInt(),
                (System.nanoTime() - started) / 1_000_000);
        long running = runtime.createProcessInstanceQuery().processDefinitionId(definition(key, from).getId()).count();
        assertThat(dryRun.get("toVersion").asInt()).isEqualTo(from + 1);
        assertThat(dryRun.get("migratable").asLong()).isEqualTo(running).isGreaterThanOrEqualTo(50);
        assertThat(dryRun.get("incompatible")).isEmpty();

        JsonNode migration = read(call("POST", "/api/models/processes/" + key + "/migrations",
                "{\"fromVersion\":" + from + ",\"reason\":\"Libellé plus court\"}", ANALYST), 202);
        Batch batch = management.createBatchQuery().batchId(migration.get("batchId").asText()).singleResult();
        runJobs(batch.getSeedJobDefinitionId());
        runJobs(batch.getBatchJobDefinitionId());
        runJobs(batch.getMonitorJobDefinitionId());
        assertThat(management.createBatchQuery().batchId(batch.getId()).count()).as("le lot terminé est effacé").isZero();
        assertThat(progress(batch.getId())).isEqualTo(Map.of("total", (int) running, "done", (int) running,
                "failed", 0, "finished", true));

        assertThat(versionOf("MJ-MIGRATION-1")).isEqualTo(from + 1);
        assertThat(versionOf("MJ-MIGRATION-2")).isEqualTo(from + 1);
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instanceId("MJ-MIGRATION-1"))
                .eventName("MemoireCompleted").count()).as("le mémoire attend toujours son complément").isEqualTo(1);
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instanceId("MJ-MIGRATION-2"))
                .eventName("TaxationAppealed").count()).as("le recours reste ouvert").isEqualTo(1);
        assertThat(management.createJobQuery().processInstanceId(instanceId("MJ-MIGRATION-2")).timers().singleResult()
                .getProcessDefinitionId()).as("le délai de recours suit la nouvelle version").isEqualTo(definition(key, from + 1).getId());
    }

    @Test
    void badRequestsAreRefusedInFrench() throws Exception {
        String path = "/api/models/processes/" + KEY + "/migrations";
        JsonNode unknown = read(call("GET", "/api/models/processes/processus-inconnu/versions", null, ANALYST), 404);
        assertThat(unknown.get("detail").asText()).isEqualTo("Aucun processus « processus-inconnu » n'est déployé.");
        read(call("POST", "/api/models/processes/processus-inconnu/migrations/dry-run", "{\"fromVersion\":1}", ANALYST), 404);

        JsonNode badVersions = read(call("POST", path + "/dry-run", "{\"fromVersion\":7,\"toVersion\":9}", ANALYST), 422);
        assertThat(badVersions.get("errors").findValuesAsText("field")).containsExactly("fromVersion", "toVersion");
        assertThat(badVersions.get("errors").get(0).get("detail").asText())
                .isEqualTo("Le processus « migration-essai » n'a pas de version 7 (versions 1 à 2).");
        JsonNode same = read(call("POST", path + "/dry-run", "{\"fromVersion\":2,\"toVersion\":2}", ANALYST), 422);
        assertThat(same.get("detail").asText()).startsWith("Les instances sont déjà sur la version 2");
        read(call("POST", path + "/dry-run", "{}", ANALYST), 422);
        JsonNode noReason = read(call("POST", path, "{\"fromVersion\":1,\"reason\":\" \"}", ANALYST), 400);
        assertThat(noReason.get("errors").findValuesAsText("field")).containsExactly("reason");
        JsonNode unknownBatch = read(call("GET", "/api/models/migrations/lot-inconnu", null, ANALYST), 404);
        assertThat(unknownBatch.get("detail").asText()).isEqualTo("Aucune migration ne porte ce numéro de lot.");

        read(call("GET", "/api/models/processes/" + KEY + "/versions", null, CLERK), 403);
        read(call("POST", path + "/dry-run", "{\"fromVersion\":1}", CLERK), 403);
        read(call("GET", "/api/models/processes/" + KEY + "/versions", null, null), 401);
    }

    @Test
    void aVersionSharingNoActivityHasNoPlanAndNothingMoves() throws Exception {
        String key = "migration-refus";
        deploy(key, Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent("Event_Started")
                .userTask("Task_Old").name("Ancienne tâche").endEvent("Event_Done").done());
        startAt(key, "Task_Old", "REFUS-1");
        deploy(key, Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent("Event_Begun")
                .userTask("Task_New").name("Nouvelle tâche").endEvent("Event_Finished").done());

        JsonNode refused = read(call("POST", "/api/models/processes/" + key + "/migrations/dry-run",
                "{\"fromVersion\":1}", ANALYST), 422);
        assertThat(refused.get("code").asText()).isEqualTo("MIGRATION_PLAN_INVALID");
        assertThat(refused.get("errors").get(0).get("detail").asText()).isEqualTo("Aucune activité de la version 1 ne se "
                + "retrouve, avec le même identifiant et le même type, dans la version 2.");
        read(call("POST", "/api/models/processes/" + key + "/migrations",
                "{\"fromVersion\":1,\"reason\":\"Essai\"}", ANALYST), 422);
        assertThat(versionOf("REFUS-1")).isEqualTo(1);
    }

    private void deploy(String key, BpmnModelInstance model) {
        repository.createDeployment().name("migration-essai").addModelInstance("bpmn/" + key + ".bpmn", model).deploy();
    }

    private void startAt(String key, String activityId, String businessKey) {
        runtime.createProcessInstanceByKey(key).businessKey(businessKey).startBeforeActivity(activityId).execute();
    }

    private ProcessDefinition definition(String key, Integer version) {
        var query = repository.createProcessDefinitionQuery().processDefinitionKey(key);
        return version == null ? query.latestVersion().singleResult() : query.processDefinitionVersion(version).singleResult();
    }

    private String instanceId(String businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    }

    private int versionOf(String businessKey) {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult()
                .getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }

    /**
     * The jobs of one of the batch's job definitions, run as the job executor would (it is off in tests) until none is
     * left but those out of retries.
     */
    private void runJobs(String jobDefinitionId) {
        List<Job> jobs;
        while (!(jobs = management.createJobQuery().jobDefinitionId(jobDefinitionId).withRetriesLeft().list()).isEmpty()) {
            jobs.forEach(job -> {
                try {
                    management.executeJob(job.getId());
                } catch (ProcessEngineException failed) {
                    // counted down by the engine, as by the job executor
                }
            });
        }
    }

    /** The incompatible instances of a report: business key → reason. */
    private static Map<String, String> reasons(JsonNode report) {
        Map<String, String> reasons = new TreeMap<>();
        report.get("incompatible").forEach(i -> reasons.put(i.get("businessKey").asText(), i.get("reason").asText()));
        return reasons;
    }

    private Map<String, Object> progress(String batchId) throws IOException {
        return json.convertValue(read(call("GET", "/api/models/migrations/" + batchId, null, ANALYST), 200), Map.class);
    }

    private HttpResponse<String> call(String method, String path, String body, String authorization) {
        return authorization == null ? http.json(method, path, body) : http.json(method, path, body, "Authorization", authorization);
    }

    private JsonNode read(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }
}
