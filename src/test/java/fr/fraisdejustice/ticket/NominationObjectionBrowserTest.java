package fr.fraisdejustice.ticket;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.PrincipalManagerNominations;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * A member asks to be named gestionnaire principal; the support, in Tasklist, sees the members and the current
 * gestionnaire's last login and names him with a reason; the current gestionnaire reads the notice on his structure's
 * page and objects: the nomination does not happen and the ticket is back with the support.
 */
@IntegrationTest
class NominationObjectionBrowserTest extends BrowserTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired Tickets tickets;
    @Autowired Structures structures;
    @Autowired PrincipalManagerNominations nominations;

    @Test
    void theCurrentManagerObjectsFromHisStructuresPage() {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider member = providers.memberOf(manager);
        String number = new TicketFixture(tickets, engine).open(member, "NOMINATION_GESTIONNAIRE", member.email()).number();

        nameInTasklist(number);
        String date = FrenchDates.date(nominations.pendingOf(manager.structureId()).orElseThrow().effectiveAt());

        logInToPortal(manager.email());
        page.navigate(url("/portail/fiche-structure?structure=" + manager.structureId()));
        Locator notice = page.locator("#nomination-en-cours");
        assertThat(notice).containsText("Nomination en cours : ");
        assertThat(notice).containsText(" sera gestionnaire principal le " + date);
        assertThat(notice).containsText("Le gérant a cédé ses parts.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je m'oppose à cette nomination")).click();
        assertThat(notice.getByRole(AriaRole.ALERT)).containsText("Dites pourquoi vous vous opposez");
        page.getByLabel("Motif de votre opposition").fill("Je suis toujours le gérant de la société.");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "nomination-opposition.png"))
                .setFullPage(true));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je m'oppose à cette nomination")).click();

        assertThat(page.locator("#notice")).containsText("Votre opposition est enregistrée");
        assertThat(page.locator("#nomination-en-cours")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "nomination-opposition-faite.png")));
        Assertions.assertThat(structures.principalManagerOf(manager.structureId())).contains(manager.accountId());
        Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(SupportTicketProcess.TASK_HANDLE).count()).isEqualTo(1);
    }

    /** The support agent opens the ticket in Tasklist, reads who is who, and names the member with a reason. */
    private void nameInTasklist(String number) {
        try (BrowserContext browser = anotherBrowser()) {
            Page tasklist = browser.newPage();
            Assertions.assertThat(logInToTasklist(browser, tasklist, "thomas.petit", "Support-2026").status()).isEqualTo(200);
            tasklist.navigate(url(TASKLIST));
            assertThat(tasklist.getByText("Sollicitations à traiter").first()).isVisible();
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).singleResult();
            tasklist.navigate(url(TASKLIST + "#/?task=" + task.getId()));
            assertThat(tasklist.getByText("Sollicitation " + number).first()).isVisible();
            tasklist.getByText("Prendre en charge", new Page.GetByTextOptions().setExact(true)).click();
            Locator form = tasklist.locator(".fjs-container");
            Locator members = form.locator("table.fdj-members");
            assertThat(form.getByText("Membres actifs de la structure")).isVisible();
            assertThat(members.locator("tbody tr")).hasCount(2);
            assertThat(members).containsText("Gestionnaire principal");
            assertThat(members).containsText("jamais connecté");
            assertThat(form).containsText("Gestionnaire principal en place");
            assertThat(form).containsText("la nomination prendra effet 8 jours après");
            tasklist.setViewportSize(1280, 900);
            assertTaskFormReadsWithoutScrollingSideways(tasklist);
            tasklist.getByText("Nommer ce compte gestionnaire principal de la structure").click();
            type(tasklist.getByLabel("Motif de la nomination"), "Le gérant a cédé ses parts.");
            members.scrollIntoViewIfNeeded();
            tasklist.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "nomination-tasklist.png")));
            tasklist.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider").setExact(true)).click();
            assertThat(tasklist.getByText("Sollicitation " + number)).hasCount(0);
        }
    }
}
