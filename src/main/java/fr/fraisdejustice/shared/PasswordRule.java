package fr.fraisdejustice.shared;

import java.util.Optional;

/**
 * At least 12 characters and at least 3 of the 4 classes: upper case, lower case, digits, special characters (anything
 * else: punctuation, accented letters…).
 */
public final class PasswordRule {

    public static final int MIN_LENGTH = 12;
    public static final String RULE = "Le mot de passe doit compter au moins 12 caractères et mêler au moins trois de ces "
            + "quatre sortes : majuscules, minuscules, chiffres, caractères spéciaux (ponctuation, lettres accentuées…).";

    private PasswordRule() {
    }

    public static Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH || classes(password) < 3) {
            return Optional.of(RULE);
        }
        return Optional.empty();
    }

    public static int classes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean special = false;
        for (int c : password.codePoints().toArray()) {
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                special = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (special ? 1 : 0);
    }
}
