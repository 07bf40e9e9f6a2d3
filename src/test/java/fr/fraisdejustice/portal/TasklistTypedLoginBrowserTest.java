package fr.fraisdejustice.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.memoire.SentMemoireFixture;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * A clerk on a 1280 px screen types his login into Tasklist's own form (no browser login box comes first), finds the
 * mémoire on « Mémoires à certifier » by what its card shows, takes it, reads every amount of its form without
 * scrolling sideways, opens an attachment in a new tab with that same login, and certifies with a correction.
 */
@IntegrationTest
class TasklistTypedLoginBrowserTest extends BrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @Autowired
    ApplicationContext applicationContext;

    @Autowired
    ProcessEngine engine;

    @Test
    void aClerkTypesHisLoginFindsTheMemoireByItsCardReadsItAt1280PxOpensAnAttachmentAndCertifiesWithACorrection()
            throws IOException {
        SentMemoireFixture.Sent sent = SentMemoireFixture.send(applicationContext, port);
        String mj = sent.mjNumber();
        // overdue: « Mémoires à certifier » lists the earliest due first, so its card is on the first page whatever
        // other tests left in the same office
        Task certification = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(mj).singleResult();
        certification.setDueDate(java.util.Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z")));
        engine.getTaskService().saveTask(certification);
        String today = LocalDate.now(FrenchDates.PARIS).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        page.setViewportSize(1280, 800);

        page.navigate(url(TASKLIST));
        // Tasklist loads its plugins, then may draw its login view again: type once everything has loaded
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.getByPlaceholder("Identifiant").pressSequentially("camille.martin");
        page.getByPlaceholder("Mot de passe").pressSequentially("Greffe-Paris-2026");
        assertThat(page.getByPlaceholder("Identifiant")).hasValue("camille.martin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByText("Camille Martin").first()).isVisible();

        // the filter's name and, once it is chosen, its count of tasks: « Mémoires à certifier 11 »
        page.locator(".task-filter", new Page.LocatorOptions().setHasText("Mémoires à certifier")).click();
        Locator card = page.locator("li.task", new Page.LocatorOptions().setHasText(mj)).first();
        assertThat(card).containsText("N° MJ");
        assertThat(card).containsText(mj);
        assertThat(card).containsText("Prestataire");
        assertThat(card).containsText("Montant TTC");
        assertThat(card).containsText("120,00 €");
        assertThat(card).containsText("Déposé le");
        assertThat(card).containsText(today);
        assertThat(card).containsText("Contrôle formel");
        assertThat(card).containsText("Échéance");
        Assertions.assertThat((Boolean) card.locator(".task-card-details").evaluate("d => d.scrollHeight <= d.clientHeight"))
                .as("toutes les variables de la carte se lisent sans la déplier").isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("clerk-work-list.png")));

        card.getByText("Certifier le mémoire " + mj).click();
        page.getByText("Prendre en charge", new Page.GetByTextOptions().setExact(true)).click();
        Locator form = page.locator(".fjs-container");
        assertThat(form.getByText("Lignes de prestation")).isVisible();
        assertThat(form.locator("table.fdj-lines")).containsText("Traduction écrite");
        assertThat(form.locator("table.fdj-lines")).containsText("au tarif");
        assertThat(form.locator("ul.fdj-details")).containsText("n° d'affaire 26-001");
        assertThat(form.locator("ul.fdj-details")).containsText("Procureur de la République");
        assertThat(form.locator("table.fdj-history")).containsText(today);
        assertThat(form.getByText("Réquisition, ligne 1")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("clerk-certification-form.png")));
        form.locator("table.fdj-history").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("clerk-certification-form-history.png")));

        Assertions.assertThat(form.locator(".fdj-num").count()).as("cellules de montant").isGreaterThanOrEqualTo(10);
        assertTaskFormReadsWithoutScrollingSideways(page);

        List<Response> opened = new CopyOnWriteArrayList<>();
        context.onResponse(r -> {
            if (r.url().contains("/api/staff/memoires/" + mj + "/attachments/")) {
                opened.add(r);
            }
        });
        Locator link = form.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("requisition.pdf"));
        assertThat(link).hasAttribute("target", "_blank");
        Page tab = page.waitForPopup(link::click);
        page.waitForCondition(() -> !opened.isEmpty());
        Assertions.assertThat(opened.get(0).status()).isEqualTo(200);
        Assertions.assertThat(opened.get(0).headerValue("content-type")).startsWith("application/pdf");
        Assertions.assertThat(opened.get(0).headerValue("content-disposition")).isEqualTo("inline; filename*=UTF-8''requisition.pdf");
        tab.close();

        form.getByText("Certifier (en corrigeant au besoin des montants)").click();
        type(form.getByLabel(java.util.regex.Pattern.compile("^Redressements")), "1 ; 75,00 ; 3 pages et non 4");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("clerk-certification-decision.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider").setExact(true)).click();
        assertThat(page.getByText("Certifier le mémoire " + mj)).hasCount(0);
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(mj)
                .taskDefinitionKey("Task_CertifyMemoire").count()).isZero();
        Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(mj)
                .singleResult()).isNotNull();
        Assertions.assertThat(engine.getRuntimeService().getVariable(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(mj).singleResult().getId(), "certificationDecision")).isEqualTo("CERTIFIER");
    }
}
