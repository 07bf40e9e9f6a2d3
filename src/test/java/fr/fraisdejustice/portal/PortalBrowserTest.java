package fr.fraisdejustice.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.support.Browsers;
import fr.fraisdejustice.support.IntegrationTest;

/** A provider opens the portal and uses a page rendered from a form of forms/. */
@IntegrationTest
class PortalBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void close() {
        playwright.close();
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void aProviderFindsTheTribunalOfHisDepartementFromTheHomePage() {
        page.navigate("http://localhost:" + port + "/");
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
        page.navigate("http://localhost:" + port + "/portail/juridictions?departement=69");

        assertThat(page.getByLabel("Département")).hasValue("69");
        assertThat(page.locator("#result table")).containsText("Tribunal judiciaire de Lyon");
    }

    @Test
    void aBadDepartementIsExplainedNextToTheField() {
        page.navigate("http://localhost:" + port + "/portail/juridictions");
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
