package fr.fraisdejustice.models;

import java.io.IOException;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import fr.fraisdejustice.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** For analysts: replay a candidate table over past decisions, try a live table, count each rule's hits. */
@RestController
@Tag(name = "Modèles (analystes)")
class DecisionInsightController {

    /** A DMN file is text: a few megabytes is already a very large table. */
    private static final long MAX_DMN_BYTES = 5L * 1024 * 1024;

    record TrialRequest(Map<String, Object> inputs) {
    }

    private final DecisionReplay replay;
    private final DecisionTrial trial;
    private final RuleHits ruleHits;

    DecisionInsightController(DecisionReplay replay, DecisionTrial trial, RuleHits ruleHits) {
        this.replay = replay;
        this.trial = trial;
        this.ruleHits = ruleHits;
    }

    @PostMapping("/api/models/decisions/{key}/replay")
    @Operation(summary = "Rejouer une table candidate (non déployée) sur les dernières décisions réelles et dire ce qui change")
    DecisionReplayReport replay(@PathVariable String key,
                                @RequestPart(name = "file", required = false) MultipartFile file,
                                @RequestParam(name = "limit", required = false) String limit) throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalidField("file", "REQUIRED", "Joignez la table candidate (fichier .dmn).");
        }
        if (file.getSize() > MAX_DMN_BYTES) {
            throw DomainException.invalidField("file", "FILE_TOO_LARGE", "La table candidate dépasse 5 Mo.");
        }
        return replay.replay(key, file.getBytes(), limit(limit, "limit", DecisionReplay.DEFAULT_LIMIT));
    }

    @PostMapping("/api/models/decisions/{key}/evaluation")
    @Operation(summary = "Essayer la version en service d'une décision avec des entrées (rien n'est enregistré)")
    DecisionTrial.Result evaluate(@PathVariable String key, @RequestBody(required = false) TrialRequest request) {
        return trial.evaluate(key, request == null ? null : request.inputs());
    }

    @GetMapping("/api/models/decisions/{key}/rule-hits")
    @Operation(summary = "Combien de fois chaque règle de la table en service a servi sur les dernières décisions")
    RuleHits.Hits ruleHits(@PathVariable String key, @RequestParam(name = "last", required = false) String last) {
        return ruleHits.last(key, limit(last, "last", DecisionReplay.DEFAULT_LIMIT));
    }

    private static int limit(String value, String field, int byDefault) {
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalidField(field, "NOT_A_NUMBER",
                    "Le nombre de décisions s'écrit en chiffres, de 1 à 100 000.");
        }
    }
}
