package fr.fraisdejustice.structure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/**
 * The gestionnaire adds a bank account with its document, generates and signs a mandate from the mailbox, and sees
 * the checklist turn complete.
 */
@IntegrationTest
class StructureSetupBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @Autowired
    Memberships memberships;

    @Test
    void theGestionnaireCompletesThePrerequisites() {
        Providers.Provider manager = providers.withOwnStructure();
        logIn(manager);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Prérequis de Cabinet Martin")).click();

        assertThat(page.locator(".checklist .missing")).hasCount(2);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ajouter des coordonnées bancaires")).click();
        type(page.getByLabel(Pattern.compile("^Libellé")), "Compte professionnel");
        type(page.getByLabel(Pattern.compile("^IBAN$")), "FR76 3000 6000 0112 3456 7890 189");
        type(page.getByLabel(Pattern.compile("^BIC$")), "BNPAFRPP");
        page.locator("input[type=file]").setInputFiles(new FilePayload("rib.pdf", "application/pdf", Multipart.pdf()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter ces coordonnées")).click();
        assertThat(page.locator("#notice")).containsText("« Compte professionnel » (FR76 •••• •••• 0189) sont enregistrées");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revenir à la fiche de la structure")).click();
        assertThat(page.locator(".checklist .missing")).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Générer et signer un mandat")).click();
        type(page.getByLabel(Pattern.compile("^Libellé du mandat")), "Mandat 2026");
        assertThat(page.getByLabel(Pattern.compile("^Libellé du mandat"))).hasValue("Mandat 2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Générer").setExact(true)).click();
        assertThat(page.locator("#notice")).containsText("un courriel vous envoie le lien");
        String checklist = page.url().replace("/portail/mandats", "/portail/structure");

        // the job executor is off in tests: run the process's mail task as it would
        String instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(MandateSignature.PROCESS_KEY).active().list().stream()
                .filter(pi -> engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count() == 1
                        && engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult().getDuedate() == null)
                .reduce((first, second) -> second).orElseThrow().getId();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(instance)
                .singleResult().getId());
        page.navigate(url("/dev/mailbox"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(url("/portail/signature-mandat")).setExact(false))
                .first().click();
        page.getByLabel("J'ai lu le mandat ci-dessus et je le signe").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je signe")).click();
        assertThat(page.locator("#notice")).containsText("est signé");

        page.navigate(checklist);
        assertThat(page.locator(".checklist .done")).hasCount(2);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Tous les prérequis sont remplis");
    }

    @Test
    void theGestionnaireAcceptsAMembershipRequestFromHisAccountPage() {
        Providers.Provider manager = providers.withOwnStructure();
        Providers.Provider requester = providers.withOwnStructure();
        memberships.request(manager.structureId(), requester.accountId());
        logIn(manager);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demandes de rattachement à Cabinet Martin")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter Paul Martin")).click();

        assertThat(page.locator(".requests")).containsText("demande acceptée");
        page.reload();
        assertThat(page.getByText("Aucune demande en attente.")).isVisible();
    }

    private void logIn(Providers.Provider who) {
        logInToPortal(who.email());
    }
}
