package fr.fraisdejustice.mandate;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ExpireMandate: thirty days without signature. */
@Component("mandateExpiry")
class MandateExpiryDelegate implements JavaDelegate {

    private final MandateSignature signature;

    MandateExpiryDelegate(MandateSignature signature) {
        this.signature = signature;
    }

    @Override
    public void execute(DelegateExecution execution) {
        signature.expire(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
