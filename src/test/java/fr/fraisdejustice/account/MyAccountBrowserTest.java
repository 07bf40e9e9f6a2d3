package fr.fraisdejustice.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.PortalSession;

/** « Mon compte » in the browser: password, secret question, contact e-mail, last login, terms of use. */
@IntegrationTest
class MyAccountBrowserTest extends BrowserTest {

    static final String NEW_PASSWORD = "Médecin-Légiste-2026";

    @Autowired
    Providers providers;

    @Autowired
    AccountRepository accounts;

    @Autowired
    GreenMail mailServer;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots", name)));
    }

    Locator part(String title) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(title).setExact(true));
    }

    @Test
    void aProviderChangesHisPasswordAndHisOtherSessionEnds() {
        Providers.Provider provider = providers.withOwnStructure();
        PortalSession phone = PortalSession.logIn(http, provider.email(), AccountFixture.PASSWORD);
        logInToPortal(provider.email());
        assertThat(page.locator("#form")).containsText("Dernière connexion le ");
        screenshot("mon-compte.png");

        Locator password = part("Mot de passe");
        type(password.getByLabel("Mot de passe actuel"), AccountFixture.PASSWORD);
        type(password.getByLabel(java.util.regex.Pattern.compile("^Nouveau mot de passe")), "court");
        assertThat(password.locator(".strength")).containsText("Trop faible");
        type(password.getByLabel(java.util.regex.Pattern.compile("^Nouveau mot de passe")), NEW_PASSWORD);
        assertThat(password.locator(".strength")).containsText("Fort");
        type(password.getByLabel("Confirmez le nouveau mot de passe"), NEW_PASSWORD);
        screenshot("mon-compte-mot-de-passe.png");
        password.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Changer mon mot de passe")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Votre mot de passe est changé. Vos autres sessions "
                + "ouvertes sont fermées");
        assertThat(password.getByLabel("Mot de passe actuel")).hasValue("");
        org.assertj.core.api.Assertions.assertThat(phone.get("/api/me").statusCode()).as("l'autre session").isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(http.send(http.request("/api/me")
                .header("Authorization", Http.basic(provider.email(), NEW_PASSWORD))).statusCode()).isEqualTo(200);
        screenshot("mon-compte-mot-de-passe-change.png");
    }

    @Test
    void aWrongCurrentPasswordIsShownOnItsField() {
        Providers.Provider provider = providers.withOwnStructure();
        logInToPortal(provider.email());

        Locator password = part("Mot de passe");
        type(password.getByLabel("Mot de passe actuel"), "Pas-le-bon-2026");
        type(password.getByLabel(java.util.regex.Pattern.compile("^Nouveau mot de passe")), NEW_PASSWORD);
        type(password.getByLabel("Confirmez le nouveau mot de passe"), NEW_PASSWORD);
        password.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Changer mon mot de passe")).click();

        assertThat(password.locator(".fjs-form-field-error").first()).containsText("mot de passe actuel est incorrect");
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("mot de passe actuel est incorrect");
    }

    @Test
    void aProviderWritesHisOwnSecretQuestion() {
        Providers.Provider provider = providers.withOwnStructure();
        logInToPortal(provider.email());
        String question = "Quel était le nom de ma rue d'enfance à Lyon ?";

        Locator secret = part("Question secrète");
        // filled without leaving it: tabbing into a form-js select opens it, and the click would close it again
        secret.getByLabel("Mot de passe actuel").fill(AccountFixture.PASSWORD);
        secret.locator(".fjs-form-field-select").locator(".fjs-input-group").click();
        secret.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText("Autre (saisir ma question)")).click();
        type(secret.getByLabel("Votre question secrète"), question);
        type(secret.getByLabel("Réponse secrète"), "Rue Mercière");
        screenshot("mon-compte-question-secrete.png");
        secret.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Changer ma question secrète")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Votre question secrète est changée : « " + question + " »");
        org.assertj.core.api.Assertions.assertThat(accounts.findById(provider.accountId()).orElseThrow().secretQuestion())
                .isEqualTo(question);
    }

    @Test
    void aProviderChangesHisContactEmailThroughTheMailedLink() {
        Providers.Provider provider = providers.withOwnStructure();
        String contact = AccountFixture.uniqueEmail("secretariat");
        logInToPortal(provider.email());

        Locator mine = part("Mes informations");
        type(mine.getByLabel("Adresse électronique de contact"), contact);
        mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer mes informations")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Un lien de confirmation vient d'être envoyé à " + contact);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("elles continuent d'arriver à " + provider.email());
        assertThat(part("Mes informations")).containsText("Tant qu'il n'a pas été suivi, les notifications continuent "
                + "d'arriver à " + provider.email());
        screenshot("mon-compte-adresse-en-attente.png");

        Mailbox mailbox = new Mailbox(mailServer);
        mailbox.await(contact, 1);
        page.navigate(url("/portail/confirmation-adresse?jeton=" + mailbox.lastToken(contact)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer cette adresse")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("L'adresse " + contact + " est confirmée");

        page.getByRole(AriaRole.STATUS).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mon compte")).click();
        assertThat(part("Mes informations").getByLabel("Adresse électronique de contact")).hasValue(contact);
        assertThat(part("Mes informations")).containsText("Les notifications du compte arrivent à " + contact);
    }

    @Test
    void theTermsOfUseAreAPageOfTheirOwn() {
        page.navigate(url("/portail/conditions-generales"));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Conditions générales d'utilisation")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("6. Données personnelles")))
                .isVisible();
        screenshot("conditions-generales.png");
    }
}
