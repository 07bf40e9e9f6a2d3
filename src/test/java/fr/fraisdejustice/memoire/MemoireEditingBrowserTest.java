package fr.fraisdejustice.memoire;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * « Saisir mémoire »: the structure chosen, the header created and changed; lines with their tariff added, kept for
 * the next line, changed, duplicated and deleted; attachments linked to a line, removed, taken again from another
 * mémoire.
 */
@IntegrationTest
class MemoireEditingBrowserTest extends BrowserTest {

    static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    Providers providers;

    @Autowired
    ObjectMapper json;

    @Test
    void aProviderOfTwoStructuresChoosesOneCreatesADraftAndChangesItsHeader() throws IOException {
        Http http = new Http(port);
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, http, json);
        Providers.Provider both = providers.memberOf(ready.manager());
        http.json("PATCH", "/api/structures/" + ready.manager().structureId() + "/members/" + both.accountId(),
                "{\"profiles\":[\"FRAIS_DE_JUSTICE_CONSULTATION\",\"FRAIS_DE_JUSTICE_MODIFICATION\"]}",
                "Authorization", ready.manager().basic());
        JsonNode structure = json.readTree(http.json("GET", "/api/structures/" + ready.manager().structureId(), null,
                "Authorization", ready.manager().basic()).body());
        String structureName = structure.get("name").asText();
        String identifier = structure.get("identifier").asText();
        logInToPortal(both.email());

