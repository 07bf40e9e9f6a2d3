package fr.fraisdejustice.ticket;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.memoire.SentMemoireFixture;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * A provider opens a ticket about his mémoire in the portal; the office's clerk answers in Tasklist; the provider
 * refuses the answer; the clerk answers again; the provider accepts.
 */
@IntegrationTest
class TicketBrowserTest extends BrowserTest {

    static final String DESCRIPTION = "Envoyé il y a longtemps, toujours pas certifié : voir [le suivi](https://exemple.invalid).";

    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;

    private int answers;

    @Test
    void aTicketAboutAMemoireIsAnsweredRefusedAnsweredAgainAndAccepted() throws Exception {
        SentMemoireFixture.Sent sent = SentMemoireFixture.send(context, port);
        logInToPortal(sent.manager().email());

        page.navigate(url("/portail/nouvelle-sollicitation?sous-categorie=SUIVI_MEMOIRE&objet=" + sent.mjNumber()));
        type(page.getByLabel("Titre"), "Où en est mon mémoire ?");
        type(page.getByLabel("Description"), DESCRIPTION);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la sollicitation")).click();
        assertThat(page.locator(".status")).containsText("Ouvert");
        String number = page.url().replaceAll(".*numero=", "");
        Assertions.assertThat(number).matches("SOL\\d{11}");

        answerInTasklist(number, "Votre mémoire sera certifié cette semaine.");
        page.reload();
        assertThat(page.locator(".status")).containsText("Résolu");
        Locator refusal = page.locator("section", new Page.LocatorOptions().setHasText("Refuser la solution"));
        type(refusal.getByLabel(Pattern.compile("^Pourquoi la solution")), "Il me faut une date précise.");
        refusal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refuser la solution")).click();
        assertThat(page.locator(".status")).containsText("En cours");

        answerInTasklist(number, "Il sera certifié vendredi.");
        page.reload();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter la solution")).click();
        assertThat(page.locator(".status")).containsText("Clôturé");
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Historique")))
                .containsText("Il sera certifié vendredi.");

        page.navigate(url("/portail/sollicitations?vue=CLOSED"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number))).isVisible();
    }

    /** The Paris clerk opens the ticket in Tasklist, claims it and proposes a solution. */
    private void answerInTasklist(String number, String answer) {
        try (BrowserContext browser = anotherBrowser()) {
            Page tasklist = browser.newPage();
            Assertions.assertThat(logInToTasklist(browser, tasklist, "camille.martin", "Greffe-Paris-2026").status()).isEqualTo(200);
            tasklist.navigate(url(TASKLIST));
            assertThat(tasklist.getByText("Sollicitations à traiter").first()).isVisible();
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).singleResult();
            tasklist.navigate(url(TASKLIST + "#/?task=" + task.getId()));
            assertThat(tasklist.getByText("Sollicitation " + number).first()).isVisible();
            if (task.getAssignee() == null) {
                tasklist.getByText("Prendre en charge", new Page.GetByTextOptions().setExact(true)).click();
            }
            answers++;
            Locator form = tasklist.locator(".fjs-container");
            assertThat(form.getByText(DESCRIPTION)).isVisible();
            assertThat(form.locator("a[href*='exemple']")).hasCount(0);
            assertThat(form.locator("input[type='radio']")).hasCount(3);
            assertThat(form.getByText("Transférer au support national")).isVisible();
            assertThat(form.getByText("Relancer l'activation du compte")).hasCount(0);
            assertThat(form.getByText("Nommer ce compte")).hasCount(0);
            Locator history = form.locator("table.fdj-history");
            assertThat(history.locator("tbody tr").first()).containsText(LocalDate.now(FrenchDates.PARIS)
                    .format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            if (answers > 1) {
                assertThat(history).containsText("Greffe — Tribunal judiciaire de Paris (camille.martin)");
            }
            tasklist.setViewportSize(1280, 800);
            assertTaskFormReadsWithoutScrollingSideways(tasklist);
            history.scrollIntoViewIfNeeded();
            tasklist.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                    "greffe-ticket-form-" + answers + ".png")));
            tasklist.getByText("Proposer une solution").click();
            type(tasklist.getByLabel("Message au demandeur"), answer);
            tasklist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider").setExact(true)).click();
            assertThat(tasklist.getByText("Sollicitation " + number)).hasCount(0);
            Assertions.assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isZero();
        }
    }

}
