package cloudlab.workshop;

import cloudlab.progress.Progress;
import cloudlab.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workshop store on a real SQLite file: codes, joining, pacing, closing and who owns what. */
class WorkshopsTest {
    static final List<String> LESSONS = List.of("one", "two", "three");
    @TempDir
    static Path folder;
    static Database db;
    static Workshops workshops;
    static Progress progress;

    @BeforeAll
    static void open() throws Instructors.Refused {
        db = cloudlab.store.TestDatabases.open(folder, "workshops");
        workshops = new Workshops(db);
        progress = new Progress(db);
        Instructors instructors = new Instructors(db);
        instructors.add("ada", "correct-horse-battery".toCharArray());
        instructors.add("bob", "another-long-password".toCharArray());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static String newLearner() {
        return progress.newLearner().learner().id();
    }

    @Test
    void createGivesASixCharacterCodeFromTheUnambiguousAlphabetWithTheFirstLessonOpen() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            Workshop w = workshops.create("ada", "Codes " + i, LESSONS, null);
            assertTrue(w.code().matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}"), w.code());
            assertTrue(codes.add(w.code()), "codes are unique: " + w.code());
            assertTrue(w.open());
            assertEquals(1, w.openCount(), "only the first lesson is open at the start");
            assertTrue(w.lessonOpen("one"));
            assertFalse(w.lessonOpen("two"));
            assertEquals(w, workshops.ofInstructor("ada", w.id()).orElseThrow(), "what create returns is what is stored");
        }
    }

    @Test
    void byCodeIgnoresCaseSpacesAndDashes() {
        Workshop w = workshops.create("ada", "Typing codes", LESSONS, null);
        String c = w.code();
        String dashed = c.substring(0, 3).toLowerCase() + "-" + c.substring(3);
        String spaced = "  " + c.substring(0, 2) + " " + c.substring(2, 4).toLowerCase() + "\t" + c.substring(4) + " ";
        for (String typed : List.of(c, c.toLowerCase(), dashed, spaced)) {
            assertEquals(w.id(), workshops.byCode(typed).map(Workshop::id).orElse(null), "typed as '" + typed + "'");
        }
        assertEquals(Optional.empty(), workshops.byCode(null));
        assertEquals(Optional.empty(), workshops.byCode(""));
        assertEquals(Optional.empty(), workshops.byCode(c.substring(1)), "five characters");
        assertEquals(Optional.empty(), workshops.byCode(c + "A"), "seven characters");
        assertNull(Workshops.normalize("ABCDE0"), "0 is not in the alphabet");
        assertNull(Workshops.normalize("ABCDEI"), "I is not in the alphabet");
    }

    @Test
    void joinThenRejoinKeepsTheMembershipTheSandboxAndTheName() {
        Workshop w = workshops.create("ada", "Rejoin", LESSONS, null);
        String learner = newLearner();
        Member first = workshops.join(w, learner, "Ana");
        assertNull(first.sandboxId(), "the sandbox is given after joining");
        workshops.setSandbox(w.id(), learner, "sb-1");

        Member again = workshops.join(w, learner, "Ana B.");
        assertEquals("sb-1", again.sandboxId());
        assertEquals("Ana", again.displayName(), "a rejoin keeps the name the room knows");
        assertEquals(first.joinedAt(), again.joinedAt());

        List<Member> members = workshops.members(w.id());
        assertEquals(1, members.size(), "still one membership");
        assertEquals("Ana", members.get(0).displayName());
        assertEquals("sb-1", members.get(0).sandboxId());
        assertEquals("sb-1", workshops.member(w.id(), learner).orElseThrow().sandboxId());
    }

    @Test
    void paceOpensLessonsInOrderAndCloseStopsTheWorkshop() {
        Workshop w = workshops.create("ada", "Pacing", LESSONS, null);
        workshops.pace(w.id(), 2);
        Workshop two = workshops.ofInstructor("ada", w.id()).orElseThrow();
        assertEquals(2, two.openCount());
        assertTrue(two.lessonOpen("two"));
        assertFalse(two.lessonOpen("three"));
        assertTrue(two.lessonOpen("not-in-the-workshop"), "lessons outside the workshop are open");

        workshops.pace(w.id(), -1);
        Workshop all = workshops.ofInstructor("ada", w.id()).orElseThrow();
        assertEquals(3, all.openCount());
        assertTrue(all.lessonOpen("three"));

        workshops.close(w.id());
        Workshop closed = workshops.ofInstructor("ada", w.id()).orElseThrow();
        assertFalse(closed.open());
        assertNotNull(closed.closedAt());
        workshops.close(w.id());
        assertEquals(closed.closedAt(), workshops.ofInstructor("ada", w.id()).orElseThrow().closedAt(), "closing twice keeps the first time");
    }

    @Test
    void currentIsTheOpenWorkshopTheLearnerJoinedOnly() {
        String learner = newLearner();
        assertTrue(workshops.current(learner).isEmpty(), "not in any workshop yet");
        Workshop morning = workshops.create("ada", "Morning", LESSONS, null);
        workshops.join(morning, learner, "Ana");
        assertEquals(morning.id(), workshops.current(learner).orElseThrow().workshop().id());
        assertEquals("Ana", workshops.current(learner).orElseThrow().member().displayName());

        workshops.close(morning.id());
        assertTrue(workshops.current(learner).isEmpty(), "a closed workshop is not current");

        Workshop afternoon = workshops.create("bob", "Afternoon", LESSONS, null);
        workshops.join(afternoon, learner, "Ana in the afternoon");
        Workshops.Membership now = workshops.current(learner).orElseThrow();
        assertEquals(afternoon.id(), now.workshop().id());
        assertEquals("Ana in the afternoon", now.member().displayName());
        assertTrue(workshops.current(newLearner()).isEmpty(), "another learner is in nothing");
    }

    @Test
    void anotherInstructorsWorkshopIsNotFound() {
        Workshop w = workshops.create("ada", "Ada's own", LESSONS, null);
        assertTrue(workshops.ofInstructor("ada", w.id()).isPresent());
        assertTrue(workshops.ofInstructor("bob", w.id()).isEmpty());
        assertTrue(workshops.ofInstructor("bob").stream().noneMatch(x -> x.id().equals(w.id())));
        assertTrue(workshops.ofInstructor("ada").stream().anyMatch(x -> x.id().equals(w.id())));
    }

    @Test
    void setStartLayoutReplacesTheLayoutNewSandboxesStartFrom() {
        Workshop w = workshops.create("ada", "Layouts", LESSONS, "{\"apps\":[]}");
        assertEquals("{\"apps\":[]}", w.startLayout());
        workshops.setStartLayout(w.id(), "{\"name\":\"pushed\"}");
        assertEquals("{\"name\":\"pushed\"}", workshops.ofInstructor("ada", w.id()).orElseThrow().startLayout());
    }
}