        page.navigate(url("/portail/saisir-memoire"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pour quelle structure ?"))).isVisible();
        assertThat(page.locator("#result li")).hasCount(2);
        screenshot("saisir-memoire-choix-structure");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(
                "Saisir un mémoire pour " + structureName + " (identifiant " + identifier + ")")).click();

        choose(page.locator("#form"), "Juridiction destinataire", "Tribunal judiciaire de Paris", "Paris");
        choose(page.locator("#form"), "Coordonnées bancaires", "Compte", null);
        choose(page.locator("#form"), "Catégorie de prestataire", "Interprète ou traducteur", null);
        assertThat(page.locator("#form")).containsText(
                "Texte de référence : article R.122 du code de procédure pénale (tarif des interprètes et traducteurs)");
        screenshot("saisir-memoire-en-tete");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le brouillon")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^TMP\\d+ — Brouillon")))).isVisible();
        assertThat(page.locator("#result")).containsText("Texte de référence : article R.122 du code de procédure pénale");

        page.getByText("Modifier l'en-tête").click();
        type(page.getByLabel("Votre numéro de facture (facultatif)"), "F-2026-17");
        page.getByLabel("Exonération").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l’en-tête")).click();

        assertThat(page.locator("#notice")).containsText("En-tête enregistré");
        assertThat(page.locator("#result")).containsText("Votre n° de facture : F-2026-17");
        assertThat(page.locator("#result")).containsText("Type de TVA : Exonération");
    }

    @Test
    void linesGetTheTariffKeepTheCaseForTheNextOneAndAreChangedDuplicatedAndDeleted() throws IOException {
        DraftsOfAStructure drafts = drafts();
        String number = drafts.draft(Map.of());
        JsonNode types = json.readTree(new Http(port).get("/api/reference/service-types?category=INTERPRETE_TRADUCTEUR").body());
        double tariff = 0;
        for (JsonNode type : types) {
            if (type.get("code").asText().equals("TRADUCTION_ECRITE")) {
                tariff = type.get("unitPriceExclVat").asDouble();
            }
        }
        logInToPortal(drafts.manager().email());
        page.navigate(url("/portail/memoire?numero=" + number));

        Locator add = lineForm();
        type(add.getByLabel(Pattern.compile("^N° d'affaire")), "26-001");
        type(add.getByLabel(Pattern.compile("^Date de la réquisition")), FRENCH.format(LocalDate.now().minusDays(9)));
        choose(add, "Autorité requérante", "Procureur de la République", null);
        choose(add, "Type de prestation", "Traduction écrite", null);
        Locator tariffField = add.getByLabel(Pattern.compile("^Tarif HT"));
        assertThat(tariffField).hasValue(Pattern.compile("\\d"));  // filled once the type's tariff is read
        Assertions.assertThat(Double.parseDouble(tariffField.inputValue().replace(',', '.')))
                .as("le tarif CPP rempli").isEqualTo(tariff);
        assertThat(priceDescription(add)).containsText("Tarif CPP de « Traduction écrite »");
        type(add.getByLabel(Pattern.compile("^Date de la prestation")), FRENCH.format(LocalDate.now().minusDays(2)));
        type(add.getByLabel(Pattern.compile("^Quantité")), "4");
        type(tariffField, String.valueOf(tariff + 10).replace('.', ','));
        assertThat(priceDescription(add)).containsText("Attention : le tarif saisi");
        assertThat(priceDescription(add)).containsText("dépasse le tarif CPP de « Traduction écrite »");
        screenshot("ligne-au-dessus-du-tarif");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter la ligne")).click();
        assertThat(page.locator("#notice")).containsText("Ligne 1 ajoutée");
        assertThat(rows()).hasCount(1);
        assertThat(rows().first()).containsText("au-dessus du tarif");

        add = lineForm();
        assertThat(add.getByLabel(Pattern.compile("^N° d'affaire"))).hasValue("26-001");
        assertThat(add.getByLabel(Pattern.compile("^Date de la réquisition"))).hasValue(FRENCH.format(LocalDate.now().minusDays(9)));
        assertThat(add.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName(Pattern.compile("^Autorité requérante"))))
                .hasValue("Procureur de la République");
        choose(add, "Autorité requérante", "Autre (à préciser)", null);
        type(add.getByLabel("Autorité requérante : précisez"), "Commissaire Ørsted");
        choose(add, "Type de prestation", "Interprétariat", null);
        type(add.getByLabel(Pattern.compile("^Date de la prestation")), FRENCH.format(LocalDate.now().minusDays(1)));
        type(add.getByLabel(Pattern.compile("^Quantité")), "2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter la ligne")).click();
        assertThat(page.locator("#notice")).containsText("Ligne 2 ajoutée");
        assertThat(rows().nth(1)).containsText("Commissaire Ørsted");
        assertThat(rows().nth(1)).containsText("26-001");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Modifier la ligne 1")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Modifier la ligne 1"))).isVisible();
        Locator edit = lineForm();
        assertThat(edit.getByLabel(Pattern.compile("^Quantité"))).hasValue("4");
        type(edit.getByLabel(Pattern.compile("^Quantité")), "3");
        screenshot("ligne-modification");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la ligne")).click();
        assertThat(page.locator("#notice")).containsText("Ligne 1 modifiée");
        assertThat(rows().first().locator("td").nth(4)).hasText("3");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dupliquer la ligne 2")).click();
        assertThat(page.locator("#notice")).containsText("Ligne 2 dupliquée : la copie est la ligne 3");
        assertThat(rows()).hasCount(3);
        assertThat(rows().nth(2)).containsText("Commissaire Ørsted");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer la ligne 1")).click();
        assertThat(page.locator("#notice")).containsText("Ligne 1 supprimée");
        assertThat(rows()).hasCount(2);
        screenshot("brouillon-lignes");
    }

    @Test
    void anAttachmentIsLinkedToALineRemovedAndADocumentOfAnotherMemoireTakenAgain() throws IOException {
        DraftsOfAStructure drafts = drafts();
        String other = drafts.draft(Map.of());
        drafts.attach(other, drafts.manager(), DraftsOfAStructure.pdf("attestation"),
                Map.of("kind", "ATTESTATION_MISSION", "designation", "Attestation annuelle"));
        String number = drafts.draft(Map.of());
        drafts.line(number, "26-010", "OPJ", "1", "10", "20");
        logInToPortal(drafts.manager().email());
        page.navigate(url("/portail/memoire?numero=" + number));

        Locator attach = page.locator("#result section", new Page.LocatorOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Joindre une pièce"))));
        choose(attach, "Ligne concernée", "Ligne 1 — 26-010", null);
        type(attach.getByLabel("Désignation (facultatif)"), "Réquisition du parquet");
        attach.locator("input[type=file]").setInputFiles(new FilePayload("requisition.pdf", "application/pdf",
                DraftsOfAStructure.pdf("requisition")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Joindre").setExact(true)).click();
        assertThat(page.locator("#notice")).containsText("Pièce « requisition.pdf » jointe au mémoire");
        Locator attachments = page.locator("table", new Page.LocatorOptions().setHasText("Pièces jointes")).locator("tbody tr");
        assertThat(attachments).hasCount(1);
        assertThat(attachments.first()).containsText("Ligne 1");
        assertThat(attachments.first()).containsText("Réquisition du parquet");

        Locator reuse = page.locator("#result section", new Page.LocatorOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pièces disponibles"))));
        choose(reuse, "Pièce disponible", "Attestation annuelle — Attestation de mission — mémoire " + other, null);
        screenshot("pieces-disponibles");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Joindre cette pièce")).click();
        assertThat(page.locator("#notice")).containsText("reprise d'un autre mémoire");
        assertThat(attachments).hasCount(2);
        assertThat(attachments.nth(1)).containsText("Attestation annuelle");
        // the document the draft now holds is no longer offered
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pièces disponibles"))).hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer la pièce requisition.pdf — Réquisition du parquet")).click();
        assertThat(page.locator("#notice")).containsText("Pièce « requisition.pdf » retirée du mémoire");
        assertThat(attachments).hasCount(1);
        screenshot("pieces-jointes");
    }

    @Test
    void aMemberWhoMayOnlyConsultSeesTheDraftWithoutEditingControls() throws IOException {
        DraftsOfAStructure drafts = drafts();
        String number = drafts.draft(Map.of());
        drafts.line(number, "26-020", "OPJ", "1", "10", "20");
        Providers.Provider reader = providers.memberOf(drafts.manager());
        logInToPortal(reader.email());

        page.navigate(url("/portail/memoire?numero=" + number));

        assertThat(page.locator("#result")).containsText("Votre profil permet de consulter ce brouillon, pas de le modifier");
        assertThat(rows()).hasCount(1);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter la ligne"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Modifier la ligne 1"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider et envoyer"))).hasCount(0);
    }

    private DraftsOfAStructure drafts() throws IOException {
        Http http = new Http(port);
        return new DraftsOfAStructure(http, json, StructureWithBankAccount.create(providers, http, json));
    }

    private Locator lineForm() {
        return page.locator("#result section", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName(Pattern.compile("^(Ajouter une ligne|Modifier la ligne \\d+)$")))));
    }

    /** What the form says under the price, and its screen readers' live region says too. */
    private static Locator priceDescription(Locator lineForm) {
        return lineForm.locator(".fjs-form-field", new Locator.LocatorOptions().setHasText("Tarif HT"))
                .locator(".fjs-form-field-description");
    }

    private Locator rows() {
        return page.locator("table", new Page.LocatorOptions().setHasText("Lignes de prestation")).locator("tbody tr");
    }

    private void choose(Locator scope, String field, String option, String search) {
        Locator select = scope.locator(".fjs-form-field-select", new Locator.LocatorOptions().setHasText(field));
        if (search != null) {
            select.locator("input").first().fill(search);
        } else if (!select.locator(".fjs-dropdownlist").isVisible()) {  // a Tab into the select opened it already
            select.locator(".fjs-input-group").click();
        }
        select.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText(option)).first().click();
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots", name + ".png")));
    }
}
