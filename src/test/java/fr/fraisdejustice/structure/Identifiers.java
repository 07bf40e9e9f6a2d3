package fr.fraisdejustice.structure;

import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/** Fresh conforming identifiers, so that tests never meet each other's structures. */
public final class Identifiers {

    private Identifiers() {
    }

    /** A valid SIRET nobody else has (13 random digits and their Luhn key, outside La Poste's SIREN). */
    public static String siret() {
        String start = "7" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        try {
            return start + LuhnCheckDigit.LUHN_CHECK_DIGIT.calculate(start);
        } catch (CheckDigitException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A conforming natural person's identifier: sex, birth year and month, a commune's INSEE code. */
    public static String particulier() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return (random.nextBoolean() ? "1" : "2") + String.format("%02d", random.nextInt(100))
                + String.format("%02d", 1 + random.nextInt(12)) + String.format("%05d", random.nextInt(100_000));
    }
}
