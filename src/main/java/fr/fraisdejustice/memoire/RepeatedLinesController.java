package fr.fraisdejustice.memoire;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.security.ProviderPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Mémoires")
class RepeatedLinesController {

    private final RepeatedLines repeatedLines;

    RepeatedLinesController(RepeatedLines repeatedLines) {
        this.repeatedLines = repeatedLines;
    }

    @GetMapping("/api/memoires/{number}/repeated-lines")
    @Operation(summary = "Les lignes qui répètent une ligne déjà envoyée par la structure (même n° d'affaire, prestation, "
            + "dates et montants) : un risque de double facturation à vérifier avant l'envoi")
    List<RepeatedLines.Repeat> repeatedLines(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        return repeatedLines.of(number, me.accountId());
    }
}
