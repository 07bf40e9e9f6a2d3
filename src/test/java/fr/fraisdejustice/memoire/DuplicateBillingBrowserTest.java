package fr.fraisdejustice.memoire;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/** Before sending, the provider is told which lines repeat a line his structure already sent, with a link to it. */
@IntegrationTest
class DuplicateBillingBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theDraftWarnsOfADoubleBillingBeforeSending() throws IOException {
        SentMemoires structure = SentMemoires.forNewStructure(context, port);
        String first = structure.tariffed();
        String draft = structure.draft(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(SentMemoires.SMALL_TARIFFED));

        logInToPortal(structure.ready().manager().email());
        page.navigate(url("/portail/memoire?numero=" + draft));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Double facturation possible")))
                .isVisible();
        assertThat(page.locator(".fr-alert--warning")).containsText("La ligne 1 répète la ligne 1 du mémoire " + first
                + ", déjà envoyé (même n° d'affaire, prestation, dates et montants).");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/double-facturation.png")).setFullPage(true));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(first)).click();
        assertThat(page.locator("h2").first()).containsText(first);
    }
}
