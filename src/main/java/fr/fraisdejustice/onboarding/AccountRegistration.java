package fr.fraisdejustice.onboarding;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.account.AccountStatus;
import fr.fraisdejustice.account.Accounts;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.shared.FieldProblem;
import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.structure.MembershipRole;
import fr.fraisdejustice.structure.StructureIdentifiers;
import fr.fraisdejustice.structure.Structures;

/**
 * "Créer votre compte": the account, its structure or membership request (whose gestionnaire is mailed), and the
 * activation process, at once.
 */
@Service
public class AccountRegistration {

    public record Created(UUID accountId, AccountStatus status, UUID structureId, String role) {
    }

    private final Accounts accounts;
    private final Structures structures;

    AccountRegistration(Accounts accounts, Structures structures) {
        this.accounts = accounts;
        this.structures = structures;
    }

    @Transactional
    public Created create(AccountCreationRequest request) {
        IdentifierType type = request.structure().identifierType();
        String identifier = StructureIdentifiers.normalize(type, request.structure().identifier());
        StructureIdentifiers.problem(type, identifier).ifPresent(problem -> {
            throw DomainException.invalid("VALIDATION_FAILED", problem,
                    List.of(new FieldProblem("structure.identifier", "INVALID_IDENTIFIER", problem)));
        });
        String loginEmail = request.loginEmail().trim();
        if (accounts.exists(loginEmail)) {
            throw loginEmailTaken();
        }
        UUID accountId = accounts.open(new Accounts.Opening(loginEmail, trimmed(request.contactEmail()),
                request.lastName(), request.firstName(), false, request.termsAccepted()));
        Structures.Joined joined = structures.join(accountId, type, identifier,
                structureName(request, type, identifier), trimmed(request.structure().address()));
        return new Created(accountId, AccountStatus.PENDING_ACTIVATION, joined.structure().id(),
                joined.requested() ? "MEMBERSHIP_REQUESTED" : MembershipRole.PRINCIPAL_MANAGER.name());
    }

    static DomainException loginEmailTaken() {
        return DomainException.conflict("LOGIN_EMAIL_TAKEN",
                "Un compte existe déjà avec cette adresse. Connectez-vous, ou utilisez « Mot de passe oublié ».",
                List.of(new FieldProblem("loginEmail", "ALREADY_USED", "Un compte existe déjà avec cette adresse.")));
    }

    private static String structureName(AccountCreationRequest request, IdentifierType type, String identifier) {
        String name = trimmed(request.structure().name());
        if (name != null) {
            return name;
        }
        return type == IdentifierType.PARTICULIER
                ? request.firstName().trim() + " " + request.lastName().trim().toUpperCase()
                : type + " " + identifier;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
