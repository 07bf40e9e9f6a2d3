package fr.fraisdejustice.account;

import java.util.Optional;
import java.util.UUID;

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

    private final AccountRepository accounts;

    AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
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
