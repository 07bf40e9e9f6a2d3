package fr.fraisdejustice.onboarding;

import fr.fraisdejustice.structure.IdentifierType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/accounts. {@code termsAccepted}: the terms of use (/portail/conditions-generales) are accepted. */
public record AccountCreationRequest(
        @NotBlank(message = "Saisissez l'adresse électronique qui vous servira d'identifiant.")
        @Email(regexp = ".+@.+\\..+", message = "Cette adresse électronique n'est pas valide (exemple : nom@domaine.fr).")
        @Size(max = 254, message = "L'adresse électronique compte au plus 254 caractères.")
        String loginEmail,

        @Email(regexp = ".+@.+\\..+", message = "Cette adresse électronique n'est pas valide (exemple : nom@domaine.fr).")
        @Size(max = 254, message = "L'adresse électronique compte au plus 254 caractères.")
        String contactEmail,

        @NotBlank(message = "Saisissez votre nom.")
        @Size(max = 100, message = "Le nom compte au plus 100 caractères.")
        String lastName,

        @NotBlank(message = "Saisissez votre prénom.")
        @Size(max = 100, message = "Le prénom compte au plus 100 caractères.")
        String firstName,

        @NotNull(message = "Indiquez la structure : son SIRET, ou un autre identifiant si elle n'en a pas.")
        @Valid
        StructureRequest structure,

        @AssertTrue(message = "Pour créer votre compte, acceptez les conditions générales d'utilisation (cochez la case).")
        boolean termsAccepted) {

    public record StructureRequest(
            @NotNull(message = "Choisissez le type d'identifiant de la structure.")
            IdentifierType identifierType,

            String identifier,

            @Size(max = 200, message = "La raison sociale compte au plus 200 caractères.")
            String name,

            @Size(max = 500, message = "L'adresse compte au plus 500 caractères.")
            String address) {
    }
}
