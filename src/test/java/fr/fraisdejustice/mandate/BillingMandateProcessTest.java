package fr.fraisdejustice.mandate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.account.Providers;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.support.IntegrationTest;
import fr.fraisdejustice.support.Mailbox;
import fr.fraisdejustice.support.TestClock;

/** Every path of bpmn/billing-mandate.bpmn, timers fast-forwarded with the engine clock. */
@IntegrationTest
class BillingMandateProcessTest {

    private static final Pattern TOKEN = Pattern.compile("jeton=([A-Za-z0-9_-]+)");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    MandateSignature signature;

    @Autowired
    BillingMandateRepository mandates;

    @Autowired
    Providers providers;

    @Autowired
    TestClock clock;

    @Autowired
    GreenMail mailServer;

    Mailbox mailbox;
    Providers.Provider manager;

    @BeforeEach
    void setUp() {
        init(engine);
        mailbox = new Mailbox(mailServer);
        manager = providers.withOwnStructure();
        clock.set(Instant.parse("2026-09-01T08:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    MandateSignature.Signatory signatory() {
        return new MandateSignature.Signatory(manager.accountId(), "Paul Martin", manager.email());
    }

    ProcessInstance processOf(BillingMandate mandate) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MandateSignature.PROCESS_KEY)
                .processInstanceBusinessKey(mandate.id().toString()).singleResult();
    }

    String lastLink() {
        var mails = mailbox.to(manager.email());
        Matcher matcher = TOKEN.matcher(Mailbox.body(mails.get(mails.size() - 1)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    MandateStatus status(BillingMandate mandate) {
        return mandates.findById(mandate.id()).orElseThrow().status();
    }

    @Test
    void aMandateSignedThroughItsLinkBecomesActive() {
        BillingMandate mandate = signature.generate(manager.structureId(), "Mandat 2026", signatory());
        ProcessInstance process = processOf(mandate);
        assertThat(process).isWaitingAt("Task_SendSignatureLink");
        execute(job(process));
        assertThat(process).isWaitingAt("Gateway_SignedInTime");
        assertThat(Mailbox.body(mailbox.to(manager.email()).get(mailbox.to(manager.email()).size() - 1)))
                .contains("expire le jeudi 1 octobre 2026 à 10h00 (heure de Paris)");

        clock.advance(Duration.ofDays(12));
        signature.sign(lastLink());

        assertThat(process).hasPassedInOrder("Task_SendSignatureLink", "Event_MandateSigned", "Event_MandateActive").isEnded();
        BillingMandate signed = mandates.findById(mandate.id()).orElseThrow();
        assertThat(signed.status()).isEqualTo(MandateStatus.ACTIVE);
        assertThat(signed.signedAt()).isEqualTo(Instant.parse("2026-09-13T08:00:00Z"));
        assertThat(signed.signatoryName()).isEqualTo("Paul Martin");
    }

    @Test
    void anUnsignedMandateExpiresAfterThirtyDays() {
        BillingMandate mandate = signature.generate(manager.structureId(), "Mandat oublié", signatory());
        ProcessInstance process = processOf(mandate);
        execute(job(process));
        String link = lastLink();

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        execute(job(process));
        execute(job(process));

        assertThat(process).hasPassed("Event_ThirtyDaysElapsed", "Task_ExpireMandate", "Event_MandateExpired").isEnded();
        assertThat(status(mandate)).isEqualTo(MandateStatus.EXPIRED);
        assertThatThrownBy(() -> signature.sign(link)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.GONE));
    }

    @Test
    void aPendingMandateRevokedByTheGestionnaireIsWithdrawn() {
        BillingMandate mandate = signature.generate(manager.structureId(), "Mandat retiré", signatory());
        ProcessInstance process = processOf(mandate);
        execute(job(process));
        String link = lastLink();

        signature.revoke(manager.structureId(), mandate.id());

        assertThat(process).hasPassed("Event_MandateWithdrawn", "Event_MandateRevoked").isEnded();
        assertThat(status(mandate)).isEqualTo(MandateStatus.REVOQUE);
        assertThatThrownBy(() -> signature.sign(link)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("SIGNATURE_LINK_INVALID"));
    }

    @Test
    void aNewerMandateReplacesAPendingOneEvenBeforeItsLinkWasMailed() {
        BillingMandate first = signature.generate(manager.structureId(), "Premier", signatory());
        ProcessInstance firstProcess = processOf(first);

        BillingMandate second = signature.generate(manager.structureId(), "Second", signatory());

        assertThat(firstProcess).isEnded();
        assertThat(status(first)).isEqualTo(MandateStatus.REVOQUE);
        assertThat(processOf(second)).isWaitingAt("Task_SendSignatureLink");
    }

    @Test
    void signingANewMandateRevokesTheActiveOneAndALinkServesOnce() {
        BillingMandate old = signature.generate(manager.structureId(), "Ancien", signatory());
        execute(job(processOf(old)));
        signature.sign(lastLink());
        BillingMandate replacement = signature.generate(manager.structureId(), "Nouveau", signatory());
        execute(job(processOf(replacement)));
        String link = lastLink();

        signature.sign(link);

        assertThat(status(old)).isEqualTo(MandateStatus.REVOQUE);
        assertThat(mandates.findById(old.id()).orElseThrow().revokedAt()).isNotNull();
        assertThat(status(replacement)).isEqualTo(MandateStatus.ACTIVE);
        assertThat(signature.of(manager.structureId()).stream().filter(m -> m.status() == MandateStatus.ACTIVE).toList())
                .hasSize(1);
        assertThatThrownBy(() -> signature.sign(link)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("SIGNATURE_LINK_INVALID"));
    }

    @Test
    void anActiveMandateRevokedStaysRevokedAndCannotBeRevokedTwice() {
        BillingMandate mandate = signature.generate(manager.structureId(), "À révoquer", signatory());
        execute(job(processOf(mandate)));
        signature.sign(lastLink());

        signature.revoke(manager.structureId(), mandate.id());

        assertThat(status(mandate)).isEqualTo(MandateStatus.REVOQUE);
        assertThatThrownBy(() -> signature.revoke(manager.structureId(), mandate.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("MANDATE_NOT_REVOCABLE"));
    }
}
