package fr.fraisdejustice.jurisdiction;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/jurisdictions")
@Tag(name = "Référentiel", description = "Données de référence publiques")
class JurisdictionController {

    /** Two digits, 2A/2B for Corsica, three digits overseas. */
    private static final Pattern DEPARTEMENT = Pattern.compile("\\d{2}|2[AB]|9[78]\\d");

    private final Jurisdictions jurisdictions;

    JurisdictionController(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @GetMapping
    @Operation(summary = "Cours d'appel et tribunaux judiciaires, filtrés par type et département (anonyme)")
    List<JurisdictionView> search(@RequestParam(required = false) String type,
                                  @RequestParam(required = false) String departement) {
        return jurisdictions.search(parseType(type), parseDepartement(departement)).stream()
                .map(JurisdictionView::of)
                .toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Une juridiction par son code (anonyme)")
    JurisdictionView get(@PathVariable String code) {
        return jurisdictions.find(code).map(JurisdictionView::of)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "JURISDICTION_NOT_FOUND",
                        "Aucune juridiction ne porte le code « " + code + " ». La liste des codes est donnée par GET /api/jurisdictions."));
    }

    private static JurisdictionType parseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return JurisdictionType.valueOf(type.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("type", "INVALID_VALUE",
                    "Le type de juridiction doit être TRIBUNAL_JUDICIAIRE ou COUR_APPEL.");
        }
    }

    private static String parseDepartement(String departement) {
        if (departement == null || departement.isBlank()) {
            return null;
        }
        String normalized = departement.trim().toUpperCase();
        if (!DEPARTEMENT.matcher(normalized).matches()) {
            throw DomainException.invalidField("departement", "INVALID_FORMAT",
                    "Le département s'écrit avec deux chiffres (75), 2A ou 2B pour la Corse, ou trois chiffres outre-mer (974, 988).");
        }
        return normalized;
    }

    record JurisdictionView(String code, JurisdictionType type, String name, String departement, String courAppel) {
        static JurisdictionView of(Jurisdiction j) {
            return new JurisdictionView(j.code(), j.type(), j.name(), j.departement(), j.courAppelCode());
        }
    }
}
