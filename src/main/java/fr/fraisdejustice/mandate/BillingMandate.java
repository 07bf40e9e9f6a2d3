package fr.fraisdejustice.mandate;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mandat de facturation: lets the State issue mémoires on the structure's behalf once signed. */
@Entity
@Table(name = "billing_mandate")
public class BillingMandate {

    @Id
    private UUID id;

    @Column(name = "structure_id")
    private UUID structureId;

    private String label;

    @Enumerated(EnumType.STRING)
    private MandateStatus status;

    private boolean migrated;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "generated_by")
    private UUID generatedBy;

    @Column(name = "signatory_name")
    private String signatoryName;

    @Column(name = "signatory_email")
    private String signatoryEmail;

    @Column(name = "signature_token_hash")
    private String signatureTokenHash;

    @Column(name = "link_expires_at")
    private Instant linkExpiresAt;

    protected BillingMandate() {
    }

    /** A mandate of the former portal: the migration revokes it, so that a new one must be signed. */
    static BillingMandate migratedRevoked(UUID structureId, String label, Instant now) {
        BillingMandate mandate = new BillingMandate();
        mandate.id = UUID.randomUUID();
        mandate.structureId = structureId;
        mandate.label = label;
        mandate.status = MandateStatus.REVOQUE;
        mandate.migrated = true;
        mandate.createdAt = now;
        mandate.revokedAt = now;
        return mandate;
    }

    /** The gestionnaire principal generates a mandate; it waits for his signature. */
    static BillingMandate generate(UUID structureId, String label, UUID generatedBy, String signatoryName,
                                   String signatoryEmail, Instant now) {
        BillingMandate mandate = new BillingMandate();
        mandate.id = UUID.randomUUID();
        mandate.structureId = structureId;
        mandate.label = label;
        mandate.status = MandateStatus.PENDING_SIGNATURE;
        mandate.generatedBy = generatedBy;
        mandate.signatoryName = signatoryName;
        mandate.signatoryEmail = signatoryEmail;
        mandate.createdAt = now;
        return mandate;
    }

    /** A new signature link replaces the previous one. */
    void newLink(String tokenHash, Instant expiresAt) {
        this.signatureTokenHash = tokenHash;
        this.linkExpiresAt = expiresAt;
    }

    void sign(Instant now) {
        if (status != MandateStatus.PENDING_SIGNATURE) {
            throw new IllegalStateException("Mandat " + id + " non signable dans l'état " + status);
        }
        status = MandateStatus.ACTIVE;
        signedAt = now;
        signatureTokenHash = null;
    }

    void revoke(Instant now) {
        if (status == MandateStatus.ACTIVE || status == MandateStatus.PENDING_SIGNATURE) {
            status = MandateStatus.REVOQUE;
            revokedAt = now;
            signatureTokenHash = null;
        }
    }

    void expire() {
        if (status == MandateStatus.PENDING_SIGNATURE) {
            status = MandateStatus.EXPIRED;
            signatureTokenHash = null;
        }
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public String signatoryName() {
        return signatoryName;
    }

    public UUID generatedBy() {
        return generatedBy;
    }

    String signatoryEmail() {
        return signatoryEmail;
    }

    Instant linkExpiresAt() {
        return linkExpiresAt;
    }

    public boolean migrated() {
        return migrated;
    }

    public UUID id() {
        return id;
    }

    public UUID structureId() {
        return structureId;
    }

    public String label() {
        return label;
    }

    public MandateStatus status() {
        return status;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
