package fr.fraisdejustice.account;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.onboarding.AccountCreationRequest;
import fr.fraisdejustice.onboarding.AccountRegistration;
import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.support.Mailbox;

/** Accounts for tests, created and activated through the real services and process. */
@Component
class AccountFixture {

    static final String PASSWORD = "Expertise-2026!";
    static final String QUESTION = SecretAnswers.QUESTIONS.get(0);
    static final String ANSWER = "Dupont";

    private final AccountRegistration registration;
    private final AccountActivation activation;
    private final RuntimeService runtime;

    AccountFixture(AccountRegistration registration, AccountActivation activation, RuntimeService runtime) {
        this.registration = registration;
        this.activation = activation;
        this.runtime = runtime;
    }

    /** Runs the pending job of the account's activation process (the job executor is off in tests). */
    void runActivationJob(java.util.UUID accountId) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(AccountActivation.PROCESS_KEY)
                .processInstanceBusinessKey(accountId.toString()).active().singleResult().getId();
        execute(jobQuery().processInstanceId(instance).singleResult());
    }

    static String uniqueEmail(String who) {
        return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
    }

    AccountRegistration.Created pending(String email, IdentifierType type, String identifier) {
        return registration.create(new AccountCreationRequest(email, null, "Martin", "Paul",
                new AccountCreationRequest.StructureRequest(type, identifier, "Cabinet Martin", null), true));
    }

    /** Activates a pending account with the last link mailed to its login e-mail. */
    void activateWithLastLink(String email, Mailbox mailbox) {
        activation.activate(mailbox.lastToken(email), PASSWORD, PASSWORD, QUESTION, ANSWER);
    }

    /** Creates the account, runs its activation mail job and activates it with {@link #PASSWORD}. */
    AccountRegistration.Created active(String email, Mailbox mailbox) {
        AccountRegistration.Created created = pending(email, IdentifierType.AUTRE, "T-" + UUID.randomUUID().toString().substring(0, 8));
        runActivationJob(created.accountId());
        activation.activate(mailbox.lastToken(email), PASSWORD, PASSWORD, QUESTION, ANSWER);
        return created;
    }
}
