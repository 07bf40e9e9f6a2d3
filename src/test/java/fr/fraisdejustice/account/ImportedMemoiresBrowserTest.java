package fr.fraisdejustice.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.onboarding.MemoireImport;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;

/** A migrated provider finds his old refused mémoire in the Archives and reads it, kept under its former number. */
@IntegrationTest
class ImportedMemoiresBrowserTest extends BrowserTest {

    @Autowired Providers providers;
    @Autowired Structures structures;
    @Autowired MemoireImport memoireImport;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anOldImportedMemoireIsInTheArchivesReadOnlyUnderItsFormerNumber() throws Exception {
        Providers.Provider provider = providers.withOwnStructure();
        String identifier = structures.byId(provider.structureId()).identifier();
        String number = String.format("MJ%010d", jdbc.queryForObject("select last_value from memoire_definitive_number", Long.class) + 500);
        String refusedOn = LocalDate.now().minusYears(3).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        MemoireImport.Report report = memoireImport.run(new StringReader(MemoireImportTest.HEADER + "\n" + number + ";AUTRE;"
                + identifier + ";TJ75101;Interprète ou traducteur;TVA_SUR_DEBIT;F-2023-17;Refusé;" + refusedOn + ";" + refusedOn
                + ";Réquisition absente;100,00;20,00;120,00;;\n"));
        org.assertj.core.api.Assertions.assertThat(report.imported()).isEqualTo(1);
        logInToPortal(provider.email());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Archives").setExact(true)).click();
        type(page.getByLabel(Pattern.compile("^Numéro")), number);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        Locator results = page.locator("table", new Page.LocatorOptions().setHasText("Mémoires"));
        assertThat(results).containsText(number);
        assertThat(results).containsText("Refusé");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number).setExact(true)).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(number + " — Refusé"))).isVisible();
        assertThat(page.locator("body")).containsText("Réquisition absente");
        Locator totals = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Totaux par taux de TVA"));
        assertThat(totals.getByRole(AriaRole.ROW).last()).containsText("Total");
        assertThat(totals.getByRole(AriaRole.ROW).last()).containsText("100,00 €");
        assertThat(totals.getByRole(AriaRole.ROW).last()).containsText("20,00 €");
        assertThat(totals.getByRole(AriaRole.ROW).last()).containsText("120,00 €");
        Locator history = page.locator("table", new Page.LocatorOptions().setHasText("Historique"));
        assertThat(history).containsText("Mémoire repris de l'ancien portail");
        assertThat(history).containsText("sous son numéro " + number);
        assertThat(history).containsText("Ancien portail");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dupliquer pour corriger et renvoyer"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abandonner ce mémoire"))).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/memoire-importe.png")).setFullPage(true));
    }
}
