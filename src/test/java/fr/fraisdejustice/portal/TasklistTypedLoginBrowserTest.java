package fr.fraisdejustice.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.memoire.SentMemoireFixture;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * A clerk types his login into Tasklist's own form (no browser login box comes first), works in French, and opens an
 * attachment of the mémoire from the task form with that same login, without typing it again.
 */
@IntegrationTest
class TasklistTypedLoginBrowserTest extends BrowserTest {

    @Autowired
    ApplicationContext applicationContext;

    @Autowired
    ProcessEngine engine;

    @Test
    void aClerkTypesHisLoginAndOpensAnAttachmentFromTheCertificationForm() throws IOException {
        String mj = SentMemoireFixture.send(applicationContext, port).mjNumber();
        String task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(mj).singleResult().getId();

        page.navigate(url(TASKLIST));
        page.getByPlaceholder("Identifiant").pressSequentially("camille.martin");
        page.getByPlaceholder("Mot de passe").pressSequentially("Greffe-Paris-2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();

        assertThat(page.getByText("Camille Martin").first()).isVisible();
        assertThat(page.getByText("Mémoires à certifier").first()).isVisible();
        page.navigate(url(TASKLIST + "#/?task=" + task));
        page.getByText("Prendre en charge", new Page.GetByTextOptions().setExact(true)).click();
        Response opened = page.waitForResponse(r -> r.url().contains("/attachments/"), () ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("requisition.pdf")).click());
        org.assertj.core.api.Assertions.assertThat(opened.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(opened.headerValue("content-type")).startsWith("application/pdf");
    }
}
