package fr.fraisdejustice.account;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;

import fr.fraisdejustice.onboarding.AccountImport;
import fr.fraisdejustice.onboarding.AccountRegistration;
import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.structure.Structure;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.Mailbox;

/** Active provider accounts for the tests of other features, made through the real services. */
@Component
public class Providers {

    /** An active provider and the structure he acts for. */
    public record Provider(String email, UUID accountId, UUID structureId) {
        public String basic() {
            return Http.basic(email, AccountFixture.PASSWORD);
        }
    }

    private final AccountFixture fixture;
    private final Structures structures;
    private final AccountImport accountImport;
    private final AccountActivation activation;
    private final AccountRepository accounts;
    private final Mailbox mailbox;

    Providers(AccountFixture fixture, Structures structures, AccountImport accountImport, AccountActivation activation,
              AccountRepository accounts, GreenMail mailServer) {
        this.fixture = fixture;
        this.structures = structures;
        this.accountImport = accountImport;
        this.activation = activation;
        this.accounts = accounts;
        this.mailbox = new Mailbox(mailServer);
    }

    /** A natural person (PARTICULIER) with this identifier, conforming or not (as a migrated one may be). */
    public Provider naturalPerson(String identifier) {
        String email = AccountFixture.uniqueEmail("particulier");
        try {
            var report = accountImport.run(new java.io.StringReader(
                    "loginEmail;lastName;firstName;identifierType;identifier;structureName;mandates\n"
                            + email + ";Roux;Jeanne;PARTICULIER;" + identifier + ";;\n"));
            if (report.imported() != 1) {
                throw new IllegalStateException(report.toString());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        UUID accountId = accounts.findByLoginEmailIgnoreCase(email).orElseThrow().id();
        fixture.runActivationJob(accountId);
        activation.activate(mailbox.lastToken(email), AccountFixture.PASSWORD, AccountFixture.PASSWORD,
                AccountFixture.QUESTION, AccountFixture.ANSWER);
        return new Provider(email, accountId, structures.of(accountId).get(0).structure().id());
    }

    /** The gestionnaire principal of a structure of his own (identifier type AUTRE). */
    public Provider withOwnStructure() {
        String email = AccountFixture.uniqueEmail("prestataire");
        AccountRegistration.Created created = fixture.active(email, mailbox);
        return new Provider(email, created.accountId(), created.structureId());
    }

    /** A member of the manager's structure whose account still waits for its activation. */
    public Provider pendingMemberOf(Provider manager) {
        String email = AccountFixture.uniqueEmail("en-attente");
        AccountRegistration.Created created = fixture.pending(email, IdentifierType.AUTRE,
                "T-" + UUID.randomUUID().toString().substring(0, 8));
        Structure structure = structures.of(manager.accountId()).stream()
                .filter(b -> b.structure().id().equals(manager.structureId())).findFirst().orElseThrow().structure();
        structures.importMember(created.accountId(), structure.identifierType(), structure.identifier(), structure.name());
        return new Provider(email, created.accountId(), manager.structureId());
    }

    /** An approved plain member of the manager's structure. */
    public Provider memberOf(Provider manager) {
        Provider other = withOwnStructure();
        Structure structure = structures.of(manager.accountId()).stream()
                .filter(b -> b.structure().id().equals(manager.structureId())).findFirst().orElseThrow().structure();
        structures.importMember(other.accountId(), structure.identifierType(), structure.identifier(), structure.name());
        return new Provider(other.email(), other.accountId(), manager.structureId());
    }
}
