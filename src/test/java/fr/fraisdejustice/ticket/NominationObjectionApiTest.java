package fr.fraisdejustice.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.structure.PrincipalManagerNominations;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** POST /api/structures/{id}/nomination-objection: the current gestionnaire principal alone, while a nomination waits. */
@IntegrationTest
class NominationObjectionApiTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired Tickets tickets;
    @Autowired PrincipalManagerNominations nominations;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    Http http;
    TicketFixture fixture;
    Providers.Provider manager;
    Providers.Provider member;

    @BeforeEach
    void setUp() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        http = new Http(port);
        fixture = new TicketFixture(tickets, engine);
        manager = providers.withOwnStructure();
        member = providers.memberOf(manager);
    }

    @Test
    void theManagerSeesThePendingNominationAndObjectsOnce() throws Exception {
        String number = announce();

        JsonNode structure = json.readTree(call("GET", path(""), null, manager).body());
        JsonNode pending = structure.get("pendingNomination");
        assertThat(pending.get("namedAccountId").asText()).isEqualTo(member.accountId().toString());
        assertThat(pending.get("namedName").asText()).isNotBlank();
        assertThat(pending.get("ticketNumber").asText()).isEqualTo(number);
        assertThat(pending.get("effectiveAt").asText()).isNotBlank();
        JsonNode seenByMember = json.readTree(call("GET", path(""), null, member).body());
        assertThat(seenByMember.get("name").asText()).isNotBlank();
        assertThat(seenByMember.path("pendingNomination").isMissingNode() || seenByMember.get("pendingNomination").isNull())
                .as("les autres membres ne voient pas la nomination").isTrue();

        var objected = call("POST", path("/nomination-objection"), "{\"reason\":\"Je reste le gérant.\"}", manager);

        assertThat(objected.statusCode()).as(objected.body()).isEqualTo(204);
        assertThat(nominations.pendingOf(manager.structureId())).isEmpty();
        assertThat(tickets.read(number, member.accountId()).history()).extracting(TicketHistory.Step::message)
                .contains("Je reste le gérant.");
        var again = call("POST", path("/nomination-objection"), "{\"reason\":\"Encore.\"}", manager);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("detail").asText()).contains("Aucune nomination n'est en cours");
    }

    @Test
    void withoutAReasonTheObjectionIsRefusedWithItsField() throws Exception {
        announce();

        var refused = call("POST", path("/nomination-objection"), "{\"reason\":\"  \"}", manager);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").findValuesAsText("field")).containsExactly("reason");
        assertThat(call("POST", path("/nomination-objection"), null, manager).statusCode()).isEqualTo(400);
        assertThat(nominations.pendingOf(manager.structureId())).isPresent();
    }

    @Test
    void nobodyButTheCurrentManagerMayObjectAndNothingPendingIsAConflict() throws Exception {
        Providers.Provider stranger = providers.withOwnStructure();
        String body = "{\"reason\":\"Non.\"}";

        assertThat(call("POST", path("/nomination-objection"), body, manager).statusCode())
                .as("rien en cours").isEqualTo(409);
        announce();

        assertThat(call("POST", path("/nomination-objection"), body, member).statusCode()).isEqualTo(404);
        assertThat(call("POST", path("/nomination-objection"), body, stranger).statusCode()).isEqualTo(404);
        assertThat(anonymous(path("/nomination-objection"), body).statusCode()).isEqualTo(401);
        assertThat(http.json("POST", path("/nomination-objection"), body, "Authorization",
                Http.basic(manager.email(), "pas-le-bon-mot-de-passe")).statusCode()).isEqualTo(401);
        assertThat(nominations.pendingOf(manager.structureId())).isPresent();
    }

    private String announce() {
        String number = fixture.open(member, "NOMINATION_GESTIONNAIRE", member.email()).number();
        fixture.answer(number, "thomas.petit", "support", Map.of("ticketDecision", "NAME_MANAGER",
                "nominationReason", "Le gérant a changé."));
        return number;
    }

    /** Nobody logged in, with the CSRF pair the portal's pages carry. */
    private HttpResponse<String> anonymous(String path, String body) {
        String csrf = http.get("/portail/connexion").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0].substring("XSRF-TOKEN=".length());
        return http.json("POST", path, body, "Cookie", "XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf);
    }

    private String path(String rest) {
        return "/api/structures/" + manager.structureId() + rest;
    }

    private HttpResponse<String> call(String method, String path, String body, Providers.Provider who) {
        return who == null ? http.json(method, path, body)
                : http.json(method, path, body, "Authorization", who.basic());
    }
}
