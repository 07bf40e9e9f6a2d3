package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.fraisdejustice.support.IntegrationTest;
import io.github.bucket4j.BucketConfiguration;

/**
 * The buckets the running application uses live in PostgreSQL: two nodes (here two stores on one database) take from
 * the same bucket, and the buckets that are full again are deleted.
 */
@IntegrationTest
class RateLimitBucketsInPostgresTest {

    @Autowired RateLimitBuckets applicationBuckets;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    final BucketConfiguration fivePerHour = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(5).refillGreedy(5, Duration.ofHours(1))).build();

    @Test
    void theApplicationKeepsItsBucketsInPostgres() {
        assertThat(applicationBuckets).isInstanceOf(PostgresRateLimitBuckets.class);
    }

    @Test
    void twoNodesTakeFromTheSameBucket() {
        PostgresRateLimitBuckets nodeA = new PostgresRateLimitBuckets(dataSource);
        PostgresRateLimitBuckets nodeB = new PostgresRateLimitBuckets(dataSource);
        String key = "LOGIN_PER_ACCOUNT:" + UUID.randomUUID() + "@example.fr";

        for (int i = 0; i < 5; i++) {
            assertThat((i % 2 == 0 ? nodeA : nodeB).bucket(key, fivePerHour).tryConsume(1)).isTrue();
        }

        assertThat(nodeA.bucket(key, fivePerHour).tryConsume(1)).as("the sixth, on either node").isFalse();
        assertThat(nodeB.bucket(key, fivePerHour).tryConsumeAndReturnRemaining(1).getNanosToWaitForRefill())
                .isBetween(Duration.ofMinutes(11).toNanos(), Duration.ofMinutes(12).toNanos());
        nodeB.bucket(key, fivePerHour).addTokens(1);
        assertThat(nodeA.bucket(key, fivePerHour).tryConsume(1)).as("a token given back on B is seen on A").isTrue();
    }

    @Test
    void aBucketExpiresWhenFullAgainAndTheCleanupDeletesOnlyExpiredOnes() {
        PostgresRateLimitBuckets buckets = new PostgresRateLimitBuckets(dataSource);
        String expired = "ANONYMOUS_STEPS:" + UUID.randomUUID();
        String refilling = "ANONYMOUS_STEPS:" + UUID.randomUUID();
        buckets.bucket(expired, fivePerHour).tryConsume(1);
        buckets.bucket(refilling, fivePerHour).tryConsume(5);
        long now = System.currentTimeMillis();
        assertThat(expiresAt(refilling)).as("full again in an hour, kept 10 s more")
                .isBetween(now + Duration.ofMinutes(59).toMillis(), now + Duration.ofMinutes(61).toMillis());

        jdbc.update("update rate_limit_bucket set expires_at = ? where id = ?", now - 1, expired);
        int removed = buckets.removeExpired();

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from rate_limit_bucket where id = ?", Long.class, expired)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from rate_limit_bucket where id = ?", Long.class, refilling))
                .isOne();
        assertThat(buckets.bucket(expired, fivePerHour).getAvailableTokens()).as("created again, full").isEqualTo(5);
    }

    private long expiresAt(String key) {
        return jdbc.queryForObject("select expires_at from rate_limit_bucket where id = ?", Long.class, key);
    }
}
