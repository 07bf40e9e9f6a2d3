package fr.fraisdejustice.memoire;

import java.util.regex.Pattern;

import fr.fraisdejustice.shared.DomainException;

/** How a mémoire number typed by a user is read, and what is answered when no mémoire of his has it. */
public final class MemoireNumbers {

    private MemoireNumbers() {
    }

    /** A definitive number: {@code MJ} + 10 digits, the value drawn from the sequence memoire_definitive_number. */
    private static final Pattern DEFINITIVE = Pattern.compile("MJ\\d{10}");

    public static boolean isDefinitive(String number) {
        return number != null && DEFINITIVE.matcher(number).matches();
    }

    /** The sequence value a definitive number was drawn as (MJ0000002117 → 2117). */
    static long sequenceValue(String definitiveNumber) {
        return Long.parseLong(definitiveNumber.substring(2));
    }

    /**
     * Moves the MJ sequence above {@code highest} when it is not already there (imported mémoires keep their former
     * numbers, and a number is never given twice). {@code setval} is not undone by a rollback: at worst numbers are skipped.
     */
    static final String RAISE_SEQUENCE = "select setval('memoire_definitive_number', :highest) from memoire_definitive_number "
            + "where :highest > (case when is_called then last_value else last_value - 1 end)";

    public static String normalize(String number) {
        return number == null ? "" : number.trim().toUpperCase();
    }

    /** The same answer whether the number does not exist or belongs to another structure. */
    static DomainException notFound() {
        return new DomainException(DomainException.Kind.NOT_FOUND, "MEMOIRE_NOT_FOUND", "Aucun mémoire de vos structures ne porte ce numéro.");
    }
}
