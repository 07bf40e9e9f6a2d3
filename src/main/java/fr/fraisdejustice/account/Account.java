package fr.fraisdejustice.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A provider's user account, identified by its immutable login e-mail. */
@Entity
@Table(name = "account")
public class Account {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_DURATION = Duration.ofHours(1);

    @Id
    private UUID id;

    @Column(name = "login_email")
    private String loginEmail;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "first_name")
    private String firstName;

    @Enumerated(EnumType.STRING)
    private AccountStatus status;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "secret_question")
    private String secretQuestion;

    @Column(name = "secret_answer_hash")
    private String secretAnswerHash;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    private boolean migrated;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "pending_contact_email")
    private String pendingContactEmail;

    @Column(name = "terms_accepted_at")
    private Instant termsAcceptedAt;

    /** Written by {@link LoginHistory} in SQL, read here. */
    @Column(name = "previous_login_at", insertable = false, updatable = false)
    private Instant previousLoginAt;

    /** Logins and password changes never overwrite each other (the failure counter is updated in SQL, see LoginAttempts). */
    @Version
    private long version;

    protected Account() {
    }

    Account(String loginEmail, String contactEmail, String lastName, String firstName, boolean migrated,
            boolean termsAccepted, Instant now) {
        this.id = UUID.randomUUID();
        this.loginEmail = loginEmail;
        this.contactEmail = loginEmail;
        if (contactEmail != null && !contactEmail.isBlank() && !contactEmail.equalsIgnoreCase(loginEmail)) {
            this.pendingContactEmail = contactEmail;
        }
        this.lastName = lastName;
        this.firstName = firstName;
        this.status = AccountStatus.PENDING_ACTIVATION;
        this.migrated = migrated;
        this.createdAt = now;
        this.termsAcceptedAt = termsAccepted ? now : null;
    }

    void activate(String passwordHash, String secretQuestion, String secretAnswerHash, Instant now) {
        if (status != AccountStatus.PENDING_ACTIVATION) {
            throw new IllegalStateException("Compte " + id + " non activable dans l'état " + status);
        }
        this.passwordHash = passwordHash;
        this.secretQuestion = secretQuestion;
        this.secretAnswerHash = secretAnswerHash;
        this.status = AccountStatus.ACTIVE;
        this.activatedAt = now;
    }

    void expireActivation() {
        if (status == AccountStatus.PENDING_ACTIVATION) {
            status = AccountStatus.ACTIVATION_EXPIRED;
        }
    }

    void restartActivation() {
        if (status == AccountStatus.ACTIVE) {
            throw new IllegalStateException("Le compte " + id + " est déjà actif");
        }
        status = AccountStatus.PENDING_ACTIVATION;
    }

    /** A new contact e-mail waits for its owner to follow the link mailed to it; the login e-mail needs no proof. */
    void requestContactEmail(String email) {
        if (email.equalsIgnoreCase(loginEmail)) {
            contactEmail = loginEmail;
            pendingContactEmail = null;
        } else if (!email.equalsIgnoreCase(contactEmail)) {
            pendingContactEmail = email;
        }
    }

    /** The link mailed to the pending contact e-mail was followed: it becomes the contact e-mail. */
    void confirmContactEmail(String email) {
        if (pendingContactEmail == null || !pendingContactEmail.equalsIgnoreCase(email)) {
            throw new IllegalStateException("Aucune adresse de contact " + email + " en attente pour le compte " + id);
        }
        contactEmail = pendingContactEmail;
        pendingContactEmail = null;
    }

    void rename(String lastName, String firstName) {
        if (lastName != null && !lastName.isBlank()) {
            this.lastName = lastName.trim();
        }
        if (firstName != null && !firstName.isBlank()) {
            this.firstName = firstName.trim();
        }
    }

    void changeSecret(String secretQuestion, String secretAnswerHash) {
        this.secretQuestion = secretQuestion;
        this.secretAnswerHash = secretAnswerHash;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
        unlock();
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    private void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public UUID id() {
        return id;
    }

    public String loginEmail() {
        return loginEmail;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public String lastName() {
        return lastName;
    }

    public String firstName() {
        return firstName;
    }

    public AccountStatus status() {
        return status;
    }

    String passwordHash() {
        return passwordHash;
    }

    String secretQuestion() {
        return secretQuestion;
    }

    String secretAnswerHash() {
        return secretAnswerHash;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    int failedLogins() {
        return failedLogins;
    }

    /** The contact e-mail awaiting confirmation, if any. */
    public String pendingContactEmail() {
        return pendingContactEmail;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    /** When the holder accepted the terms of use; null for an account imported from the former portal. */
    public Instant termsAcceptedAt() {
        return termsAcceptedAt;
    }

    /** The portal login before the current one: « Dernière connexion le … ». */
    public Instant previousLoginAt() {
        return previousLoginAt;
    }

    public boolean migrated() {
        return migrated;
    }
}
