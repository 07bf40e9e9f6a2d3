package fr.fraisdejustice.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who an account is, for the other features (names and the address that receives notifications). */
@Service
@Transactional(readOnly = true)
public class AccountDirectory {

    public record Contact(UUID accountId, String firstName, String lastName, String contactEmail) {
        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    private final AccountRepository accounts;

    AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The account with this login e-mail, if any (case does not matter). */
    public Optional<Contact> byLoginEmail(String loginEmail) {
        return accounts.findByLoginEmailIgnoreCase(loginEmail == null ? "" : loginEmail.trim())
                .map(a -> new Contact(a.id(), a.firstName(), a.lastName(), a.contactEmail()));
    }

    public Contact contact(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        return new Contact(account.id(), account.firstName(), account.lastName(), account.contactEmail());
    }
}
