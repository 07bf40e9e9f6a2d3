package fr.fraisdejustice.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.support.BrowserTest;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.TestClock;

/**
 * A provider who let his activation link expire follows it anyway, finds « Je n'ai pas pu activer mon compte » on the
 * page that says so, asks there, and receives the number of the ticket opened for him.
 */
@IntegrationTest
class ActivationHelpBrowserTest extends BrowserTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccountFixture fixture;

    @Autowired
    TestClock clock;

    @Autowired
    GreenMail mailServer;

    @BeforeEach
    void initAssertions() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots", name)));
    }

    @Test
    void fromTheExpiredLinksPageToTheMailedTicketNumber() {
        Mailbox mailbox = new Mailbox(mailServer);
        String email = AccountFixture.uniqueEmail("lien-expire");
        var created = fixture.pending(email, IdentifierType.AUTRE, "EXP-" + UUID.randomUUID().toString().substring(0, 8));
        fixture.runActivationJob(created.accountId());
        String token = mailbox.lastToken(email);
        clock.set(Instant.now().plus(Duration.ofDays(31)));
        fixture.runActivationJob(created.accountId());
        fixture.runActivationJob(created.accountId());
        clock.reset();
        int mails = mailbox.to(email).size();

        page.navigate(url("/portail/activation?jeton=" + token));
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Ce lien d'activation a expiré");
        screenshot("activation-expiree.png");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Je n'ai pas pu activer mon compte")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Je n'ai pas pu activer mon compte")))
                .isVisible();
        type(page.getByLabel("Adresse électronique de connexion"), email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Demander un nouveau lien d'activation")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("une sollicitation « Renvoi du courriel d'activation » est "
                + "ouverte pour vous auprès du support");
        screenshot("activation-impossible-envoyee.png");
        String body = Mailbox.body(mailbox.await(email, mails + 1).get(mails));
        Matcher number = ActivationHelpApiTest.NUMBER.matcher(body);
        org.assertj.core.api.Assertions.assertThat(number.find()).as(body).isTrue();

        page.navigate(url("/dev/mailbox"));
        assertThat(page.locator("body")).containsText("Sollicitation " + number.group() + " : renvoi de votre courriel d'activation");
    }

    @Test
    void theLoginPageLeadsThereToo() {
        page.navigate(url("/portail/connexion"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Je n'ai pas pu activer mon compte")).click();

        assertThat(page).hasURL(url("/portail/activation-impossible"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Demander un nouveau lien d'activation")).click();
        assertThat(page.locator(".fjs-form-field-error")).not().hasCount(0);
        screenshot("activation-impossible.png");
    }
}
