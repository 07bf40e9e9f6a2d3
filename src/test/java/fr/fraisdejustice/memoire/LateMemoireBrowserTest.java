package fr.fraisdejustice.memoire;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.mandate.MandateSignature;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/**
 * A mémoire whose mission ended more than a year ago: the portal warns, the provider confirms and sends; the page then
 * shows the sent mémoire without editing controls, its certificate tells how to check it, and anyone checks it.
 */
@IntegrationTest
class LateMemoireBrowserTest extends BrowserTest {

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
    void aLateMemoireIsSentOnceConfirmedAndThePageThenShowsTheSentMemoire() throws IOException {
        Http http = new Http(port);
        StructureWithBankAccount ready = StructureWithBankAccount.create(providers, http, json);
        ready.signMandate(engine, mandates, mailServer);
        DraftsOfAStructure drafts = new DraftsOfAStructure(http, json, ready);
        String number = drafts.draft(Map.of());
        LocalDate missionEnd = LocalDate.now().minusMonths(14);
        HttpResponse<String> line = drafts.call("POST", "/api/memoires/" + number + "/lines", Map.of("caseNumber", "25-077",
                "requisitionDate", missionEnd.minusDays(5).toString(), "requestingAuthority", "Juge d'instruction",
                "serviceType", "TRADUCTION_ECRITE", "serviceDate", missionEnd.toString(), "quantity", "2",
                "unitPriceExclVat", "20", "vatRate", "20"), drafts.manager());
        Assertions.assertThat(line.statusCode()).isEqualTo(201);
        logInToPortal(drafts.manager().email());
        page.navigate(url("/portail/memoire?numero=" + number));

        assertThat(page.locator("#result")).containsText("Mémoire tardif : la mission s'est achevée le "
                + MemoireEditingBrowserTest.FRENCH.format(missionEnd) + ", il y a plus d'un an");
        page.getByLabel("Je fais cette déclaration sur l'honneur").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider et envoyer")).click();
        // unconfirmed, nothing is sent: the confirmation is flagged and the page is still the draft's
        assertThat(page.locator(".fjs-has-errors", new Page.LocatorOptions().setHasText("Je confirme l'envoi"))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(number + " — Brouillon"))).isVisible();
        screenshot("memoire-tardif-avertissement");
        page.getByLabel("Je confirme l'envoi de ce mémoire tardif").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider et envoyer")).click();

        assertThat(page).hasURL(Pattern.compile("numero=MJ\\d{10}$"));
        Matcher sent = Pattern.compile("numero=(MJ\\d{10})").matcher(page.url());
        Assertions.assertThat(sent.find()).isTrue();
        String mj = sent.group(1);
        assertThat(page.locator("#notice")).containsText("Mémoire envoyé sous le numéro " + mj + ", statut « Envoyé »");
        assertThat(page.locator("#notice").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Télécharger le certificat de dépôt"))).hasAttribute("href", "/api/memoires/" + mj + "/certificate");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^" + mj + " — ")))).isVisible();
        assertThat(page.locator("#result")).containsText("plus d'un an après la fin de la mission");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider et envoyer"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Modifier la ligne 1"))).hasCount(0);
        assertThat(page.getByText("Modifier l'en-tête")).hasCount(0);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ajouter une ligne"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Visualiser le mémoire (PDF)")))
                .hasAttribute("href", "/api/memoires/" + mj + "/document");
        assertThat(page.locator("table", new Page.LocatorOptions().setHasText("Historique"))).containsText("Envoyé");
        screenshot("memoire-envoye");

        String fingerprint = json.readTree(drafts.call("GET", "/api/memoires/" + mj, null, drafts.manager()).body())
                .get("fingerprint").asText();
        var certificate = http.sendBytes(http.request("/api/memoires/" + mj + "/certificate")
                .header("Authorization", drafts.manager().basic()));
        try (var pdf = Loader.loadPDF(certificate.body())) {
            Assertions.assertThat(new PDFTextStripper().getText(pdf)).contains("/portail/verifier-un-certificat")
                    .doesNotContain("POST /api");
        }

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ouvrir une sollicitation sur ce mémoire")).click();
        assertThat(page.getByLabel(Pattern.compile("^N° d.objet")))
                .hasValue(mj);

        try (BrowserContext anyone = anotherBrowser()) {
            Page check = anyone.newPage();
            check.navigate(url("/portail/verifier-un-certificat"));
            check.getByLabel("Numéro du mémoire").fill(mj);
            check.getByLabel("Empreinte").fill(fingerprint);
            check.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier le certificat")).click();
            assertThat(check.locator("#result")).containsText("Ce certificat est authentique : le mémoire " + mj);
            check.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "verifier-un-certificat.png")));
            check.getByLabel("Empreinte").fill(fingerprint.substring(1) + (fingerprint.charAt(0) == 'a' ? "b" : "a"));
            check.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier le certificat")).click();
            assertThat(check.getByRole(AriaRole.ALERT).filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("ne correspond à aucun mémoire déposé"))).isVisible();
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots", name + ".png")));
    }
}
