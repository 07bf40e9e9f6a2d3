package fr.fraisdejustice.account;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    /** Step 1 answers the question to ask; step 2 (with the answer) mails the link when the answer is right. */
    @PostMapping("/api/password-reset")
    @Operation(summary = "Mot de passe oublié : la question secrète, puis l'envoi du lien si la réponse est juste (anonyme)")
    Answer request(@RequestBody ResetRequest request) {
        if (request.secretAnswer() == null) {
            return new Answer(reset.question(request.loginEmail()), null);
        }
        return new Answer(null, reset.answer(request.loginEmail(), request.secretAnswer()));
    }

    @PostMapping("/api/password-reset/confirm")
    @Operation(summary = "Choisir un nouveau mot de passe avec le lien reçu (anonyme)")
    AccountController.Message confirm(@RequestBody Confirmation confirmation) {
        reset.confirm(confirmation.token(), confirmation.password());
        return new AccountController.Message("Votre mot de passe est changé. Connectez-vous avec le nouveau.");
    }

    record ResetRequest(String loginEmail, String secretAnswer) {
    }

    record Answer(String secretQuestion, String message) {
    }

    record Confirmation(String token, String password) {
    }
}
