package fr.fraisdejustice.memoire;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.stereotype.Component;

import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.PublicUrl;
import fr.fraisdejustice.shared.SimplePdf;

/** The certificat de dépôt as a PDF: number, date, structure, juridiction, amounts, fingerprint. */
@Component
class CertificateDocument {

    private final PublicUrl publicUrl;

    CertificateDocument(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    record Facts(String mjNumber, String depositedAt, String structure, String jurisdiction, MemoireView.Amounts amounts,
                 String fingerprint, boolean late) {
    }

    byte[] render(Facts facts) {
        SimplePdf pdf = new SimplePdf()
                .title("Certificat de dépôt d'un mémoire de frais de justice")
                .field("Numéro", facts.mjNumber())
                .field("Déposé le", facts.depositedAt())
                .field("Prestataire", facts.structure())
                .field("Juridiction destinataire", facts.jurisdiction())
                .field("Montant HT", euros(facts.amounts().exclVat()))
                .field("Frais divers", euros(facts.amounts().sundryCosts()))
                .field("TVA", euros(facts.amounts().vat()))
                .field("Débours", euros(facts.amounts().disbursements()))
                .field("Montant TTC", euros(facts.amounts().inclVat()));
        if (facts.late()) {
            pdf.field("Attention", "déposé plus d'un an après la fin de la mission (CPP art. 800)");
        }
        return pdf.blank()
                .emphasis("Empreinte (SHA-256 du mémoire et de ses pièces jointes) :")
                .code(facts.fingerprint())
                .blank()
                .paragraph("Toute personne peut vérifier ce certificat : sur la page « Vérifier un certificat de dépôt » ("
                        + publicUrl.base() + "/portail/verifier-un-certificat), saisissez le numéro et l'empreinte "
                        + "ci-dessus ; la page dit si le mémoire déposé est intact.", 10)
                .render();
    }

    static String date(Instant instant) {
        return FrenchDates.dateTime(instant);
    }

    private static String euros(BigDecimal amount) {
        return FrenchDates.euros(amount);
    }
}
