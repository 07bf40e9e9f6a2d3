package fr.fraisdejustice.security;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every minute, on every node, deletes the buckets that are full again: they remember nothing, so without this a flood
 * of addresses or e-mails would fill the table for good. No lock is needed between nodes (see
 * {@link PostgresRateLimitBuckets#removeExpired}).
 */
class RateLimitBucketsCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitBucketsCleanup.class);

    private final PostgresRateLimitBuckets buckets;

    RateLimitBucketsCleanup(PostgresRateLimitBuckets buckets) {
        this.buckets = buckets;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    void removeExpired() {
        int removed = buckets.removeExpired();
        if (removed > 0) {
            LOG.debug("Limites de débit : {} compteurs expirés supprimés", removed);
        }
    }
}
