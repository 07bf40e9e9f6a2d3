package fr.fraisdejustice.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.KeyboardModifier;
import com.microsoft.playwright.options.SelectOption;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.memoire.MemoireAttachments;
import fr.fraisdejustice.memoire.MemoireDrafts;
import fr.fraisdejustice.memoire.MemoireSubmission;
import fr.fraisdejustice.memoire.SentMemoires;
import fr.fraisdejustice.memoire.StructureWithBankAccount;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.structure.ProviderCategory;
import fr.fraisdejustice.structure.Structure;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * A provider member of two structures works in his workspace: the Synthèse filtered by structure and paged, a selection
 * abandoned, deleted and downloaded; the Tableau de bord's grid opening a search; the Liste fiscale of one structure;
 * Rechercher with the new criteria, its criteria folded over the results, and each row's actions.
 */
@IntegrationTest
class WorkspaceBrowserTest extends BrowserTest {

    @Autowired ProcessEngine engine;
    @Autowired Providers providers;
    @Autowired MandateSignature mandates;
    @Autowired MemoireDrafts drafts;
    @Autowired MemoireAttachments attachments;
    @Autowired MemoireSubmission submission;
    @Autowired Structures structures;
    @Autowired ObjectMapper json;
    @Autowired GreenMail mailServer;
    @Autowired JdbcTemplate jdbc;

    private SentMemoires ready() throws Exception {
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        ready.signMandate(engine, mandates, mailServer);
        return new SentMemoires(ready, drafts, attachments, submission, engine);
    }

    private String draft(SentMemoires in) {
        return in.draft(ProviderCategory.INTERPRETE_TRADUCTEUR, List.of(SentMemoires.SMALL_TARIFFED));
    }

    private void refuse(SentMemoires in, String mj) {
        in.complete(mj, "Task_CertifyMemoire", "camille.martin", "greffe-TJ75101",
                Map.of("certificationDecision", "REFUSER", "refusalReason", "DOUBLON"));
    }

    /** The manager of A becomes a plain member of B, as if B's manager had approved his request. */
    private String join(SentMemoires a, SentMemoires b, String bName) {
        jdbc.update("update structure set name = ? where id = ?", bName, b.ready().manager().structureId());
        Structure structure = structures.byId(b.ready().manager().structureId());
        structures.importMember(a.ready().manager().accountId(), structure.identifierType(), structure.identifier(), structure.name());
        return structure.id().toString();
    }

    private Locator rows(String caption) {
        return page.locator("table", new Page.LocatorOptions().setHasText(caption)).locator("tbody tr");
    }

