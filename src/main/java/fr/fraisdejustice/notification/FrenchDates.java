package fr.fraisdejustice.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the French read them, in the time of Paris. */
public final class FrenchDates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(PARIS);

    private FrenchDates() {
    }

    /** « mardi 22 décembre 2026 à 19h48 (heure de Paris) » */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant) + " (heure de Paris)";
    }
}
