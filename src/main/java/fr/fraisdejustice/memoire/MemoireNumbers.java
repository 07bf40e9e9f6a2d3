package fr.fraisdejustice.memoire;

import org.springframework.http.HttpStatus;

import fr.fraisdejustice.web.ApiException;

/** How a mémoire number typed by a user is read, and what is answered when no mémoire of his has it. */
final class MemoireNumbers {

    private MemoireNumbers() {
    }

    static String normalize(String number) {
        return number == null ? "" : number.trim().toUpperCase();
    }

    /** The same answer whether the number does not exist or belongs to another structure. */
    static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "MEMOIRE_NOT_FOUND", "Aucun mémoire de vos structures ne porte ce numéro.");
    }
}
