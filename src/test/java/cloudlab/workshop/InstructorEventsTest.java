package cloudlab.workshop;

import cloudlab.sim.Command;
import cloudlab.sim.History;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chaos, reset and push are the instructor's: recorded as theirs, kept through the learner's undo, and announced to the learner's page. */
class InstructorEventsTest {
    @TempDir
    static Path folder;
    static Room1 lab;
    static Steering steering;

    @BeforeAll
    static void open() {
        lab = new Room1(folder);
        steering = lab.rooms.steering();
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    @Test
    void chaosIsTheInstructorsStepLabelledSoAndTheLearnersUndoAndRestoreLeaveTheirOwnFailure() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        String sandbox = lab.member(w, ana).sandboxId();
        assertTrue(lab.sandboxes.submit(ana, sandbox, new Command.Fail("use1-az2")).accepted());

        assertEquals("Failed use1-az1 in 1 sandbox.", steering.chaos(w, "use1-az1", "fail").notice());
        History h = lab.sandboxes.get(ana, sandbox).history();
        assertEquals(History.Actor.INSTRUCTOR, h.entries().get(h.entries().size() - 1).actor());
        assertEquals(List.of("Failed use1-az2", "Your instructor failed use1-az1"), lab.rooms.learnerSandbox(w, ana).orElseThrow().steps());
        Activity.Event told = lab.rooms.activity().reader(0).next().stream().filter(e -> sandbox.equals(e.sandboxId())).findFirst().orElseThrow();
        assertEquals(ana, told.learnerId());
        assertEquals("Your instructor failed use1-az1", told.notice());

        assertTrue(lab.sandboxes.undo(ana, sandbox));
        assertEquals(Set.of("use1-az1"), lab.sandboxState(w, ana).failed(), "the learner's undo took back their own failure only");
        assertTrue(lab.sandboxes.redo(ana, sandbox));

        assertEquals("Restored use1-az1 in 1 sandbox.", steering.chaos(w, "use1-az1", "restore").notice());
        assertEquals(Set.of("use1-az2"), lab.sandboxState(w, ana).failed(), "the zone the learner failed stays failed");
        assertEquals("Restored use1-az2 in 0 sandboxes.", steering.chaos(w, "use1-az2", "restore").notice(),
                "the instructor cannot restore what the learner failed");
    }

    @Test
    void resetTellsTheLearnersOpenPageOfTheirOldSandbox() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ben = lab.joined(w, "Ben");
        String old = lab.member(w, ben).sandboxId();
        assertTrue(steering.reset(w, ben).orElseThrow().notice().contains("fresh sandbox"));
        Activity.Event told = lab.rooms.activity().reader(0).next().stream().filter(e -> old.equals(e.sandboxId())).findFirst().orElseThrow();
        assertEquals(Steering.RESET, told.notice());
        assertTrue(!old.equals(lab.member(w, ben).sandboxId()), "the learner's workshop sandbox is the new one");
    }
}
