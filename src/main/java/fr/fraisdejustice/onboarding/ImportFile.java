package fr.fraisdejustice.onboarding;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** What the two migration files share: a {@code ;}-separated UTF-8 CSV with a header, read as it comes (streamed). */
final class ImportFile {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private ImportFile() {
    }

    static CSVParser parse(Reader input) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).get();
        return CSVParser.parse(withoutByteOrderMark(input), format);
    }

    /** Spreadsheets save UTF-8 CSV with a byte order mark, which would otherwise stick to the first column's name. */
    private static Reader withoutByteOrderMark(Reader input) throws IOException {
        PushbackReader reader = new PushbackReader(input, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    static Set<String> missingColumns(List<String> header, List<String> expected) {
        Set<String> missing = new LinkedHashSet<>(expected);
        header.forEach(missing::remove);
        return missing;
    }

    /** « Mis en paiement », « mis_en_paiement », « MIS EN PAIEMENT » → MIS_EN_PAIEMENT: accents, case and spaces aside. */
    static String code(String value) {
        String plain = Normalizer.normalize(value.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    /** JJ/MM/AAAA (French exports) or AAAA-MM-JJ; null when empty. */
    static LocalDate date(String value, String column) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refused("Date invalide dans la colonne " + column + " : « " + value
                    + " » (attendu JJ/MM/AAAA, par exemple 30/11/2024).");
        }
    }

    /** Euros with a decimal comma or point, spaces as thousands separators (« 1 234,56 »); null when empty. */
    static BigDecimal amount(String value, String column) {
        if (value.isEmpty()) {
            return null;
        }
        String plain = value.replace(" ", "").replace("\u00A0", "").replace("\u202F", "").replace("€", "").replace(',', '.');
        try {
            BigDecimal amount = new BigDecimal(plain);
            if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
                throw new NumberFormatException();
            }
            return amount.setScale(2);
        } catch (NumberFormatException e) {
            throw new Refused("Montant invalide dans la colonne " + column + " : « " + value
                    + " » (un montant positif en euros, au centime près, par exemple 1 234,56).");
        }
    }

    /** A row refused with its French reason. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
