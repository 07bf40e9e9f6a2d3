package fr.fraisdejustice.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.TestClock;

/** The account endpoints of API.md: each success and each refusal. */
@IntegrationTest
class AccountApiTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccountRepository accounts;

    @Autowired
    AccountFixture fixture;

    @Autowired
    TestClock clock;

    @Autowired
    GreenMail mailServer;

    @Autowired
    JdbcTemplate jdbc;

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    HttpResponse<String> post(String path, Object body) {
        try {
            return http.send(http.request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> creation(String email, String identifierType, String identifier) {
        return Map.of("loginEmail", email, "lastName", "Bernard", "firstName", "Inès",
                "structure", Map.of("identifierType", identifierType, "identifier", identifier, "name", "Traductions Bernard"),
                "termsAccepted", true);
    }

    @Test
    void anAccountWithANewStructureMakesItsCreatorTheGestionnairePrincipal() {
        String email = AccountFixture.uniqueEmail("ines");
        String siret = freshSiret();

        var response = post("/api/accounts", creation(email, "SIRET", siret));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = body(response);
        assertThat(created.get("status").asText()).isEqualTo("PENDING_ACTIVATION");
        assertThat(created.get("role").asText()).isEqualTo("PRINCIPAL_MANAGER");
        assertThat(created.get("accountId").asText()).isNotBlank();
        assertThat(created.get("structureId").asText()).isNotBlank();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AccountActivation.PROCESS_KEY)
                .processInstanceBusinessKey(created.get("accountId").asText()).count()).isEqualTo(1);
    }

    @Test
    void aNaturalPersonWithTheLongestNamesGetsAStructureNamedAfterHimWhole() {
        String lastName = "L".repeat(100);
        String firstName = "F".repeat(100);
        String identifier = "1" + String.format("%02d", Math.floorMod(System.nanoTime(), 100)) + "07"
                + String.format("%05d", Math.floorMod(System.nanoTime() / 100, 100_000));

        var response = post("/api/accounts", Map.of("loginEmail", AccountFixture.uniqueEmail("long"), "lastName", lastName,
                "firstName", firstName, "structure", Map.of("identifierType", "PARTICULIER", "identifier", identifier),
                "termsAccepted", true));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String name = jdbc.queryForObject("select name from structure where id = ?", String.class,
                java.util.UUID.fromString(body(response).get("structureId").asText()));
        assertThat(name).hasSize(201).isEqualTo(firstName + " " + lastName);
    }

    @Test
    void anAccountForAnExistingStructureIsAMembershipRequestMailedToItsGestionnaire() {
        String managerEmail = AccountFixture.uniqueEmail("gestionnaire");
        String siret = freshSiret();
        assertThat(post("/api/accounts", creation(managerEmail, "SIRET", siret)).statusCode()).isEqualTo(201);
        String email = AccountFixture.uniqueEmail("collegue");

        var response = post("/api/accounts", creation(email, "SIRET", siret));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(body(response).get("role").asText()).isEqualTo("MEMBERSHIP_REQUESTED");
        mailbox.awaitMatching(managerEmail, m -> Mailbox.subject(m).startsWith("Demande de rattachement"));
    }

    @Test
    void missingAndMalformedFieldsAreRefusedFieldByFieldInFrench() {
        var response = post("/api/accounts", Map.of("loginEmail", "pas-une-adresse", "firstName", "Inès",
                "structure", Map.of("identifier", "123")));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = body(response);
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").findValuesAsText("field"))
                .contains("loginEmail", "lastName", "structure.identifierType");
        assertThat(problem.get("errors").findValuesAsText("detail")).contains("Saisissez votre nom.");
    }

    @Test
    void anInvalidSiretIsRefusedOnItsField() {
        var response = post("/api/accounts", creation(AccountFixture.uniqueEmail("x"), "SIRET", "73282932000079"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = body(response).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("structure.identifier");
        assertThat(error.get("detail").asText()).contains("SIRET n'est pas valide");
    }

    @Test
    void anUnknownIdentifierTypeOrBrokenJsonIsABadRequestNotAServerError() {
        assertThat(post("/api/accounts", creation("a@b.fr", "PASSEPORT", "X")).statusCode()).isEqualTo(400);
        var broken = http.send(http.request("/api/accounts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"loginEmail\": ")));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(body(broken).get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void aLoginEmailAlreadyInUseIsAConflictAndCreatesNothing() {
        String email = AccountFixture.uniqueEmail("double");
        assertThat(post("/api/accounts", creation(email, "AUTRE", "D-" + System.nanoTime())).statusCode()).isEqualTo(201);
        long before = accounts.count();

        var response = post("/api/accounts", creation(email.toUpperCase(), "AUTRE", "E-" + System.nanoTime()));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(body(response).get("code").asText()).isEqualTo("LOGIN_EMAIL_TAKEN");
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void activationRefusesAWeakPasswordThenActivatesAndTheLinkDies() {
        String email = AccountFixture.uniqueEmail("activation");
        var created = fixture.pending(email, IdentifierType.AUTRE, "A-" + System.nanoTime());
        fixture.runActivationJob(created.accountId());
        String token = mailbox.lastToken(email);

        var check = http.get("/api/accounts/activation?token=" + token);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(body(check).get("loginEmail").asText()).isEqualTo(email);

        var weak = post("/api/accounts/activation", Map.of("token", token, "password", "motdepasse",
                "secretQuestion", AccountFixture.QUESTION, "secretAnswer", "Dupont"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(body(weak).get("code").asText()).isEqualTo("WEAK_PASSWORD");
        assertThat(body(weak).get("errors").get(0).get("field").asText()).isEqualTo("password");

        var differing = post("/api/accounts/activation", Map.of("token", token, "password", AccountFixture.PASSWORD,
                "passwordConfirmation", "Autre-chose-2026", "secretQuestion", AccountFixture.QUESTION, "secretAnswer", "Dupont"));
        assertThat(differing.statusCode()).isEqualTo(400);

        var ok = post("/api/accounts/activation", Map.of("token", token, "password", AccountFixture.PASSWORD,
                "passwordConfirmation", AccountFixture.PASSWORD, "secretQuestion", AccountFixture.QUESTION, "secretAnswer", "Dupont"));
        assertThat(ok.statusCode()).isEqualTo(200);

        var reused = post("/api/accounts/activation", Map.of("token", token, "password", AccountFixture.PASSWORD,
                "secretQuestion", AccountFixture.QUESTION, "secretAnswer", "Dupont"));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(body(reused).get("code").asText()).isEqualTo("ACTIVATION_LINK_USED");
        assertThat(http.get("/api/accounts/activation?token=inconnu").statusCode()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkAnswers410WithWhatToDo() {
        String email = AccountFixture.uniqueEmail("expire");
        var created = fixture.pending(email, IdentifierType.AUTRE, "X-" + System.nanoTime());
        fixture.runActivationJob(created.accountId());
        String token = mailbox.lastToken(email);
        clock.set(Instant.now().plus(Duration.ofDays(31)));

        var response = post("/api/accounts/activation", Map.of("token", token, "password", AccountFixture.PASSWORD,
                "secretQuestion", AccountFixture.QUESTION, "secretAnswer", "Dupont"));

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(body(response).get("code").asText()).isEqualTo("ACTIVATION_EXPIRED");
        assertThat(body(response).get("detail").asText()).contains("« Je n'ai pas pu activer mon compte »");
        assertThat(body(response).get("help").asText()).isEqualTo("/portail/activation-impossible");
    }

    @Test
    void meAnswersTheAccountAndItsStructuresOverHttpBasic() {
        String email = AccountFixture.uniqueEmail("moi");
        fixture.active(email, mailbox);

        var me = http.send(http.request("/api/me").header("Authorization", Http.basic(email, AccountFixture.PASSWORD)));

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = body(me);
        assertThat(body.get("loginEmail").asText()).isEqualTo(email);
        assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.get("structures").get(0).get("role").asText()).isEqualTo("PRINCIPAL_MANAGER");
        assertThat(body.get("structures").get(0).get("profiles").toString()).contains("FRAIS_DE_JUSTICE_MODIFICATION");
        assertThat(body.toString()).doesNotContain("password").doesNotContain("secret");
    }

    @Test
    void fiveFailedLoginsLockTheAccountForAnHour() {
        String email = AccountFixture.uniqueEmail("verrou");
        fixture.active(email, mailbox);
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(me(email, "Mauvais-mot-2026").statusCode()).isEqualTo(401);
        }
        var fifth = me(email, "Mauvais-mot-2026");
        assertThat(fifth.statusCode()).isEqualTo(423);
        assertThat(body(fifth).get("code").asText()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(body(fifth).get("lockedUntil").asText()).isEqualTo("2026-06-01T09:00:00Z");
        assertThat(body(fifth).get("detail").asText()).contains("lundi 1 juin 2026 à 11h00");

        assertThat(me(email, AccountFixture.PASSWORD).statusCode()).as("even with the right password").isEqualTo(423);
        assertThat(accounts.findByLoginEmailIgnoreCase(email).orElseThrow().lockedUntil())
                .as("kept in the database, so a restart keeps it").isEqualTo(Instant.parse("2026-06-01T09:00:00Z"));

        clock.advance(Duration.ofMinutes(61));
        assertThat(me(email, AccountFixture.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void thePortalLogsInWithASessionProtectedByItsCsrfToken() {
        String email = AccountFixture.uniqueEmail("portail");
        fixture.active(email, mailbox);
        var page = http.get("/portail/connexion");
        String csrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow().split(";")[0].substring("XSRF-TOKEN=".length());
        String credentials = "{\"loginEmail\":\"" + email + "\",\"password\":\"" + AccountFixture.PASSWORD + "\"}";

        var withoutToken = http.send(http.request("/api/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)));
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        var login = http.send(http.request("/api/session").header("Content-Type", "application/json")
                .header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(credentials)));
        assertThat(login.statusCode()).isEqualTo(204);
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow().split(";")[0];

        var me = http.send(http.request("/api/me").header("Cookie", session));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(body(me).get("loginEmail").asText()).isEqualTo(email);

        var wrong = http.send(http.request("/api/session").header("Content-Type", "application/json")
                .header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(credentials.replace(AccountFixture.PASSWORD, "Faux-2026-mot"))));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(body(wrong).get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void aForgottenPasswordIsResetThroughALinkToTheLoginEmailThenTheSecretAnswer() {
        String email = AccountFixture.uniqueEmail("oubli");
        fixture.active(email, mailbox);
        int mailsBefore = mailbox.to(email).size();

        var request = post("/api/password-reset", Map.of("loginEmail", email));
        assertThat(request.statusCode()).isEqualTo(202);
        assertThat(body(request).get("message").asText()).isEqualTo(PasswordReset.SENT);
        assertThat(body(request).has("secretQuestion")).as("the question is shown only behind the link").isFalse();
        mailbox.await(email, mailsBefore + 1);
        String token = mailbox.lastToken(email);

        var question = http.get("/api/password-reset?token=" + token);
        assertThat(body(question).get("secretQuestion").asText()).isEqualTo(AccountFixture.QUESTION);

        var weak = post("/api/password-reset/confirm", reset(token, AccountFixture.ANSWER, "court"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(body(weak).get("code").asText()).isEqualTo("WEAK_PASSWORD");
        var wrongAnswer = post("/api/password-reset/confirm", reset(token, "Durand", "Nouveau-Mot-2026"));
        assertThat(wrongAnswer.statusCode()).isEqualTo(400);
        assertThat(body(wrongAnswer).get("errors").get(0).get("field").asText()).isEqualTo("secretAnswer");
        assertThat(post("/api/password-reset/confirm", reset(token, "  DUPONT ", "Nouveau-Mot-2026")).statusCode())
                .isEqualTo(200);
        assertThat(me(email, "Nouveau-Mot-2026").statusCode()).isEqualTo(200);
        assertThat(post("/api/password-reset/confirm", reset(token, AccountFixture.ANSWER, "Encore-Un-2026")).statusCode())
                .as("single use").isEqualTo(410);
    }

    @Test
    void aResetLinkDiesAfterAnHour() {
        String email = AccountFixture.uniqueEmail("heure");
        fixture.active(email, mailbox);
        int mailsBefore = mailbox.to(email).size();
        post("/api/password-reset", Map.of("loginEmail", email));
        mailbox.await(email, mailsBefore + 1);
        String token = mailbox.lastToken(email);
        clock.set(Instant.now().plus(Duration.ofMinutes(61)));

        var late = post("/api/password-reset/confirm", reset(token, AccountFixture.ANSWER, "Nouveau-Mot-2026"));

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(body(late).get("code").asText()).isEqualTo("RESET_LINK_EXPIRED");
    }

    @Test
    void theResetRequestNeverRevealsWhetherAnEmailHasAnAccount() {
        String email = AccountFixture.uniqueEmail("existe");
        fixture.active(email, mailbox);

        var unknown = post("/api/password-reset", Map.of("loginEmail", "personne@inconnu.fr"));
        var known = post("/api/password-reset", Map.of("loginEmail", email));

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(mailbox.to("personne@inconnu.fr")).isEmpty();
    }

    @Test
    void guessingTheSecretAnswerBehindTheLinkLocksTheAccount() {
        String email = AccountFixture.uniqueEmail("devine");
        fixture.active(email, mailbox);
        int mailsBefore = mailbox.to(email).size();
        post("/api/password-reset", Map.of("loginEmail", email));
        mailbox.await(email, mailsBefore + 1);
        String token = mailbox.lastToken(email);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(post("/api/password-reset/confirm", reset(token, "Essai " + attempt, "Nouveau-Mot-2026"))
                    .statusCode()).isEqualTo(400);
        }

        var fifth = post("/api/password-reset/confirm", reset(token, "Essai 5", "Nouveau-Mot-2026"));
        var right = post("/api/password-reset/confirm", reset(token, AccountFixture.ANSWER, "Nouveau-Mot-2026"));

        assertThat(fifth.statusCode()).isEqualTo(423);
        assertThat(right.statusCode()).as("no reset while locked").isEqualTo(423);
        assertThat(me(email, AccountFixture.PASSWORD).statusCode()).isEqualTo(423);
    }

    private static Map<String, String> reset(String token, String answer, String password) {
        return Map.of("token", token, "secretAnswer", answer, "password", password, "passwordConfirmation", password);
    }

    private HttpResponse<String> me(String email, String password) {
        return http.send(http.request("/api/me").header("Authorization", Http.basic(email, password)));
    }

    /** A valid SIRET no other test uses: 14 digits whose Luhn check holds. */
    static String freshSiret() {
        String base = String.valueOf(1_000_000_000_000L + Math.floorMod(System.nanoTime(), 8_000_000_000_000L));
        for (int check = 0; check <= 9; check++) {
            String candidate = base + check;
            if (org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(candidate)
                    && !candidate.startsWith("356000000")) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }
}
