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
