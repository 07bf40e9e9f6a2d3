package fr.fraisdejustice.security;

import java.time.Duration;

import io.github.bucket4j.TimeMeter;

/** Time as the buckets see it, moved by the test rather than slept. */
final class ManualTimeMeter implements TimeMeter {

    private long nanos = Duration.ofDays(1).toNanos();

    @Override
    public long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    void advance(Duration duration) {
        nanos += duration.toNanos();
    }
}
