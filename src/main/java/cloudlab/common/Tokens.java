package cloudlab.common;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The lab's one home for secrets made up on the spot and for fingerprints of text: random
 * tokens (session cookies, share links, CSRF sessions), SHA-256 in hex (stored token hashes,
 * content addresses) and HMAC-SHA-256 (values the server signs and checks later).
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /**
     * {@code bytes} random bytes from {@link SecureRandom} as URL-safe base64 without padding
     * ({@code A-Z a-z 0-9 - _}), so the token goes into a cookie, an address or markup as it is.
     */
    public static String random(int bytes) {
        if (bytes < 1 || bytes > 1024) throw new IllegalArgumentException("a token has 1 to 1024 random bytes, not " + bytes);
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return URL_SAFE.encodeToString(b);
    }

    /**
     * {@code length} characters drawn uniformly from the alphabet by {@link SecureRandom}: ids and
     * codes a person reads or types (an alphabet without look-alikes such as 0/O and 1/l).
     */
    public static String randomText(String alphabet, int length) {
        if (alphabet == null || alphabet.isEmpty()) throw new IllegalArgumentException("random text needs an alphabet");
        if (length < 1 || length > 1024) throw new IllegalArgumentException("random text has 1 to 1024 characters, not " + length);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** {@code bytes} random bytes, for a key. */
    public static byte[] randomBytes(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** The SHA-256 of the bytes, as 64 lower-case hex digits. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** The SHA-256 of the text's UTF-8 bytes. */
    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** HMAC-SHA-256 of the text's UTF-8 bytes under the key, as URL-safe base64 without padding. */
    public static String hmac(byte[] key, String text) {
        if (key == null || key.length == 0) throw new IllegalArgumentException("an HMAC needs a key of at least one byte");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return URL_SAFE.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether two texts are equal, in a time that does not tell how much of them matched. */
    public static boolean sameText(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
