package fr.fraisdejustice.shared;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a stored document (an attachment checked by content on upload, see {@link UploadCheck}) is handed back: a PDF,
 * PNG or JPEG opens in the browser ({@code inline}); any other type, TIFF among them since browsers do not show it, is
 * downloaded ({@code attachment}). The name travels as RFC 6266 {@code filename*=UTF-8''…}, and {@code nosniff} keeps
 * the browser to the declared type.
 */
public final class StoredFiles {

    /** The types every browser shows by itself. */
    static final Set<String> VIEWABLE = Set.of("application/pdf", "image/png", "image/jpeg");

    private StoredFiles() {
    }

    public static ResponseEntity<byte[]> response(String fileName, String mediaType, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName, VIEWABLE.contains(mediaType)))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(mediaType))
                .body(content);
    }

    /**
     * « inline; filename*=UTF-8''r%C3%A9quisition.pdf » (RFC 6266 with RFC 8187's encoding). Spring's ContentDisposition
     * adds a {@code filename="=?UTF-8?Q?…?="} in RFC 2047's encoding, which no browser decodes in this header.
     */
    static String disposition(String fileName, boolean inline) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return (inline ? "inline" : "attachment") + "; filename*=UTF-8''" + encoded;
    }
}
