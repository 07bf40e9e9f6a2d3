package fr.fraisdejustice.onboarding;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Comptes")
class ActivationHelpController {

    private final ActivationHelp help;

    ActivationHelpController(ActivationHelp help) {
        this.help = help;
    }

    @PostMapping("/api/activation-help")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Je n'ai pas pu activer mon compte : si l'activation a expiré, une sollicitation « Renvoi du "
            + "courriel d'activation » est ouverte auprès du support et son numéro envoyé à l'adresse de connexion ; la "
            + "réponse est la même dans tous les cas (anonyme)")
    Answer request(@RequestBody HelpRequest request) {
        return new Answer(help.request(request.loginEmail()));
    }

    record HelpRequest(String loginEmail) {
    }

    record Answer(String message) {
    }
}
