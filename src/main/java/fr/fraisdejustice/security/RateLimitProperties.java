package fr.fraisdejustice.security;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limits ({@code fdj.rate-limits.*}). Each limit lets {@code capacity} requests through at once and gives them
 * back gradually, {@code capacity} per {@code period}. {@code enabled: false} turns them all off (load tests).
 *
 * @param maxKeys how many buckets (one per limit and client address or target) this node keeps at most
 */
@ConfigurationProperties("fdj.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
                           Limit anonymousReads,
                           Limit anonymousSteps,
                           Limit loginPerAddress,
                           Limit loginPerAccount,
                           Limit stepsPerEmail,
                           Limit accountCreationPerEmail,
                           @DefaultValue("50000") int maxKeys) {

    RateLimitProperties {
        Objects.requireNonNull(anonymousReads, "fdj.rate-limits.anonymous-reads");
        Objects.requireNonNull(anonymousSteps, "fdj.rate-limits.anonymous-steps");
        Objects.requireNonNull(loginPerAddress, "fdj.rate-limits.login-per-address");
        Objects.requireNonNull(loginPerAccount, "fdj.rate-limits.login-per-account");
        Objects.requireNonNull(stepsPerEmail, "fdj.rate-limits.steps-per-email");
        Objects.requireNonNull(accountCreationPerEmail, "fdj.rate-limits.account-creation-per-email");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("fdj.rate-limits.max-keys must be positive: " + maxKeys);
        }
    }

    record Limit(long capacity, Duration period) {
        Limit {
            if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs a positive capacity and period: " + capacity
                        + " per " + period);
            }
        }
    }
}
