package fr.fraisdejustice.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock in tests, moved together with the engine's: timers are fast-forwarded, never slept. Runs on
 * real time until a test moves it; {@link #reset()} goes back to real time.
 */
public class TestClock extends Clock {

    private volatile Instant fixed;

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Europe/Paris");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    public void advance(Duration duration) {
        set(instant().plus(duration));
    }

    public void set(Instant instant) {
        fixed = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public void reset() {
        fixed = null;
        ClockUtil.reset();
    }
}
