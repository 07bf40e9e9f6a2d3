package fr.fraisdejustice.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Takes a request's tokens from its buckets: all of them, or none and the longest wait for one. */
final class RateLimiter {

    sealed interface Admission permits Admitted, Refused {
    }

    /** Let through; once answered, {@link #settle} gives back the tokens its answer does not count for. */
    record Admitted(List<Taken> taken) implements Admission {
        void settle(int status) {
            taken.stream().filter(t -> !t.charge().counts().test(status)).forEach(t -> t.bucket().addTokens(1));
        }
    }

    record Refused(RateLimit limit, Duration retryAfter) implements Admission {
    }

    record Taken(RateLimitCharge charge, Bucket bucket) {
    }

    private final RateLimitBuckets buckets;
    private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);

    RateLimiter(RateLimitProperties properties, RateLimitBuckets buckets) {
        this.buckets = buckets;
        for (RateLimit limit : RateLimit.values()) {
            RateLimitProperties.Limit settings = limit.settings(properties);
            configurations.put(limit, BucketConfiguration.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(settings.capacity())
                            .refillGreedy(settings.capacity(), settings.period()))
                    .build());
        }
    }

    Admission admit(List<RateLimitCharge> charges) {
        List<Taken> taken = new ArrayList<>();
        Refused refused = null;
        for (RateLimitCharge charge : charges) {
            Bucket bucket = buckets.bucket(charge.limit().name() + ":" + charge.key(), configurations.get(charge.limit()));
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                taken.add(new Taken(charge, bucket));
            } else if (refused == null || probe.getNanosToWaitForRefill() > refused.retryAfter().toNanos()) {
                refused = new Refused(charge.limit(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
        if (refused != null) {
            // a refused request costs its other buckets nothing either
            taken.forEach(t -> t.bucket().addTokens(1));
            return refused;
        }
        return new Admitted(taken);
    }
}
