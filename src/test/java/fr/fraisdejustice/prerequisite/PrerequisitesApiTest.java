package fr.fraisdejustice.prerequisite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** GET /api/structures/{id}/prerequisites: what the DMN table says, to the structure's members only. */
@IntegrationTest
class PrerequisitesApiTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        http = new Http(port);
    }

    @Test
    void aNewCompanyLacksItsBankDetailsAndItsMandate() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();

        var response = http.send(http.request("/api/structures/" + manager.structureId() + "/prerequisites")
                .header("Authorization", manager.basic()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        assertThat(list.findValuesAsText("code")).containsExactly("01", "02");
        assertThat(list.findValuesAsText("satisfied")).containsOnly("false");
        assertThat(list.get(1).get("label").asText()).isEqualTo("Un mandat de facturation signé");
    }

    @Test
    void anotherStructuresProviderIsToldItDoesNotExist() {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider stranger = providers.withOwnStructure();

        var response = http.send(http.request("/api/structures/" + manager.structureId() + "/prerequisites")
                .header("Authorization", stranger.basic()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("STRUCTURE_NOT_FOUND");
        assertThat(http.get("/api/structures/" + manager.structureId() + "/prerequisites").statusCode()).isEqualTo(401);
    }
}
