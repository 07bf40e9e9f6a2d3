package fr.fraisdejustice.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.structure.Membership;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;

/**
 * The attack of the security review: someone creates an account with a colleague's login e-mail and his own address as
 * contact, to activate it from his mailbox and be let into the colleague's structure. The activation link goes to the
 * login e-mail only, the contact address is used once confirmed, and the gestionnaire sees which address is proven.
 */
@IntegrationTest
class ContactEmailImpersonationTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccountFixture fixture;

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
        init(engine);
        http = new Http(port);
        mailbox = new Mailbox(mailServer);
    }

    @Test
    void anAccountOpenedWithAColleaguesLoginCannotBeActivatedFromTheAttackersMailboxNorLetIn() throws Exception {
        Providers.Provider manager = providers.withOwnStructure();
        String victim = AccountFixture.uniqueEmail("compta-victime");
        String attacker = AccountFixture.uniqueEmail("attaquant");

        UUID accountId = requestToJoin(manager, victim, attacker);
        fixture.runActivationJob(accountId);

        assertThat(mailbox.to(victim)).singleElement()
                .satisfies(m -> assertThat(Mailbox.subject(m)).isEqualTo("Activez votre compte frais-de-justice"));
        mailbox.await(attacker, 1);
        assertThat(mailbox.to(attacker)).as("the contact address gets only its confirmation link").singleElement()
                .satisfies(m -> assertThat(Mailbox.subject(m)).isEqualTo("Confirmez votre adresse de contact frais-de-justice"));
        assertThat(Mailbox.body(mailbox.awaitMatching(manager.email(),
                m -> Mailbox.subject(m).startsWith("Demande de rattachement"))))
                .contains("Adresse de connexion : " + victim + " (pas encore vérifiée")
                .contains("Adresse de contact proposée : " + attacker + " (non vérifiée");

        JsonNode request = json.readTree(http.send(http.request("/api/structures/" + manager.structureId()
                + "/membership-requests").header("Authorization", manager.basic())).body()).get(0);
        assertThat(request.get("loginEmail").asText()).isEqualTo(victim);
        assertThat(request.get("loginEmailVerified").asBoolean()).isFalse();
        assertThat(request.get("contactEmail").asText()).as("never the unconfirmed address").isEqualTo(victim);
        var approval = http.json("POST", "/api/structures/" + manager.structureId() + "/membership-requests/"
                + request.get("requestId").asText() + "/approval", "{}", "Authorization", manager.basic());
        assertThat(approval.statusCode()).isEqualTo(409);
        assertThat(json.readTree(approval.body()).get("code").asText()).isEqualTo("REQUESTER_NOT_ACTIVATED");
    }

    @Test
    void aMemberApprovedAfterActivationOnlyConsults() throws Exception {
        Providers.Provider manager = providers.withOwnStructure();
        String colleague = AccountFixture.uniqueEmail("collegue");
        UUID accountId = requestToJoin(manager, colleague, null);
        fixture.runActivationJob(accountId);
        fixture.activateWithLastLink(colleague, mailbox);
        JsonNode request = json.readTree(http.send(http.request("/api/structures/" + manager.structureId()
                + "/membership-requests").header("Authorization", manager.basic())).body()).get(0);
        assertThat(request.get("loginEmailVerified").asBoolean()).isTrue();

        var approved = http.json("POST", "/api/structures/" + manager.structureId() + "/membership-requests/"
                + request.get("requestId").asText() + "/approval", "{}", "Authorization", manager.basic());

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).get("profiles")).extracting(JsonNode::asText)
                .containsExactly(Membership.CONSULTATION);
    }

    /** Creates an account asking to join the manager's structure; answers its id. */
    private UUID requestToJoin(Providers.Provider manager, String login, String contact) throws Exception {
        JsonNode structure = json.readTree(http.send(http.request("/api/structures/" + manager.structureId())
                .header("Authorization", manager.basic())).body());
        var created = http.json("POST", "/api/accounts", """
                {"loginEmail": "%s", %s "lastName": "Compta", "firstName": "Service",
                 "structure": {"identifierType": "%s", "identifier": "%s"}, "termsAccepted": true}
                """.formatted(login, contact == null ? "" : "\"contactEmail\": \"" + contact + "\",",
                structure.get("identifierType").asText(), structure.get("identifier").asText()));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("role").asText()).isEqualTo("MEMBERSHIP_REQUESTED");
        return UUID.fromString(json.readTree(created.body()).get("accountId").asText());
    }

    @Test
    void aNewContactEmailIsUsedOnlyOnceConfirmedThroughItsOwnSingleUseLink() throws Exception {
        Providers.Provider provider = providers.withOwnStructure();
        String contact = AccountFixture.uniqueEmail("secretariat");

        var changed = http.json("PATCH", "/api/me", "{\"contactEmail\": \"" + contact + "\"}",
                "Authorization", provider.basic());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("contactEmail").asText()).isEqualTo(provider.email());
        assertThat(json.readTree(changed.body()).get("pendingContactEmail").asText()).isEqualTo(contact);

        mailbox.await(contact, 1);
        String token = mailbox.lastToken(contact);
        var confirmed = http.json("POST", "/api/me/contact-email/confirmation", "{\"token\": \"" + token + "\"}");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(http.send(http.request("/api/me").header("Authorization", provider.basic())).body())
                .get("contactEmail").asText()).isEqualTo(contact);
        assertThat(http.json("POST", "/api/me/contact-email/confirmation", "{\"token\": \"" + token + "\"}")
                .statusCode()).as("single use").isEqualTo(410);
        assertThat(http.json("POST", "/api/me/contact-email/confirmation", "{\"token\": \"inconnu-" + token + "\"}")
                .statusCode()).isEqualTo(404);
    }
}
