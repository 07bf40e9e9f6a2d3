package fr.fraisdejustice.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/** A provider creates his account in the portal, follows the mailed link, sets his password and logs in. */
@IntegrationTest
class AccountBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccountRepository accounts;

    @Autowired
    AccountFixture fixture;

    @BeforeEach
    void initAssertions() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    }

    @Test
    void aProviderCreatesHisAccountActivatesItFromTheMailboxAndLogsIn() {
        String email = AccountFixture.uniqueEmail("navigateur");
        page.navigate(url("/"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Créer votre compte").setExact(false)).first().click();

        page.getByLabel("Adresse électronique de connexion").fill(email);
        page.getByLabel(Pattern.compile("^Nom\\b")).fill("Lambert");
        page.getByLabel("Prénom").fill("Chloé");
        page.getByLabel("Numéro d'identification").fill("73282932000079");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        // no account without consent to the terms of use
        assertThat(page.locator(".fjs-form-field-checkbox .fjs-form-field-error")).isVisible();
        assertThat(page.locator("#notice")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", "creation-compte-cgu.png")));

        page.getByLabel("J'ai lu et j'accepte les conditions générales d'utilisation").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        assertThat(page.locator(".fjs-form-field-error")).containsText("SIRET n'est pas valide");

        page.getByLabel("Numéro d'identification").fill(AccountApiTest.freshSiret());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Votre compte est créé");
        org.assertj.core.api.Assertions.assertThat(accounts.findByLoginEmailIgnoreCase(email).orElseThrow().termsAcceptedAt())
                .as("le consentement est enregistré avec sa date").isNotNull();

        // the job executor is off in tests: run the process's mail task as it would
        fixture.runActivationJob(accounts.findByLoginEmailIgnoreCase(email).orElseThrow().id());
        page.navigate(url("/dev/mailbox"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(url("/portail/activation")).setExact(false))
                .first().click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Activer votre compte"))).isVisible();
        page.getByLabel(Pattern.compile("^Mot de passe")).fill("court");
        assertThat(page.locator(".strength")).containsText("Trop faible");
        page.getByLabel(Pattern.compile("^Mot de passe")).fill("Traductrice-Jurée-2026");
        assertThat(page.locator(".strength")).containsText("Fort");
        page.getByLabel("Confirmez le mot de passe").fill("Traductrice-Jurée-2026");
        page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText("Question secrète"))
                .locator(".fjs-input-group").click();
        page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText("premier animal")).click();
        page.getByLabel("Réponse secrète").fill("Médor");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activer mon compte")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Votre compte est activé");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Se connecter").setExact(true)).last().click();
        page.getByLabel("Adresse électronique de connexion").fill(email);
        page.getByLabel("Mot de passe").fill("Traductrice-Jurée-2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mon compte"))).isVisible();
        assertThat(page.getByLabel("Adresse de connexion")).hasValue(email);
        assertThat(page.getByLabel("Prénom")).hasValue("Chloé");
        assertThat(page.locator("#form table")).containsText("Gestionnaire principal");
        assertThat(page.locator("#form table")).containsText("Frais de justice modification");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        assertThat(page).hasURL(url("/"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Vous êtes déconnecté");
        page.navigate(url("/portail/compte"));
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Connectez-vous");
    }

    @Test
    void aWrongPasswordIsExplainedOnTheLoginPage() {
        page.navigate(url("/portail/connexion"));
        page.getByLabel("Adresse électronique de connexion").fill("personne@example.fr");
        page.getByLabel("Mot de passe").fill("Pas-le-bon-2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();

        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("mot de passe incorrect");
        assertThat(page.getByLabel("Mot de passe")).hasAttribute("type", "password");
    }

    @Test
    void aDeadActivationLinkSaysSoOnOpening() {
        page.navigate(url("/portail/activation?jeton=inconnu"));

        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("n'existe pas");
        assertThat(page.getByLabel("Réponse secrète")).hasCount(0);
    }

    @Test
    void theSecretQuestionFormsSuggestTheServersQuestionsAndLetTheUserWriteHisOwn() throws Exception {
        for (String formId : java.util.List.of("account-activation", "secret-question")) {
            JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms/" + formId + ".form")));
            java.util.List<String> offered = new java.util.ArrayList<>();
            for (JsonNode component : form.get("components")) {
                if ("secretQuestionChoice".equals(component.path("key").asText())) {
                    component.get("values").forEach(v -> offered.add(v.get("value").asText()));
                }
            }
            java.util.List<String> expected = new java.util.ArrayList<>(SecretAnswers.QUESTIONS);
            expected.add("AUTRE");
            org.assertj.core.api.Assertions.assertThat(offered).as(formId).isEqualTo(expected);
        }
    }
}
