package fr.fraisdejustice.shared;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that a French spreadsheet opens as it is: UTF-8 with a byte order mark, « ; » between fields, CRLF lines, and
 * amounts with a decimal comma. Quoting and escaping are Apache Commons CSV's.
 */
public final class FrenchCsv {

    private FrenchCsv() {
    }

    /** Writes the BOM and the header line; the caller prints the records and flushes. */
    public static CSVPrinter open(Writer out, String... headers) throws IOException {
        out.write('\uFEFF');
        return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n")
                .setHeader(headers).get());
    }

    /** « 1234,50 »: no thousands separator, so the spreadsheet reads a number. */
    public static String amount(BigDecimal amount) {
        return amount.setScale(2).toPlainString().replace('.', ',');
    }
}
