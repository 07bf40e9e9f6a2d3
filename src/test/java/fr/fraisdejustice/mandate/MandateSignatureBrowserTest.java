package fr.fraisdejustice.mandate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/** The gestionnaire follows the mailed link and signs his mandate. */
@IntegrationTest
class MandateSignatureBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    MandateSignature signature;

    @Autowired
    Providers providers;

    @Test
    void theGestionnaireSignsFromTheMailedLink() {
        Providers.Provider manager = providers.withOwnStructure();
        BillingMandate mandate = signature.generate(manager.structureId(), "Mandat signé au navigateur",
                new MandateSignature.Signatory(manager.accountId(), "Paul Martin", manager.email()));
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(mandate.id().toString())
                .singleResult().getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(instance)
                .singleResult().getId());

        page.navigate(url("/dev/mailbox"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(url("/portail/signature-mandat")).setExact(false))
                .first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je signe")).click();
        assertThat(page.locator(".fjs-form-field-error").first()).isVisible();

        page.getByLabel("J'ai lu le mandat ci-dessus et je le signe").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je signe")).click();

        assertThat(page.locator("#notice")).containsText("« Mandat signé au navigateur » est signé");
        page.reload();
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("ne vaut plus");
    }
}
