package fr.fraisdejustice.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Comptes")
class PasswordResetController {

    private final PasswordReset reset;

    PasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    @PostMapping("/api/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mot de passe oublié : un lien est envoyé à l'adresse de connexion du compte, s'il existe ; "
            + "la réponse est la même dans tous les cas (anonyme)")
    AccountController.Message request(@RequestBody ResetRequest request) {
        return new AccountController.Message(reset.request(request.loginEmail()));
    }

    @GetMapping("/api/password-reset")
    @Operation(summary = "La question secrète du compte, pour la page ouverte par le lien reçu (anonyme)")
    PasswordReset.LinkQuestion question(@RequestParam String token) {
        return reset.question(token);
    }

    @PostMapping("/api/password-reset/confirm")
    @Operation(summary = "Répondre à la question secrète et choisir un nouveau mot de passe avec le lien reçu (anonyme)")
    AccountController.Message confirm(@RequestBody Confirmation confirmation) {
        reset.confirm(confirmation.token(), confirmation.secretAnswer(), confirmation.password(),
                confirmation.passwordConfirmation());
        return new AccountController.Message("Votre mot de passe est changé. Connectez-vous avec le nouveau.");
    }

    record ResetRequest(String loginEmail) {
    }

    record Confirmation(String token, String secretAnswer, String password, String passwordConfirmation) {
    }
}
