package fr.fraisdejustice.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/** form-js speaks French on the portal: its messages, its select, its file picker, its dates (JJ/MM/AAAA). */
@IntegrationTest
class FrenchFormsBrowserTest extends BrowserTest {

    /** The jurisdiction search, with a date field added: the page's browser code is the real one. */
    private static final String FORM_WITH_A_DATE = """
            {"id": "jurisdiction-lookup", "type": "default", "schemaVersion": 16, "components": [
              {"id": "Field_Departement", "key": "departement", "label": "Département", "type": "textfield"},
              {"id": "Field_Date", "key": "date", "type": "datetime", "subtype": "date", "dateLabel": "Date de la prestation",
               "validate": {"required": true}},
              {"id": "Button_Search", "type": "button", "action": "submit", "label": "Rechercher"}]}
            """;

    private static final String FORM_WITH_A_NUMBER = """
            {"id": "jurisdiction-lookup", "type": "default", "schemaVersion": 16, "components": [
              {"id": "Field_Quantity", "key": "quantity", "label": "Quantité", "type": "number", "decimalDigits": 2},
              {"id": "Button_Search", "type": "button", "action": "submit", "label": "Rechercher"}]}
            """;

    @Test
    void aNumberIsTypedAndShownWithADecimalCommaAndReachesTheApiAsANumber() {
        page.route("**/portail/formulaires/jurisdiction-lookup", route -> route.fulfill(
                new Route.FulfillOptions().setContentType("application/json").setBody(FORM_WITH_A_NUMBER)));
        page.navigate(url("/portail/juridictions"));
        Locator quantity = page.getByLabel("Quantité");

        type(quantity, "1,5");
        assertThat(quantity).hasValue("1,5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page).hasURL(Pattern.compile(".*quantity=1\\.5.*"));
        assertThat(quantity).hasValue("1,5");

        type(quantity, "1,555");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page.locator(".fjs-form-field-number .fjs-form-field-error")).containsText("au plus 2 chiffres après la virgule");
        type(quantity, "beaucoup");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page.locator(".fjs-form-field-number .fjs-form-field-error")).containsText("Saisissez un nombre, par exemple 1,5.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Increment"))).hasCount(0);
    }

    @Test
    void anEmptyRequiredFieldIsExplainedInFrenchAndTheFocusGoesToIt() {
        page.navigate(url("/portail/connexion"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();

        Locator email = page.getByLabel("Adresse électronique de connexion");
        assertThat(page.locator(".fjs-form-field-error").first()).hasText("Ce champ est obligatoire.");
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("2 champs sont à corriger");
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Adresse électronique de connexion : Ce champ est obligatoire.");
        assertThat(email).isFocused();
        screenshot("champ-obligatoire");

        // the banner goes once the fields are right again
        type(email, "quelqu.un@example.fr");
        type(page.getByLabel("Mot de passe"), "Expertise-2026!");
        assertThat(page.locator("#problem")).isHidden();
    }

    @Test
    void aSelectSaysWhatToDoAndOpensOnlyWhenAsked() {
        page.navigate(url("/portail/juridictions"));
        Locator type = page.getByLabel("Type de juridiction");
        assertThat(type).hasAttribute("placeholder", "Sélectionnez une option");

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu principal"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Rechercher une juridiction")).focus();
        for (int i = 0; i < 10 && !(Boolean) type.evaluate("el => el === document.activeElement"); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(type).isFocused();
        // tabbing into the select leaves its list closed: nothing drops over the next field
        assertThat(page.locator(".fjs-dropdownlist")).hasCount(0);
        assertThat(type).hasAttribute("aria-expanded", "false");

        page.keyboard().press("ArrowDown");
        assertThat(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Cour d'appel"))).isVisible();
        screenshot("liste-ouverte");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(type).hasValue("Cour d'appel");
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Département")).isFocused();
    }

    @Test
    void theFilePickerSpeaksFrench() {
        page.navigate(url("/portail/depot-flux"));
        Locator field = page.locator(".fjs-form-field-filepicker");
        assertThat(field.getByRole(AriaRole.BUTTON)).hasText("Choisir un fichier");
        assertThat(field).containsText("Aucun fichier sélectionné");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déposer le fichier")).click();
        assertThat(field.locator(".fjs-form-field-error")).hasText("Ce champ est obligatoire.");

        page.locator("input[type=file]").setInputFiles(new FilePayload("flux.xml", "application/xml",
                "<depot/>".getBytes(StandardCharsets.UTF_8)));
        assertThat(field).containsText("flux.xml");
        assertThat(field.locator(".fjs-form-field-error")).hasCount(0);
        screenshot("fichier");
    }

    @Test
    void aDateTypedTheFrenchWayReachesTheApiAsIso() {
        page.route("**/portail/formulaires/jurisdiction-lookup", route -> route.fulfill(
                new Route.FulfillOptions().setContentType("application/json").setBody(FORM_WITH_A_DATE)));
        List<String> calls = new ArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/jurisdictions")) {
                calls.add(request.url());
            }
        });
        page.navigate(url("/portail/juridictions"));
        Locator date = page.getByLabel("Date de la prestation");
        assertThat(date).hasAttribute("placeholder", "JJ/MM/AAAA");

        type(date, "28/02/2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();

        assertThat(page).hasURL(Pattern.compile(".*date=2026-02-28.*"));
        Assertions.assertThat(calls).anySatisfy(call -> Assertions.assertThat(call).contains("date=2026-02-28"));
        assertThat(date).hasValue("28/02/2026");

        // the calendar, in French
        date.focus();
        page.keyboard().press("ArrowDown");
        Locator calendar = page.locator(".flatpickr-calendar.open");
        assertThat(calendar).containsText("février");
        assertThat(calendar).containsText("lun");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/formulaires-calendrier.png")));
    }

    @Test
    void anImpossibleDateIsExplainedOnItsFieldAndNothingIsSent() {
        page.route("**/portail/formulaires/jurisdiction-lookup", route -> route.fulfill(
                new Route.FulfillOptions().setContentType("application/json").setBody(FORM_WITH_A_DATE)));
        List<String> calls = new ArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/jurisdictions")) {
                calls.add(request.url());
            }
        });
        page.navigate(url("/portail/juridictions"));
        Locator date = page.getByLabel("Date de la prestation");

        type(date, "31/02/2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();

        Locator error = page.locator(".fjs-form-field-datetime .fjs-form-field-error");
        assertThat(error).containsText("La date « 31/02/2026 » n'existe pas");
        assertThat(date).hasValue("31/02/2026");
        assertThat(date).hasAttribute("aria-describedby", Pattern.compile(".*\\b" + error.getAttribute("id") + "\\b.*"));
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Date de la prestation");
        screenshot("date-impossible");
        Assertions.assertThat(calls).isEmpty();

        type(date, "1/3/2026");
        assertThat(date).hasValue("01/03/2026");
        assertThat(error).hasCount(0);
        // a date pasted the ISO way is read as well
        type(date, "2026-03-02");
        assertThat(date).hasValue("02/03/2026");
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/formulaires-" + name + ".png")).setFullPage(true));
    }
}
