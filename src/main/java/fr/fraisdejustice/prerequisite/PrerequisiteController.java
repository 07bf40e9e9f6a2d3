package fr.fraisdejustice.prerequisite;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.security.ProviderPrincipal;
import fr.fraisdejustice.structure.Structures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Structures et prérequis")
class PrerequisiteController {

    private final Prerequisites prerequisites;
    private final Structures structures;

    PrerequisiteController(Prerequisites prerequisites, Structures structures) {
        this.prerequisites = prerequisites;
        this.structures = structures;
    }

    @GetMapping("/api/structures/{structureId}/prerequisites")
    @Operation(summary = "Les prérequis de la structure avant son premier mémoire, remplis ou non (membres)")
    List<Prerequisites.Prerequisite> of(@PathVariable UUID structureId, @AuthenticationPrincipal ProviderPrincipal me) {
        return prerequisites.of(structures.requireMember(structureId, me.accountId()));
    }
}
