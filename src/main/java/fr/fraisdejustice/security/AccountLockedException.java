package fr.fraisdejustice.security;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Five failed logins in a row: the account is locked until the given time. */
public class AccountLockedException extends LockedException {

    private final Instant lockedUntil;

    public AccountLockedException(Instant lockedUntil) {
        super("Compte verrouillé jusqu'à " + lockedUntil);
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
