package fr.fraisdejustice.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Documents of our own (mandates, certificates, fiscal lists, mémoires) written with Apache PDFBox: a title, headings,
 * labelled values, paragraphs, tables, on as many A4 pages as they need. Every text is set in Liberation Sans, embedded
 * (subset) in the document, so that any name of the Latin, Greek or Cyrillic scripts renders (Łódź, Ørsted, Nguyễn);
 * a character the font lacks is replaced by « ? » rather than failing the document.
 */
public final class SimplePdf {

    /**
     * Liberation Sans (SIL Open Font License 1.1, see licenses/LiberationSans-OFL.txt) as Apache PDFBox ships it in
     * its own jar, whose version the pom pins: no font file of ours to keep up to date.
     */
    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private static final float LEFT = 50;
    private static final float WIDTH = 495;
    private static final float TOP = 790;
    private static final float BOTTOM = 50;
    private static final float MONO_PITCH = 600;  // Courier's advance, in thousandths of the font size

    private enum Style { REGULAR, BOLD }

    private record Run(float x, Style style, float size, String text) {
    }

    private record Row(float height, List<Run> runs) {
    }

    /** A part of the document, laid out once the font is loaded. */
    private interface Block {
        List<Row> layOut(Fonts fonts);
    }

    private final List<Block> blocks = new ArrayList<>();

    public SimplePdf title(String title) {
        blocks.add(fonts -> fonts.wrapped(Style.BOLD, 16, title, 0, WIDTH, 22));
        return blank();
    }

    public SimplePdf heading(String heading) {
        blocks.add(fonts -> {
            List<Row> rows = new ArrayList<>(List.of(new Row(8, List.of())));
            rows.addAll(fonts.wrapped(Style.BOLD, 12, heading, 0, WIDTH, 17));
            return rows;
        });
        return this;
    }

    public SimplePdf field(String label, String value) {
        blocks.add(fonts -> {
            String shownLabel = label + " : ";
            float labelWidth = Math.min(fonts.width(Style.BOLD, 11, shownLabel), WIDTH / 2);
            List<Row> rows = new ArrayList<>(fonts.wrapped(Style.REGULAR, 11, value == null ? "" : value, labelWidth,
                    WIDTH - labelWidth, 16));
            Row first = rows.get(0);
            List<Run> runs = new ArrayList<>(first.runs());
            runs.add(0, new Run(0, Style.BOLD, 11, shownLabel));
            rows.set(0, new Row(first.height(), runs));
            return rows;
        });
        return this;
    }

    public SimplePdf paragraph(String paragraph, int size) {
        blocks.add(fonts -> fonts.wrapped(Style.REGULAR, size, paragraph, 0, WIDTH, size + 5));
        return this;
    }

    public SimplePdf emphasis(String line) {
        blocks.add(fonts -> fonts.wrapped(Style.BOLD, 11, line, 0, WIDTH, 16));
        return this;
    }

    /**
     * A line laid out as in a fixed-pitch font, for columns aligned with spaces: each word starts where it would in
     * Courier, and is drawn as it is, so that its text is read back whole.
     */
    public SimplePdf code(String line) {
        blocks.add(fonts -> {
            List<Run> runs = new ArrayList<>();
            String printable = fonts.printable(line);
            int column = 0;
            for (String word : printable.split(" ", -1)) {
                if (!word.isEmpty()) {
                    runs.add(new Run(column * MONO_PITCH / 1000 * 9, Style.REGULAR, 9, word));
                }
                column += word.codePointCount(0, word.length()) + 1;
            }
            return List.of(new Row(13, runs));
        });
        return this;
    }

    public SimplePdf blank() {
        blocks.add(fonts -> List.of(new Row(11, List.of())));
        return this;
    }

    /**
     * A table: a bold header row, then each row, its cells wrapped within their column; {@code widths} are the
     * columns' shares of the page's width.
     */
    public SimplePdf table(float[] widths, List<String> headers, List<List<String>> rows) {
        blocks.add(fonts -> {
            List<Row> laidOut = new ArrayList<>(fonts.tableRow(Style.BOLD, widths, headers));
            rows.forEach(row -> laidOut.addAll(fonts.tableRow(Style.REGULAR, widths, row)));
            return laidOut;
        });
        return this;
    }

