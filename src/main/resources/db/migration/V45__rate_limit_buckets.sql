-- The rate limits' token buckets, shared by every node (Bucket4j's PostgreSQL backend, select-for-update): one row per
-- limit and client address or target. state is Bucket4j's serialized bucket; expires_at (epoch milliseconds) is when the
-- bucket is full again, after which it remembers nothing and the clean-up deletes it (security.RateLimitBucketsCleanup).
create table rate_limit_bucket (
    id         text   primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at_idx on rate_limit_bucket (expires_at);
