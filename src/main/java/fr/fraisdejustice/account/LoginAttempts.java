package fr.fraisdejustice.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins in the database, each in one atomic statement (parallel wrong passwords are all counted, none is
 * lost to a read-modify-write race) and in a transaction of its own, so that a refused request still records its failure:
 * the counter and the lock survive a restart and hold across nodes.
 */
@Component
class LoginAttempts {

    /**
     * One failure: the counter restarts after an expired lock; the fifth in a row locks for an hour. Every value comes
     * from the row itself, which PostgreSQL re-reads once a concurrent update of it commits (a FROM subquery would keep
     * its first snapshot and lose the parallel failures).
     */
    private static final String FAILED = """
            update account set
                failed_logins = case when (case when locked_until <= :now then 0 else failed_logins end) + 1 >= :max
                                     then 0 else (case when locked_until <= :now then 0 else failed_logins end) + 1 end,
                locked_until = case when (case when locked_until <= :now then 0 else failed_logins end) + 1 >= :max
                                    then :lockUntil when locked_until <= :now then null else locked_until end,
                version = version + 1
            where lower(login_email) = lower(:email)
            returning locked_until
            """;

    /** A right password: the counter is cleared unless a parallel failure locked the account meanwhile. */
    private static final String SUCCEEDED = """
            update account set failed_logins = 0, locked_until = null, version = version + 1
            where id = ? and (locked_until is null or locked_until <= ?)
            returning id
            """;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    LoginAttempts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    /** Records a failure for this login e-mail, if it has an account; answers the lock it now has, if any. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Instant> failed(String loginEmail) {
        Instant now = clock.instant();
        List<Timestamp> lock = named.queryForList(FAILED, new MapSqlParameterSource()
                .addValue("now", Timestamp.from(now)).addValue("max", Account.MAX_FAILED_LOGINS)
                .addValue("lockUntil", Timestamp.from(now.plus(Account.LOCK_DURATION))).addValue("email", loginEmail),
                Timestamp.class);
        return lock.stream().filter(java.util.Objects::nonNull).map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now)).findFirst();
    }

    /** Clears the failures after a right password; answers the lock that a parallel failure set, if any. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Instant> succeeded(UUID accountId) {
        Instant now = clock.instant();
        if (!jdbc.queryForList(SUCCEEDED, UUID.class, accountId, Timestamp.from(now)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(jdbc.queryForObject("select locked_until from account where id = ?",
                Timestamp.class, accountId)).map(Timestamp::toInstant);
    }
}
