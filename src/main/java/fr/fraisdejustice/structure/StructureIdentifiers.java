package fr.fraisdejustice.structure;

import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * The identifier rules of DOMAIN.md. A SIRET is 14 digits with a Luhn checksum, except La Poste's establishments
 * (SIREN 356000000) whose digits add up to a multiple of 5. A PARTICULIER identifier is the start of the NIR: sex,
 * birth year, birth month, INSEE code of the birth commune (no checksum exists). Other types are free identifiers.
 */
public final class StructureIdentifiers {

    private static final String LA_POSTE_SIREN = "356000000";
    private static final String LA_POSTE_HEAD_OFFICE = "35600000000048";
    private static final Pattern SIRET = Pattern.compile("\\d{14}");
    private static final Pattern PARTICULIER = Pattern.compile("[12]\\d{2}(0[1-9]|1[0-2])(\\d{5}|2[AB]\\d{3})");
    private static final Pattern FREE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}");

    public static final String NOT_CONFORMING = "L'identifiant n'est pas au bon format. Vérifier le type d'identifiant "
            + "sélectionné et l'identifiant.";

    private StructureIdentifiers() {
    }

    /** Removes the spaces users type inside identifiers ("732 829 320 00074"). */
    public static String normalize(IdentifierType type, String identifier) {
        if (identifier == null) {
            return null;
        }
        String trimmed = identifier.trim();
        return type == IdentifierType.SIRET || type == IdentifierType.PARTICULIER
                ? trimmed.replace(" ", "").toUpperCase()
                : trimmed;
    }

    /** Why the identifier is refused, in French, or nothing when it conforms. */
    public static Optional<String> problem(IdentifierType type, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.of("Saisissez l'identifiant de la structure.");
        }
        return switch (type) {
            case SIRET -> isValidSiret(identifier) ? Optional.empty()
                    : Optional.of("Ce SIRET n'est pas valide : il compte 14 chiffres et sa clé de contrôle doit être juste. "
                            + "Vérifiez-le sur votre avis de situation SIRENE.");
            case PARTICULIER -> PARTICULIER.matcher(identifier).matches() ? Optional.empty()
                    : Optional.of("L'identifiant d'un particulier compte 10 caractères : 1 (homme) ou 2 (femme), les deux "
                            + "derniers chiffres de l'année de naissance, le mois de naissance (01 à 12), puis le code INSEE "
                            + "de la commune de naissance (5 caractères, 2A ou 2B pour la Corse, 99 suivi du pays à l'étranger).");
            default -> FREE.matcher(identifier).matches() ? Optional.empty()
                    : Optional.of("L'identifiant compte au plus 40 lettres, chiffres, espaces, points, barres ou tirets.");
        };
    }

    public static boolean conforms(IdentifierType type, String identifier) {
        return problem(type, identifier).isEmpty();
    }

    static boolean isValidSiret(String siret) {
        if (siret == null || !SIRET.matcher(siret).matches()) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN) && !siret.equals(LA_POSTE_HEAD_OFFICE)) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(siret);
    }
}
