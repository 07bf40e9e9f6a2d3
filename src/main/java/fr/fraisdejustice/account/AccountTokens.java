package fr.fraisdejustice.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import fr.fraisdejustice.shared.SecureTokens;

/**
 * Single-use links of accounts (see {@link SecureTokens}). Issuing a new one for a purpose revokes the account's older ones, so only the last link mailed ever works.
 */
@Component
class AccountTokens {

    /** A freshly issued token: the value to mail and when it dies. */
    record Issued(String token, Instant expiresAt) {
    }

    private final AccountTokenRepository repository;
    private final Clock clock;

    AccountTokens(AccountTokenRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Issued issue(UUID accountId, AccountToken.Purpose purpose, Duration validity) {
        Instant now = clock.instant();
        revokeAll(accountId, purpose);
        String token = SecureTokens.newToken();
        Instant expiresAt = now.plus(validity);
        repository.save(new AccountToken(SecureTokens.hash(token), accountId, purpose, now, expiresAt));
        return new Issued(token, expiresAt);
    }

    void revokeAll(UUID accountId, AccountToken.Purpose purpose) {
        Instant now = clock.instant();
        repository.findByAccountIdAndPurpose(accountId, purpose).forEach(t -> t.revoke(now));
    }

    /** The token as stored, whatever its state, or nothing when no such token was ever issued for this purpose. */
    Optional<AccountToken> find(String token, AccountToken.Purpose purpose) {
        if (!SecureTokens.plausible(token)) {
            return Optional.empty();
        }
        return repository.findById(SecureTokens.hash(token)).filter(t -> t.purpose() == purpose);
    }
}
