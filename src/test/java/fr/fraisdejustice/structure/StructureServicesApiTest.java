package fr.fraisdejustice.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

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

/** A structure's services: stable codes, added, renamed, closed by the gestionnaire principal, read by its members. */
@IntegrationTest
class StructureServicesApiTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @Autowired
    Structures structures;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        http = new Http(port);
    }

    HttpResponse<String> call(String method, String path, String body, Providers.Provider who) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(who == null ? request : request.header("Authorization", who.basic()));
    }

    JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    @Test
    void theGestionnaireAddsRenamesAndClosesServicesWhoseCodesStay() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        UUID structureId = manager.structureId();
        String base = "/api/structures/" + structureId + "/services";
        assertThat(body(call("GET", base, null, manager))).isEmpty();

        var first = call("POST", base, "{\"name\":\" Traduction écrite \"}", manager);
        var second = call("POST", base, "{\"name\":\"Interprétariat\"}", manager);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(body(first).get("code").asText()).isEqualTo("S01");
        assertThat(body(first).get("name").asText()).isEqualTo("Traduction écrite");
        assertThat(body(second).get("code").asText()).isEqualTo("S02");
        assertThat(structures.hasActiveService(structureId, "S01")).isTrue();

        var renamed = call("PATCH", base + "/S01", "{\"name\":\"Traductions juridiques\"}", manager);
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(body(renamed).get("code").asText()).isEqualTo("S01");
        var closed = call("PATCH", base + "/S01", "{\"active\":false}", manager);
        assertThat(body(closed).get("active").asBoolean()).isFalse();
        assertThat(structures.hasActiveService(structureId, "S01")).isFalse();
        assertThat(structures.hasActiveService(structureId, "S02")).isTrue();
        assertThat(structures.hasActiveService(structureId, "S09")).isFalse();
        assertThat(structures.hasActiveService(providers.withOwnStructure().structureId(), "S02")).as("another structure's").isFalse();

        JsonNode list = body(call("GET", base, null, manager));
        assertThat(list.findValuesAsText("code")).containsExactly("S01", "S02");
        assertThat(list.get(0).get("name").asText()).isEqualTo("Traductions juridiques");
        assertThat(list.get(0).get("active").asBoolean()).isFalse();
        var reopened = call("PATCH", base + "/S01", "{\"active\":true}", manager);
        assertThat(body(reopened).get("active").asBoolean()).isTrue();
        assertThat(structures.hasActiveService(structureId, "S01")).isTrue();
        assertThat(call("POST", base, "{\"name\":\"Vacations\"}", manager).statusCode()).isEqualTo(201);
        assertThat(body(call("GET", base, null, manager)).findValuesAsText("code")).as("a closed code is never reused")
                .containsExactly("S01", "S02", "S03");
    }

    @Test
    void badNamesDuplicatesAndUnknownCodesAreRefused() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        String base = "/api/structures/" + manager.structureId() + "/services";
        call("POST", base, "{\"name\":\"Interprétariat\"}", manager);

        var blank = call("POST", base, "{\"name\":\"  \"}", manager);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(body(blank).get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(call("POST", base, "{\"name\":\"" + "x".repeat(101) + "\"}", manager).statusCode()).isEqualTo(400);
        var duplicate = call("POST", base, "{\"name\":\"interprétariat\"}", manager);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(body(duplicate).get("code").asText()).isEqualTo("SERVICE_EXISTS");
        assertThat(call("PATCH", base + "/S42", "{\"name\":\"Autre\"}", manager).statusCode()).isEqualTo(404);
    }

    @Test
    void membersReadTheServicesOthersNeitherReadNorChangeThem() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        Providers.Provider stranger = providers.withOwnStructure();
        String base = "/api/structures/" + manager.structureId() + "/services";
        call("POST", base, "{\"name\":\"Interprétariat\"}", manager);

        assertThat(body(call("GET", base, null, member))).hasSize(1);
        assertThat(call("POST", base, "{\"name\":\"Vacations\"}", member).statusCode()).isEqualTo(403);
        assertThat(call("PATCH", base + "/S01", "{\"active\":false}", member).statusCode()).isEqualTo(403);
        assertThat(call("GET", base, null, stranger).statusCode()).isEqualTo(404);
        assertThat(call("POST", base, "{\"name\":\"Vacations\"}", stranger).statusCode()).isEqualTo(404);
        assertThat(call("PATCH", base + "/S01", "{\"active\":false}", stranger).statusCode()).isEqualTo(404);
        assertThat(call("GET", base, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theFormerListOfServiceNamesIsNoSettingAnyMore() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();

        var refused = call("PATCH", "/api/structures/" + manager.structureId(), "{\"services\":[\"Accueil\"]}", manager);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body(refused).get("errors").get(0).get("field").asText()).isEqualTo("services");
        assertThat(body(call("GET", "/api/structures/" + manager.structureId() + "/services", null, manager))).isEmpty();
    }

    @Test
    void aNonConformingStructuresServicesCannotChange() throws IOException {
        Providers.Provider person = providers.naturalPerson("X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        var refused = call("POST", "/api/structures/" + person.structureId() + "/services", "{\"name\":\"Interprétariat\"}", person);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(body(refused).get("code").asText()).isEqualTo("STRUCTURE_READ_ONLY");
    }
}
