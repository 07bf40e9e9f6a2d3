package fr.fraisdejustice.memoire;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
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
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.KeyboardModifier;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/** A provider enters a mémoire with two lines and an attachment, sends it and downloads its certificate. */
@IntegrationTest
class MemoireEntryBrowserTest extends BrowserTest {

    private static final java.time.format.DateTimeFormatter FRENCH = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    ProcessEngine engine;

    @Autowired
    Providers providers;

    @Autowired
    MandateSignature mandates;

    @Autowired
    ObjectMapper json;

    @Autowired
    GreenMail mailServer;

    @Test
    void aProviderEntersSendsAndDownloadsTheCertificate() throws Exception {
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, new Http(port), json);
        ready.signMandate(engine, mandates, mailServer);
        logInToPortal(ready.manager().email());

        page.navigate(url("/portail/nouveau-memoire?structure=" + ready.manager().structureId()));
        choose("Juridiction destinataire", "Tribunal judiciaire de Paris", "Paris");
        choose("Coordonnées bancaires", "Compte", null);
        choose("Catégorie de prestataire", "Interprète ou traducteur", null);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le brouillon")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^TMP\\d+ — Brouillon")))).isVisible();

        addLine("26-001", "TRADUCTION_ECRITE", "Traduction écrite", "4", "25");
        addLine("26-002", "INTERPRETARIAT_ORAL", "Interprétariat", "1", "50");
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Lignes de prestation"))).containsText("au-dessus du tarif");
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Totaux par taux de TVA"))
                .locator("tr", new Locator.LocatorOptions().setHasText("Total"))).containsText("180,00 €");

        page.locator("input[type=file]").setInputFiles(new FilePayload("requisition.pdf", "application/pdf", Multipart.pdf()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Joindre")).click();
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Pièces jointes"))).containsText("requisition.pdf");

        page.getByLabel("Je fais cette déclaration sur l'honneur").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider et envoyer")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText(Pattern.compile("Mémoire envoyé sous le numéro MJ\\d{10}"));

        // Alt-click saves the linked file instead of opening it, as a person does with « Enregistrer le lien »
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Télécharger le certificat de dépôt")).first()
                .click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.ALT))));
        Assertions.assertThat(Files.readAllBytes(download.path())).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    private void addLine(String caseNumber, String serviceType, String serviceLabel, String quantity, String price) {
        Locator form = page.locator("#result section", new Page.LocatorOptions().setHasText("Ajouter une ligne"));
        type(form.getByLabel(Pattern.compile("^N° d'affaire")), caseNumber);
        type(form.getByLabel(Pattern.compile("^Date de la réquisition")), FRENCH.format(LocalDate.now().minusDays(9)));
        choose("Autorité requérante", "Procureur de la République", null);
        choose("Type de prestation", serviceLabel, null);
        type(form.getByLabel(Pattern.compile("^Date de la prestation")), FRENCH.format(LocalDate.now().minusDays(2)));
        type(form.getByLabel(Pattern.compile("^Quantité")), quantity);
        type(form.getByLabel(Pattern.compile("^Tarif HT")), price);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter la ligne")).click();
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Lignes de prestation"))).containsText(caseNumber);
    }

    private void choose(String field, String option, String search) {
        Locator select = page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText(field));
        if (search != null) {
            select.locator("input").first().fill(search);
        } else if (!select.locator(".fjs-dropdownlist").isVisible()) {  // a Tab into the select opened it already
            select.locator(".fjs-input-group").click();
        }
        select.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText(option)).first().click();
    }
}
