package fr.fraisdejustice.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where the buckets live: PostgreSQL, shared by every node ({@link PostgresRateLimitBuckets}, a Bucket4j
 * ProxyManager), or this node's memory ({@link InMemoryRateLimitBuckets}). Both hand out {@link Bucket}s.
 */
interface RateLimitBuckets {

    /** The bucket of this key, created with this configuration if it has none yet. */
    Bucket bucket(String key, BucketConfiguration configuration);
}
