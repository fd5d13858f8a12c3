package cloudlab.sim;

import cloudlab.sim.document.LayoutWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instructor steps in a learner's history: kept through the learner's undo and redo, restored only as far as the instructor failed. */
class HistoryActorTest {
    static final History.Actor I = History.Actor.INSTRUCTOR;

    /** Three zones in one region, all the learner's own steps. */
    static History zones() {
        History h = new History(RegionCatalog.builtIn());
        assertTrue(h.submit(new Command.AddRegion("us-east-1", null)).accepted());
        for (String z : List.of("z1", "z2", "z3")) assertTrue(h.submit(new Command.AddZone("us-east-1", z)).accepted());
        return h;
    }

    @Test
    void theLearnersUndoTakesBackTheirOwnStepAndKeepsTheInstructorsFailure() {
        History h = zones();
        assertTrue(h.submit(new Command.Fail("z2")).accepted());
        assertTrue(h.submit(I, new Command.Fail("z1")).accepted());
        assertTrue(h.undo());
        assertEquals(Set.of("z1"), h.state().failed());
        assertTrue(h.undo());
        assertEquals(Set.of("z1"), h.state().failed());
        assertTrue(h.state().node("z3") == null, "the learner's AddZone z3 is undone");
        assertFalse(h.entries().get(5).undone(), "the instructor's step is never undone");
    }

    @Test
    void anInstructorStepKeepsTheLearnersRedo() {
        History h = zones();
        assertTrue(h.undo());
        assertTrue(h.canRedo());
        assertTrue(h.submit(I, new Command.Fail("z1")).accepted());
        assertTrue(h.canRedo());
        assertTrue(h.redo());
        assertTrue(h.state().node("z3") != null);
        assertEquals(Set.of("z1"), h.state().failed());
    }

    @Test
    void aLearnersNewStepDropsOnlyTheirUndoneSteps() {
        History h = zones();
        assertTrue(h.undo());
        assertTrue(h.submit(I, new Command.Fail("z1")).accepted());
        assertTrue(h.submit(new Command.Fail("z2")).accepted());
        assertFalse(h.canRedo());
        assertEquals(List.of(new Command.AddRegion("us-east-1", null), new Command.AddZone("us-east-1", "z1"),
                new Command.AddZone("us-east-1", "z2"), new Command.Fail("z1"), new Command.Fail("z2")),
                h.entries().stream().map(History.Entry::command).toList());
        assertEquals(Set.of("z1", "z2"), h.state().failed());
    }

    @Test
    void theInstructorRestoresOnlyWhatTheInstructorFailed() {
        History h = zones();
        assertTrue(h.submit(new Command.Fail("z2")).accepted());
        assertTrue(h.submit(I, new Command.Fail("z1")).accepted());
        assertEquals(Set.of("z1"), h.instructorFailed());
        Decision refused = h.submit(I, new Command.Restore("z2"));
        assertFalse(refused.accepted());
        assertTrue(refused.refusal().contains("failed by the learner"), refused.refusal());
        assertTrue(h.submit(I, new Command.Restore("z1")).accepted());
        assertEquals(Set.of("z2"), h.state().failed());
    }

    @Test
    void aZoneTheLearnerRestoredAndFailedAgainIsTheLearnersFailure() {
        History h = zones();
        assertTrue(h.submit(I, new Command.Fail("z1")).accepted());
        assertTrue(h.submit(new Command.Restore("z1")).accepted());
        assertTrue(h.submit(new Command.Fail("z1")).accepted());
        assertEquals(Set.of(), h.instructorFailed());
        assertFalse(h.submit(I, new Command.Restore("z1")).accepted());
    }

    @Test
    void aMoveThatWouldBreakAnInstructorStepIsRefusedAndChangesNothing() {
        History h = zones();
        assertTrue(h.submit(I, new Command.Fail("z3")).accepted());
        String before = LayoutWriter.toJson(h.state());
        assertFalse(h.undo(), "undoing AddZone z3 would leave the instructor's failure of z3 without its zone");
        assertEquals(before, LayoutWriter.toJson(h.state()));
        assertEquals(4, h.position());
    }

    @Test
    void moveToSetsTheLearnersStepsAndLeavesTheInstructorsApplied() {
        History h = zones();
        assertTrue(h.submit(I, new Command.Fail("z1")).accepted());
        assertTrue(h.moveTo(2));
        assertEquals(2, h.position());
        assertEquals(Set.of("z1"), h.state().failed());
        assertTrue(h.state().node("z2") == null);
        assertEquals(3, h.applied());
    }

    @Test
    void aStoredLogReadsBackWithTheLearnersPosition() {
        History h = zones();
        assertTrue(h.undo());
        assertTrue(h.submit(I, new Command.Fail("z1")).accepted());
        History again = History.from(h.start(), h.entries(), h.position());
        assertEquals(LayoutWriter.toJson(h.state()), LayoutWriter.toJson(again.state()));
        assertTrue(again.canRedo());
        assertTrue(again.redo());
        assertTrue(again.state().node("z3") != null);
    }

    // ---- any mix of learner steps, undos, redos and instructor failures ----

    @Property(tries = 300)
    void theStateIsTheReplayOfTheStepsNotUndone(@ForAll("actions") List<String> actions) {
        History h = zones();
        for (String a : actions) {
            String id = a.substring(a.indexOf(' ') + 1);
            switch (a.substring(0, a.indexOf(' '))) {
                case "undo" -> h.undo();
                case "redo" -> h.redo();
                case "fail" -> h.submit(new Command.Fail(id));
                case "restore" -> h.submit(new Command.Restore(id));
                case "add" -> h.submit(new Command.AddZone("us-east-1", id));
                case "remove" -> h.submit(new Command.RemoveZone(id));
                case "ifail" -> h.submit(I, new Command.Fail(id));
                default -> h.submit(I, new Command.Restore(id));
            }
            List<Event> kept = new ArrayList<>();
            boolean undoneSeen = false;
            for (History.Entry e : h.entries()) {
                if (e.applied()) kept.addAll(e.events());
                if (e.instructor()) assertFalse(e.undone());
                else if (e.undone()) undoneSeen = true;
                else assertFalse(undoneSeen, "the learner's undone steps are always their latest");
            }
            Layout replayed = h.start();
            kept.forEach(replayed::apply);
            assertEquals(LayoutWriter.toJson(replayed), LayoutWriter.toJson(h.state()));
            for (String f : h.instructorFailed()) assertTrue(h.state().failed().contains(f));
        }
    }

    @Provide
    Arbitrary<List<String>> actions() {
        Arbitrary<String> id = Arbitraries.of("z1", "z2", "z3", "z4");
        Arbitrary<String> kind = Arbitraries.of("undo", "redo", "fail", "restore", "add", "remove", "ifail", "irestore");
        return net.jqwik.api.Combinators.combine(kind, id).as((k, i) -> k + " " + i).list().ofMaxSize(30);
    }
}
