package fr.fraisdejustice.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and amounts as the French read them, in the time of Paris. */
public final class FrenchDates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(PARIS);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    private static final DateTimeFormatter SHORT_DATE_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE).withZone(PARIS);

    private FrenchDates() {
    }

    /** « mardi 22 décembre 2026 à 19h48 (heure de Paris) » */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant) + " (heure de Paris)";
    }

    /** « 22/12/2026 19:48 », in the time of Paris: the staff's histories */
    public static String shortDateTime(Instant instant) {
        return SHORT_DATE_TIME.format(instant);
    }

    /** « 30/11/2026 », the day in Paris of that instant */
    public static String date(Instant instant) {
        return DATE.format(instant.atZone(PARIS));
    }

    /** « 30/11/2026 » */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** « 1 234,50 € » */
    public static String euros(BigDecimal amount) {
        return String.format(Locale.FRANCE, "%,.2f €", amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
