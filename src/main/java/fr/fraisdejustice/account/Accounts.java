package fr.fraisdejustice.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of the account feature for the features that open accounts (registration, import): an account is
 * opened with its activation process and, when the contact e-mail differs from the login, its confirmation link.
 */
@Service
@Transactional
public class Accounts {

    /**
     * Who opens an account. {@code contactEmail} may be null (the login e-mail is then the contact);
     * {@code termsAccepted}: he accepted the terms of use (an imported account never saw them).
     */
    public record Opening(String loginEmail, String contactEmail, String lastName, String firstName, boolean migrated,
                          boolean termsAccepted) {

        public Opening(String loginEmail, String contactEmail, String lastName, String firstName, boolean migrated) {
            this(loginEmail, contactEmail, lastName, firstName, migrated, false);
        }
    }

    /**
     * What an account holder sees of his own account. {@code lastLoginAt}: the portal login before the current one
     * (null before a second login).
     */
    public record Profile(UUID accountId, String loginEmail, String contactEmail, String pendingContactEmail,
                          String lastName, String firstName, AccountStatus status, Instant lastLoginAt,
                          Instant termsAcceptedAt) {
    }

    private final AccountRepository accounts;
    private final AccountActivation activation;
    private final AccountSettings settings;
    private final Clock clock;

    Accounts(AccountRepository accounts, AccountActivation activation, AccountSettings settings, Clock clock) {
        this.accounts = accounts;
        this.activation = activation;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens the account and starts its activation; answers its id. The login e-mail must be free. */
    public UUID open(Opening opening) {
        Account account = accounts.save(new Account(opening.loginEmail().trim(), opening.contactEmail(),
                opening.lastName().trim(), opening.firstName().trim(), opening.migrated(), opening.termsAccepted(),
                clock.instant()));
        activation.start(account.id());
        settings.confirmPendingContactEmail(account);
        return account.id();
    }

    @Transactional(readOnly = true)
    public Profile profile(UUID accountId) {
        return profileOf(accounts.findById(accountId).orElseThrow());
    }

    /** Names and contact e-mail (a new one is used once confirmed through the link mailed to it). */
    public Profile change(UUID accountId, String contactEmail, String lastName, String firstName) {
        return profileOf(settings.change(accountId, contactEmail, lastName, firstName));
    }

    private static Profile profileOf(Account a) {
        return new Profile(a.id(), a.loginEmail(), a.contactEmail(), a.pendingContactEmail(), a.lastName(),
                a.firstName(), a.status(), a.previousLoginAt(), a.termsAcceptedAt());
    }

    /** The account with this login e-mail (case does not matter), as its holder would see it. */
    @Transactional(readOnly = true)
    public Optional<Profile> byLoginEmail(String loginEmail) {
        return accounts.findByLoginEmailIgnoreCase(loginEmail == null ? "" : loginEmail.trim()).map(Accounts::profileOf);
    }

    @Transactional(readOnly = true)
    public Optional<UUID> idOf(String loginEmail) {
        return accounts.findByLoginEmailIgnoreCase(loginEmail == null ? "" : loginEmail.trim()).map(Account::id);
    }

    @Transactional(readOnly = true)
    public boolean exists(String loginEmail) {
        return idOf(loginEmail).isPresent();
    }
}
