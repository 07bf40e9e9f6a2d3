package fr.fraisdejustice.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The CSRF token of a staff member's webapp session: Camunda's own (its webapps keep it in the session), created here
 * when the session has none yet. Our staff pages send it back in {@code X-XSRF-TOKEN}, as Camunda's webapps do.
 */
public final class StaffCsrfToken {

    /** Camunda's {@code CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME}: one token for its webapps and our staff pages. */
    static final String SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffCsrfToken() {
    }

    /** The session's token, created at the first call (the way Camunda's webapps make theirs: 16 random bytes, hex). */
    public static String of(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(SESSION_ATTRIBUTE);
            if (token instanceof String existing && !existing.isEmpty()) {
                return existing;
            }
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            String created = HexFormat.of().withUpperCase().formatHex(bytes);
            session.setAttribute(SESSION_ATTRIBUTE, created);
            return created;
        }
    }

    static boolean echoed(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(HEADER);
        Object expected = session.getAttribute(SESSION_ATTRIBUTE);
        return sent != null && expected instanceof String token && !token.isEmpty()
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
