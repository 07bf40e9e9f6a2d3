package fr.fraisdejustice.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's successful logins, so that « Mon compte » can say « Dernière connexion le … » (the login before the
 * current one): a holder who does not recognise that date knows someone else used his password. One SQL statement, and
 * columns the entity never writes, so that a login and a concurrent change of the account never overwrite each other.
 * HTTP Basic calls are not logins of this kind: each API call would otherwise count as one.
 */
@Component
class LoginHistory {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LoginHistory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void portalLogin(UUID accountId) {
        jdbc.update("update account set previous_login_at = last_login_at, last_login_at = ? where id = ?",
                Timestamp.from(clock.instant()), accountId);
    }
}
