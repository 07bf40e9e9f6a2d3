package fr.fraisdejustice.security;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * The buckets of this node, in memory. A full bucket remembers nothing (it is what a new one would be), so a sweep run
 * every minute by the calls themselves forgets full buckets; past {@code maxKeys} buckets it forgets some that are not
 * full too, so that a flood of addresses or e-mails cannot exhaust the memory.
 */
final class InMemoryRateLimitBuckets implements RateLimitBuckets {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryRateLimitBuckets.class);
    private static final long SWEEP_EVERY = Duration.ofMinutes(1).toNanos();

    private record Kept(Bucket bucket, long capacity) {
        boolean full() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }

    private final Map<String, Kept> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;
    private final int maxKeys;
    private final AtomicLong lastSweep;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private long lastWarning = Long.MIN_VALUE;

    InMemoryRateLimitBuckets(TimeMeter time, int maxKeys) {
        this.time = time;
        this.maxKeys = maxKeys;
        this.lastSweep = new AtomicLong(time.currentTimeNanos());
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        sweepIfDue();
        return buckets.computeIfAbsent(key, k -> create(configuration)).bucket();
    }

    int size() {
        return buckets.size();
    }

    private Kept create(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        long capacity = 0;
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
            capacity = Math.max(capacity, bandwidth.getCapacity());
        }
        return new Kept(builder.build(), capacity);
    }

    private void sweepIfDue() {
        long now = time.currentTimeNanos();
        boolean due = now - lastSweep.get() >= SWEEP_EVERY || buckets.size() >= maxKeys;
        // one caller sweeps, the others go on; a token taken from a bucket swept at that instant is lost, which only
        // errs in the client's favour, and only for a bucket that was full
        if (!due || !sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            lastSweep.set(now);
            buckets.values().removeIf(Kept::full);
            if (buckets.size() >= maxKeys) {
                int before = buckets.size();
                Iterator<Kept> kept = buckets.values().iterator();
                while (buckets.size() >= maxKeys * 9L / 10 && kept.hasNext()) {
                    kept.next();
                    kept.remove();
                }
                if (lastWarning == Long.MIN_VALUE || now - lastWarning >= SWEEP_EVERY) {
                    lastWarning = now;
                    LOG.warn("Limites de débit : {} compteurs en mémoire, plus que les {} permis (fdj.rate-limits.max-keys) ; "
                            + "certains sont oubliés", before, maxKeys);
                }
            }
        } finally {
            sweeping.set(false);
        }
    }
}
