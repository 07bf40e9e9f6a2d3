package fr.fraisdejustice.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
 * Forgotten password. The request asks only the login e-mail and always answers the same, at the same speed (the mail
 * leaves after the answer); the single-use link, valid one hour, goes to the login e-mail. Only the page it opens shows
 * the secret question, and asks the answer with the new password. The mail leaves through the outbox. Wrong answers count as failed logins, so guessing
 * locks the account like guessing a password does; a new password ends the account's open sessions.
 */
@Service
@Transactional
class PasswordReset {

    static final Duration VALIDITY = Duration.ofHours(1);
    static final String SENT = "Si cette adresse est celle d'un compte actif, un courriel contenant un lien de "
            + "réinitialisation, valable une heure, vient de lui être envoyé. Pensez à regarder dans vos courriers "
            + "indésirables.";

    /** What the link's page shows. */
    record LinkQuestion(String secretQuestion) {
    }

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final LoginAttempts attempts;
    private final AccountMails mails;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder passwords;
    private final AccountSessions sessions;
    private final Clock clock;

    PasswordReset(AccountRepository accounts, AccountTokens tokens, LoginAttempts attempts, AccountMails mails,
                  ApplicationEventPublisher events, PasswordEncoder passwords,
                  AccountSessions sessions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.attempts = attempts;
        this.mails = mails;
        this.events = events;
        this.passwords = passwords;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Mails a link to the login e-mail of an active account; says the same thing whatever happened. */
    String request(String loginEmail) {
        String email = normalized(loginEmail);
        accounts.findByLoginEmailIgnoreCase(email)
                .filter(a -> a.status() == AccountStatus.ACTIVE && a.secretAnswerHash() != null)
                .filter(a -> !a.isLocked(clock.instant()))
                .ifPresent(account -> {
                    AccountTokens.Issued link = tokens.issue(account.id(), AccountToken.Purpose.PASSWORD_RESET, VALIDITY);
                    events.publishEvent(new OutgoingMail("password-reset:" + UUID.randomUUID(),
                            mails.passwordReset(account, link.token(), link.expiresAt())));
                });
        return SENT;
    }

    @Transactional(readOnly = true)
    LinkQuestion question(String token) {
        AccountToken link = usableLink(token);
        return new LinkQuestion(accounts.findById(link.accountId()).orElseThrow().secretQuestion());
    }

    void confirm(String token, String secretAnswer, String password, String passwordConfirmation) {
        AccountToken link = usableLink(token);
        Account account = accounts.findById(link.accountId()).orElseThrow();
        Instant now = clock.instant();
        if (account.isLocked(now)) {
            throw new AccountLockedException(account.lockedUntil());
        }
        List<FieldProblem> problems = new ArrayList<>();
        PasswordRule.problem(password).ifPresent(p -> problems.add(new FieldProblem("password", "WEAK_PASSWORD", p)));
        if (password != null && !password.equals(passwordConfirmation)) {
            problems.add(new FieldProblem("passwordConfirmation", "MISMATCH", "Les deux mots de passe saisis sont différents."));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, problems.get(0).code(), problems.get(0).detail(), problems);
        }
        boolean right = secretAnswer != null
                && passwords.matches(SecretAnswers.normalize(secretAnswer), account.secretAnswerHash());
        if (!right) {
            Optional<Instant> locked = attempts.failed(account.loginEmail());
            if (locked.isPresent()) {
                throw new AccountLockedException(locked.get());
            }
            throw DomainException.invalidField("secretAnswer", "WRONG_SECRET_ANSWER",
                    "Cette réponse ne correspond pas à votre question secrète. Ni les majuscules ni les accents ne "
                            + "comptent ; après cinq erreurs, le compte est verrouillé une heure.");
        }
        account.changePassword(passwords.encode(password));
        link.use(now);
        sessions.endAll(account.id());
    }

    private AccountToken usableLink(String token) {
        AccountToken link = tokens.find(token, AccountToken.Purpose.PASSWORD_RESET)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "RESET_LINK_UNKNOWN",
                        "Ce lien de réinitialisation n'existe pas. Copiez le lien entier du dernier courriel reçu."));
        if (!link.usable(clock.instant())) {
            throw new DomainException(DomainException.Kind.GONE, "RESET_LINK_EXPIRED",
                    "Ce lien a expiré ou a déjà servi (il vaut une heure, une seule fois). Refaites une demande "
                            + "de réinitialisation depuis « Mot de passe oublié ».");
        }
        return link;
    }

    private static String normalized(String loginEmail) {
        if (loginEmail == null || loginEmail.isBlank()) {
            throw DomainException.invalidField("loginEmail", "REQUIRED", "Saisissez l'adresse électronique de votre compte.");
        }
        return loginEmail.trim();
    }
}
