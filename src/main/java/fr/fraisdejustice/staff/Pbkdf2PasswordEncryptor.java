package fr.fraisdejustice.staff;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

/**
 * The engine's password encryptor for staff: PBKDF2-HMAC-SHA256 through Spring Security's {@link Pbkdf2PasswordEncoder}
 * (its own random 16-byte salt, a 256-bit hash), on the password already salted by the engine (password + the row's
 * {@code SALT_}). The engine stores {@code {PBKDF2-SHA256}<iterations>$<base64(salt, hash)>}: the iteration count is
 * kept with each hash, so raising the setting never breaks the hashes written before, which are re-hashed at their next
 * login ({@link #isCurrent}).
 */
final class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

    static final String ALGORITHM = "PBKDF2-SHA256";
    static final String PREFIX = "{" + ALGORITHM + "}";
    private static final char SEPARATOR = '$';

    private final int iterations;
    private final Pbkdf2PasswordEncoder encoder;

    Pbkdf2PasswordEncryptor(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("fdj.staff-passwords.pbkdf2-iterations must be positive: " + iterations);
        }
        this.iterations = iterations;
        this.encoder = encoder(iterations);
    }

    @Override
    public String hashAlgorithmName() {
        return ALGORITHM;
    }

    @Override
    public String encrypt(String saltedPassword) {
        return iterations + String.valueOf(SEPARATOR) + encoder.encode(saltedPassword);
    }

    /** {@code encrypted} comes without its {@code {PBKDF2-SHA256}} prefix, as the engine's PasswordManager hands it. */
    @Override
    public boolean check(String saltedPassword, String encrypted) {
        int stored = iterationsOf(encrypted);
        if (stored < 1) {
            return false;
        }
        String hash = encrypted.substring(encrypted.indexOf(SEPARATOR) + 1);
        try {
            return (stored == iterations ? encoder : encoder(stored)).matches(saltedPassword, hash);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Whether a stored password (with its prefix, as in {@code ACT_ID_USER.PWD_}) is PBKDF2 with today's iterations. */
    boolean isCurrent(String storedPassword) {
        return storedPassword != null && storedPassword.startsWith(PREFIX)
                && iterationsOf(storedPassword.substring(PREFIX.length())) >= iterations;
    }

    int iterations() {
        return iterations;
    }

    private static int iterationsOf(String encrypted) {
        int separator = encrypted == null ? -1 : encrypted.indexOf(SEPARATOR);
        if (separator < 1) {
            return -1;
        }
        try {
            return Integer.parseInt(encrypted.substring(0, separator));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Pbkdf2PasswordEncoder encoder(int iterations) {
        Pbkdf2PasswordEncoder encoder = new Pbkdf2PasswordEncoder("", 16, iterations,
                SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
        encoder.setEncodeHashAsBase64(true);
        return encoder;
    }
}
