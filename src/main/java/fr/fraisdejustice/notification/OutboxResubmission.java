package fr.fraisdejustice.notification;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers again what the outbox could not deliver (SMTP server down, node stopped mid-way): on a schedule, by one node
 * at a time (a PostgreSQL advisory lock held for the transaction), never blindly at every start. Administrators see the
 * incomplete publications and can resubmit them at once.
 */
@Component
public class OutboxResubmission {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxResubmission.class);
    /** The advisory lock's key: « FDJ-OUTBOX » as a number, the same on every node. */
    private static final long LOCK = 0x4644_4a4f_5554_424fL;

    /** An incomplete publication as administrators see it. */
    public record Pending(String id, String listener, String eventType, java.time.Instant publishedAt) {
    }

    private final IncompleteEventPublications incomplete;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration olderThan;

    OutboxResubmission(IncompleteEventPublications incomplete, JdbcTemplate jdbc, TransactionTemplate transaction,
                       @Value("${fdj.outbox.resubmit-older-than:1m}") Duration olderThan) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.olderThan = olderThan;
    }

    @Scheduled(cron = "${fdj.outbox.resubmission-cron}")
    void onSchedule() {
        resubmit(olderThan);
    }

    /** Resubmits the publications still incomplete after this long; answers false when another node is at it. */
    public boolean resubmit(Duration age) {
        Boolean done = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return false;
            }
            int pending = pending().size();
            if (pending > 0) {
                LOG.info("Boîte d'envoi : {} publication(s) incomplète(s), nouvel essai de celles de plus de {}", pending, age);
                incomplete.resubmitIncompletePublicationsOlderThan(age);
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    public List<Pending> pending() {
        return jdbc.query("select id, listener_id, event_type, publication_date from event_publication "
                        + "where completion_date is null order by publication_date",
                (row, i) -> new Pending(row.getString(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant()));
    }
}
