package fr.fraisdejustice.mandate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.notification.FrenchDates;
import fr.fraisdejustice.structure.Structure;

/** The mandate as a PDF (Apache PDFBox): the parties, the regulatory text of the mandate, its state and signature. */
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
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.newLineAtOffset(60, 770);
                text.setLeading(16);
                text.setFont(bold, 16);
                text.showText("Mandat de facturation");
                text.newLine();
                text.setFont(regular, 11);
                text.showText("« " + mandate.label() + " »");
                text.newLine();
                text.newLine();
                line(text, bold, regular, "Prestataire : ", structure.name());
                line(text, bold, regular, "Identifiant : ", structure.identifierType() + " " + structure.identifier());
                line(text, bold, regular, "Signataire : ", mandate.signatoryName() + ", gestionnaire principal");
                line(text, bold, regular, "Mandataire : ", "l'État, ministère de la Justice");
                line(text, bold, regular, "Généré le : ", FrenchDates.dateTime(mandate.createdAt()));
                text.newLine();
                text.setFont(regular, 10);
                for (String wrapped : wrap(REGULATORY_TEXT, 95)) {
                    text.showText(wrapped);
                    text.newLine();
                }
                text.newLine();
                text.setFont(bold, 11);
                text.showText(switch (mandate.status()) {
                    case ACTIVE -> "Signé le " + FrenchDates.dateTime(mandate.signedAt()) + " par " + mandate.signatoryName();
                    case PENDING_SIGNATURE -> "En attente de signature";
                    case REVOQUE -> "Révoqué le " + FrenchDates.dateTime(mandate.revokedAt());
                    case EXPIRED -> "Expiré sans avoir été signé";
                });
                text.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Mandat " + mandate.id() + " impossible à mettre en PDF", e);
        }
    }

    private static void line(PDPageContentStream text, PDType1Font bold, PDType1Font regular, String label, String value)
            throws IOException {
        text.setFont(bold, 11);
        text.showText(label);
        text.setFont(regular, 11);
        text.showText(value);
        text.newLine();
    }

    static List<String> wrap(String paragraph, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            if (current.length() + word.length() + 1 > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : " ").append(word);
        }
        lines.add(current.toString());
        return lines;
    }
}
