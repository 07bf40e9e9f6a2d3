package fr.fraisdejustice.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.notification.Mailer;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.shared.PasswordRule;

/**
 * The account side of {@code bpmn/account-activation.bpmn}: links mailed by the process, their expiry, activation by
 * the user, and the support's restart. Account state and process state change in the same transaction.
 */
@Service
@Transactional
public class AccountActivation {

    public static final String PROCESS_KEY = "account-activation";
    static final String MESSAGE_ACTIVATED = "AccountActivated";
    static final String MESSAGE_RESTARTED = "ActivationRestarted";
    /** The link's life; the process's timer (P30D) ends it on the engine's side, this on the link's side. */
    static final Duration VALIDITY = Duration.ofDays(30);

    private final AccountRepository accounts;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final RuntimeService runtime;
    private final Clock clock;

    AccountActivation(AccountRepository accounts, AccountTokens tokens, AccountMails mails, Mailer mailer,
                      PasswordEncoder passwords, RuntimeService runtime, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.mailer = mailer;
        this.passwords = passwords;
        this.runtime = runtime;
        this.clock = clock;
    }

    void start(UUID accountId) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, accountId.toString());
    }

    /** Mails a new activation link (the older ones die); called by the process's async task. */
    void mailActivationLink(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.status() != AccountStatus.PENDING_ACTIVATION) {
            return;
        }
        AccountTokens.Issued link = tokens.issue(accountId, AccountToken.Purpose.ACTIVATION, VALIDITY);
        mailer.send(mails.activation(account, link.token(), link.expiresAt()));
    }

    /** The 30 days are over: the account can no longer be activated without the support. */
    void expire(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.status() != AccountStatus.PENDING_ACTIVATION) {
            return;
        }
        account.expireActivation();
        tokens.revokeAll(accountId, AccountToken.Purpose.ACTIVATION);
        mailer.send(mails.activationExpired(account));
    }

    /** What an activation link leads to, for the page to greet the user or explain why the link no longer works. */
    @Transactional(readOnly = true)
    public LinkStatus check(String token) {
        AccountToken link = usableLink(token);
        Account account = accounts.findById(link.accountId()).orElseThrow();
        return new LinkStatus(account.loginEmail(), link.expiresAt());
    }

    public record LinkStatus(String loginEmail, Instant expiresAt) {
    }

    public void activate(String token, String password, String passwordConfirmation, String secretQuestion,
                         String secretAnswer) {
        AccountToken link = usableLink(token);
        List<FieldProblem> problems = new ArrayList<>();
        PasswordRule.problem(password).ifPresent(p -> problems.add(new FieldProblem("password", "WEAK_PASSWORD", p)));
        if (passwordConfirmation != null && !passwordConfirmation.equals(password)) {
            problems.add(new FieldProblem("passwordConfirmation", "PASSWORDS_DIFFER",
                    "Les deux mots de passe saisis sont différents."));
        }
        SecretAnswers.problem(secretQuestion, secretAnswer).forEach(problems::add);
        if (!problems.isEmpty()) {
            boolean weak = problems.stream().anyMatch(p -> p.code().equals("WEAK_PASSWORD"));
            throw new DomainException(DomainException.Kind.INVALID, weak ? "WEAK_PASSWORD" : "VALIDATION_FAILED",
                    weak ? PasswordRule.RULE : "Certains champs sont invalides : corrigez-les puis renvoyez la demande.",
                    problems);
        }
        Account account = accounts.findById(link.accountId()).orElseThrow();
        Instant now = clock.instant();
        account.activate(passwords.encode(password), secretQuestion.trim(),
                passwords.encode(SecretAnswers.normalize(secretAnswer)), now);
        link.use(now);
        runtime.createMessageCorrelation(MESSAGE_ACTIVATED).processInstanceBusinessKey(account.id().toString()).correlate();
    }

    /**
     * The support sends a new link with a new 30 days; every link mailed before dies at once. A waiting process loops
     * back to its mail task; an ended one (the link expired) is started again.
     */
    public void restart(UUID accountId) {
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "ACCOUNT_NOT_FOUND", "Ce compte n'existe pas."));
        if (account.status() == AccountStatus.ACTIVE) {
            throw new DomainException(DomainException.Kind.CONFLICT, "ACCOUNT_ALREADY_ACTIVE",
                    "Ce compte est déjà activé : son titulaire peut se connecter ou réinitialiser son mot de passe.");
        }
        account.restartActivation();
        tokens.revokeAll(accountId, AccountToken.Purpose.ACTIVATION);
        boolean waiting = runtime.createExecutionQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(accountId.toString()).messageEventSubscriptionName(MESSAGE_RESTARTED).count() > 0;
        boolean running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(accountId.toString()).active().count() > 0;
        if (waiting) {
            runtime.createMessageCorrelation(MESSAGE_RESTARTED).processInstanceBusinessKey(accountId.toString()).correlate();
        } else if (!running) {
            start(accountId);
        }
        // else its first mail is still to be sent (a job, maybe retrying): it will carry a new link
    }

    private AccountToken usableLink(String token) {
        AccountToken link = tokens.find(token, AccountToken.Purpose.ACTIVATION)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "ACTIVATION_LINK_UNKNOWN",
                        "Ce lien d'activation n'existe pas. Copiez le lien entier du dernier courriel reçu."));
        Instant now = clock.instant();
        Account account = accounts.findById(link.accountId()).orElseThrow();
        if (link.spent() && account.status() == AccountStatus.ACTIVE) {
            throw new DomainException(DomainException.Kind.GONE, "ACTIVATION_LINK_USED",
                    "Ce lien a déjà servi : votre compte est activé, connectez-vous avec votre mot de passe.");
        }
        if (account.status() == AccountStatus.ACTIVATION_EXPIRED || link.expired(now)) {
            throw new DomainException(DomainException.Kind.GONE, "ACTIVATION_EXPIRED",
                    "Ce lien d'activation a expiré (il était valable 30 jours). Pour en recevoir un nouveau, "
                            + "demandez-le sur la page « Je n'ai pas pu activer mon compte » (lien sur cette page et sur la "
                            + "page de connexion) : le support vous l'enverra.").with("help", ActivationHelpPage.PATH);
        }
        if (link.spent()) {
            throw new DomainException(DomainException.Kind.GONE, "ACTIVATION_LINK_REPLACED",
                    "Ce lien a été remplacé par un lien plus récent : utilisez le dernier courriel d'activation reçu.");
        }
        return link;
    }
}
