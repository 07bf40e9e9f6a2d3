package fr.fraisdejustice.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/** A provider opens the portal and uses a page rendered from a form of forms/. */
@IntegrationTest
class PortalBrowserTest extends BrowserTest {

    @Test
    void aProviderFindsTheTribunalOfHisDepartementFromTheHomePage() {
        page.navigate(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Portail des prestataires de la justice")))
                .isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rechercher une juridiction").setExact(false)).first().click();
        page.getByLabel("Département").fill("75");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();

        assertThat(page.locator("#result table")).containsText("Tribunal judiciaire de Paris");
        assertThat(page.locator("#result table")).containsText("CA_PARIS");
        assertThat(page).hasURL(Pattern.compile(".*departement=75.*"));
    }

    @Test
    void criteriaKeptInTheUrlAreSearchedAgainOnOpening() {
        page.navigate(url("/portail/juridictions?departement=69"));

        assertThat(page.getByLabel("Département")).hasValue("69");
        assertThat(page.locator("#result table")).containsText("Tribunal judiciaire de Lyon");
    }

    @Test
    void aBadDepartementIsExplainedNextToTheField() {
        page.navigate(url("/portail/juridictions"));
        page.getByLabel("Département").fill("7X");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();

        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("deux chiffres");
        Locator error = page.locator(".fjs-form-field-error");
        assertThat(error).containsText("Le département s'écrit avec deux chiffres");
        // the message is tied to its field for screen readers
        assertThat(page.getByLabel("Département"))
                .hasAttribute("aria-describedby", Pattern.compile(".*\\b" + error.getAttribute("id") + "\\b.*"));
        assertThat(page.locator("#result table")).hasCount(0);
    }
}
