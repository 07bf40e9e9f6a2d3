package fr.fraisdejustice.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Single-use links: 256 random bits, mailed once, stored only as their SHA-256 (a token that long needs no slow hash).
 * Issuing a new one for a purpose revokes the account's older ones, so only the last link mailed ever works.
 */
@Component
class AccountTokens {

    /** A freshly issued token: the value to mail and when it dies. */
    record Issued(String token, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final AccountTokenRepository repository;
    private final Clock clock;

    AccountTokens(AccountTokenRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Issued issue(UUID accountId, AccountToken.Purpose purpose, Duration validity) {
        Instant now = clock.instant();
        revokeAll(accountId, purpose);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(validity);
        repository.save(new AccountToken(hash(token), accountId, purpose, now, expiresAt));
        return new Issued(token, expiresAt);
    }

    void revokeAll(UUID accountId, AccountToken.Purpose purpose) {
        Instant now = clock.instant();
        repository.findByAccountIdAndPurpose(accountId, purpose).forEach(t -> t.revoke(now));
    }

    /** The token as stored, whatever its state, or nothing when no such token was ever issued for this purpose. */
    Optional<AccountToken> find(String token, AccountToken.Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return repository.findById(hash(token)).filter(t -> t.purpose() == purpose);
    }

    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