    public byte[] render() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Fonts fonts = new Fonts(load(pdf));
            List<Row> rows = new ArrayList<>();
            blocks.forEach(block -> rows.addAll(block.layOut(fonts)));
            PDPageContentStream text = null;
            float y = BOTTOM;
            for (Row row : rows) {
                if (text == null || y - row.height() < BOTTOM) {
                    text = nextPage(pdf, text);
                    y = TOP;
                }
                y -= row.height();
                for (Run run : row.runs()) {
                    fonts.show(text, run, LEFT + run.x(), y);
                }
            }
            if (text == null) {
                text = nextPage(pdf, null);
            }
            text.close();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Document PDF impossible à produire", e);
        }
    }

    private static PDPageContentStream nextPage(PDDocument pdf, PDPageContentStream previous) throws IOException {
        if (previous != null) {
            previous.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        return new PDPageContentStream(pdf, page);
    }

    private static PDType0Font load(PDDocument pdf) throws IOException {
        try (InputStream font = SimplePdf.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IOException("Police " + FONT + " introuvable");
            }
            return PDType0Font.load(pdf, font);
        }
    }

    /** The document's font: widths, characters it can show, and how each style is drawn. */
    private static final class Fonts {

        private final PDType0Font font;
        private final Map<Integer, Boolean> shown = new HashMap<>();

        Fonts(PDType0Font font) {
            this.font = font;
        }

        /** The text without what the font cannot show: control characters become spaces, missing glyphs « ? ». */
        String printable(String text) {
            StringBuilder kept = new StringBuilder();
            (text == null ? "" : text).codePoints().forEach(c -> {
                if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                    kept.append(' ');
                } else if (shown.computeIfAbsent(c, this::hasGlyph)) {
                    kept.appendCodePoint(c);
                } else {
                    kept.append('?');
                }
            });
            return kept.toString();
        }

        private boolean hasGlyph(int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        float width(Style style, float size, String text) {
            try {
                return font.getStringWidth(printable(text)) / 1000 * size * (style == Style.BOLD ? 1.03f : 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Lines of {@code leading} height, the text wrapped at spaces (or within a word longer than the width). */
        List<Row> wrapped(Style style, float size, String text, float x, float width, float leading) {
            List<Row> rows = new ArrayList<>();
            for (String line : lines(style, size, printable(text), width)) {
                rows.add(new Row(leading, List.of(new Run(x, style, size, line))));
            }
            return rows;
        }

        List<String> lines(Style style, float size, String text, float width) {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.trim().split(" +")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(style, size, candidate) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                while (width(style, size, word) > width && word.length() > 1) {
                    int cut = word.length() - 1;
                    while (cut > 1 && width(style, size, word.substring(0, cut)) > width) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                current.append(word);
            }
            lines.add(current.toString());
            return lines;
        }

        List<Row> tableRow(Style style, float[] shares, List<String> cells) {
            float total = 0;
            for (float share : shares) {
                total += share;
            }
            float size = 8;
            float leading = 10.5f;
            List<List<String>> wrappedCells = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < shares.length; i++) {
                float columnWidth = shares[i] / total * WIDTH - 4;
                List<String> lines = lines(style, size, printable(i < cells.size() ? cells.get(i) : ""), columnWidth);
                wrappedCells.add(lines);
                height = Math.max(height, lines.size());
            }
            List<Row> rows = new ArrayList<>();
            for (int line = 0; line < height; line++) {
                List<Run> runs = new ArrayList<>();
                float x = 0;
                for (int i = 0; i < shares.length; i++) {
                    List<String> lines = wrappedCells.get(i);
                    if (line < lines.size() && !lines.get(line).isEmpty()) {
                        runs.add(new Run(x, style, size, lines.get(line)));
                    }
                    x += shares[i] / total * WIDTH;
                }
                rows.add(new Row(leading + (line == height - 1 ? 3 : 0), runs));
            }
            return rows;
        }

        void show(PDPageContentStream content, Run run, float x, float y) throws IOException {
            content.beginText();
            content.setFont(font, run.size());
            if (run.style() == Style.BOLD) {  // one regular font embedded: bold is drawn by stroking its outline too
                content.setRenderingMode(RenderingMode.FILL_STROKE);
                content.setLineWidth(run.size() / 30);
            } else {
                content.setRenderingMode(RenderingMode.FILL);
            }
            content.newLineAtOffset(x, y);
            content.showText(run.text());
            content.endText();
        }
    }
}
