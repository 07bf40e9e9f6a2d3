package fr.fraisdejustice.mandate;

import org.springframework.stereotype.Component;

import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.SimplePdf;
import fr.fraisdejustice.structure.Structure;

/** The mandate as a PDF: the parties, the regulatory text of the mandate, its state and signature. */
@Component
class MandateDocument {

    static final String REGULATORY_TEXT = "Le prestataire désigné ci-dessus donne mandat à l'État (ministère de la Justice) "
            + "d'émettre en son nom et pour son compte les factures relatives aux prestations qu'il réalise sur "
            + "réquisition de l'autorité judiciaire, sous la forme de mémoires de frais de justice, conformément à "
            + "l'article 289, I-2 du code général des impôts et à l'article 242 nonies de son annexe II. Le prestataire "
            + "s'engage à vérifier chaque mémoire émis en son nom, à signaler sans délai toute erreur, et reste "
            + "redevable de la TVA collectée. Il peut révoquer ce mandat à tout moment depuis son espace ; la "
            + "révocation vaut pour les mémoires émis après elle.";

    byte[] render(BillingMandate mandate, Structure structure) {
        return new SimplePdf()
                .title("Mandat de facturation")
                .field("Libellé", mandate.label())
                .field("Prestataire", structure.name())
                .field("Identifiant", structure.identifierType().label() + " " + structure.identifier())
                .field("Signataire", mandate.signatoryName() + ", gestionnaire principal")
                .field("Mandataire", "l'État, ministère de la Justice")
                .field("Généré le", FrenchDates.dateTime(mandate.createdAt()))
                .blank()
                .paragraph(REGULATORY_TEXT, 10)
                .blank()
                .emphasis(switch (mandate.status()) {
                    case ACTIVE -> "Signé le " + FrenchDates.dateTime(mandate.signedAt()) + " par " + mandate.signatoryName();
                    case PENDING_SIGNATURE -> "En attente de signature";
                    case REVOQUE -> "Révoqué le " + FrenchDates.dateTime(mandate.revokedAt());
                    case EXPIRED -> "Expiré sans avoir été signé";
                })
                .render();
    }
}
