package fr.fraisdejustice.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import fr.fraisdejustice.notification.Mail;
import fr.fraisdejustice.notification.Mailer;
import fr.fraisdejustice.shared.PasswordRule;
import fr.fraisdejustice.web.ApiException;
import fr.fraisdejustice.web.FieldProblem;

/**
 * Forgotten password: login e-mail, then the secret answer, then a mailed single-use link valid one hour, then a new
 * password. No answer tells whether an e-mail has an account: an unknown e-mail gets a question too, always the same.
 * Wrong answers count as failed logins, so guessing locks the account like guessing a password does; a locked account
 * gets no link, silently.
 */
@Service
@Transactional
class PasswordReset {

    static final Duration VALIDITY = Duration.ofHours(1);
    static final String SENT = "Si la réponse est juste, un courriel contenant un lien de réinitialisation, valable une "
            + "heure, vient d'être envoyé à l'adresse de contact du compte.";

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final LoginAttempts attempts;
    private final AccountMails mails;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final Clock clock;

    PasswordReset(AccountRepository accounts, AccountTokens tokens, LoginAttempts attempts, AccountMails mails,
                  Mailer mailer, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.attempts = attempts;
        this.mails = mails;
        this.mailer = mailer;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    String question(String loginEmail) {
        String email = normalized(loginEmail);
        return accounts.findByLoginEmailIgnoreCase(email)
                .filter(a -> a.status() == AccountStatus.ACTIVE && a.secretQuestion() != null)
                .map(Account::secretQuestion)
                .orElseGet(() -> SecretAnswers.QUESTIONS.get(Math.floorMod(email.toLowerCase().hashCode(),
                        SecretAnswers.QUESTIONS.size())));
    }

    /** Mails the link when the answer is right; says the same thing whatever happened. */
    String answer(String loginEmail, String secretAnswer) {
        String email = normalized(loginEmail);
        Instant now = clock.instant();
        Optional<Account> found = accounts.findByLoginEmailIgnoreCase(email)
                .filter(a -> a.status() == AccountStatus.ACTIVE && a.secretAnswerHash() != null);
        // a locked account answers like an unknown e-mail: saying "locked" would tell the account exists
        if (found.isPresent() && found.get().isLocked(now)) {
            return SENT;
        }
        boolean right = found.isPresent() && secretAnswer != null
                && passwords.matches(SecretAnswers.normalize(secretAnswer), found.get().secretAnswerHash());
        if (!right) {
            attempts.failed(email);
            return SENT;
        }
        Account account = found.get();
        AccountTokens.Issued link = tokens.issue(account.id(), AccountToken.Purpose.PASSWORD_RESET, VALIDITY);
        Mail mail = mails.passwordReset(account, link.token(), link.expiresAt());
        afterCommit(() -> mailer.send(mail));
        return SENT;
    }

    void confirm(String token, String password) {
        AccountToken link = tokens.find(token, AccountToken.Purpose.PASSWORD_RESET)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "RESET_LINK_UNKNOWN",
                        "Ce lien de réinitialisation n'existe pas. Copiez le lien entier du dernier courriel reçu."));
        Instant now = clock.instant();
        if (!link.usable(now)) {
            throw new ApiException(HttpStatus.GONE, "RESET_LINK_EXPIRED",
                    "Ce lien a expiré ou a déjà servi (il vaut une heure, une seule fois). Refaites une demande "
                            + "de réinitialisation depuis « Mot de passe oublié ».");
        }
        PasswordRule.problem(password).ifPresent(problem -> {
            throw new ApiException(HttpStatus.BAD_REQUEST, "WEAK_PASSWORD", problem,
                    List.of(new FieldProblem("password", "WEAK_PASSWORD", problem)));
        });
        accounts.findById(link.accountId()).orElseThrow().changePassword(passwords.encode(password));
        link.use(now);
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private static String normalized(String loginEmail) {
        if (loginEmail == null || loginEmail.isBlank()) {
            throw ApiException.invalidField("loginEmail", "REQUIRED", "Saisissez l'adresse électronique de votre compte.");
        }
        return loginEmail.trim();
    }
}
