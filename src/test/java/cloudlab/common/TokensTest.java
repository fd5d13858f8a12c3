package cloudlab.common;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {
    @Test
    void aRandomTokenIsUrlSafeOfTheRightLengthAndNeverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String t = Tokens.random(24);
            assertTrue(t.matches("[A-Za-z0-9_-]{32}"), t);
            assertTrue(seen.add(t), "repeated " + t);
        }
        assertThrows(IllegalArgumentException.class, () -> Tokens.random(0));
    }

    @Test
    void sha256HexIsTheKnownDigest() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Tokens.sha256Hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.sha256Hex("abc"));
    }

    @Test
    void anHmacDependsOnKeyAndTextAndMatchesTheRfcExample() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        String mac = Tokens.hmac("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?");
        assertEquals("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM", mac);
        assertNotEquals(mac, Tokens.hmac("Jeff".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?"));
        assertTrue(Tokens.sameText(mac, Tokens.hmac("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?")));
        assertFalse(Tokens.sameText(mac, null));
    }

    @Test
    void randomTextUsesOnlyItsAlphabetAndDiffersEachTime() {
        String a = Tokens.randomText("AB23", 64);
        assertEquals(64, a.length());
        assertTrue(a.chars().allMatch(c -> "AB23".indexOf(c) >= 0), a);
        assertNotEquals(a, Tokens.randomText("AB23", 64), "two draws of 64 from 4 letters are not the same");
        assertThrows(IllegalArgumentException.class, () -> Tokens.randomText("", 4));
        assertThrows(IllegalArgumentException.class, () -> Tokens.randomText("AB", 0));
    }
}
