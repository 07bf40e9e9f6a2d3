package fr.fraisdejustice.account;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendActivationMail: mails a fresh activation link to the account of the business key. */
@Component("activationMailSender")
class ActivationMailDelegate implements JavaDelegate {

    private final AccountActivation activation;

    ActivationMailDelegate(AccountActivation activation) {
        this.activation = activation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        activation.mailActivationLink(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
