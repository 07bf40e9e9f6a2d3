package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import fr.fraisdejustice.memoire.SentMemoireFixture;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * The engine's own doors, as each staff group: Camunda's setup is closed, nobody deploys through the engine's APIs
 * (whatever his authorizations), nobody evaluates a decision, and an office reads neither the variables nor the
 * history of another office's mémoires.
 */
@IntegrationTest
class EngineEntrancesTest {

    static final List<String[]> STAFF = List.of(
            new String[] {"camille.martin", "Greffe-Paris-2026"}, new String[] {"julien.bernard", "Parquet-Paris-2026"},
            new String[] {"sophie.dubois", "Taxe-Paris-2026"}, new String[] {"nicolas.thomas", "Sar-Paris-2026"},
            new String[] {"amelie.robert", "Greffe-Lyon-2026"}, new String[] {"isabelle.richard", "Comptable-2026"},
            new String[] {"thomas.petit", "Support-2026"}, new String[] {"claire.durand", "Analyste-2026"},
            new String[] {"marc.leroy", "Admin-FDJ-2026"});
    static final String LYON_CLERK = Http.basic("amelie.robert", "Greffe-Lyon-2026");

    @Autowired
    ApplicationContext context;

    @Autowired
    ProcessEngine engine;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void camundasFirstAdministratorSetupAnswers404() {
        var anonymous = http.send(http.request("/camunda/api/admin/setup/default/user/create")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"intrus\"},\"credentials\":{\"password\":\"x\"}}")));
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(engine.getIdentityService().createUserQuery().userId("intrus").count()).isZero();
    }

    @Test
    void nobodyDeploysThroughTheEngineApisNotEvenAnAdministrator() {
        for (String[] member : STAFF) {
            String basic = Http.basic(member[0], member[1]);
            var deployment = http.send(http.request("/engine-rest/deployment/create").header("Authorization", basic)
                    .header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"data\"; "
                            + "filename=\"p.bpmn\"\r\n\r\n<definitions/>\r\n--x--\r\n")));
            assertThat(deployment.statusCode()).as(member[0]).isEqualTo(403);
            assertThat(deployment.body()).contains("DEPLOYMENT_REFUSED");
        }
        assertThat(http.send(http.request("/camunda/api/engine/engine/default/deployment/create")
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
        assertThat(http.send(http.request("/engine-rest/deployment/abc/redeploy")
                .header("Authorization", Http.basic("marc.leroy", "Admin-FDJ-2026"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
    }

    @Test
    void noStaffGroupEvaluatesADecision() {
        for (String[] member : STAFF.subList(0, STAFF.size() - 1)) {
            var evaluation = http.json("POST", "/engine-rest/decision-definition/key/memoire-routing/evaluate",
                    "{\"variables\": {}}", "Authorization", Http.basic(member[0], member[1]));
            // 404 for those who may not even read the decision, 403 for the analysts who read it
            assertThat(evaluation.statusCode()).as(member[0]).isIn(403, 404);
        }
    }

    @Test
    void anOfficeReadsNeitherTheVariablesNorTheHistoryOfAnotherOfficesMemoire() throws IOException {
        SentMemoireFixture.Sent paris = SentMemoireFixture.send(context, port);
        String instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(paris.mjNumber()).singleResult().getId();
        String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

        assertThat(http.send(http.request("/engine-rest/process-instance/" + instance + "/variables")
                .header("Authorization", LYON_CLERK)).statusCode()).isEqualTo(403);
        assertThat(http.send(http.request("/engine-rest/task/" + task + "/variables")
                .header("Authorization", LYON_CLERK)).statusCode()).isIn(403, 404);
        assertThat(http.send(http.request("/engine-rest/history/process-instance?processInstanceBusinessKey="
                + paris.mjNumber()).header("Authorization", LYON_CLERK)).body()).isEqualTo("[]");
        assertThat(http.send(http.request("/engine-rest/history/variable-instance?processInstanceId=" + instance)
                .header("Authorization", LYON_CLERK)).body()).isEqualTo("[]");
        assertThat(http.send(http.request("/engine-rest/history/task?processInstanceId=" + instance)
                .header("Authorization", LYON_CLERK)).body()).isEqualTo("[]");
        assertThat(http.json("PUT", "/engine-rest/process-instance/" + instance + "/variables/certifyingOffice",
                "{\"value\": \"TJ69383\", \"type\": \"String\"}", "Authorization", LYON_CLERK).statusCode())
                .isEqualTo(403);
    }
}
