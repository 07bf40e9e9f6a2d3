package fr.fraisdejustice.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.validator.routines.EmailValidator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.notification.OutgoingMail;
import fr.fraisdejustice.security.AccountLockedException;
import fr.fraisdejustice.security.AccountSessions;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.shared.PasswordRule;

/**
 * What an account holder changes himself: names, contact e-mail (used only once confirmed through the link mailed to
 * it), password (his other sessions end) and secret question. The login e-mail never changes.
 */
@Service
@Transactional
public class AccountSettings {

    static final Duration CONTACT_LINK_VALIDITY = Duration.ofDays(7);
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_EMAIL_LENGTH = 254;

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder passwords;
    private final AccountSessions sessions;
    private final LoginAttempts attempts;
    private final Clock clock;

    AccountSettings(AccountRepository accounts, AccountTokens tokens, AccountMails mails, ApplicationEventPublisher events,
                    PasswordEncoder passwords, AccountSessions sessions, LoginAttempts attempts, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.events = events;
        this.passwords = passwords;
        this.sessions = sessions;
        this.attempts = attempts;
        this.clock = clock;
    }

    Account change(UUID accountId, String contactEmail, String lastName, String firstName) {
        Account account = accounts.findById(accountId).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        checkName("lastName", "nom", lastName, problems);
        checkName("firstName", "prénom", firstName, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid("VALIDATION_FAILED", problems.get(0).detail(), problems);
        }
        account.rename(lastName, firstName);
        if (contactEmail != null) {
            String email = contactEmail.trim();
            if (email.length() > MAX_EMAIL_LENGTH || !EmailValidator.getInstance().isValid(email)) {
                throw DomainException.invalidField("contactEmail", "INVALID_FORMAT",
                        "Cette adresse électronique n'est pas valide (exemple : nom@domaine.fr).");
            }
            account.requestContactEmail(email);
            confirmPendingContactEmail(account);
        }
        return account;
    }

    private static void checkName(String field, String label, String value, List<FieldProblem> problems) {
        if (value != null && value.trim().length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem(field, "TOO_LONG", "Le " + label + " compte au plus " + MAX_NAME_LENGTH
                    + " caractères."));
        }
    }

    /** Mails the confirmation link to the pending contact e-mail, if there is one, through the outbox. */
    void confirmPendingContactEmail(Account account) {
        if (account.pendingContactEmail() == null) {
            tokens.revokeAll(account.id(), AccountToken.Purpose.CONTACT_EMAIL);
            return;
        }
        AccountTokens.Issued link = tokens.issue(account.id(), AccountToken.Purpose.CONTACT_EMAIL, CONTACT_LINK_VALIDITY);
        events.publishEvent(new OutgoingMail("contact-email:" + UUID.randomUUID(),
                mails.contactEmailConfirmation(account, account.pendingContactEmail(), link.token(), link.expiresAt())));
    }

    /** The link mailed to a new contact e-mail was followed: that address now receives the notifications. */
    String confirmContactEmail(String token) {
        AccountToken link = tokens.find(token, AccountToken.Purpose.CONTACT_EMAIL)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "CONTACT_LINK_UNKNOWN",
                        "Ce lien de confirmation n'existe pas. Copiez le lien entier du dernier courriel reçu."));
        Instant now = clock.instant();
        Account account = accounts.findById(link.accountId()).orElseThrow();
        if (!link.usable(now) || account.pendingContactEmail() == null) {
            throw new DomainException(DomainException.Kind.GONE, "CONTACT_LINK_EXPIRED",
                    "Ce lien a expiré ou a déjà servi. Saisissez de nouveau l'adresse de contact dans « Mon compte » "
                            + "pour recevoir un nouveau lien.");
        }
        String email = account.pendingContactEmail();
        account.confirmContactEmail(email);
        link.use(now);
        return email;
    }

    void changePassword(UUID accountId, String currentPassword, String newPassword, String confirmation,
                        String keptSessionId) {
        Account account = accounts.findById(accountId).orElseThrow();
        requireCurrentPassword(account, currentPassword);
        List<FieldProblem> problems = new ArrayList<>();
        PasswordRule.problem(newPassword).ifPresent(p -> problems.add(new FieldProblem("newPassword", "WEAK_PASSWORD", p)));
        if (newPassword != null && !newPassword.equals(confirmation)) {
            problems.add(new FieldProblem("newPasswordConfirmation", "MISMATCH",
                    "Les deux mots de passe saisis sont différents."));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems.get(0).code(), problems.get(0).detail(), problems);
        }
        account.changePassword(passwords.encode(newPassword));
        sessions.endAllBut(accountId, keptSessionId);
    }

    void changeSecretQuestion(UUID accountId, String currentPassword, String question, String answer) {
        Account account = accounts.findById(accountId).orElseThrow();
        requireCurrentPassword(account, currentPassword);
        List<FieldProblem> problems = SecretAnswers.problem(question, answer);
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "VALIDATION_FAILED", problems.get(0).detail(), problems);
        }
        account.changeSecret(question.trim(), passwords.encode(SecretAnswers.normalize(answer)));
    }

    /**
     * A wrong current password counts as a failed login (in a transaction of its own, kept when this one rolls back):
     * a session left open on a shared computer gives no more tries at guessing the password than the login page.
     */
    private void requireCurrentPassword(Account account, String currentPassword) {
        if (account.isLocked(clock.instant())) {
            throw new AccountLockedException(account.lockedUntil());
        }
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            attempts.failed(account.loginEmail()).ifPresent(until -> {
                throw new AccountLockedException(until);
            });
            throw DomainException.invalidField("currentPassword", "WRONG_PASSWORD",
                    "Votre mot de passe actuel est incorrect. Après cinq erreurs de suite (ici ou à la connexion), "
                            + "le compte est verrouillé une heure.");
        }
    }
}
