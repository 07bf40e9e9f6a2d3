package fr.fraisdejustice.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures an operator watches, read by a handful of cheap queries (counts grouped by an indexed column) and kept
 * a few seconds: however many scrapers ask, a node reads them at most once per {@code fdj.metrics.cache-for}. Plain SQL
 * over the domain's and the engine's tables, read only: the engine's query API has no "count per group".
 */
@Component
class BusinessFigures {

    /** One reading. {@code oldestTask} is the creation time of each office's oldest open task. */
    record Snapshot(Map<String, Long> memoiresByStatus, Map<String, Long> openTasks, Map<String, Instant> oldestTask,
                    long outboxBacklog, long dueJobs, long failedJobs, Map<String, Long> incidents) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long cacheForNanos;
    private volatile Snapshot snapshot;
    private volatile long readAt;
    private volatile Consumer<Snapshot> onRead = snapshot -> { };

    BusinessFigures(JdbcTemplate jdbc, Clock clock, @Value("${fdj.metrics.cache-for:15s}") Duration cacheFor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cacheForNanos = cacheFor.toNanos();
    }

    /** The last reading, read again first if it is older than the cache duration. */
    Snapshot current() {
        Snapshot figures = snapshot;
        if (figures == null || System.nanoTime() - readAt > cacheForNanos) {
            synchronized (this) {
                if (snapshot == null || System.nanoTime() - readAt > cacheForNanos) {
                    read();
                }
                figures = snapshot;
            }
        }
        return figures;
    }

    /** Reads the figures now, whatever the cache holds. */
    synchronized Snapshot read() {
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, Long> openTasks = new LinkedHashMap<>();
        Map<String, Instant> oldestTask = new LinkedHashMap<>();
        jdbc.query("""
                select l.group_id_, count(*), min(t.create_time_) from act_ru_task t
                join act_ru_identitylink l on l.task_id_ = t.id_
                where l.type_ = 'candidate' and l.group_id_ is not null
                group by l.group_id_ order by l.group_id_""", row -> {
            openTasks.put(row.getString(1), row.getLong(2));
            oldestTask.put(row.getString(1), row.getTimestamp(3).toInstant());
        });
        snapshot = new Snapshot(
                countsBy("select status, count(*) from memoire group by status order by status"),
                openTasks, oldestTask,
                count("select count(*) from event_publication where completion_date is null"),
                // what the engine's JobQuery.executable() counts: retries left, due, not suspended
                count("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1 "
                        + "and (duedate_ is null or duedate_ <= ?)", now),
                count("select count(*) from act_ru_job where retries_ = 0"),
                countsBy("select incident_type_, count(*) from act_ru_incident group by incident_type_ order by 1"));
        readAt = System.nanoTime();
        onRead.accept(snapshot);
        return snapshot;
    }

    /** Told of each new reading (the metrics register the series it brings). */
    void onRead(Consumer<Snapshot> listener) {
        this.onRead = listener;
    }

    /** Seconds since the oldest open task of this office was created; 0 when it has none. */
    double oldestTaskAgeSeconds(String office) {
        Instant oldest = current().oldestTask().get(office);
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
    }

    private Map<String, Long> countsBy(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }
}
