package fr.fraisdejustice.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins in the database, in a transaction of their own so that a refused request still records its
 * failure: the counter and the lock survive a restart.
 */
@Component
class LoginAttempts {

    private final AccountRepository accounts;
    private final Clock clock;

    LoginAttempts(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Records a failure for this login e-mail, if it has an account; answers the lock it now has, if any. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Instant> failed(String loginEmail) {
        Instant now = clock.instant();
        return accounts.findByLoginEmailIgnoreCase(loginEmail).flatMap(account -> {
            account.recordFailedLogin(now);
            return account.isLocked(now) ? Optional.of(account.lockedUntil()) : Optional.empty();
        });
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void succeeded(Account account) {
        accounts.findById(account.id()).ifPresent(Account::recordSuccessfulLogin);
    }
}