    /** Picks an option in a form-js select: opens its list, clicks the option. */
    private void choose(String field, String option) {
        Locator select = page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText(field));
        select.locator(".fjs-input-group").click();
        select.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText(option)).first().click();
    }

    private void shoot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name)).setFullPage(true));
    }

    @Test
    void synthesisByStructureAndPageWithASelectionThenTheDashboardGridAndTheFiscalListOfOneStructure() throws Exception {
        SentMemoires a = ready();
        SentMemoires b = ready();
        String aName = "Interprètes Nguyễn & Ørsted";
        jdbc.update("update structure set name = ? where id = ?", aName, a.ready().manager().structureId());
        String bId = join(a, b, "Cabinet Łódź Traductions");
        String refused = a.tariffed();
        refuse(a, refused);
        jdbc.update("update memoire set provider_invoice_number = 'FAC-2026-042' where mj_number = ?", refused);
        String toDelete = draft(a);
        String toDownload = draft(a);
        draft(a);
        draft(a);
        String theirs = draft(b);
        String paid = a.tariffed();
        String theirsPaid = b.tariffed();
        jdbc.update("update memoire set status = 'MIS_EN_PAIEMENT', payment_date = ?, paid_amount = 120 where mj_number in (?, ?)",
                Date.valueOf(LocalDate.of(2026, 3, 15)), paid, theirsPaid);
        logInToPortal(a.ready().manager().email());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Synthèse").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mémoires à traiter : 6"))).isVisible();
        Locator table = page.locator("table", new Page.LocatorOptions().setHasText("Mémoires à traiter"));
        assertThat(table.locator("thead")).containsText("Prestataire");
        for (String column : List.of("Date de dépôt", "Destinataire", "Numéro", "État", "Date de l'état", "Montant TTC", "N° facture")) {
            assertThat(table.locator("thead")).containsText(column);
        }
        Locator refusedRow = table.locator("tr", new Locator.LocatorOptions().setHasText(refused));
        assertThat(refusedRow).containsText(aName);
        assertThat(refusedRow).containsText("Tribunal judiciaire de Paris");
        assertThat(refusedRow).containsText("Refusé");
        assertThat(refusedRow).containsText("120,00 €");
        assertThat(refusedRow).containsText("FAC-2026-042");
        // the day in Paris, as the page shows it whatever the browser's zone
        assertThat(refusedRow).containsText(LocalDate.now(FrenchDates.PARIS).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));

        page.getByLabel("Structure", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Cabinet Łódź Traductions"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(page).hasURL(Pattern.compile("structureId=" + bId));
        assertThat(rows("Mémoires à traiter")).hasCount(1);
        assertThat(rows("Mémoires à traiter")).containsText(theirs);

        page.getByLabel("Structure", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Toutes mes structures"));
        page.getByLabel("Lignes par page").selectOption("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrer")).click();
        assertThat(rows("Mémoires à traiter")).hasCount(5);
        Locator pages = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pagination"));
        assertThat(pages.locator("[aria-current='page']")).hasText("1");
        pages.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Page suivante")).click();
        assertThat(page).hasURL(Pattern.compile("page=1"));
        assertThat(rows("Mémoires à traiter")).hasCount(1);
        assertThat(pages.locator("[aria-current='page']")).hasText("2");

        page.navigate(url("/portail/synthese"));
        select(refused);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abandonner")).click();
        Locator confirmation = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(confirmation).containsText("Abandonner 1 mémoire (" + refused + ")");
        confirmation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirmer l'abandon")).click();
        assertThat(page.locator("#notice")).containsText("1 mémoire abandonné sur 1");
        assertThat(page.locator(".fdj-report")).containsText(refused + " : abandonné.");
        assertThat(table.locator("tr", new Locator.LocatorOptions().setHasText(refused))).hasCount(0);

        select(toDelete);
        select(theirs);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer (brouillons)")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annuler")).click();
        assertThat(page.getByRole(AriaRole.ALERTDIALOG)).hasCount(0);
        Assertions.assertThat(jdbc.queryForObject("select count(*) from memoire where number = ?", Long.class, toDelete)).isEqualTo(1);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer (brouillons)")).click();
        assertThat(confirmation).containsText("Supprimer 2 brouillons");
        confirmation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirmer la suppression")).click();
        Locator report = page.locator(".fdj-report");
        assertThat(report).containsText(toDelete + " : supprimé.");
        assertThat(report).containsText(theirs + " : non supprimé — ");
        assertThat(page.locator("#notice")).containsText("1 brouillon supprimé sur 2");
        assertThat(table.locator("tr", new Locator.LocatorOptions().setHasText(toDelete))).hasCount(0);
        assertThat(table.locator("tr", new Locator.LocatorOptions().setHasText(theirs))).hasCount(1);
        shoot("synthese-compte-rendu.png");

        // the ZIP is built by POST /api/memoires/documents: here the page's request is checked and a ZIP handed back
        AtomicReference<String> sent = new AtomicReference<>();
        page.route("**/api/memoires/documents", route -> {
            sent.set(route.request().postData());
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/zip")
                    .setBodyBytes(new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        });
        select(toDownload);
        Download zip = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Télécharger (ZIP des PDF)")).click());
        Assertions.assertThat(zip.suggestedFilename()).matches("memoires-\\d{4}-\\d{2}-\\d{2}\\.zip");
        JsonNode body = json.readTree(sent.get());
        Assertions.assertThat(json.convertValue(body.get("numbers"), List.class)).containsExactly(toDownload);
        assertThat(page.locator("#notice")).containsText("Le fichier ZIP du mémoire " + toDownload + " est enregistré dans vos téléchargements");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tableau de bord").setExact(true)).click();
        Locator grid = page.locator("table", new Page.LocatorOptions().setHasText("Mémoires par structure et par statut"));
        assertThat(grid.locator("tbody tr")).hasCount(2);
        assertThat(grid.locator("thead")).containsText("Mis à disposition");
        assertThat(grid.locator("tbody tr").first().locator("th")).hasText("Cabinet Łódź Traductions");
        shoot("tableau-de-bord.png");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("1 mémoire(s) « Brouillon » de Cabinet Łódź Traductions")).click();
        assertThat(page).hasURL(Pattern.compile("/portail/recherche\\?structureId=" + bId + "&status=BROUILLON"));
        assertThat(rows("Mémoires")).hasCount(1);
        assertThat(rows("Mémoires")).containsText(theirs);
        assertThat(page.locator("details.fdj-criteria")).not().hasAttribute("open", "");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Liste fiscale").setExact(true)).click();
        choose("Structure (toutes si vide)", aName);
        type(page.getByLabel(Pattern.compile("^Payés à partir du")), "01/01/2026");
        type(page.getByLabel(Pattern.compile("^Jusqu'au")), "31/12/2026");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher la liste")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("1 mémoire(s) mis en paiement — " + aName))).isVisible();
        assertThat(rows("Liste fiscale")).hasCount(1);
        assertThat(rows("Liste fiscale")).containsText(paid);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Exporter en CSV")))
                .hasAttribute("href", Pattern.compile("structureId=" + a.ready().manager().structureId()));
        assertThat(page).hasURL(Pattern.compile("structureId=" + a.ready().manager().structureId()));
        shoot("liste-fiscale-structure.png");
        page.navigate(url("/portail/liste-fiscale?from=2026-01-01&to=2026-12-31"));
        assertThat(rows("Liste fiscale")).hasCount(2);
        assertThat(rows("Liste fiscale").filter(new Locator.FilterOptions().setHasText(theirsPaid))).containsText("Cabinet Łódź Traductions");
    }

    @Test
    void searchByTheNewCriteriaFoldsThemAndEachRowIsViewedDownloadedOrDuplicated() throws Exception {
        SentMemoires a = ready();
        String sent = a.tariffed();
        String expert = a.untariffed("300");
        String refused = a.tariffed();
        refuse(a, refused);
        String draft = draft(a);
        jdbc.update("update memoire set service_code = 'URGENCES', provider_invoice_number = 'FAC-77' where mj_number = ?", sent);
        // GET /api/structures/{id}/services comes with the structures' part of the portal: the page reads its contract
        page.route("**/api/structures/*/services", route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
                .setContentType("application/json")
                .setBody("[{\"code\":\"URGENCES\",\"name\":\"Service des urgences\",\"active\":true},"
                        + "{\"code\":\"ANCIEN\",\"name\":\"Ancien service\",\"active\":false}]")));
        logInToPortal(a.ready().manager().email());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes mémoires").setExact(true)).click();
        Locator criteria = page.locator("details.fdj-criteria");
        assertThat(criteria).hasAttribute("open", "");
        choose("Catégorie de prestataire", "Expert");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page).hasURL(Pattern.compile("providerCategory=EXPERT"));
        assertThat(rows("Mémoires")).hasCount(1);
        assertThat(rows("Mémoires")).containsText(expert);
        assertThat(criteria).not().hasAttribute("open", "");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Résultats de la recherche : 1 mémoire(s)")))
                .isInViewport();
        shoot("rechercher-resultats.png");

        page.navigate(url("/portail/recherche"));
        Locator services = page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText("Service du prestataire"));
        services.locator(".fjs-input-group").click();
        assertThat(services.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText("Ancien service (inactif)"))).isVisible();
        services.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText("Service des urgences")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page).hasURL(Pattern.compile("serviceCode=URGENCES"));
        assertThat(rows("Mémoires")).hasCount(1);
        assertThat(rows("Mémoires")).containsText(sent);
        assertThat(rows("Mémoires")).containsText("FAC-77");
        assertThat(rows("Mémoires")).containsText("Tribunal judiciaire de Paris");

        page.navigate(url("/portail/recherche"));
        type(page.getByLabel(Pattern.compile("^N° de facture")), "fac-7");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(rows("Mémoires")).hasCount(1);
        assertThat(rows("Mémoires")).containsText(sent);

        page.navigate(url("/portail/recherche"));
        choose("Texte de référence (article du CPP)", "Article R.106 du CPP (Expert)");
        String structureName = jdbc.queryForObject("select name from structure where id = ?", String.class,
                a.ready().manager().structureId());
        choose("Prestataire (structure)", structureName);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page).hasURL(Pattern.compile("referenceText=R.106"));
        assertThat(page).hasURL(Pattern.compile("structureId=" + a.ready().manager().structureId()));
        assertThat(rows("Mémoires")).hasCount(1);
        assertThat(rows("Mémoires")).containsText(expert);

        page.navigate(url("/portail/recherche?number=" + refused));
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(refused));
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Télécharger le PDF du mémoire " + refused)))
                .hasAttribute("href", "/api/memoires/" + refused + "/document");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dupliquer le mémoire " + refused + " dans un nouveau brouillon")).click();
        assertThat(page.locator("#notice")).containsText("Le mémoire " + refused + " est dupliqué dans le nouveau brouillon TMP");
        String copy = jdbc.queryForObject("select number from memoire where duplicate_of = ?", String.class, refused);
        assertThat(page.locator("#notice").getByRole(AriaRole.LINK)).hasText("Ouvrir le brouillon " + copy);
        assertThat(row).containsText("Dupliqué post refus");
        shoot("rechercher-dupliquer.png");

        page.navigate(url("/portail/recherche?number=" + sent));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Visualiser le mémoire " + sent)).click();
        assertThat(page).hasURL(Pattern.compile("/portail/memoire\\?numero=" + sent));

        page.navigate(url("/portail/recherche?number=" + draft));
        assertThat(rows("Mémoires")).hasCount(1);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Dupliquer")))).hasCount(0);
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Exporter en CSV (tableur)"))
                .click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.ALT))));
        String csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        Assertions.assertThat(csv).startsWith("\uFEFFNuméro;Statut;").contains(draft).doesNotContain(sent);
    }

    /** DSFR draws the row's checkbox over its input (its label is for screen readers only): clicked where it is drawn. */
    private void select(String number) {
        page.getByLabel("Sélectionner le mémoire " + number).check(new Locator.CheckOptions().setForce(true));
        assertThat(page.getByLabel("Sélectionner le mémoire " + number)).isChecked();
    }
}
