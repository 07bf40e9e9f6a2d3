package fr.fraisdejustice.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.TestClock;
import fr.fraisdejustice.ticket.SupportTicketProcess;

/**
 * « Je n'ai pas pu activer mon compte »: POST /api/activation-help always answers 202 the same way; an expired
 * activation gets a ticket « Renvoi du courriel d'activation » routed to the support (a Tasklist task of its group),
 * whose number is mailed to the login e-mail, and no second one while it is open; the support's answer restarts it.
 */
@IntegrationTest
class ActivationHelpApiTest {

    static final Pattern NUMBER = Pattern.compile("SOL\\d{11}");

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccountFixture fixture;

    @Autowired
    AccountRepository accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    GreenMail mailServer;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    Http http;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
        http = new Http(port);
        mailbox = new Mailbox(mailServer);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A pending account whose 30 days ran out: its status, the expiry mail, its links dead. */
    UUID expiredAccount(String email) {
        var created = fixture.pending(email, IdentifierType.AUTRE, "AIDE-" + UUID.randomUUID().toString().substring(0, 8));
        fixture.runActivationJob(created.accountId());
        clock.set(Instant.now().plus(Duration.ofDays(31)));
        fixture.runActivationJob(created.accountId());
        fixture.runActivationJob(created.accountId());
        clock.reset();
        assertThat(accounts.findById(created.accountId()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVATION_EXPIRED);
        return created.accountId();
    }

    java.net.http.HttpResponse<String> askHelp(String email) {
        return http.json("POST", "/api/activation-help", "{\"loginEmail\":\"" + email + "\"}");
    }

    String mailedNumber(String email, int mails) {
        String body = Mailbox.body(mailbox.await(email, mails).get(mails - 1));
        Matcher number = NUMBER.matcher(body);
        assertThat(number.find()).as(body).isTrue();
        return number.group();
    }

    List<Map<String, Object>> ticketsOf(UUID accountId) {
        return jdbc.queryForList("select number, subcategory, object_number, status, recipient, recipient_group, title "
                + "from support_ticket where requester_id = ?", accountId);
    }

    @Test
    void anExpiredActivationOpensOneTicketForTheSupportWhoseNumberIsMailedToTheLoginEmail() throws Exception {
        String email = AccountFixture.uniqueEmail("aide-activation");
        UUID accountId = expiredAccount(email);
        int mails = mailbox.to(email).size();

        var answer = askHelp(email);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(json.readTree(answer.body()).get("message").asText()).contains("Renvoi du courriel d'activation");
        String number = mailedNumber(email, mails + 1);
        assertThat(Mailbox.subject(mailbox.to(email).get(mails))).isEqualTo(
                "Sollicitation " + number + " : renvoi de votre courriel d'activation");
        Map<String, Object> ticket = ticketsOf(accountId).get(0);
        assertThat(ticket).containsEntry("number", number).containsEntry("subcategory", "RENVOI_ACTIVATION")
                .containsEntry("object_number", email).containsEntry("status", "OUVERT")
                .containsEntry("recipient", "SUPPORT").containsEntry("recipient_group", "support")
                .containsEntry("title", "Renvoi du courriel d'activation");

        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(SupportTicketProcess.TASK_HANDLE);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
                .taskCandidateGroup("support").count()).as("offerte au support dans Tasklist").isOne();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
                .taskCandidateGroup("greffe-TJ75101").count()).isZero();

        // asked again while it is open: the same number, no second ticket
        assertThat(askHelp(email.toUpperCase()).statusCode()).isEqualTo(202);
        assertThat(mailedNumber(email, mails + 2)).isEqualTo(number);
        assertThat(ticketsOf(accountId)).hasSize(1);

        // the support restarts the activation from the ticket, in one answer: a new link leaves
        engine.getIdentityService().setAuthentication("thomas.petit", List.of("support"));
        try {
            engine.getTaskService().claim(task.getId(), "thomas.petit");
            engine.getTaskService().complete(task.getId(), Map.of("ticketDecision", "RESTART_ACTIVATION"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(accounts.findById(accountId).orElseThrow().status()).isEqualTo(AccountStatus.PENDING_ACTIVATION);
    }

    @Test
    void everyAddressGetsTheSameAnswerButOnlyAnExpiredActivationGetsATicket() throws Exception {
        String pending = AccountFixture.uniqueEmail("en-attente");
        var created = fixture.pending(pending, IdentifierType.AUTRE, "AIDE-" + UUID.randomUUID().toString().substring(0, 8));
        fixture.runActivationJob(created.accountId());
        String unknown = AccountFixture.uniqueEmail("inconnu");
        String expired = AccountFixture.uniqueEmail("expire");
        UUID expiredId = expiredAccount(expired);
        int expiredMails = mailbox.to(expired).size();

        var forUnknown = askHelp(unknown);
        var forPending = askHelp(pending);
        var forExpired = askHelp(expired);

        assertThat(List.of(forUnknown.statusCode(), forPending.statusCode(), forExpired.statusCode())).containsOnly(202);
        assertThat(forUnknown.body()).isEqualTo(forPending.body()).isEqualTo(forExpired.body());
        mailedNumber(expired, expiredMails + 1);
        assertThat(ticketsOf(expiredId)).hasSize(1);
        assertThat(ticketsOf(created.accountId())).isEmpty();
        assertThat(mailbox.to(pending)).hasSize(1);
        assertThat(mailbox.to(unknown)).isEmpty();
    }

    @Test
    void anEmptyAddressIsRefusedOnItsField() throws Exception {
        var blank = http.json("POST", "/api/activation-help", "{\"loginEmail\":\" \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(json.readTree(blank.body()).get("errors").get(0).get("field").asText()).isEqualTo("loginEmail");
        assertThat(http.json("POST", "/api/activation-help", "{").statusCode()).isEqualTo(400);
    }
}
