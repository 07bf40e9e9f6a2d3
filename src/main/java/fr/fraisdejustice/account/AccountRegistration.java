package fr.fraisdejustice.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.structure.MembershipRole;
import fr.fraisdejustice.structure.StructureIdentifiers;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.web.ApiException;
import fr.fraisdejustice.web.FieldProblem;

/** "Créer votre compte": the account, its structure or membership request, and the activation process, at once. */
@Service
class AccountRegistration {

    record Created(UUID accountId, AccountStatus status, UUID structureId, String role) {
    }

    /** Published when a new account asks to join an existing structure; its gestionnaire is mailed after commit. */
    record MembershipRequested(UUID requesterId, UUID managerId, String structureName) {
    }

    private final AccountRepository accounts;
    private final Structures structures;
    private final AccountActivation activation;
    private final AccountSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountRegistration(AccountRepository accounts, Structures structures, AccountActivation activation,
                        AccountSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.structures = structures;
        this.activation = activation;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Created create(AccountCreationRequest request) {
        IdentifierType type = request.structure().identifierType();
        String identifier = StructureIdentifiers.normalize(type, request.structure().identifier());
        StructureIdentifiers.problem(type, identifier).ifPresent(problem -> {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", problem,
                    List.of(new FieldProblem("structure.identifier", "INVALID_IDENTIFIER", problem)));
        });
        String loginEmail = request.loginEmail().trim();
        if (accounts.existsByLoginEmailIgnoreCase(loginEmail)) {
            throw loginEmailTaken();
        }
        Account account = accounts.save(new Account(loginEmail, trimmed(request.contactEmail()),
                request.lastName().trim(), request.firstName().trim(), false, clock.instant()));
        Structures.Joined joined = structures.join(account.id(), type, identifier,
                structureName(request, type, identifier), trimmed(request.structure().address()));
        if (joined.requested()) {
            joined.principalManagerAccountId().ifPresent(manager ->
                    events.publishEvent(new MembershipRequested(account.id(), manager, joined.structure().name())));
        }
        activation.start(account.id());
        settings.confirmPendingContactEmail(account);
        return new Created(account.id(), account.status(), joined.structure().id(),
                joined.requested() ? "MEMBERSHIP_REQUESTED" : MembershipRole.PRINCIPAL_MANAGER.name());
    }

    static ApiException loginEmailTaken() {
        return new ApiException(HttpStatus.CONFLICT, "LOGIN_EMAIL_TAKEN",
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
