package fr.fraisdejustice.structure;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.account.AccountDirectory;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;

/**
 * A logged-in account creates another structure (a natural person whose identifier does not conform starts again with
 * a conforming one) or asks to join one it names by its identifier: as at account creation, an identifier already
 * taken files a membership request with that structure's gestionnaire principal.
 */
@Service
@Transactional
class StructureCreation {

    /** What creating gave: the new structure (the caller its gestionnaire principal), or a request to join it. */
    record Outcome(Structure structure, boolean requested) {
    }

    record Identity(IdentifierType identifierType, String identifier) {
    }

    private final Structures structures;
    private final Memberships memberships;
    private final AccountDirectory accounts;

    StructureCreation(Structures structures, Memberships memberships, AccountDirectory accounts) {
        this.structures = structures;
        this.memberships = memberships;
        this.accounts = accounts;
    }

    Outcome create(UUID accountId, IdentifierType type, String rawIdentifier, String name, String address) {
        Identity identity = conforming(type, rawIdentifier);
        String trimmedName = trimmed(name);
        String trimmedAddress = trimmed(address);
        if (trimmedName != null && trimmedName.length() > 200) {
            throw DomainException.invalidField("name", "INVALID_LENGTH", "Le nom de la structure compte au plus 200 caractères.");
        }
        if (trimmedAddress != null && trimmedAddress.length() > 500) {
            throw DomainException.invalidField("address", "INVALID_LENGTH", "L'adresse compte au plus 500 caractères.");
        }
        var existing = structures.find(identity.identifierType(), identity.identifier());
        if (existing.isPresent()) {
            memberships.request(existing.get().id(), accountId);
            return new Outcome(existing.get(), true);
        }
        String structureName = trimmedName != null ? trimmedName : defaultName(accountId, identity);
        return new Outcome(structures.create(accountId, identity.identifierType(), identity.identifier(), structureName,
                trimmedAddress), false);
    }

    /** A company's structure, found by its identifier; a natural person's identifier (part of a NIR) is never looked up. */
    @Transactional(readOnly = true)
    Structure lookup(IdentifierType type, String rawIdentifier) {
        if (type == IdentifierType.PARTICULIER) {
            throw DomainException.invalidField("identifierType", "NOT_SEARCHABLE",
                    "On ne recherche pas la structure d'un particulier : son identifiant est le début d'un numéro de "
                            + "sécurité sociale. Envoyez directement votre demande de rattachement avec cet identifiant.");
        }
        Identity identity = conforming(type, rawIdentifier);
        return structures.find(identity.identifierType(), identity.identifier())
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "STRUCTURE_NOT_FOUND",
                        "Aucune structure ne porte cet identifiant. Vérifiez-le, ou créez la structure."));
    }

    /** A request to join the structure of this identifier (the way for a natural person's one, never looked up). */
    Structure requestByIdentifier(UUID accountId, IdentifierType type, String rawIdentifier) {
        Identity identity = conforming(type, rawIdentifier);
        Structure structure = structures.find(identity.identifierType(), identity.identifier())
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "STRUCTURE_NOT_FOUND",
                        "Aucune structure ne porte cet identifiant. Vérifiez-le, ou créez la structure."));
        memberships.request(structure.id(), accountId);
        return structure;
    }

    private static Identity conforming(IdentifierType type, String rawIdentifier) {
        if (type == null) {
            throw DomainException.invalidField("identifierType", "REQUIRED", "Choisissez le type d'identifiant.");
        }
        String identifier = StructureIdentifiers.normalize(type, rawIdentifier);
        StructureIdentifiers.problem(type, identifier).ifPresent(problem -> {
            throw DomainException.invalid("VALIDATION_FAILED", problem,
                    List.of(new FieldProblem("identifier", "INVALID_IDENTIFIER", problem)));
        });
        return new Identity(type, identifier);
    }

    private String defaultName(UUID accountId, Identity identity) {
        if (identity.identifierType() == IdentifierType.PARTICULIER) {
            AccountDirectory.Contact contact = accounts.contact(accountId);
            return contact.firstName().trim() + " " + contact.lastName().trim().toUpperCase();
        }
        return identity.identifierType().label() + " " + identity.identifier();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
