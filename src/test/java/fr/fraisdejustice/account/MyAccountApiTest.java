package fr.fraisdejustice.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.PortalSession;
import fr.fraisdejustice.support.TestClock;

/**
 * « Mon compte » over the API: the password change (other sessions end, a wrong current password counts as a failed
 * login), the user's own secret question, « Dernière connexion le … », and the consent to the terms of use.
 */
@IntegrationTest
class MyAccountApiTest {

    static final String PASSWORD = AccountFixture.PASSWORD;
    static final String NEW_PASSWORD = "Interprète-Assermentée-2026";

    @Autowired
    Providers providers;

    @Autowired
    AccountRepository accounts;

    @Autowired
    AccountFixture fixture;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestClock clock;

    @Autowired
    GreenMail mailServer;

    @LocalServerPort
    int port;

    Http http;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @BeforeEach
    void client() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String passwordChange(String current, String next, String confirmation) {
        return """
                {"currentPassword": "%s", "newPassword": "%s", "newPasswordConfirmation": "%s"}
                """.formatted(current, next, confirmation);
    }

    @Test
    void aPasswordChangeEndsTheAccountsOtherSessionsAndTheNewPasswordIsTheOnlyOneThatWorks() {
        Providers.Provider provider = providers.withOwnStructure();
        PortalSession laptop = PortalSession.logIn(http, provider.email(), PASSWORD);
        PortalSession phone = PortalSession.logIn(http, provider.email(), PASSWORD);

        var change = laptop.json("POST", "/api/me/password", passwordChange(PASSWORD, NEW_PASSWORD, NEW_PASSWORD));

        assertThat(change.statusCode()).as(change.body()).isEqualTo(204);
        assertThat(laptop.get("/api/me").statusCode()).as("la session qui a changé le mot de passe reste ouverte").isEqualTo(200);
        assertThat(phone.get("/api/me").statusCode()).as("l'autre session a pris fin").isEqualTo(401);
        assertThat(http.send(http.request("/api/me").header("Authorization", Http.basic(provider.email(), PASSWORD)))
                .statusCode()).isEqualTo(401);
        assertThat(http.send(http.request("/api/me").header("Authorization", Http.basic(provider.email(), NEW_PASSWORD)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedOnItsFieldAndCountsAsAFailedLoginUntilTheAccountLocks() {
        Providers.Provider provider = providers.withOwnStructure();
        PortalSession session = PortalSession.logIn(http, provider.email(), PASSWORD);

        var wrong = session.json("POST", "/api/me/password", passwordChange("Pas-le-bon-2026", NEW_PASSWORD, NEW_PASSWORD));

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(body(wrong).get("errors").get(0).get("field").asText()).isEqualTo("currentPassword");
        assertThat(body(wrong).get("detail").asText()).contains("mot de passe actuel est incorrect");
        assertThat(accounts.findById(provider.accountId()).orElseThrow().failedLogins()).isEqualTo(1);

        for (int i = 2; i <= 4; i++) {
            assertThat(session.json("PUT", "/api/me/secret-question", """
                    {"currentPassword": "Pas-le-bon-2026", "secretQuestion": "Mon premier instrument ?", "secretAnswer": "Piano"}
                    """).statusCode()).isEqualTo(400);
        }
        var fifth = session.json("POST", "/api/me/password", passwordChange("Pas-le-bon-2026", NEW_PASSWORD, NEW_PASSWORD));

        assertThat(fifth.statusCode()).isEqualTo(423);
        assertThat(body(fifth).get("code").asText()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(session.json("POST", "/api/me/password", passwordChange(PASSWORD, NEW_PASSWORD, NEW_PASSWORD))
                .statusCode()).as("même le bon mot de passe attend la fin du verrouillage").isEqualTo(423);
    }

    @Test
    void theNewPasswordFollowsThePasswordRuleAndIsTypedTwice() {
        Providers.Provider provider = providers.withOwnStructure();
        PortalSession session = PortalSession.logIn(http, provider.email(), PASSWORD);

        var weak = session.json("POST", "/api/me/password", passwordChange(PASSWORD, "motdepasse", "motdepasse"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(body(weak).get("errors").get(0).get("field").asText()).isEqualTo("newPassword");

        var differing = session.json("POST", "/api/me/password", passwordChange(PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x"));
        assertThat(differing.statusCode()).isEqualTo(400);
        assertThat(body(differing).get("errors").get(0).get("field").asText()).isEqualTo("newPasswordConfirmation");
        assertThat(accounts.findById(provider.accountId()).orElseThrow().failedLogins())
                .as("le bon mot de passe actuel n'est pas un échec").isZero();
    }

    @Test
    void changingOnesPasswordOrSecretQuestionNeedsALoggedInAccountAndTheCsrfToken() {
        Providers.Provider provider = providers.withOwnStructure();
        String csrf = http.get("/portail/connexion").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0].substring(11);
        String[] anonymous = {"Cookie", "XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf, "X-Requested-With", "XMLHttpRequest"};
        assertThat(http.json("POST", "/api/me/password", passwordChange(PASSWORD, NEW_PASSWORD, NEW_PASSWORD), anonymous)
                .statusCode()).isEqualTo(401);
        assertThat(http.json("PUT", "/api/me/secret-question", "{}", anonymous).statusCode()).isEqualTo(401);

        PortalSession session = PortalSession.logIn(http, provider.email(), PASSWORD);
        var withoutCsrf = http.json("POST", "/api/me/password", passwordChange(PASSWORD, NEW_PASSWORD, NEW_PASSWORD),
                "Cookie", "SESSION=" + session.session(), "X-Requested-With", "XMLHttpRequest");
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(http.send(http.request("/api/me").header("Authorization", Http.basic(provider.email(), PASSWORD)))
                .statusCode()).as("le mot de passe n'a pas changé").isEqualTo(200);
    }

    @Test
    void theHolderWritesHisOwnSecretQuestionWhichTheForgottenPasswordLinkThenAsks() {
        Providers.Provider provider = providers.withOwnStructure();
        PortalSession session = PortalSession.logIn(http, provider.email(), PASSWORD);
        String question = "Quel était le surnom de mon grand-père maternel ?";

        var tooShort = session.json("PUT", "/api/me/secret-question", """
                {"currentPassword": "%s", "secretQuestion": "Qui", "secretAnswer": "Dédé"}""".formatted(PASSWORD));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(body(tooShort).get("errors").get(0).get("field").asText()).isEqualTo("secretQuestion");
        var noAnswer = session.json("PUT", "/api/me/secret-question", """
                {"currentPassword": "%s", "secretQuestion": "%s", "secretAnswer": " "}""".formatted(PASSWORD, question));
        assertThat(noAnswer.statusCode()).isEqualTo(400);
        assertThat(body(noAnswer).get("errors").get(0).get("field").asText()).isEqualTo("secretAnswer");

        var changed = session.json("PUT", "/api/me/secret-question", """
                {"currentPassword": "%s", "secretQuestion": "%s", "secretAnswer": "Dédé"}""".formatted(PASSWORD, question));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(accounts.findById(provider.accountId()).orElseThrow().secretAnswerHash()).doesNotContain("Dédé", "dede");

        Mailbox mailbox = new Mailbox(mailServer);
        int mails = mailbox.to(provider.email()).size();
        assertThat(http.json("POST", "/api/password-reset", "{\"loginEmail\":\"" + provider.email() + "\"}").statusCode())
                .isEqualTo(202);
        mailbox.await(provider.email(), mails + 1);
        var asked = http.get("/api/password-reset?token=" + mailbox.lastToken(provider.email()));
        assertThat(body(asked).get("secretQuestion").asText()).isEqualTo(question);
        var reset = http.json("POST", "/api/password-reset/confirm", """
                {"token": "%s", "secretAnswer": "DEDE", "password": "%s", "passwordConfirmation": "%s"}
                """.formatted(mailbox.lastToken(provider.email()), NEW_PASSWORD, NEW_PASSWORD));
        assertThat(reset.statusCode()).as("la réponse se compare sans majuscules ni accents").isEqualTo(200);
    }

    @Test
    void meShowsThePreviousPortalLoginAsLastLoginAt() {
        Providers.Provider provider = providers.withOwnStructure();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        clock.set(yesterday);
        PortalSession first = PortalSession.logIn(http, provider.email(), PASSWORD);
        clock.reset();
        assertThat(first.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(body(http.send(http.request("/api/me").header("Authorization", provider.basic()))).has("lastLoginAt"))
                .as("avant une deuxième connexion, pas de « dernière connexion »").isFalse();

        PortalSession second = PortalSession.logIn(http, provider.email(), PASSWORD);
        JsonNode me = body(second.get("/api/me"));

        assertThat(Instant.parse(me.get("lastLoginAt").asText())).isEqualTo(yesterday);
        http.send(http.request("/api/me").header("Authorization", provider.basic()));
        assertThat(body(second.get("/api/me")).get("lastLoginAt").asText())
                .as("les appels HTTP Basic ne sont pas des connexions au portail").isEqualTo(me.get("lastLoginAt").asText());
    }

    static String creation(String email, String terms) {
        return """
                {"loginEmail": "%s", "lastName": "Bernard", "firstName": "Inès", %s
                 "structure": {"identifierType": "AUTRE", "identifier": "CGU-%s", "name": "Traductions Bernard"}}
                """.formatted(email, terms, java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    }

    @Test
    void anAccountIsCreatedOnlyWithConsentToTheTermsOfUseWhoseDateIsKept() {
        String email = AccountFixture.uniqueEmail("cgu");
        for (String refused : new String[] {"", "\"termsAccepted\": false,", "\"termsAccepted\": null,"}) {
            var response = http.json("POST", "/api/accounts", creation(email, refused));
            assertThat(response.statusCode()).as(refused).isEqualTo(400);
            JsonNode error = body(response).get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo("termsAccepted");
            assertThat(error.get("detail").asText()).contains("conditions générales d'utilisation");
        }
        assertThat(accounts.findByLoginEmailIgnoreCase(email)).isEmpty();

        Instant before = Instant.now().minusSeconds(1);
        var created = http.json("POST", "/api/accounts", creation(email, "\"termsAccepted\": true,"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(accounts.findByLoginEmailIgnoreCase(email).orElseThrow().termsAcceptedAt()).isAfter(before);
    }

    @Test
    void activationTakesAQuestionWrittenByTheHolder() {
        Mailbox mailbox = new Mailbox(mailServer);
        String email = AccountFixture.uniqueEmail("question-libre");
        var created = http.json("POST", "/api/accounts", creation(email, "\"termsAccepted\": true,"));
        java.util.UUID accountId = java.util.UUID.fromString(body(created).get("accountId").asText());
        fixture.runActivationJob(accountId);
        String question = "Dans quelle rue habitait ma grand-mère ?";

        var activated = http.json("POST", "/api/accounts/activation", """
                {"token": "%s", "password": "%s", "passwordConfirmation": "%s", "secretQuestion": "%s",
                 "secretAnswer": "Rue des Lilas"}""".formatted(mailbox.lastToken(email), PASSWORD, PASSWORD, question));

        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(accounts.findById(accountId).orElseThrow().secretQuestion()).isEqualTo(question);
    }
}
