package fr.fraisdejustice.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;

import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * What a provider typed stays typed, whatever the form does meanwhile. form-js used to hold a field's new text 300 ms
 * before giving it to the form: any redraw of the form in that window (another field's change, a tariff arriving, an
 * error shown) put the old value back in the field, and leaving it then sent the old value, or an empty field marked
 * « obligatoire ». Our forms now take each keystroke at once.
 */
@IntegrationTest
class FastTypingBrowserTest extends BrowserTest {

    @Test
    void aRedrawWhileTypingDoesNotBringTheOldValueBack() {
        page.navigate(url("/portail/connexion"));
        Locator email = page.getByLabel("Adresse électronique de connexion");
        Locator password = page.getByLabel(Pattern.compile("^Mot de passe"));

        email.fill("rapide@exemple.fr");
        // another field changes while the e-mail field still has the focus: the form redraws every field
        password.evaluate("field => { field.value = 'secret'; field.dispatchEvent(new Event('input', { bubbles: true })); }");
        page.waitForTimeout(400);
        email.press("Tab");

        assertThat(email).hasValue("rapide@exemple.fr");
        assertThat(password).hasValue("secret");
        assertThat(page.getByText("Ce champ est obligatoire.")).hasCount(0);
    }
}
