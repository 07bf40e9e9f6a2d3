package fr.fraisdejustice.account;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.security.ProviderPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

@RestController
@Tag(name = "Comptes")
class AccountController {

    private final AccountActivation activation;
    private final AccountSettings settings;

    AccountController(AccountActivation activation, AccountSettings settings) {
        this.activation = activation;
        this.settings = settings;
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

}
