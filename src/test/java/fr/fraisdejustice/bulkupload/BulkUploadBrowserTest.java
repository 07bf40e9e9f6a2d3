package fr.fraisdejustice.bulkupload;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.memoire.StructureWithBankAccount;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** A provider uploads the sample flux, watches its progress and reads its report with the MJ number. */
@IntegrationTest
class BulkUploadBrowserTest extends BrowserTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;

    @Test
    void uploadTheSampleAndReadItsReport() throws Exception {
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        ready.signMandate(engine, mandates, mailServer);
        logInToPortal(ready.manager().email());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dépôt flux").setExact(true)).click();
        page.locator("input[type=file]").setInputFiles(new FilePayload("flux.xml", "application/xml",
                BulkUploadApiTest.sample(ready, "").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déposer le fichier")).click();
        assertThat(page).hasURL(Pattern.compile("/portail/depot-flux-compte-rendu\\?depot="));
        assertThat(page.locator("#result h2")).containsText("Reçu, en attente de traitement");

        String uploadId = page.url().replaceAll(".*depot=", "");
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(uploadId)
                .singleResult().getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(instance).singleResult().getId());

        assertThat(page.locator("#result h2")).containsText("Terminé");
        assertThat(page.locator(".status")).containsText("1 envoyé(s), 0 refusé(s)");
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Compte rendu")))
                .containsText(Pattern.compile("FAC-2026-0001.*Envoyé.*MJ\\d{10}"));
    }
}
