package cloudlab.workshop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Joining with a code and a name: what is refused, and what a first join and a rejoin give. */
class JoiningTest {
    static final String NAME_RULE = "name: type the name the room will see you by (1 to 40 characters)";
    @TempDir
    static Path folder;
    static Room1 lab;

    @BeforeAll
    static void open() {
        lab = new Room1(folder);
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    @Test
    void aNameMustBeOneToFortyCharactersWithoutControlCharactersAndTheCodeAnOpenWorkshops() {
        Optional<Workshop> open = Optional.of(lab.workshop(null));
        assertEquals(Optional.empty(), Joining.refusal(open, "Ana"));
        assertEquals(Optional.empty(), Joining.refusal(open, "x".repeat(40)));
        assertEquals(Optional.of(NAME_RULE), Joining.refusal(open, ""));
        assertEquals(Optional.of(NAME_RULE), Joining.refusal(open, null));
        assertEquals(Optional.of(NAME_RULE), Joining.refusal(open, "x".repeat(41)));
        assertEquals(Optional.of(NAME_RULE), Joining.refusal(open, "Ana\nBen"));
        assertEquals(Optional.of(NAME_RULE), Joining.refusal(Optional.empty(), ""), "the name is checked first");
        assertEquals(Optional.of("code: no workshop has that join code; check it on the screen (6 letters and digits)"),
                Joining.refusal(Optional.empty(), "Ana"));
    }

    @Test
    void aCodeIsFoundWhateverItsCaseSpacesAndDashes() {
        Workshop w = lab.workshop(null);
        String c = w.code();
        assertEquals(Optional.of(w.id()), lab.rooms.joining().workshop(" " + c.substring(0, 3).toLowerCase() + "-" + c.substring(3)).map(Workshop::id));
        assertTrue(lab.rooms.joining().workshop("ZZZZZ").isEmpty());
    }

    @Test
    void aFirstJoinGivesASandboxFromTheStartLayoutAndARejoinKeepsItAndTheName() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.progress.newLearner().learner().id();
        Member first = lab.rooms.joining().join(w, ana, "Ana");
        assertNotNull(first.sandboxId());
        assertEquals(first.sandboxId(), lab.member(w, ana).sandboxId());
        assertTrue(lab.sandboxState(w, ana).node("use1-az2") != null, "the start layout is in it");
        assertEquals("Workshop sandbox — Class", lab.sandboxes.get(ana, first.sandboxId()).title());

        Member again = lab.rooms.joining().join(w, ana, "Ana B.");
        assertEquals(first.sandboxId(), again.sandboxId());
        assertEquals("Ana", lab.member(w, ana).displayName(), "a rejoin keeps the name");
        assertEquals(1, lab.workshops.members(w.id()).size());
    }
}
