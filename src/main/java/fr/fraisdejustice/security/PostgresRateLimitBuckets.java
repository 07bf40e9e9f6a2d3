package fr.fraisdejustice.security;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * The buckets in PostgreSQL, shared by every node: N failed logins spread over the nodes behind a load balancer count
 * as N. Each take of a token is one short transaction locking that bucket's row ({@code select … for update}). A bucket
 * expires once it is full again (it then remembers nothing); {@link #removeExpired} deletes such rows.
 */
final class PostgresRateLimitBuckets implements RateLimitBuckets {

    static final String TABLE = "rate_limit_bucket";
    /** Kept a little after it is full again, so that a clean-up never races a bucket still being refilled. */
    private static final Duration KEPT_AFTER_FULL = Duration.ofSeconds(10);
    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    PostgresRateLimitBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_FULL))
                .build();
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.builder().build(key, () -> configuration);
    }

    /**
     * Deletes the expired buckets, a batch at a time, and answers how many. Safe on every node at once: each batch skips
     * the rows another transaction holds ({@code for update skip locked}), and a bucket deleted just as a request needs
     * it is created again, full, which is what it was.
     */
    int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(CLEANUP_BATCH);
            removed += batch;
        } while (batch == CLEANUP_BATCH);
        return removed;
    }
}
