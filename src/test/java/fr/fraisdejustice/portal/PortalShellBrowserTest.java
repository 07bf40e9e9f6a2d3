package fr.fraisdejustice.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/** The shell around every page: the State's header and footer, who is logged in, logging out, the keyboard alone. */
@IntegrationTest
class PortalShellBrowserTest extends BrowserTest {

    private static final String LAST_LOGIN = "2026-11-30T08:05:00Z";

    @Autowired
    Providers providers;

    @Autowired
    ObjectMapper json;

    @Test
    void aVisitorSeesTheStateHeaderAndOnlyWhatHeCanUse() {
        page.navigate(url("/"));

        Locator header = page.getByRole(AriaRole.BANNER);
        assertThat(header).containsText(Pattern.compile("Ministère\\s*de la Justice"));
        assertThat(header).containsText("frais-de-justice");
        assertThat(header).containsText("Déposer et suivre ses mémoires de frais de justice");
        assertThat(header.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Se connecter"))).isVisible();
        assertThat(header.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Créer un compte"))).isVisible();
        Locator navigation = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu principal"));
        assertThat(navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rechercher une juridiction"))).isVisible();
        assertThat(navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Tableau de bord"))).isHidden();
        assertThat(header.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mon compte"))).isHidden();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter"))).isHidden();

        Locator footer = page.getByRole(AriaRole.CONTENTINFO);
        assertThat(footer).containsText(Pattern.compile("République\\s*française"));
        assertThat(footer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("justice.gouv.fr"))).isVisible();
        screenshot("accueil-visiteur");

        page.navigate(url("/portail/juridictions"));
        assertThat(navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rechercher une juridiction")))
                .hasAttribute("aria-current", "page");
        screenshot("juridictions-visiteur");
    }

    @Test
    void aLoggedInProviderSeesHisNameHisLastLoginAndLogsOut() {
        Providers.Provider provider = providers.withOwnStructure();
        // the last login as GET /api/me gives it (lastLoginAt): a fixed one, to read it exactly
        page.route("**/api/me", this::withLastLogin);
        logInToPortal(provider.email());

        Locator header = page.getByRole(AriaRole.BANNER);
        assertThat(header).containsText("Paul Martin");
        // in Paris time whatever the browser's zone: 08:05 UTC is 09:05 in Paris in November
        String expected = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm")
                .format(Instant.parse(LAST_LOGIN).atZone(ZoneId.of("Europe/Paris")));
        assertThat(header).containsText("Dernière connexion le " + expected);
        assertThat(header.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mon compte"))).isVisible();
        assertThat(header.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Se connecter"))).isHidden();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tableau de bord").setExact(true))).isVisible();
        screenshot("compte-connecte");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();

        assertThat(page).hasURL(url("/"));
        assertThat(header.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Se connecter"))).isVisible();
        assertThat(header).not().containsText("Paul Martin");
        page.navigate(url("/portail/compte"));
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Connectez-vous");
    }

    @Test
    void aProviderLogsInWithTheKeyboardAlone() {
        Providers.Provider provider = providers.withOwnStructure();
        page.navigate(url("/"));

        tabTo("le lien « Se connecter » de l'en-tête", "el => el.matches('header a') && el.textContent.trim() === 'Se connecter'");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Se connecter"))).isVisible();
        tabTo("le champ de l'adresse", "el => el.labels && el.labels[0] && el.labels[0].textContent.includes('Adresse électronique')");
        page.keyboard().type(provider.email());
        page.keyboard().press("Tab");
        page.keyboard().type("Expertise-2026!");
        tabTo("le bouton « Se connecter »", "el => el.tagName === 'BUTTON' && el.textContent.trim() === 'Se connecter'");
        page.waitForTimeout(350);
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mon compte"))).isVisible();
        assertThat(page.getByRole(AriaRole.BANNER)).containsText("Paul Martin");
    }

    @Test
    void onAPhoneTheMenuButtonOpensTheNavigationAndTheAccountLinks() {
        page.setViewportSize(375, 812);
        page.navigate(url("/portail/juridictions"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();

        Locator menu = page.locator("#menu-principal");
        assertThat(menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Se connecter"))).isVisible();
        assertThat(menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rechercher une juridiction"))).isVisible();
        assertThat(menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Tableau de bord"))).isHidden();
        screenshot("menu-telephone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fermer")).click();
        assertThat(menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Se connecter"))).isHidden();
    }

    /** Presses Tab until the focused element is the one described (at most 40 times), as a keyboard user does. */
    private void tabTo(String what, String predicate) {
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate("() => !!(" + predicate + ")(document.activeElement)")) {
                return;
            }
        }
        throw new AssertionError("la touche Tab n'atteint pas " + what);
    }

    private void withLastLogin(Route route) {
        var response = route.fetch();
        if (response.status() != 200) {
            route.fulfill(new Route.FulfillOptions().setResponse(response));
            return;
        }
        try {
            ObjectNode me = (ObjectNode) json.readTree(response.text());
            me.put("lastLoginAt", LAST_LOGIN);
            route.fulfill(new Route.FulfillOptions().setResponse(response).setBody(json.writeValueAsString(me)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/shell-" + name + ".png")).setFullPage(true));
    }
}
