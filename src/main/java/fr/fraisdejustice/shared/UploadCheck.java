package fr.fraisdejustice.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.tika.Tika;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files are judged by their content (Apache Tika's magic-byte detection), never by their name or declared
 * type, and by their size.
 */
public final class UploadCheck {

    /** The types a document may have, with the name users know them by. */
    public static final Map<String, String> PDF_PNG_JPEG = Map.of(
            "application/pdf", "PDF", "image/png", "PNG", "image/jpeg", "JPEG");

    /** What a mémoire's attachments may be (DOMAIN.md). */
    public static final Map<String, String> PDF_PNG_JPEG_TIFF = Map.of(
            "application/pdf", "PDF", "image/png", "PNG", "image/jpeg", "JPEG", "image/tiff", "TIFF");

    private static final Tika TIKA = new Tika();

    private UploadCheck() {
    }

    /** Answers the detected media type, or refuses the file with a French reason on the given field. */
    public static String check(MultipartFile file, String field, Map<String, String> allowed, long maxBytes,
                               int maxNameLength) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalidField(field, "REQUIRED", "Joignez le document (" + names(allowed) + ").");
        }
        if (file.getSize() > maxBytes) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "FILE_TOO_LARGE",
                    "Le document dépasse " + (maxBytes / 1024) + " Ko : réduisez-le (numérisation en 150 ppp, en noir et blanc) puis renvoyez-le.",
                    List.of(new FieldProblem(field, "FILE_TOO_LARGE", "Le document dépasse " + (maxBytes / 1024) + " Ko.")));
        }
        try {
            return check(file.getOriginalFilename(), file.getBytes(), field, allowed, maxBytes, maxNameLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same checks on a document already in memory (e.g. decoded from a dépôt flux). */
    public static String check(String fileName, byte[] content, String field, Map<String, String> allowed, long maxBytes,
                               int maxNameLength) {
        if (content == null || content.length == 0) {
            throw DomainException.invalidField(field, "REQUIRED", "Joignez le document (" + names(allowed) + ").");
        }
        if (content.length > maxBytes) {
            throw new DomainException(DomainException.Kind.TOO_LARGE, "FILE_TOO_LARGE",
                    "Le document dépasse " + (maxBytes / 1024) + " Ko : réduisez-le (numérisation en 150 ppp, en noir et blanc) puis renvoyez-le.",
                    List.of(new FieldProblem(field, "FILE_TOO_LARGE", "Le document dépasse " + (maxBytes / 1024) + " Ko.")));
        }
        String name = fileName == null ? "" : fileName;
        if (name.length() > maxNameLength) {
            throw DomainException.invalidField(field, "NAME_TOO_LONG",
                    "Le nom du fichier compte au plus " + maxNameLength + " caractères : renommez-le.");
        }
        if (name.contains("/") || name.contains("\\") || VisibleText.firstHidden(name).isPresent()) {
            throw DomainException.invalidField(field, "INVALID_NAME", "Le nom du fichier ne peut contenir ni « / », ni "
                    + "« \\ », ni caractère invisible : renommez-le (par exemple facture-2026.pdf).");
        }
        String detected = TIKA.detect(content);
        if (!allowed.containsKey(detected)) {
            throw DomainException.invalidField(field, "UNSUPPORTED_TYPE",
                    "Ce fichier n'est pas un " + names(allowed) + " (quel que soit son nom) : enregistrez le document dans l'un de ces formats.");
        }
        return detected;
    }

    private static String names(Map<String, String> allowed) {
        return String.join(", ", allowed.values().stream().sorted().toList());
    }
}
