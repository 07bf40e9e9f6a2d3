package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.BucketConfiguration;

/** The buckets kept in memory: full ones are forgotten, and never more than the bound are kept. */
class RateLimitMemoryTest {

    final ManualTimeMeter time = new ManualTimeMeter();
    final BucketConfiguration fivePerMinute = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(5).refillGreedy(5, Duration.ofMinutes(1))).build();
    final BucketConfiguration fivePerHour = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(5).refillGreedy(5, Duration.ofHours(1))).build();

    @Test
    void bucketsThatFilledUpAgainAreForgottenAtTheNextSweep() {
        InMemoryRateLimitBuckets buckets = new InMemoryRateLimitBuckets(time, 1000);
        for (int i = 0; i < 100; i++) {
            buckets.bucket("address:" + i, fivePerMinute).tryConsume(1);
        }
        buckets.bucket("login:ines@example.fr", fivePerHour).tryConsume(5);
        assertThat(buckets.size()).isEqualTo(101);

        time.advance(Duration.ofSeconds(61));
        buckets.bucket("address:0", fivePerMinute).tryConsume(1);

        assertThat(buckets.size()).as("the bucket just used, and the hourly one still refilling").isEqualTo(2);
    }

    @Test
    void aFloodOfKeysNeverKeepsMoreBucketsThanTheBound() {
        InMemoryRateLimitBuckets buckets = new InMemoryRateLimitBuckets(time, 1000);

        for (int i = 0; i < 50_000; i++) {
            buckets.bucket("address:" + i, fivePerMinute).tryConsume(5);
            assertThat(buckets.size()).isLessThanOrEqualTo(1000);
        }
    }

    @Test
    void aKeyKeepsItsBucketBetweenCalls() {
        InMemoryRateLimitBuckets buckets = new InMemoryRateLimitBuckets(time, 1000);
        buckets.bucket("address:1", fivePerMinute).tryConsume(5);

        assertThat(buckets.bucket("address:1", fivePerMinute).tryConsume(1)).isFalse();
    }
}
