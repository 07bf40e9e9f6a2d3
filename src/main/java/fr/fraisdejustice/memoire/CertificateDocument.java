package fr.fraisdejustice.memoire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.notification.FrenchDates;

/** The certificat de dépôt as a PDF (Apache PDFBox): number, date, structure, juridiction, amounts, fingerprint. */
@Component
class CertificateDocument {

    record Facts(String mjNumber, String depositedAt, String structure, String jurisdiction, MemoireView.Amounts amounts,
                 String fingerprint, boolean late) {
    }

    byte[] render(Facts facts) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.newLineAtOffset(60, 770);
                text.setLeading(18);
                text.setFont(bold, 16);
                text.showText("Certificat de dépôt d'un mémoire de frais de justice");
                text.newLine();
                text.newLine();
                line(text, bold, regular, "Numéro : ", facts.mjNumber());
                line(text, bold, regular, "Déposé le : ", facts.depositedAt());
                line(text, bold, regular, "Prestataire : ", facts.structure());
                line(text, bold, regular, "Juridiction destinataire : ", facts.jurisdiction());
                line(text, bold, regular, "Montant HT : ", euros(facts.amounts().exclVat()));
                line(text, bold, regular, "Frais divers : ", euros(facts.amounts().sundryCosts()));
                line(text, bold, regular, "TVA : ", euros(facts.amounts().vat()));
                line(text, bold, regular, "Débours : ", euros(facts.amounts().disbursements()));
                line(text, bold, regular, "Montant TTC : ", euros(facts.amounts().inclVat()));
                if (facts.late()) {
                    line(text, bold, regular, "Attention : ", "déposé plus d'un an après la fin de la mission (CPP art. 800)");
                }
                text.newLine();
                text.setFont(bold, 11);
                text.showText("Empreinte (SHA-256 du mémoire et de ses pièces jointes) :");
                text.newLine();
                text.setFont(mono, 9);
                text.showText(facts.fingerprint());
                text.newLine();
                text.newLine();
                text.setFont(regular, 10);
                text.showText("Toute personne peut vérifier ce certificat avec son numéro et son empreinte :");
                text.newLine();
                text.showText("POST /api/certificates/verification {\"number\", \"fingerprint\"}.");
                text.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Certificat " + facts.mjNumber() + " impossible à mettre en PDF", e);
        }
    }

    private static String euros(BigDecimal amount) {
        return amount.toPlainString().replace('.', ',') + " EUR";
    }

    private static void line(PDPageContentStream text, PDType1Font bold, PDType1Font regular, String label, String value)
            throws IOException {
        text.setFont(bold, 11);
        text.showText(label);
        text.setFont(regular, 11);
        text.showText(value);
        text.newLine();
    }

    static String date(Instant instant) {
        return FrenchDates.dateTime(instant);
    }
}
