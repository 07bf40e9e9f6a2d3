package fr.fraisdejustice.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.TestClock;

/** The support restarts an expired activation; nobody else may. */
@IntegrationTest
class SupportRestartApiTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccountFixture fixture;

    @Autowired
    AccountRepository accounts;

    @Autowired
    TestClock clock;

    @Autowired
    GreenMail mailServer;

    @LocalServerPort
    int port;

    @BeforeEach
    void init() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSupportAgentRestartsAnExpiredActivation() {
        Http http = new Http(port);
        Mailbox mailbox = new Mailbox(mailServer);
        String email = AccountFixture.uniqueEmail("relance");
        var created = fixture.pending(email, IdentifierType.AUTRE, "R-" + System.nanoTime());
        fixture.runActivationJob(created.accountId());
        clock.set(Instant.now().plus(Duration.ofDays(31)));
        fixture.runActivationJob(created.accountId());
        fixture.runActivationJob(created.accountId());
        assertThat(accounts.findById(created.accountId()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVATION_EXPIRED);
        HttpRequest.Builder restart = http.request("/api/support/activation-restarts")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"loginEmail\":\"" + email + "\"}"));

        assertThat(http.send(restart).statusCode()).isEqualTo(401);
        assertThat(http.send(restart.copy().header("Authorization", Http.basic("camille.martin", "Greffe-Paris-2026")))
                .statusCode()).isEqualTo(403);
        var done = http.send(restart.copy().header("Authorization", Http.basic("thomas.petit", "Support-2026")));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(accounts.findById(created.accountId()).orElseThrow().status()).isEqualTo(AccountStatus.PENDING_ACTIVATION);

        fixture.runActivationJob(created.accountId());
        assertThat(mailbox.to(email)).hasSize(3);

        var unknown = http.send(http.request("/api/support/activation-restarts").header("Content-Type", "application/json")
                .header("Authorization", Http.basic("thomas.petit", "Support-2026"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"loginEmail\":\"personne@nulle-part.fr\"}")));
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
