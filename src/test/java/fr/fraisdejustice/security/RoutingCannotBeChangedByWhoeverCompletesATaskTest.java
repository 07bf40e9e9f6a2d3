package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import fr.fraisdejustice.memoire.SentMemoireFixture;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * The candidate groups come from process variables; whoever completes a task over engine REST writes only its form's
 * fields, nobody writes variables directly, and the routing values come back from our tables when a task is created.
 */
@IntegrationTest
class RoutingCannotBeChangedByWhoeverCompletesATaskTest {

    static final String CLERK = Http.basic("camille.martin", "Greffe-Paris-2026");
    static final String ADMIN = Http.basic("marc.leroy", "Admin-FDJ-2026");

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @LocalServerPort int port;

    Http http;
    String mj;
    String instance;

    @BeforeEach
    void sendAMemoireToTheParisGreffe() throws IOException {
        http = new Http(port);
        mj = SentMemoireFixture.send(context, port).mjNumber();
        instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(mj)
                .singleResult().getId();
    }

    @Test
    void aParisClerkCompletingTheCertificationWithAnotherOfficeIsRefusedAndTheMemoireStillRoutesToParis() {
        Task task = claimedCertification();

        var refused = http.json("POST", "/engine-rest/task/" + task.getId() + "/complete", """
                {"variables": {"certificationDecision": {"value": "CERTIFIER"},
                               "certifyingOffice": {"value": "TJ69383"}}}""", "Authorization", CLERK);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("certifyingOffice").contains("Rien n'a été enregistré");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
        assertThat(engine.getRuntimeService().getVariable(instance, "certifyingOffice")).isEqualTo("TJ75101");

        var submitted = http.json("POST", "/engine-rest/task/" + task.getId() + "/submit-form", """
                {"variables": {"certificationDecision": {"value": "CERTIFIER"}, "courAppel": {"value": "CA_LYON"}}}""",
                "Authorization", CLERK);
        assertThat(submitted.statusCode()).isEqualTo(400);
        assertThat(submitted.body()).contains("courAppel");

        var certified = http.json("POST", "/engine-rest/task/" + task.getId() + "/complete", """
                {"variables": {"certificationDecision": {"value": "CERTIFIER"}}}""", "Authorization", CLERK);
        assertThat(certified.statusCode()).isEqualTo(204);
        assertThat(candidateGroups("Task_OrderPayment")).containsExactly("sar-CA_PARIS");
    }

    @Test
    void noOneWritesProcessOrTaskVariablesThroughEngineRestNotEvenAnAdministrator() {
        Task task = claimedCertification();
        String body = """
                {"value": "TJ69383", "type": "String"}""";

        assertThat(http.json("PUT", "/engine-rest/process-instance/" + instance + "/variables/certifyingOffice", body,
                "Authorization", ADMIN).statusCode()).isEqualTo(403);
        assertThat(http.json("POST", "/engine-rest/process-instance/" + instance + "/variables", """
                {"modifications": {"certifyingOffice": {"value": "TJ69383"}}}""", "Authorization", ADMIN).statusCode())
                .isEqualTo(403);
        assertThat(http.json("PUT", "/engine-rest/task/" + task.getId() + "/variables/certifyingOffice", body,
                "Authorization", CLERK).statusCode()).isEqualTo(403);
        assertThat(http.json("PUT", "/engine-rest/task/" + task.getId() + "/localVariables/certifyingOffice", body,
                "Authorization", ADMIN).statusCode()).isEqualTo(403);
        assertThat(http.json("PUT", "/engine-rest/execution/" + instance + "/localVariables/certifyingOffice", body,
                "Authorization", ADMIN).statusCode()).isEqualTo(403);
        assertThat(http.json("DELETE", "/engine-rest/process-instance/" + instance + "/variables/certifyingOffice", null,
                "Authorization", ADMIN).statusCode()).isEqualTo(403);

        assertThat(http.json("POST", "/engine-rest/message", """
                {"messageName": "MemoireCompleted", "businessKey": "x",
                 "processVariables": {"certifyingOffice": {"value": "TJ69383"}}}""", "Authorization", ADMIN).statusCode())
                .isEqualTo(403);
        assertThat(http.json("POST", "/engine-rest/process-instance/" + instance + "/modification", """
                {"instructions": [{"type": "startBeforeActivity", "activityId": "Task_CertifyMemoire",
                                   "variables": {"certifyingOffice": {"value": "TJ69383"}}}]}""",
                "Authorization", ADMIN).statusCode()).isEqualTo(403);
        assertThat(http.json("POST", "/engine-rest/process-definition/key/memoire-lifecycle/start", """
                {"businessKey": "MJ0000000000", "variables": {"certifyingOffice": {"value": "TJ69383"}}}""",
                "Authorization", ADMIN).statusCode()).isEqualTo(403);

        assertThat(engine.getRuntimeService().getVariable(instance, "certifyingOffice")).isEqualTo("TJ75101");
        assertThat(http.json("GET", "/engine-rest/process-instance/" + instance + "/variables/certifyingOffice", null,
                "Authorization", ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void aRoutingVariableChangedInsideTheEngineIsRestoredFromOurTablesWhenTheNextTaskIsCreated() {
        Task task = claimedCertification();
        engine.getRuntimeService().setVariable(instance, "courAppel", "CA_LYON");

        var certified = http.json("POST", "/engine-rest/task/" + task.getId() + "/complete", """
                {"variables": {"certificationDecision": {"value": "CERTIFIER"}}}""", "Authorization", CLERK);

        assertThat(certified.statusCode()).isEqualTo(204);
        assertThat(candidateGroups("Task_OrderPayment")).containsExactly("sar-CA_PARIS");
        assertThat(engine.getRuntimeService().getVariable(instance, "courAppel")).isEqualTo("CA_PARIS");
    }

    private Task claimedCertification() {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("Task_CertifyMemoire").singleResult();
        var claim = http.json("POST", "/engine-rest/task/" + task.getId() + "/claim", """
                {"userId": "camille.martin"}""", "Authorization", CLERK);
        assertThat(claim.statusCode()).isEqualTo(204);
        return task;
    }

    private List<String> candidateGroups(String taskKey) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
                .singleResult();
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).collect(Collectors.toList());
    }
}
