package fr.fraisdejustice.account;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;

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
    private final Mailbox mailbox;

    Providers(AccountFixture fixture, Structures structures, GreenMail mailServer) {
        this.fixture = fixture;
        this.structures = structures;
        this.mailbox = new Mailbox(mailServer);
    }

    /** The gestionnaire principal of a structure of his own (identifier type AUTRE). */
    public Provider withOwnStructure() {
        String email = AccountFixture.uniqueEmail("prestataire");
        AccountRegistration.Created created = fixture.active(email, mailbox);
        return new Provider(email, created.accountId(), created.structureId());
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
