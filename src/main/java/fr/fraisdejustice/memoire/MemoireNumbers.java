package fr.fraisdejustice.memoire;


import fr.fraisdejustice.shared.DomainException;

/** How a mémoire number typed by a user is read, and what is answered when no mémoire of his has it. */
public final class MemoireNumbers {

    private MemoireNumbers() {
    }

    public static String normalize(String number) {
        return number == null ? "" : number.trim().toUpperCase();
    }

    /** The same answer whether the number does not exist or belongs to another structure. */
    static DomainException notFound() {
        return new DomainException(DomainException.Kind.NOT_FOUND, "MEMOIRE_NOT_FOUND", "Aucun mémoire de vos structures ne porte ce numéro.");
    }
}
