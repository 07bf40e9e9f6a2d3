package fr.fraisdejustice.memoire;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.security.ProviderPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The provider's actions on a sent mémoire; each answers the mémoire as it now stands, with its history. */
@RestController
@Tag(name = "Mémoires")
class FollowUpController {

    private final ProviderActions actions;
    private final MemoireDrafts drafts;

    FollowUpController(ProviderActions actions, MemoireDrafts drafts) {
        this.actions = actions;
        this.drafts = drafts;
    }

    @PostMapping("/api/memoires/{number}/complement")
    @Operation(summary = "Compléter un mémoire suspendu (les pièces s'ajoutent d'abord par …/attachments)")
    MemoireView complete(@PathVariable String number, @RequestBody(required = false) Complement request,
                         @AuthenticationPrincipal ProviderPrincipal me) {
        actions.complete(number, request == null ? null : request.information(), me.accountId());
        return drafts.read(number, me.accountId());
    }

    @PostMapping("/api/memoires/{number}/appeal")
    @Operation(summary = "Former un recours contre l'ordonnance de taxe, dans les 10 jours (R.228-1)")
    MemoireView appeal(@PathVariable String number, @RequestBody(required = false) Appeal request,
                       @AuthenticationPrincipal ProviderPrincipal me) {
        actions.appeal(number, request == null ? null : request.reason(), me.accountId());
        return drafts.read(number, me.accountId());
    }

    @PostMapping("/api/memoires/{number}/abandon")
    @Operation(summary = "Abandonner un mémoire refusé")
    MemoireView abandon(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        actions.abandon(number, me.accountId());
        return drafts.read(number, me.accountId());
    }

    @PostMapping("/api/memoires/{number}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Dupliquer un mémoire refusé : un nouveau brouillon, même en-tête, mêmes lignes et pièces")
    MemoireView duplicate(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        return actions.duplicate(number, me.accountId());
    }

    record Complement(String information) {
    }

    record Appeal(String reason) {
    }
}
