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

/**
 * A logged-in provider creates another structure, finds a company's structure and asks to join it (a natural person's by
 * its identifier only), lists his requests, withdraws one, and leaves a structure.
 */
@IntegrationTest
class StructureCreationApiTest {

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
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(who == null ? request : request.header("Authorization", who.basic()));
    }

    JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    JsonNode mine(Providers.Provider who) throws IOException {
        return body(call("GET", "/api/structures", null, who));
    }

    @Test
    void aNaturalPersonWhoseIdentifierDoesNotConformCreatesAConformingStructureWithTheSameAccount() throws IOException {
        Providers.Provider person = providers.naturalPerson("X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
        String identifier = Identifiers.particulier();

        var created = call("POST", "/api/structures", "{\"identifierType\":\"PARTICULIER\",\"identifier\":\"" + identifier + "\"}", person);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(body(created).get("role").asText()).isEqualTo("PRINCIPAL_MANAGER");
        assertThat(body(created).get("name").asText()).isEqualTo("Jeanne ROUX");
        String structureId = body(created).get("structureId").asText();
        JsonNode structure = body(call("GET", "/api/structures/" + structureId, null, person));
        assertThat(structure.get("readOnly").asBoolean()).isFalse();
        assertThat(structure.get("myRole").asText()).isEqualTo("PRINCIPAL_MANAGER");
        assertThat(mine(person).findValuesAsText("id")).contains(structureId, person.structureId().toString());
        assertThat(mine(person).findValuesAsText("readOnlyReason")).anyMatch(r -> r.startsWith("L'identifiant n'est pas au bon format"));
        assertThat(call("PATCH", "/api/structures/" + structureId, "{\"regime\":\"COSP\"}", person).statusCode()).isEqualTo(200);
    }

    @Test
    void creatingAStructureThatExistsFilesAMembershipRequestAndItsGestionnaireIsMailed() throws IOException {
        Providers.Provider owner = providers.withOwnStructure();
        String siret = Identifiers.siret();
        String created = body(call("POST", "/api/structures", "{\"identifierType\":\"SIRET\",\"identifier\":\"" + siret
                + "\",\"name\":\"Traductions Azur\",\"address\":\"2 quai du Port, Nice\"}", owner)).get("structureId").asText();
        Providers.Provider other = providers.withOwnStructure();

        var requested = call("POST", "/api/structures", "{\"identifierType\":\"SIRET\",\"identifier\":\""
                + siret.substring(0, 3) + " " + siret.substring(3) + "\"}", other);

        assertThat(requested.statusCode()).isEqualTo(202);
        assertThat(body(requested).get("role").asText()).isEqualTo("MEMBERSHIP_REQUESTED");
        assertThat(body(requested).get("structureId").asText()).isEqualTo(created);
        mailbox.awaitMatching(owner.email(), m -> Mailbox.subject(m).equals("Demande de rattachement à Traductions Azur"));
        assertThat(call("POST", "/api/structures", "{\"identifierType\":\"SIRET\",\"identifier\":\"" + siret + "\"}", other)
                .statusCode()).as("asked twice").isEqualTo(409);
        assertThat(call("POST", "/api/structures", "{\"identifierType\":\"SIRET\",\"identifier\":\"" + siret + "\"}", owner)
                .statusCode()).as("already a member").isEqualTo(409);
        assertThat(call("GET", "/api/structures/" + created, null, other).statusCode()).as("not let in yet").isEqualTo(404);
    }

    @Test
    void creatingIsRefusedToAnonymousAndForABadIdentifier() throws IOException {
        Providers.Provider provider = providers.withOwnStructure();
        assertThat(call("POST", "/api/structures", "{\"identifierType\":\"SIRET\",\"identifier\":\"" + Identifiers.siret() + "\"}",
                null).statusCode()).as("anonymous: no session, so no CSRF token either").isEqualTo(403);

        var bad = call("POST", "/api/structures", "{\"identifierType\":\"SIRET\",\"identifier\":\"12345678901234\"}", provider);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(body(bad).get("errors").get(0).get("field").asText()).isEqualTo("identifier");
        assertThat(body(bad).get("detail").asText()).contains("Ce SIRET n'est pas valide");
        var noType = call("POST", "/api/structures", "{\"identifier\":\"1850375056\"}", provider);
        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(body(noType).get("errors").get(0).get("field").asText()).isEqualTo("identifierType");
        assertThat(mine(provider)).hasSize(1);
    }

    @Test
    void aCompanysStructureIsLookedUpThenJoinedAndTheRequestWithdrawn() throws IOException {
        Providers.Provider owner = providers.withOwnStructure();
        String siret = Identifiers.siret();
        String structureId = body(call("POST", "/api/structures", "{\"identifierType\":\"SIRET\",\"identifier\":\"" + siret
                + "\",\"name\":\"Expertises du Rhône\",\"address\":\"secret\"}", owner)).get("structureId").asText();
        Providers.Provider requester = providers.withOwnStructure();

        var found = call("GET", "/api/structures/lookup?identifierType=SIRET&identifier=" + siret, null, requester);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(body(found).properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("id", "name", "identifierType", "identifier");
        assertThat(body(found).get("name").asText()).isEqualTo("Expertises du Rhône");
        assertThat(call("GET", "/api/structures/lookup?identifierType=SIRET&identifier=" + Identifiers.siret(), null, requester)
                .statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/structures/lookup?identifierType=SIRET&identifier=123", null, requester)
                .statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/structures/lookup?identifierType=SIRET&identifier=" + siret, null, null)
                .statusCode()).isEqualTo(401);

        assertThat(call("POST", "/api/structures/" + structureId + "/membership-requests", null, requester).statusCode()).isEqualTo(201);
        JsonNode pending = mine(requester);
        assertThat(pending.findValuesAsText("status")).containsExactlyInAnyOrder("ACTIVE", "REQUESTED");

        var withdrawn = call("DELETE", "/api/structures/" + structureId + "/members/" + requester.accountId(), null, requester);

        assertThat(withdrawn.statusCode()).isEqualTo(204);
        assertThat(mine(requester).findValuesAsText("status")).containsExactly("ACTIVE");
        assertThat(body(call("GET", "/api/structures/" + structureId + "/membership-requests", null, owner))).isEmpty();
    }

    @Test
    void aNaturalPersonsStructureIsNeverLookedUpButARequestIsFiledWithItsIdentifier() throws IOException {
        String identifier = Identifiers.particulier();
        Providers.Provider person = providers.naturalPerson(identifier);
        Providers.Provider requester = providers.withOwnStructure();

        var lookup = call("GET", "/api/structures/lookup?identifierType=PARTICULIER&identifier=" + identifier, null, requester);
        assertThat(lookup.statusCode()).isEqualTo(400);
        assertThat(lookup.body()).doesNotContain("Roux");

        var requested = call("POST", "/api/membership-requests", "{\"identifierType\":\"PARTICULIER\",\"identifier\":\""
                + identifier + "\"}", requester);

        assertThat(requested.statusCode()).isEqualTo(202);
        assertThat(requested.body()).doesNotContain("Roux", "Jeanne");
        JsonNode request = body(call("GET", "/api/structures", null, requester));
        assertThat(request.toString()).doesNotContain("Roux");
        JsonNode seen = body(call("GET", "/api/structures/" + person.structureId() + "/membership-requests", null, person));
        assertThat(seen.findValuesAsText("accountId")).containsExactly(requester.accountId().toString());
        assertThat(call("POST", "/api/membership-requests", "{\"identifierType\":\"PARTICULIER\",\"identifier\":\""
                + Identifiers.particulier() + "\"}", requester).statusCode()).as("nobody has it").isEqualTo(404);
        assertThat(call("POST", "/api/membership-requests", "{\"identifierType\":\"PARTICULIER\",\"identifier\":\"99\"}", requester)
                .statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/membership-requests", "{\"identifierType\":\"PARTICULIER\",\"identifier\":\"" + identifier + "\"}",
                null).statusCode()).as("anonymous: no session, so no CSRF token either").isEqualTo(403);
    }

    @Test
    void aMemberLeavesButTheGestionnairePrincipalCannot() throws IOException {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        String base = "/api/structures/" + manager.structureId();

        var leaving = call("DELETE", base + "/members/" + member.accountId(), null, member);

        assertThat(leaving.statusCode()).isEqualTo(204);
        assertThat(call("GET", base, null, member).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/structures", null, member).statusCode()).as("still logged in").isEqualTo(200);
        var principal = call("DELETE", base + "/members/" + manager.accountId(), null, manager);
        assertThat(principal.statusCode()).isEqualTo(409);
        assertThat(body(principal).get("code").asText()).isEqualTo("PRINCIPAL_MANAGER_CANNOT_LEAVE");
    }
}
