package fr.fraisdejustice.onboarding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.account.AccountStatus;
import fr.fraisdejustice.account.Accounts;
import fr.fraisdejustice.security.ProviderPrincipal;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.structure.Membership;
import fr.fraisdejustice.structure.Structures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** A provider's account with its structures: its creation, and what « Mon compte » shows of it. */
@RestController
@Tag(name = "Comptes", description = "Création, activation et consultation des comptes des prestataires")
class OnboardingController {

    private final AccountRegistration registration;
    private final Accounts accounts;
    private final Structures structures;

    OnboardingController(AccountRegistration registration, Accounts accounts, Structures structures) {
        this.registration = registration;
        this.accounts = accounts;
        this.structures = structures;
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer un compte et sa structure, ou demander le rattachement à une structure existante (anonyme)")
    AccountRegistration.Created create(@Valid @RequestBody AccountCreationRequest request) {
        try {
            return registration.create(request);
        } catch (DataIntegrityViolationException e) {
            // two identical requests at the same instant: the second one lost the race on a unique index
            if (accounts.exists(request.loginEmail())) {
                throw AccountRegistration.loginEmailTaken();
            }
            throw new DomainException(DomainException.Kind.CONFLICT, "CONCURRENT_CREATION",
                    "La structure vient d'être créée par une autre demande : renvoyez la vôtre, elle deviendra une demande de rattachement.");
        }
    }

    @GetMapping("/api/me")
    @Operation(summary = "Mon compte, mes structures, mon rôle et mes profils dans chacune")
    Me me(@AuthenticationPrincipal ProviderPrincipal principal) {
        return me(accounts.profile(principal.accountId()));
    }

    @PatchMapping("/api/me")
    @Operation(summary = "Changer mes nom, prénom ou adresse de contact (une nouvelle adresse sert une fois confirmée "
            + "par le lien qui lui est envoyé)")
    Me change(@AuthenticationPrincipal ProviderPrincipal principal, @RequestBody MeChange change) {
        return me(accounts.change(principal.accountId(), change.contactEmail(), change.lastName(), change.firstName()));
    }

    private Me me(Accounts.Profile account) {
        List<Me.StructureView> mine = structures.of(account.accountId()).stream()
                .map(b -> new Me.StructureView(b.structure().id(), b.structure().name(), b.structure().identifierType(),
                        b.structure().identifier(), b.membership().status() == Membership.Status.ACTIVE
                                ? b.membership().role().name() : "MEMBERSHIP_" + b.membership().status().name(),
                        b.membership().profiles()))
                .toList();
        return new Me(account.accountId(), account.loginEmail(), account.contactEmail(), account.pendingContactEmail(),
                account.lastName(), account.firstName(), account.status(), account.lastLoginAt(),
                account.termsAcceptedAt(), mine);
    }

    record MeChange(String contactEmail, String lastName, String firstName) {
    }

    /** {@code lastLoginAt}: the portal login before the current session (null until a second login). */
    record Me(UUID accountId, String loginEmail, String contactEmail, String pendingContactEmail, String lastName,
              String firstName, AccountStatus status, Instant lastLoginAt, Instant termsAcceptedAt,
              List<StructureView> structures) {

        record StructureView(UUID id, String name, IdentifierType identifierType, String identifier, String role,
                             List<String> profiles) {
        }
    }
}
