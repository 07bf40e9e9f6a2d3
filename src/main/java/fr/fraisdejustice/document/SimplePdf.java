package fr.fraisdejustice.document;

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

/**
 * One-page documents of our own (mandates, certificates) written with Apache PDFBox: a title, labelled values,
 * paragraphs. The standard fonts cover Latin-1 (French included), not other scripts.
 */
public final class SimplePdf {

    private interface Step {
        void write(PDPageContentStream text) throws IOException;
    }

    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private final List<Step> steps = new ArrayList<>();

    public SimplePdf title(String title) {
        steps.add(text -> {
            text.setFont(BOLD, 16);
            text.showText(title);
            text.newLine();
            text.newLine();
        });
        return this;
    }

    public SimplePdf field(String label, String value) {
        steps.add(text -> {
            text.setFont(BOLD, 11);
            text.showText(label + " : ");
            text.setFont(REGULAR, 11);
            text.showText(value == null ? "" : value);
            text.newLine();
        });
        return this;
    }

    public SimplePdf paragraph(String paragraph, int size) {
        steps.add(text -> {
            text.setFont(REGULAR, size);
            for (String line : wrap(paragraph, size <= 10 ? 95 : 85)) {
                text.showText(line);
                text.newLine();
            }
        });
        return this;
    }

    public SimplePdf emphasis(String line) {
        steps.add(text -> {
            text.setFont(BOLD, 11);
            text.showText(line);
            text.newLine();
        });
        return this;
    }

    public SimplePdf code(String line) {
        steps.add(text -> {
            text.setFont(MONO, 9);
            text.showText(line);
            text.newLine();
        });
        return this;
    }

    public SimplePdf blank() {
        steps.add(PDPageContentStream::newLine);
        return this;
    }

    public byte[] render() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.newLineAtOffset(60, 770);
                text.setLeading(17);
                for (Step step : steps) {
                    step.write(text);
                }
                text.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Document PDF impossible à produire", e);
        }
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
