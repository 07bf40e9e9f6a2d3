package fr.fraisdejustice.mandate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.notification.Mailer;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.SecureTokens;

/**
 * The mandate side of {@code bpmn/billing-mandate.bpmn}: generation, the mailed signature link, its expiry after 30
 * days, the signature (which revokes the structure's previous active mandate) and revocation. Mandate state and process
 * state change in the same transaction.
 */
@Service
@Transactional
public class MandateSignature {

    public static final String PROCESS_KEY = "billing-mandate";
    static final String MESSAGE_SIGNED = "MandateSigned";
    static final String MESSAGE_WITHDRAWN = "MandateWithdrawn";
    static final Duration VALIDITY = Duration.ofDays(30);

    /** Who generates and signs: the gestionnaire principal, with the address his link is mailed to. */
    public record Signatory(UUID accountId, String name, String email) {
    }

    private final BillingMandateRepository mandates;
    private final MandateMails mails;
    private final Mailer mailer;
    private final RuntimeService runtime;
    private final Clock clock;

    MandateSignature(BillingMandateRepository mandates, MandateMails mails, Mailer mailer, RuntimeService runtime,
                     Clock clock) {
        this.mandates = mandates;
        this.mails = mails;
        this.mailer = mailer;
        this.runtime = runtime;
        this.clock = clock;
    }

    public BillingMandate generate(UUID structureId, String label, Signatory signatory) {
        String trimmed = label == null ? "" : label.trim();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw DomainException.invalidField("label", "REQUIRED", "Donnez un libellé au mandat (200 caractères au plus).");
        }
        // a new mandate to sign replaces one still waiting for its signature
        mandates.findByStructureIdAndStatus(structureId, MandateStatus.PENDING_SIGNATURE).forEach(this::withdraw);
        BillingMandate mandate = mandates.save(BillingMandate.generate(structureId, trimmed, signatory.accountId(),
                signatory.name(), signatory.email(), clock.instant()));
        runtime.startProcessInstanceByKey(PROCESS_KEY, mandate.id().toString());
        return mandate;
    }

    /** Mails the signature link; called by the process's async task. */
    void mailSignatureLink(UUID mandateId) {
        BillingMandate mandate = mandates.findById(mandateId).orElseThrow();
        if (mandate.status() != MandateStatus.PENDING_SIGNATURE) {
            return;
        }
        String token = SecureTokens.newToken();
        Instant expiresAt = clock.instant().plus(VALIDITY);
        mandate.newLink(SecureTokens.hash(token), expiresAt);
        mailer.send(mails.signatureLink(mandate, token, expiresAt));
    }

    /** Thirty days without signature. */
    void expire(UUID mandateId) {
        mandates.findById(mandateId).ifPresent(BillingMandate::expire);
    }

    /** The mandate a signature link leads to, while the link still works. */
    @Transactional(readOnly = true)
    public BillingMandate check(String token) {
        return pendingFor(token);
    }

    /** Following the mailed link signs the mandate; the structure's previous active mandate is revoked. */
    public BillingMandate sign(String token) {
        BillingMandate mandate = pendingFor(token);
        Instant now = clock.instant();
        mandates.findByStructureIdAndStatus(mandate.structureId(), MandateStatus.ACTIVE).forEach(old -> old.revoke(now));
        mandates.flush();
        mandate.sign(now);
        runtime.createMessageCorrelation(MESSAGE_SIGNED).processInstanceBusinessKey(mandate.id().toString()).correlate();
        return mandate;
    }

    private BillingMandate pendingFor(String token) {
        BillingMandate mandate = (SecureTokens.plausible(token)
                ? mandates.findBySignatureTokenHash(SecureTokens.hash(token)) : Optional.<BillingMandate>empty())
                .orElseThrow(() -> new DomainException(DomainException.Kind.GONE, "SIGNATURE_LINK_INVALID",
                        "Ce lien de signature ne vaut plus : il a déjà servi, a été remplacé ou n'existe pas. Consultez vos "
                                + "mandats dans votre espace ; générez-en un nouveau si besoin."));
        if (!mandate.linkExpiresAt().isAfter(clock.instant())) {
            throw new DomainException(DomainException.Kind.GONE, "SIGNATURE_LINK_EXPIRED",
                    "Ce lien de signature a expiré (il valait 30 jours) : générez un nouveau mandat depuis votre espace.");
        }
        return mandate;
    }

    /** The gestionnaire revokes a mandate: an active one re-opens prerequisite 02; a pending one is withdrawn. */
    public BillingMandate revoke(UUID structureId, UUID mandateId) {
        BillingMandate mandate = mandates.findById(mandateId).filter(m -> m.structureId().equals(structureId))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "MANDATE_NOT_FOUND",
                        "Ce mandat n'existe pas pour cette structure."));
        switch (mandate.status()) {
            case PENDING_SIGNATURE -> withdraw(mandate);
            case ACTIVE -> mandate.revoke(clock.instant());
            default -> throw new DomainException(DomainException.Kind.CONFLICT, "MANDATE_NOT_REVOCABLE",
                    "Ce mandat est déjà " + (mandate.status() == MandateStatus.REVOQUE ? "révoqué" : "expiré") + ".");
        }
        return mandate;
    }

    @Transactional(readOnly = true)
    public List<BillingMandate> of(UUID structureId) {
        return mandates.findByStructureIdOrderByCreatedAtDesc(structureId);
    }

    /** A mandate withdrawn before its signature: its process ends, even if its link was not mailed yet. */
    private void withdraw(BillingMandate pending) {
        pending.revoke(clock.instant());
        String key = pending.id().toString();
        boolean waiting = !runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(key)
                .correlateAllWithResult().isEmpty();
        if (!waiting) {
            runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "Mandat retiré avant l'envoi du lien"));
        }
    }
}
