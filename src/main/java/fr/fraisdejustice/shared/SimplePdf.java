package fr.fraisdejustice.shared;

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
 * Documents of our own (mandates, certificates, fiscal lists) written with Apache PDFBox: a title, labelled values,
 * paragraphs, lines of text, on as many A4 pages as they need. The standard fonts cover Latin-1 (French included), not
 * other scripts.
 */
public final class SimplePdf {

    private record Run(PDType1Font font, float size, String text) {
    }

    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private static final float TOP = 770;
    private static final float LEADING = 17;
    private static final int LINES_PER_PAGE = 42;

    private final List<List<Run>> lines = new ArrayList<>();

    public SimplePdf title(String title) {
        lines.add(List.of(new Run(BOLD, 16, title)));
        return blank();
    }

    public SimplePdf field(String label, String value) {
        lines.add(List.of(new Run(BOLD, 11, label + " : "), new Run(REGULAR, 11, value == null ? "" : value)));
        return this;
    }

    public SimplePdf paragraph(String paragraph, int size) {
        for (String line : wrap(paragraph, size <= 10 ? 95 : 85)) {
            lines.add(List.of(new Run(REGULAR, size, line)));
        }
        return this;
    }

    public SimplePdf emphasis(String line) {
        lines.add(List.of(new Run(BOLD, 11, line)));
        return this;
    }

    public SimplePdf code(String line) {
        lines.add(List.of(new Run(MONO, 9, line)));
        return this;
    }

    public SimplePdf blank() {
        lines.add(List.of());
        return this;
    }

    public byte[] render() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int first = 0; first == 0 || first < lines.size(); first += LINES_PER_PAGE) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                    text.beginText();
                    text.newLineAtOffset(60, TOP);
                    text.setLeading(LEADING);
                    for (List<Run> line : lines.subList(first, Math.min(lines.size(), first + LINES_PER_PAGE))) {
                        for (Run run : line) {
                            text.setFont(run.font(), run.size());
                            text.showText(run.text());
                        }
                        text.newLine();
                    }
                    text.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Document PDF impossible à produire", e);
        }
    }

    static List<String> wrap(String paragraph, int width) {
        List<String> wrapped = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            if (current.length() + word.length() + 1 > width) {
                wrapped.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : " ").append(word);
        }
        wrapped.add(current.toString());
        return wrapped;
    }
}
