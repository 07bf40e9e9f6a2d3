package fr.fraisdejustice.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.KeyboardModifier;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.memoire.MemoireAttachments;
import fr.fraisdejustice.memoire.MemoireDrafts;
import fr.fraisdejustice.memoire.MemoireSubmission;
import fr.fraisdejustice.memoire.SentMemoires;
import fr.fraisdejustice.memoire.StructureWithBankAccount;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** A provider opens a count of his dashboard, searches by number with the criteria kept in the URL, exports the CSV. */
@IntegrationTest
class WorkspaceBrowserTest extends BrowserTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired MemoireDrafts drafts;
    @Autowired MemoireAttachments attachments;
    @Autowired MemoireSubmission submission;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;

    @Test
    void dashboardCountSearchAndExport() throws Exception {
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        ready.signMandate(engine, mandates, mailServer);
        SentMemoires sent = new SentMemoires(ready, drafts, attachments, submission, engine);
        String first = sent.tariffed();
        String second = sent.tariffed();
        String draft = sent.draft(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(SentMemoires.SMALL_TARIFFED));
        logInToPortal(ready.manager().email());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tableau de bord").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("2 mémoire(s) : Mis à disposition")).click();
        assertThat(page).hasURL(Pattern.compile("/portail/recherche\\?status=MIS_A_DISPOSITION"));
        Locator results = page.locator("table", new Page.LocatorOptions().setHasText("Mémoires"));
        assertThat(results.locator("tbody tr")).hasCount(2);

        page.navigate(url("/portail/recherche"));
        type(page.getByLabel(Pattern.compile("^Numéro")), second);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page).hasURL(Pattern.compile("number=" + second));
        assertThat(results.locator("tbody tr")).hasCount(1);
        assertThat(results).containsText(second);

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Exporter en CSV (tableur)"))
                .click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.ALT))));
        String csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        Assertions.assertThat(csv).startsWith("\uFEFFNuméro;Statut;").contains(second).doesNotContain(first);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Synthèse").setExact(true)).click();
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Mémoires en attente"))).containsText(draft);
    }
}
