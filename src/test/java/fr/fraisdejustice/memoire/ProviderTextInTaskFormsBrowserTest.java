package fr.fraisdejustice.memoire;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * What a provider types reaches the clerk's Tasklist form as text: a markdown link, emphasis or HTML in his complement
 * shows as the characters he typed, and nothing of it becomes a link or markup.
 */
@IntegrationTest
class ProviderTextInTaskFormsBrowserTest extends BrowserTest {

    static final String TYPED = "Voir [lien](https://exemple.invalid) **urgent** <b>gras</b> www.exemple.invalid";

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired MemoireDrafts drafts;
    @Autowired MemoireAttachments attachments;
    @Autowired MemoireSubmission submission;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;

    @Test
    void aLinkTypedInAComplementShowsAsTextInTheClerksForm() throws Exception {
        Http http = new Http(port);
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, http, json);
        ready.signMandate(engine, mandates, mailServer);
        SentMemoires sent = new SentMemoires(ready, drafts, attachments, submission, engine);
        String mj = sent.tariffed();
        sent.complete(mj, "Task_CertifyMemoire", "camille.martin", "greffe-TJ75101",
                Map.of("certificationDecision", "COMPLEMENT", "complementRequest", "Joignez l'attestation de mission."));
        Assertions.assertThat(http.send(http.request("/api/memoires/" + mj + "/complement")
                .header("Authorization", ready.manager().basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("information", TYPED)))))
                .statusCode()).isEqualTo(200);
        String task = sent.task(mj, "Task_CertifyMemoire").getId();

        page.setViewportSize(1280, 800);
        Assertions.assertThat(logInToTasklist(context, page, "camille.martin", "Greffe-Paris-2026").status()).isEqualTo(200);
        page.navigate(url(TASKLIST));
        assertThat(page.getByText("Tâches de mes services").first()).isVisible();
        page.navigate(url(TASKLIST + "#/?task=" + task));
        Locator form = page.locator(".fjs-container");
        assertThat(form.getByText("Complément du prestataire")).isVisible();

        assertThat(form.locator("p", new Locator.LocatorOptions().setHasText(TYPED))).isVisible();
        assertThat(form.locator("table.fdj-history")).containsText(TYPED);
        assertThat(form.getByText("À la demande : « Joignez l'attestation de mission. »")).isVisible();
        assertThat(form.locator("a[href*='exemple']")).hasCount(0);
        assertThat(form.locator("b, strong", new Locator.LocatorOptions().setHasText("gras"))).hasCount(0);
        assertThat(form.locator("strong", new Locator.LocatorOptions().setHasText("urgent"))).hasCount(0);
        Assertions.assertThat(form.locator(".fjs-form-field-text a").all()).extracting(a -> a.getAttribute("href"))
                .allSatisfy(href -> Assertions.assertThat(href).startsWith("/api/staff/memoires/" + mj + "/attachments/"));
        form.getByText("Complément du prestataire").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "clerk-provider-complement.png")));
    }
}
