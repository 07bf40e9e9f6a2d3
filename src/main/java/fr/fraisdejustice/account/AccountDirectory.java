package fr.fraisdejustice.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who an account is, for the other features (names and the address that receives notifications). */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

    /**
     * Who an account is. {@code loginEmailProven}: the account was activated through the link mailed to its login e-mail;
     * the contact e-mail is always proven (the login e-mail, or an address confirmed through its own link).
     */
    public record Contact(UUID accountId, String firstName, String lastName, String contactEmail, String loginEmail,
                          boolean loginEmailProven, String pendingContactEmail) {
        public String fullName() {
            return firstName + " " + lastName;
        }

        /** Both addresses and which one is proven, for a gestionnaire deciding whom to let in. */
        public String emailsStatement() {
            String login = "Adresse de connexion : " + loginEmail + (loginEmailProven
                    ? " (vérifiée : le compte a été activé par le lien envoyé à cette adresse)."
                    : " (pas encore vérifiée : le compte n'est pas encore activé ; la demande ne pourra être acceptée "
                    + "qu'après activation).");
            String contact = contactEmail.equalsIgnoreCase(loginEmail) ? ""
                    : " Adresse de contact : " + contactEmail + " (vérifiée par le lien envoyé à cette adresse).";
            String pending = pendingContactEmail == null ? ""
                    : " Adresse de contact proposée : " + pendingContactEmail + " (non vérifiée, jamais utilisée).";
            return login + contact + pending;
        }
    }

    /** When the account last logged in to the portal (null: never), and when it was created. */
    public record Presence(Instant lastLoginAt, Instant createdAt) {
        /** Its last login, or its creation for an account that never logged in: since when nobody has seen it. */
        public Instant lastSeenAt() {
            return lastLoginAt != null ? lastLoginAt : createdAt;
        }
    }

    private final AccountRepository accounts;
    private final JdbcTemplate jdbc;

    AccountDirectory(AccountRepository accounts, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** Read in SQL: {@link LoginHistory} writes the last login in SQL too, and the entity does not map it. */
    public Presence presence(UUID accountId) {
        return jdbc.queryForObject("select last_login_at, created_at from account where id = ?",
                (rs, i) -> new Presence(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))), accountId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The account with this login e-mail, if any (case does not matter). */
    public Optional<Contact> byLoginEmail(String loginEmail) {
        return accounts.findByLoginEmailIgnoreCase(loginEmail == null ? "" : loginEmail.trim())
                .map(AccountDirectory::contactOf);
    }

    public Contact contact(UUID accountId) {
        return contactOf(accounts.findById(accountId).orElseThrow());
    }

    private static Contact contactOf(Account a) {
        return new Contact(a.id(), a.firstName(), a.lastName(), a.contactEmail(), a.loginEmail(),
                a.status() == AccountStatus.ACTIVE, a.pendingContactEmail());
    }
}
