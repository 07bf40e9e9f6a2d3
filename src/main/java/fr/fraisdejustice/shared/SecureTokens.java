package fr.fraisdejustice.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The tokens of mailed single-use links: 256 random bits, stored only as their SHA-256 (a token that long needs no slow
 * hash to resist guessing).
 */
public final class SecureTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The hexadecimal SHA-256 of some bytes (tokens, documents). */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value that may be a token: not empty, not absurdly long. */
    public static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= 100;
    }
}
