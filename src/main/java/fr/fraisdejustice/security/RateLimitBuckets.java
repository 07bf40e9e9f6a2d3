package fr.fraisdejustice.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Where the buckets live: this node's memory for now. Sharing them between nodes is another implementation (a Bucket4j
 * ProxyManager on PostgreSQL hands out {@link Bucket}s the same way).
 */
interface RateLimitBuckets {

    /** The bucket of this key, created with this configuration if it has none yet. */
    Bucket bucket(String key, BucketConfiguration configuration);
}
