package fr.fraisdejustice.account;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ExpireActivation: the link's 30 days are over. */
@Component("activationExpiry")
class ActivationExpiryDelegate implements JavaDelegate {

    private final AccountActivation activation;

    ActivationExpiryDelegate(AccountActivation activation) {
        this.activation = activation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        activation.expire(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
