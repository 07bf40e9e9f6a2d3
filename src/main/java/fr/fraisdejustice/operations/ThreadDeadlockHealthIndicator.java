package fr.fraisdejustice.operations;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Part of the liveness probe: threads deadlocked on each other never get out, only a restart does. It reads the JVM
 * alone, never the database: an orchestrator must not restart every node while PostgreSQL is away.
 */
@Component("threadDeadlocks")
class ThreadDeadlockHealthIndicator extends AbstractHealthIndicator {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    protected void doHealthCheck(Health.Builder health) {
        long[] deadlocked = threads.findDeadlockedThreads();
        if (deadlocked == null) {
            health.up();
        } else {
            health.down().withDetail("deadlockedThreads", deadlocked.length);
        }
    }
}
