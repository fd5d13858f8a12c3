package cloudlab.workshop;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Password hashing with the JDK's PBKDF2 (HMAC-SHA-512, 210,000 iterations, a 16-byte random
 * salt), stored as {@code pbkdf2-sha512$iterations$salt$hash}. Slow on purpose.
 */
public final class Passwords {
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final int ITERATIONS = 210_000;

    /**
     * A well-formed stored hash with the current iterations that no password is checked to match
     * (its caller ignores the outcome): checking a sign-in for an unknown name against it costs one
     * full derivation, as a wrong password does. Made without hashing, so start-up pays nothing.
     */
    static final String DECOY = "pbkdf2-sha512$" + ITERATIONS + "$ISh8W0zsDpjlFFYJhdgXGw==$"
            + "BfnTiUrG+6oKRUdbk1GEqPq4LW2xNtfKJ9edqBDTOb0=";

    private Passwords() {
    }

    public static String hash(char[] password) {
        byte[] salt = cloudlab.common.Tokens.randomBytes(16);
        return "pbkdf2-sha512$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Whether the password matches the stored hash; compares in constant time. */
    public static boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha512")) return false;
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK", e);
        }
    }
}
