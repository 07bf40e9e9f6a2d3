package fr.fraisdejustice.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.security.AccountLockedException;
import fr.fraisdejustice.security.ProviderAuthentication;
import fr.fraisdejustice.security.ProviderPrincipal;

/**
 * Provider login (HTTP Basic on the API, the portal's login form): the login e-mail and password of an active account,
 * five consecutive failures locking the account for an hour. The lock is checked before the password and again after a
 * right one, so that a right password racing wrong ones cannot slip through the lock.
 */
@Component
public class ProviderAuthenticationProvider implements ProviderAuthentication {

    /** Compared against when the e-mail has no account, so that the answer takes as long either way. */
    private final String unknownAccountHash;

    private final AccountRepository accounts;
    private final LoginAttempts attempts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    ProviderAuthenticationProvider(AccountRepository accounts, LoginAttempts attempts, PasswordEncoder passwords,
                                   Clock clock) {
        this.accounts = accounts;
        this.attempts = attempts;
        this.passwords = passwords;
        this.clock = clock;
        this.unknownAccountHash = passwords.encode("no account has this password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String loginEmail = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = String.valueOf(authentication.getCredentials());
        Optional<Account> found = accounts.findByLoginEmailIgnoreCase(loginEmail);
        if (found.isPresent() && found.get().isLocked(clock.instant())) {
            throw new AccountLockedException(found.get().lockedUntil());
        }
        String hash = found.map(Account::passwordHash).orElse(null);
        boolean matches = passwords.matches(password, hash != null ? hash : unknownAccountHash) && hash != null;
        if (!matches) {
            attempts.failed(loginEmail).ifPresent(until -> {
                throw new AccountLockedException(until);
            });
            throw new BadCredentialsException("Adresse de connexion ou mot de passe incorrect.");
        }
        Account account = found.get();
        if (account.status() != AccountStatus.ACTIVE) {
            throw new DisabledException("Compte non activé");
        }
        // parallel wrong passwords may have locked the account while this one was being checked
        attempts.succeeded(account.id()).ifPresent(until -> {
            throw new AccountLockedException(until);
        });
        return UsernamePasswordAuthenticationToken.authenticated(new ProviderPrincipal(account.id(), account.loginEmail()),
                null, List.of(new SimpleGrantedAuthority("ROLE_PROVIDER")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
