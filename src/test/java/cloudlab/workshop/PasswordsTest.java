package cloudlab.workshop;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hashes never hold the password, and the decoy for unknown names costs what a real check costs. */
class PasswordsTest {
    @Test
    void aHashMatchesItsPasswordOnly() {
        String h = Passwords.hash("correct-horse".toCharArray());
        assertFalse(h.contains("correct-horse"));
        assertTrue(Passwords.matches("correct-horse".toCharArray(), h));
        assertFalse(Passwords.matches("correct-horsf".toCharArray(), h));
    }

    @Test
    void theDecoyIsAWellFormedHashWithTheIterationsOfEveryRealOne() {
        String[] decoy = Passwords.DECOY.split("\\$");
        String[] real = Passwords.hash("x".toCharArray()).split("\\$");
        assertEquals(4, decoy.length);
        assertEquals(real[0], decoy[0], "the same algorithm");
        assertEquals(real[1], decoy[1], "the same iterations, so checking it takes as long");
        assertEquals(16, Base64.getDecoder().decode(decoy[2]).length, "a salt");
        assertEquals(Base64.getDecoder().decode(real[3]).length, Base64.getDecoder().decode(decoy[3]).length, "a hash");
    }
}
