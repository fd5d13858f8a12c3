package cloudlab.cli;

import cloudlab.store.Database;
import cloudlab.workshop.Instructors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cloud-lab instructor add}: accounts a script can make, passwords never in clear. */
class InstructorCommandTest {
    @TempDir
    Path dir;

    @Test
    void addsAnInstructorWhoCanSignInWithThePasswordFromAFile() throws IOException {
        Path db = dir.resolve("lab.db");
        Path pw = Files.writeString(dir.resolve("pw.txt"), "a-long-password-1\n");
        Cli.Result r = Cli.run("instructor", "add", "ada", "--password-file", pw.toString(), "--db", db.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Instructor ada added"), r.out());
        assertFalse(r.out().contains("a-long-password-1") || r.err().contains("a-long-password-1"), "the password is never printed");
        try (Database database = Database.openSqlite(db)) {
            Instructors instructors = new Instructors(database);
            assertTrue(instructors.signIn("ada", "a-long-password-1".toCharArray()).isPresent());
            assertTrue(instructors.signIn("ada", "a-long-password-2".toCharArray()).isEmpty());
            String stored = database.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT password_hash FROM instructors")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertTrue(stored.startsWith("pbkdf2-sha512$"), stored);
            assertFalse(stored.contains("a-long-password-1"));
        }
    }

    @Test
    void theFirstInstructorAndOneAddedWithAdminAreAdminsAndOthersAreNot() throws IOException {
        Path db = dir.resolve("admins.db");
        Path pw = Files.writeString(dir.resolve("pw.txt"), "a-long-password-1\n");
        assertTrue(Cli.run("instructor", "add", "ada", "--password-file", pw.toString(), "--db", db.toString()).out().contains("as an admin"));
        Cli.Result bob = Cli.run("instructor", "add", "bob", "--password-file", pw.toString(), "--db", db.toString());
        assertEquals(0, bob.code(), bob.err());
        assertFalse(bob.out().contains("admin"), bob.out());
        assertTrue(Cli.run("instructor", "add", "--admin", "cy", "--password-file", pw.toString(), "--db", db.toString()).out().contains("as an admin"));
        try (Database database = Database.openSqlite(db)) {
            Instructors instructors = new Instructors(database);
            assertTrue(instructors.admin("ada") && instructors.admin("cy"));
            assertFalse(instructors.admin("bob"));
        }
    }

    @Test
    void refusesATakenNameAShortPasswordAndAMissingFile() throws IOException {
        Path db = dir.resolve("lab.db");
        Path pw = Files.writeString(dir.resolve("pw.txt"), "a-long-password-1\n");
        assertEquals(0, Cli.run("instructor", "add", "ada", "--password-file", pw.toString(), "--db", db.toString()).code());
        assertTrue(Cli.run("instructor", "add", "ada", "--password-file", pw.toString(), "--db", db.toString()).badInput()
                .contains("already an instructor named ada"));
        Path shortPw = Files.writeString(dir.resolve("short.txt"), "short\n");
        assertTrue(Cli.run("instructor", "add", "bob", "--password-file", shortPw.toString(), "--db", db.toString()).badInput()
                .contains("at least 10 characters"));
        assertTrue(Cli.run("instructor", "add", "bad name", "--password-file", pw.toString(), "--db", db.toString()).badInput()
                .contains("the name must be 1 to 64 letters"));
        assertTrue(Cli.run("instructor", "add", "carl", "--password-file", dir.resolve("none.txt").toString(), "--db", db.toString())
                .badInput().contains("no such file"));
    }
}
