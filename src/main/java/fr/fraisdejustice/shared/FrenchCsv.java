package fr.fraisdejustice.shared;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that a French spreadsheet opens as it is: UTF-8 with a byte order mark, « ; » between fields, CRLF lines, and
 * amounts with a decimal comma. Quoting and escaping are Apache Commons CSV's. A text cell that a spreadsheet would read
 * as a formula (it begins with =, +, -, @, a tab or a carriage return: a structure's name typed by a provider…) is
 * neutralised with a leading single quote (OWASP « CSV injection »); amounts, written with {@link #amount}, stay
 * numbers, negative ones included.
 */
public final class FrenchCsv {

    private FrenchCsv() {
    }

    /** Writes the BOM and the header line; the caller prints the records and flushes. */
    public static Printer open(Writer out, String... headers) throws IOException {
        out.write('\uFEFF');
        return new Printer(new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
                .setHeader(headers).get()));
    }

    /** « 1234,50 »: no thousands separator, so the spreadsheet reads a number. */
    public static Amount amount(BigDecimal amount) {
        return new Amount(amount.setScale(2).toPlainString().replace('.', ','));
    }

    /** The text as a spreadsheet shows it, never as a formula. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** An amount cell, printed as is. */
    public record Amount(String formatted) {
        @Override
        public String toString() {
            return formatted;
        }
    }

    /** Prints records whose text cells are neutralised and whose {@link Amount} cells are left as numbers. */
    public static final class Printer implements Flushable, Closeable {

        private final CSVPrinter csv;

        private Printer(CSVPrinter csv) {
            this.csv = csv;
        }

        public void printRecord(Object... cells) throws IOException {
            Object[] safe = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                safe[i] = cells[i] instanceof Amount amount ? amount.formatted() : text(cells[i]);
            }
            csv.printRecord(safe);
        }

        @Override
        public void flush() throws IOException {
            csv.flush();
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }
}
