package fr.fraisdejustice.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A mailed single-use link, kept only as the hash of its token. */
@Entity
@Table(name = "account_token")
class AccountToken {

    enum Purpose { ACTIVATION, PASSWORD_RESET, CONTACT_EMAIL }

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "account_id")
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AccountToken() {
    }

    AccountToken(String tokenHash, UUID accountId, Purpose purpose, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.purpose = purpose;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean usable(Instant now) {
        return usedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }

    boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    boolean spent() {
        return usedAt != null || revokedAt != null;
    }

    void use(Instant now) {
        usedAt = now;
    }

    void revoke(Instant now) {
        if (usedAt == null && revokedAt == null) {
            revokedAt = now;
        }
    }

    UUID accountId() {
        return accountId;
    }

    Purpose purpose() {
        return purpose;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
