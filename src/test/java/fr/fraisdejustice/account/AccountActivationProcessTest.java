package fr.fraisdejustice.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.onboarding.AccountCreationRequest;
import fr.fraisdejustice.onboarding.AccountRegistration;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.TestClock;

/** Every path of bpmn/account-activation.bpmn, timers fast-forwarded with the engine clock. */
@IntegrationTest
class AccountActivationProcessTest {

    static final String PASSWORD = "Interprete-2026!";
    static final String QUESTION = SecretAnswers.QUESTIONS.get(2);

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    AccountRegistration registration;

    @Autowired
    AccountActivation activation;

    @Autowired
    AccountRepository accounts;

    @Autowired
    TestClock clock;

    @Autowired
    GreenMail mailServer;

    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        init(engine);
        mailbox = new Mailbox(mailServer);
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theTimerOfTheModelMatchesTheLinksValidity() {
        var repository = engine.getRepositoryService();
        var model = repository.getBpmnModelInstance(repository.createProcessDefinitionQuery()
                .processDefinitionKey(AccountActivation.PROCESS_KEY).latestVersion().singleResult().getId());
        TimerEventDefinition timer = model.getModelElementById("TimerEventDefinition_ThirtyDays");
        assertThat(Duration.parse(timer.getTimeDuration().getTextContent())).isEqualTo(AccountActivation.VALIDITY);
    }

    @Test
    void anAccountActivatedInTimeBecomesActive() {
        String email = uniqueEmail();
        ProcessInstance process = createAccount(email);
        assertThat(process).isWaitingAt("Task_SendActivationMail");

        execute(job(process));

        assertThat(process).isWaitingAt("Gateway_ActivatedInTime");
        assertThat(mailbox.to(email)).hasSize(1);
        assertThat(Mailbox.body(mailbox.to(email).get(0)))
                .contains("expire le mercredi 1 avril 2026 à 12h00 (heure de Paris)")
                .contains("/portail/activation?jeton=");

        clock.advance(Duration.ofDays(29));
        activation.activate(mailbox.lastToken(email), PASSWORD, PASSWORD, QUESTION, "Médor");

        assertThat(process).hasPassedInOrder("Event_AccountCreated", "Task_SendActivationMail", "Event_AccountActivated",
                "Event_ActivationDone").isEnded();
        assertThat(account(email).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void anAccountNotActivatedWithinThirtyDaysExpires() {
        String email = uniqueEmail();
        ProcessInstance process = createAccount(email);
        execute(job(process));
        String token = mailbox.lastToken(email);

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        execute(job(process));
        assertThat(process).isWaitingAt("Task_ExpireActivation");
        execute(job(process));

        assertThat(process).hasPassed("Event_ThirtyDaysElapsed", "Task_ExpireActivation").isEnded();
        assertThat(account(email).status()).isEqualTo(AccountStatus.ACTIVATION_EXPIRED);
        assertThat(Mailbox.subject(mailbox.to(email).get(1))).contains("a expiré");
        assertThat(Mailbox.body(mailbox.to(email).get(1))).contains("« Je n'ai pas pu activer mon compte »")
                .contains("/portail/activation-impossible");
        assertThatThrownBy(() -> activation.activate(token, PASSWORD, PASSWORD, QUESTION, "Médor"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.GONE);
                    assertThat(e.code()).isEqualTo("ACTIVATION_EXPIRED");
                    assertThat(e.getMessage()).contains("« Je n'ai pas pu activer mon compte »");
                });
    }

    @Test
    void theSupportRestartsAnExpiredActivationWithANewLinkAndNewThirtyDays() {
        String email = uniqueEmail();
        ProcessInstance first = createAccount(email);
        execute(job(first));
        String firstToken = mailbox.lastToken(email);
        clock.advance(Duration.ofDays(31));
        execute(job(first));
        execute(job(first));
        assertThat(first).isEnded();
        UUID accountId = account(email).id();

        activation.restart(accountId);

        ProcessInstance second = runtime.createProcessInstanceQuery().processInstanceBusinessKey(accountId.toString())
                .active().singleResult();
        assertThat(second).isWaitingAt("Task_SendActivationMail");
        execute(job(second));
        String secondToken = mailbox.lastToken(email);
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(Mailbox.body(mailbox.to(email).get(2))).contains("expire le samedi 2 mai 2026");

        clock.advance(Duration.ofDays(29));
        assertThatThrownBy(() -> activation.activate(firstToken, PASSWORD, PASSWORD, QUESTION, "Médor"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.GONE));
        activation.activate(secondToken, PASSWORD, PASSWORD, QUESTION, "Médor");

        assertThat(second).hasPassed("Event_AccountActivated").isEnded();
        assertThat(account(email).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void aRestartBeforeExpiryMailsANewLinkAndKillsTheOldOne() {
        String email = uniqueEmail();
        ProcessInstance process = createAccount(email);
        execute(job(process));
        String oldToken = mailbox.lastToken(email);
        clock.advance(Duration.ofDays(10));

        activation.restart(account(email).id());

        assertThat(process).hasPassed("Event_ActivationRestarted").isWaitingAt("Task_SendActivationMail");
        execute(job(process));
        String newToken = mailbox.lastToken(email);
        assertThatThrownBy(() -> activation.activate(oldToken, PASSWORD, PASSWORD, QUESTION, "Médor"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ACTIVATION_LINK_REPLACED"));

        // the new link has its own 30 days: still valid 25 days after the restart, when the first would have died
        clock.advance(Duration.ofDays(25));
        activation.activate(newToken, PASSWORD, PASSWORD, QUESTION, "Médor");
        assertThat(process).isEnded();
    }

    @Test
    void anActivationLinkServesOnlyOnce() {
        String email = uniqueEmail();
        ProcessInstance process = createAccount(email);
        execute(job(process));
        String token = mailbox.lastToken(email);
        activation.activate(token, PASSWORD, PASSWORD, QUESTION, "Médor");

        assertThatThrownBy(() -> activation.activate(token, PASSWORD, PASSWORD, QUESTION, "Médor"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ACTIVATION_LINK_USED"));
        assertThatThrownBy(() -> activation.restart(account(email).id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_ALREADY_ACTIVE"));
    }

    private ProcessInstance createAccount(String email) {
        var created = registration.create(new AccountCreationRequest(email, null, "Durand", "Léa",
                new AccountCreationRequest.StructureRequest(IdentifierType.AUTRE,
                        "EC-" + UUID.randomUUID().toString().substring(0, 8), "Cabinet Durand", null), true));
        return runtime.createProcessInstanceQuery().processDefinitionKey(AccountActivation.PROCESS_KEY)
                .processInstanceBusinessKey(created.accountId().toString()).singleResult();
    }

    private Account account(String email) {
        return accounts.findByLoginEmailIgnoreCase(email).orElseThrow();
    }

    static String uniqueEmail() {
        return "lea.durand+" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
    }
}
