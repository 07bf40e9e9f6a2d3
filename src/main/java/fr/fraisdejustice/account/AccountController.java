package fr.fraisdejustice.account;

import fr.fraisdejustice.structure.Membership;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.structure.IdentifierType;
import fr.fraisdejustice.structure.Structures;
import fr.fraisdejustice.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Comptes", description = "Création, activation et consultation des comptes des prestataires")
class AccountController {

    private final AccountRegistration registration;
    private final AccountActivation activation;
    private final AccountSettings settings;
    private final AccountRepository accounts;
    private final Structures structures;

    AccountController(AccountRegistration registration, AccountActivation activation, AccountSettings settings,
                      AccountRepository accounts, Structures structures) {
        this.registration = registration;
        this.activation = activation;
        this.settings = settings;
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
            if (accounts.existsByLoginEmailIgnoreCase(request.loginEmail().trim())) {
                throw AccountRegistration.loginEmailTaken();
            }
            throw new ApiException(HttpStatus.CONFLICT, "CONCURRENT_CREATION",
                    "La structure vient d'être créée par une autre demande : renvoyez la vôtre, elle deviendra une demande de rattachement.");
        }
    }

    @GetMapping("/api/accounts/activation")
    @Operation(summary = "Vérifier un lien d'activation avant de choisir son mot de passe (anonyme)")
    AccountActivation.LinkStatus checkActivationLink(@RequestParam String token) {
        return activation.check(token);
    }

    @PostMapping("/api/accounts/activation")
    @Operation(summary = "Activer son compte : mot de passe et question secrète (anonyme)")
    Message activate(@RequestBody ActivationRequest request) {
        activation.activate(request.token(), request.password(), request.passwordConfirmation(),
                request.secretQuestion(), request.secretAnswer());
        return new Message("Votre compte est activé. Vous pouvez vous connecter avec votre adresse et votre mot de passe.");
    }

    @GetMapping("/api/reference/secret-questions")
    @Operation(summary = "Les questions secrètes proposées (anonyme)")
    List<String> secretQuestions() {
        return SecretAnswers.QUESTIONS;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Mon compte, mes structures, mon rôle et mes profils dans chacune")
    Me me(@AuthenticationPrincipal ProviderPrincipal principal) {
        return me(accounts.findById(principal.accountId()).orElseThrow());
    }

    @PatchMapping("/api/me")
    @Operation(summary = "Changer mes nom, prénom ou adresse de contact (une nouvelle adresse sert une fois confirmée "
            + "par le lien qui lui est envoyé)")
    Me change(@AuthenticationPrincipal ProviderPrincipal principal, @RequestBody MeChange change) {
        return me(settings.change(principal.accountId(), change.contactEmail(), change.lastName(), change.firstName()));
    }

    @PostMapping("/api/me/contact-email/confirmation")
    @Operation(summary = "Confirmer une adresse de contact avec le lien reçu à cette adresse (le lien suffit)")
    Message confirmContactEmail(@RequestBody TokenBody body) {
        String email = settings.confirmContactEmail(body.token());
        return new Message("L'adresse " + email + " est confirmée : elle reçoit désormais les notifications du compte.");
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Changer mon mot de passe ; mes autres sessions prennent fin")
    void changePassword(@AuthenticationPrincipal ProviderPrincipal principal, @RequestBody PasswordChange change,
                        HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        settings.changePassword(principal.accountId(), change.currentPassword(), change.newPassword(),
                change.newPasswordConfirmation(), session == null ? null : session.getId());
    }

    @PutMapping("/api/me/secret-question")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Changer ma question secrète et sa réponse (avec mon mot de passe actuel)")
    void changeSecretQuestion(@AuthenticationPrincipal ProviderPrincipal principal, @RequestBody SecretChange change) {
        settings.changeSecretQuestion(principal.accountId(), change.currentPassword(), change.secretQuestion(),
                change.secretAnswer());
    }

    private Me me(Account account) {
        List<Me.StructureView> mine = structures.of(account.id()).stream()
                .map(b -> new Me.StructureView(b.structure().id(), b.structure().name(), b.structure().identifierType(),
                        b.structure().identifier(), b.membership().status() == Membership.Status.ACTIVE
                                ? b.membership().role().name() : "MEMBERSHIP_" + b.membership().status().name(),
                        b.membership().profiles()))
                .toList();
        return new Me(account.id(), account.loginEmail(), account.contactEmail(), account.pendingContactEmail(),
                account.lastName(), account.firstName(), account.status(), mine);
    }

    record MeChange(String contactEmail, String lastName, String firstName) {
    }

    record TokenBody(String token) {
    }

    record PasswordChange(String currentPassword, String newPassword, String newPasswordConfirmation) {
    }

    record SecretChange(String currentPassword, String secretQuestion, String secretAnswer) {
    }

    record ActivationRequest(String token, String password, String passwordConfirmation, String secretQuestion,
                             String secretAnswer) {
    }

    record Message(String message) {
    }

    record Me(UUID accountId, String loginEmail, String contactEmail, String pendingContactEmail, String lastName,
              String firstName,
              AccountStatus status, List<StructureView> structures) {

        record StructureView(UUID id, String name, IdentifierType identifierType, String identifier, String role,
                             List<String> profiles) {
        }
    }
}
