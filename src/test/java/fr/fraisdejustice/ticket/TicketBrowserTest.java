package fr.fraisdejustice.ticket;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.KeyboardModifier;
import com.microsoft.playwright.options.SelectOption;

import fr.fraisdejustice.memoire.SentMemoireFixture;
import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Multipart;

/**
 * A provider opens a ticket about his mémoire in the portal; the office's clerk answers in Tasklist; the provider
 * refuses the answer; the clerk answers again; the provider accepts.
 */
@IntegrationTest
class TicketBrowserTest extends BrowserTest {

    static final String DESCRIPTION = "Envoyé il y a longtemps, toujours pas certifié : voir [le suivi](https://exemple.invalid).";

    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;
    @Autowired Tickets tickets;
    @Autowired JdbcTemplate jdbc;

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

    @Test
    void filesGoWithTheTicketAndTheAnswerThenTheListIsSearchedAndExported() throws Exception {
        SentMemoireFixture.Sent sent = SentMemoireFixture.send(context, port);
        logInToPortal(sent.manager().email());

        page.navigate(url("/portail/nouvelle-sollicitation?sous-categorie=SUIVI_MEMOIRE&objet=" + sent.mjNumber()));
        type(page.getByLabel("Titre"), "Réquisition jointe : où en est le mémoire ?");
        type(page.getByLabel("Description"), "Je joins la réquisition signée par l'OPJ.");
        page.locator("main input[type=file]").setInputFiles(new FilePayload[] {
            new FilePayload("requisition.pdf", "application/pdf", Multipart.pdf()),
            new FilePayload("notes.txt", "text/plain", "des notes".getBytes(StandardCharsets.UTF_8))});
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer la sollicitation")).click();
        assertThat(page.locator(".status")).containsText("Ouvert");
        String number = page.url().replaceAll(".*numero=", "");
        Locator notice = page.locator("#notice");
        assertThat(notice).containsText("Votre sollicitation " + number + " est envoyée avec 1 pièce(s) jointe(s) au greffe du "
                + "Tribunal judiciaire de Paris.");
        assertThat(notice).containsText("par courriel (" + sent.manager().email() + ")");
        assertThat(notice).containsText("l'onglet « Actions requises »");
        assertThat(notice).containsText("« notes.txt » n'est pas joint : seuls les PDF, PNG, JPEG ou TIFF");
        assertThat(page.getByText("Destinataire : Greffe du Tribunal judiciaire de Paris")).isVisible();
        assertThat(page.getByRole(AriaRole.LIST).filter(new Locator.FilterOptions().setHasText("requisition.pdf"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "sollicitation-envoyee.png")).setFullPage(true));

        new TicketFixture(tickets, engine).answer(number, "camille.martin", "greffe-TJ75101",
                Map.of("ticketDecision", "INFORMATION", "answer", "Joignez l'attestation de mission."));
        page.reload();
        Locator information = page.locator("section", new Page.LocatorOptions().setHasText("Apporter les informations demandées"));
        type(information.getByLabel(Pattern.compile("^Les informations demandées")), "Voici l'attestation.");
        information.locator("input[type=file][id$=Field_InformationFiles]").setInputFiles(
                new FilePayload("attestation de mission.pdf", "application/pdf", Multipart.pdf()));
        information.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Envoyer les informations")).click();
        assertThat(notice).containsText("Vos informations sont envoyées avec 1 pièce(s) jointe(s) : la sollicitation revient au "
                + "greffe du Tribunal judiciaire de Paris");
        assertThat(page.locator(".status")).containsText("En cours");
        assertThat(page.getByText("attestation de mission.pdf", new Page.GetByTextOptions().setExact(false))).isVisible();
        Assertions.assertThat(jdbcCount(number)).isEqualTo(2);

        Locator more = page.locator("section", new Page.LocatorOptions().setHasText("Joindre un document"));
        more.locator("input[type=file]").setInputFiles(new FilePayload("capture.png", "image/png", PNG));
        more.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Joindre le document")).click();
        assertThat(notice).containsText("« capture.png » est joint à la sollicitation " + number);
        Assertions.assertThat(jdbcCount(number)).isEqualTo(3);

        page.navigate(url("/portail/sollicitations"));
        Locator tabs = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Vues des sollicitations"));
        assertThat(tabs.locator("[aria-current='page']")).hasText("Tous (sauf clôturés)");
        type(page.getByLabel(Pattern.compile("^Mot-clé")), "attestation de MISSION");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page).hasURL(Pattern.compile("q=attestation"));
        Locator list = page.locator("table", new Page.LocatorOptions().setHasText("Sollicitations")).locator("tbody tr");
        assertThat(list).hasCount(0);
        assertThat(page.getByText("Aucune sollicitation ne correspond, dans cet onglet.")).isVisible();
        page.getByLabel(Pattern.compile("^Mot-clé")).fill("réquisition signée");
        page.getByLabel("Statut").selectOption(new SelectOption().setLabel("En cours"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(list).hasCount(1);
        assertThat(list).containsText(number);
        assertThat(list).containsText("Greffe du Tribunal judiciaire de Paris");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "sollicitations-recherche.png")).setFullPage(true));
        page.getByLabel(Pattern.compile("^Numéro de sollicitation")).fill(number.substring(0, 5) + "0000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(list).hasCount(0);
        page.getByLabel(Pattern.compile("^Numéro de sollicitation")).fill(number);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(list).hasCount(1);

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Exporter le tableau en CSV"))
                .click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.ALT))));
        String csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        Assertions.assertThat(csv).startsWith("\uFEFFNuméro;Titre;").contains(number + ";Réquisition jointe : où en est le mémoire ?;")
                .contains(";En cours;Greffe du Tribunal judiciaire de Paris;");
        Assertions.assertThat(csv.lines().count()).isEqualTo(2);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clôturés").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Vues des sollicitations"))
                .locator("[aria-current='page']")).hasText("Clôturés");
    }

    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private long jdbcCount(String number) {
        return jdbc.queryForObject("select count(*) from ticket_attachment a join support_ticket t on t.id = a.ticket_id "
                + "where t.number = ?", Long.class, number);
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
