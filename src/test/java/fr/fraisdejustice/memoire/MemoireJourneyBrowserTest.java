package fr.fraisdejustice.memoire;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;

/**
 * The whole journey: a provider sends a mémoire in the portal; the Paris clerk certifies it in Tasklist with its
 * Camunda Form; the SAR orders and the comptable releases the payment there too, his form starting with the ordered
 * amount paid today; the provider then reads « Mis en paiement » with the history, and has had the mails.
 */
@IntegrationTest
class MemoireJourneyBrowserTest extends BrowserTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired MemoireDrafts drafts;
    @Autowired MemoireAttachments attachments;
    @Autowired MemoireSubmission submission;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;

    @Test
    void fromSendingToPaymentThroughTasklist() throws Exception {
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        ready.signMandate(engine, mandates, mailServer);
        String draft = new SentMemoires(ready, drafts, attachments, submission, engine)
                .draft(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(SentMemoires.SMALL_TARIFFED));
        logInToPortal(ready.manager().email());
        page.navigate(url("/portail/memoire?numero=" + draft));
        page.getByLabel("Je fais cette déclaration sur l'honneur").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider et envoyer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Mémoire envoyé sous le numéro MJ");
        Matcher sent = Pattern.compile("MJ\\d{10}").matcher(page.getByRole(AriaRole.STATUS).textContent());
        Assertions.assertThat(sent.find()).isTrue();
        String mj = sent.group();
        SentMemoires.prepareTasks(engine, mj);

        inTasklist("camille.martin", "Greffe-Paris-2026", mj, "Task_CertifyMemoire", form -> {
            assertThat(form.getByText("Mémoire " + mj).first()).isVisible();
            assertThat(form.getByText("requisition.pdf").first()).isVisible();
            form.getByText("Certifier (en corrigeant au besoin des montants)").click();
            type(form.getByLabel(java.util.regex.Pattern.compile("^Redressements")), "1 ; 75,00 ; 3 pages et non 4");
        });
        inTasklist("nicolas.thomas", "Sar-Paris-2026", mj, "Task_OrderPayment",
                form -> form.getByText("J'ordonnance le paiement du montant retenu").click());
        String today = LocalDate.now(FrenchDates.PARIS).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        inTasklist("isabelle.richard", "Comptable-2026", mj, "Task_ReleasePayment", form -> {
            assertThat(form.getByText("Paiement ordonnancé le")).containsText("90,00 €");
            assertThat(form.getByLabel("Montant payé TTC (€)")).hasValue("90");
            assertThat(form.getByLabel("Date de paiement").first()).hasValue(today);
            form.setViewportSize(1280, 800);
            assertTaskFormReadsWithoutScrollingSideways(form);
            form.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "comptable-payment-release-top.png")));
            form.locator(".fjs-container").getByLabel("Montant payé TTC (€)").scrollIntoViewIfNeeded();
            form.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "comptable-payment-release.png")));
        });

        page.navigate(url("/portail/memoire?numero=" + mj));
        assertThat(page.locator(".status")).containsText("Mis en paiement");
        assertThat(page.getByText("Payé le " + today + " : 90,00 €", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Historique")))
                .containsText("Greffe — Tribunal judiciaire de Paris");
        assertThat(page.getByText("Montant retenu : 90,00 €")).isVisible();
        new Mailbox(mailServer).awaitSubjects(ready.manager().email(),
                "Mémoire " + mj + " : Certifié", "Mémoire " + mj + " : Mis en paiement");
    }

    /** A staff member opens the mémoire's task in his own Tasklist, fills its form and completes it. */
    private void inTasklist(String user, String password, String mj, String taskKey, Consumer<Page> fill) {
        try (BrowserContext browser = anotherBrowser()) {
            Page tasklist = browser.newPage();
            Assertions.assertThat(logInToTasklist(browser, tasklist, user, password).status()).isEqualTo(200);
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(mj)
                    .taskDefinitionKey(taskKey).singleResult();
            tasklist.navigate(url(TASKLIST));
            assertThat(tasklist.getByText("Tâches de mes services").first()).isVisible();
            tasklist.navigate(url(TASKLIST + "#/?task=" + task.getId()));
            tasklist.getByText("Prendre en charge", new Page.GetByTextOptions().setExact(true)).click();
            fill.accept(tasklist);
            tasklist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider").setExact(true)).click();
            assertThat(tasklist.getByText("Mémoire " + mj)).hasCount(0);
            Assertions.assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count())
                    .as("%s a terminé la tâche %s", user, taskKey).isZero();
        }
    }

}
