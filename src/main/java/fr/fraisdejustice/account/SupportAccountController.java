package fr.fraisdejustice.account;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the support (Camunda group support, HTTP Basic) does on accounts. */
@RestController
@Tag(name = "Administration")
class SupportAccountController {

    private final AccountActivation activation;
    private final AccountRepository accounts;

    SupportAccountController(AccountActivation activation, AccountRepository accounts) {
        this.activation = activation;
        this.accounts = accounts;
    }

    /** Sends a new activation link with a new 30 days; every link sent before dies. */
    @PostMapping("/api/support/activation-restarts")
    @Operation(summary = "Renvoyer un lien d'activation de 30 jours à l'adresse de connexion d'un compte (support)")
    AccountController.Message restart(@RequestBody Restart request) {
        Account account = accounts.findByLoginEmailIgnoreCase(request.loginEmail() == null ? "" : request.loginEmail().trim())
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "ACCOUNT_NOT_FOUND",
                        "Aucun compte n'a cette adresse de connexion."));
        activation.restart(account.id());
        return new AccountController.Message("Un nouveau lien d'activation, valable 30 jours, va être envoyé à "
                + account.loginEmail() + ".");
    }

    record Restart(String loginEmail) {
    }
}
