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
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;

/** A structure's settings and memberships, as its gestionnaire principal manages them and others may not. */
@IntegrationTest
class StructureApiTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @Autowired
    GreenMail mailServer;

    @LocalServerPort
    int port;

    Http http;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        http = new Http(port);
        mailbox = new Mailbox(mailServer);
    }

    HttpResponse<String> call(String method, String path, String body, Providers.Provider who) {
        return http.send(http.request(path).header("Content-Type", "application/json").header("Authorization", who.basic())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    @Test
    void theGestionnaireSetsTheCategoryAndOthersCannot() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        Providers.Provider stranger = providers.withOwnStructure();
        String path = "/api/structures/" + manager.structureId();

        var changed = call("PATCH", path, "{\"providerCategory\":\"INTERPRETE_TRADUCTEUR\",\"address\":\"1 rue de la Paix, Paris\"}",
                manager);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(body(changed).get("referenceText").asText()).isEqualTo("R.122");
        assertThat(body(changed).get("providerCategoryLabel").asText()).isEqualTo("Interprète ou traducteur");
        assertThat(body(changed).get("myRole").asText()).isEqualTo("PRINCIPAL_MANAGER");

        assertThat(call("PATCH", path, "{\"providerCategory\":\"EXPERT\"}", member).statusCode()).isEqualTo(403);
        assertThat(call("PATCH", path, "{\"providerCategory\":\"EXPERT\"}", stranger).statusCode()).isEqualTo(404);
        assertThat(call("GET", path, null, member).statusCode()).isEqualTo(200);
        assertThat(call("GET", path, null, stranger).statusCode()).isEqualTo(404);
        var regime = call("PATCH", path, "{\"regime\":\"COSP\"}", manager);
        assertThat(regime.statusCode()).isEqualTo(400);
        assertThat(body(regime).get("errors").get(0).get("field").asText()).isEqualTo("regime");
        assertThat(call("PATCH", path, "{\"providerCategory\":\"ASTROLOGUE\"}", manager).statusCode()).isEqualTo(400);
    }

    @Test
    void aNaturalPersonSetsHisRegimeAndPrerequisite04IsSatisfied() throws IOException {
        Providers.Provider person = providers.naturalPerson("1850375056");
        String path = "/api/structures/" + person.structureId();
        assertThat(codesMissing(person)).containsExactly("01", "02", "04");

        assertThat(call("PATCH", path, "{\"regime\":\"COSP\"}", person).statusCode()).isEqualTo(200);

        assertThat(codesMissing(person)).containsExactly("01", "02");
    }

    @Test
    void aNaturalPersonsNonConformingStructureIsReadOnlyWithTheExactMessage() throws IOException {
        Providers.Provider person = providers.naturalPerson("X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        String path = "/api/structures/" + person.structureId();

        var structure = body(call("GET", path, null, person));
        assertThat(structure.get("readOnly").asBoolean()).isTrue();
        var refused = call("PATCH", path, "{\"regime\":\"COSP\"}", person);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(body(refused).get("detail").asText()).isEqualTo(
                "L'identifiant n'est pas au bon format. Vérifier le type d'identifiant sélectionné et l'identifiant.");
        assertThat(codesMissing(person)).contains("03");
    }

    @Test
    void aMembershipRequestIsApprovedAndTheRequesterIsToldByMail() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider requester = providers.withOwnStructure();
        String base = "/api/structures/" + manager.structureId();

        var request = call("POST", base + "/membership-requests", null, requester);
        assertThat(request.statusCode()).isEqualTo(201);
        mailbox.awaitMatching(manager.email(), m -> Mailbox.subject(m).startsWith("Demande de rattachement"));
        assertThat(call("POST", base + "/membership-requests", null, requester).statusCode()).as("twice").isEqualTo(409);
        assertThat(call("GET", base, null, requester).statusCode()).as("not yet a member").isEqualTo(404);
        assertThat(call("GET", base + "/membership-requests", null, requester).statusCode()).isEqualTo(404);

        JsonNode pending = body(call("GET", base + "/membership-requests", null, manager));
        assertThat(pending).hasSize(1);
        String requestId = pending.get(0).get("requestId").asText();
        var approved = call("POST", base + "/membership-requests/" + requestId + "/approval", null, manager);

        assertThat(approved.statusCode()).isEqualTo(200);
        mailbox.awaitMatching(requester.email(), m -> Mailbox.body(m).contains("a accepté"));
        assertThat(call("GET", base, null, requester).statusCode()).isEqualTo(200);
        assertThat(call("POST", base + "/membership-requests/" + requestId + "/refusal", null, manager).statusCode())
                .as("already decided").isEqualTo(404);
    }

    @Test
    void aRefusedRequesterSeesNothingAndIsTold() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider requester = providers.withOwnStructure();
        String base = "/api/structures/" + manager.structureId();
        String requestId = body(call("POST", base + "/membership-requests", null, requester)).get("requestId").asText();

        assertThat(call("POST", base + "/membership-requests/" + requestId + "/refusal", null, manager).statusCode()).isEqualTo(200);

        mailbox.awaitMatching(requester.email(), m -> Mailbox.body(m).contains("a refusé"));
        assertThat(call("GET", base, null, requester).statusCode()).isEqualTo(404);
    }

    @Test
    void theGestionnaireChangesProfilesAndHandsHisRoleOver() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        String base = "/api/structures/" + manager.structureId();

        var profiles = call("PATCH", base + "/members/" + member.accountId(),
                "{\"profiles\":[\"FRAIS_DE_JUSTICE_CONSULTATION\"]}", manager);
        assertThat(profiles.statusCode()).isEqualTo(200);
        assertThat(body(profiles).get("profiles")).hasSize(1);
        assertThat(call("PATCH", base + "/members/" + member.accountId(), "{\"profiles\":[]}", manager).statusCode()).isEqualTo(400);
        assertThat(call("PATCH", base + "/members/" + member.accountId(), "{\"role\":\"PRINCIPAL_MANAGER\"}", manager)
                .statusCode()).isEqualTo(409);

        var handedOver = call("POST", base + "/principal-manager", "{\"accountId\":\"" + member.accountId() + "\"}", manager);

        assertThat(handedOver.statusCode()).isEqualTo(204);
        JsonNode members = body(call("GET", base + "/members", null, member));
        assertThat(members.findValuesAsText("role")).containsExactlyInAnyOrder("MANAGER", "PRINCIPAL_MANAGER");
        assertThat(call("PATCH", base, "{\"providerCategory\":\"EXPERT\"}", member).statusCode()).isEqualTo(200);
        assertThat(call("PATCH", base, "{\"providerCategory\":\"EXPERT\"}", manager).statusCode()).isEqualTo(403);
    }

    private java.util.List<String> codesMissing(Providers.Provider who) throws IOException {
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (JsonNode p : body(call("GET", "/api/structures/" + who.structureId() + "/prerequisites", null, who))) {
            if (!p.get("satisfied").asBoolean()) {
                codes.add(p.get("code").asText());
            }
        }
        return codes;
    }
}
