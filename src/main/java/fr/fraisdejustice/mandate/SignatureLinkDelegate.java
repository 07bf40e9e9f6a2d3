package fr.fraisdejustice.mandate;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendSignatureLink: mails the signature link of the mandate of the business key. */
@Component("mandateSignatureMailer")
class SignatureLinkDelegate implements JavaDelegate {

    private final MandateSignature signature;

    SignatureLinkDelegate(MandateSignature signature) {
        this.signature = signature;
    }

    @Override
    public void execute(DelegateExecution execution) {
        signature.mailSignatureLink(UUID.fromString(execution.getProcessBusinessKey()));
    }
}
