package cloudlab.workshop;

import cloudlab.sim.Command;
import cloudlab.sim.Layout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an instructor does to the room: create, pace, push, reset, chaos, close; each through the sandbox feature. */
class SteeringTest {
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
    void createRefusesABadTitleNoLessonsUnknownLessonsAndABadLayoutNamingTheField() {
        String one = lab.quizLesson().slug();
        assertEquals("title: give the workshop a title (1 to 120 characters)", steering.create("ada", "  ", List.of(one), null).refusal());
        assertTrue(steering.create("ada", "x".repeat(121), List.of(one), null).refusal().startsWith("title:"));
        assertEquals("lesson: choose at least one lesson", steering.create("ada", "T", List.of(), null).refusal());
        assertEquals("lesson: choose lessons from the course", steering.create("ada", "T", List.of(one, "no-such"), null).refusal());
        assertTrue(steering.create("ada", "T", List.of(one), "regions: 7").refusal().startsWith("layout: "));
        int before = lab.workshops.ofInstructor("ada").size();
        Steering.Created made = steering.create("ada", "  Tuesday  ", List.of(lab.challengeLesson().slug(), one), Room1.TWO_ZONES);
        assertNull(made.refusal());
        assertEquals("Tuesday", made.workshop().title());
        assertEquals(List.of(one, lab.challengeLesson().slug()), made.workshop().lessons(), "course order, not form order");
        assertEquals(List.of("us-east-1", "use1-az1", "use1-az2"), steering.chaosTargets(made.workshop()));
        assertEquals(before + 1, lab.workshops.ofInstructor("ada").size());
    }

    /** Was: one learner with 200 sandboxes made push answer 400 for the whole room, and nobody got the layout. */
    @Test
    void pushAndResetSkipALearnerAtACapAndSayWhoWhileEveryoneElseGetsTheLayout() {
        Workshop w = lab.workshop(null);
        String ana = lab.joined(w, "Ana");
        String ben = lab.joined(w, "Ben");
        while (lab.sandboxes.of(ben).size() < cloudlab.sandbox.Caps.MAX_SANDBOXES) lab.sandboxes.createBlank(ben, "hoard");
        String full = "sandboxes: a learner keeps at most 200 sandboxes; delete one first";

        assertEquals("Pushed the layout to 1 sandbox. Skipped, at a cap: Ben (" + full + ").", steering.push(w, Room1.TWO_ZONES).notice());
        assertTrue(lab.sandboxState(w, ana).node("use1-az1") != null, "Ana got the pushed layout");
        assertTrue(lab.sandboxState(w, ben).node("use1-az1") == null, "Ben kept the sandbox he had");
        assertEquals("Skipped Ben, at a cap: " + full, steering.reset(lab.fresh(w), ben).orElseThrow().refusal());
        assertEquals(cloudlab.sandbox.Caps.MAX_SANDBOXES, lab.sandboxes.of(ben).size());
    }

    @Test
    void paceOpensTheNextLessonClosesItAgainAndOpensAllAndRefusesAnythingElse() {
        Workshop w = lab.workshop(null);
        assertEquals("2 of 2 lessons are open.", steering.pace(w, "next").notice());
        assertEquals(2, lab.fresh(w).openCount());
        assertEquals("1 of 2 lessons are open.", steering.pace(lab.fresh(w), "previous").notice());
        assertFalse(lab.fresh(w).lessonOpen(lab.challengeLesson().slug()));
        assertEquals("Every lesson is open.", steering.pace(lab.fresh(w), "all").notice());
        assertEquals(-1, lab.fresh(w).unlocked());
        assertEquals("unlock: choose next, previous or all", steering.pace(lab.fresh(w), "sideways").refusal());
        assertEquals(-1, lab.fresh(w).unlocked(), "a refused step changes nothing");
    }

    @Test
    void pushGivesEveryLearnerAFreshSandboxFromTheLayoutKeepsTheOldOnesAndMakesItTheStart() {
        Workshop w = lab.workshop(null);
        String ana = lab.joined(w, "Ana");
        String ben = lab.joined(w, "Ben");
        String anaOld = lab.member(w, ana).sandboxId();
        assertTrue(lab.sandboxState(w, ana).regions().isEmpty(), "joined with a blank sandbox");

        assertEquals("Pushed the layout to 2 sandboxes.", steering.push(w, Room1.TWO_ZONES).notice());
        for (String learner : List.of(ana, ben)) {
            Layout now = lab.sandboxState(w, learner);
            assertTrue(now.node("use1-az1") != null && now.node("shop-2") != null, "the pushed layout is in the sandbox of " + learner);
        }
        assertNotEquals(anaOld, lab.member(w, ana).sandboxId());
        assertTrue(lab.sandboxes.get(ana, anaOld).history().state().regions().isEmpty(), "her old sandbox is still hers, unchanged");
        assertEquals("shop in two zones — Class", lab.sandboxes.get(ana, lab.member(w, ana).sandboxId()).title());
        assertEquals(List.of("us-east-1", "use1-az1", "use1-az2"), steering.chaosTargets(lab.fresh(w)), "the start layout is the pushed one");
        String latecomer = lab.joined(lab.fresh(w), "Cy");
        assertTrue(lab.sandboxState(w, latecomer).node("use1-az2") != null, "who joins after a push starts from it");
    }

    @Test
    void pushRefusesAnEmptyOrBadLayoutAndChangesNoSandbox() {
        Workshop w = lab.workshop(null);
        String ana = lab.joined(w, "Ana");
        String before = lab.member(w, ana).sandboxId();
        assertEquals("layout: paste a layout document (YAML or JSON)", steering.push(w, "  ").refusal());
        assertEquals("layout: paste a layout document (YAML or JSON)", steering.push(w, null).refusal());
        assertTrue(steering.push(w, "regions: [{code: us-east-1, zones: 3}]").refusal().startsWith("layout: "));
        assertEquals(before, lab.member(w, ana).sandboxId());
        assertNull(lab.fresh(w).startLayout());
    }

    @Test
    void resetGivesOneLearnerAFreshSandboxFromTheStartLayoutAndLeavesTheOthers() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        String ben = lab.joined(w, "Ben");
        for (String learner : List.of(ana, ben)) {
            assertTrue(lab.sandboxes.submit(learner, lab.member(w, learner).sandboxId(), new Command.Fail("use1-az1")).accepted());
        }
        String benBefore = lab.member(w, ben).sandboxId();
        assertEquals(Optional.of("Gave Ana a fresh sandbox from the start layout."), steering.reset(w, ana).map(Steering.Outcome::notice));
        Layout anas = lab.sandboxState(w, ana);
        assertTrue(anas.failed().isEmpty() && anas.node("shop-1") != null, "Ana starts again from the start layout");
        assertEquals(0, lab.sandboxes.get(ana, lab.member(w, ana).sandboxId()).history().position());
        assertEquals(benBefore, lab.member(w, ben).sandboxId());
        assertTrue(lab.sandboxState(w, ben).failed().contains("use1-az1"), "Ben's sandbox is untouched");
        assertTrue(steering.reset(w, "nobody").isEmpty());
    }

    @Test
    void chaosFailsAndRestoresAZoneInEverySandboxThatHasItAndCountsThoseWithout() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        String ben = lab.joined(w, "Ben");
        String cy = lab.joined(w, "Cy");
        lab.workshops.setSandbox(w.id(), cy, lab.sandboxes.create(cy, "blank", cloudlab.sandbox.Sandbox.Origin.WORKSHOP, w.id(), Layout.empty()).id());

        assertEquals("Failed use1-az1 in 2 sandboxes; 1 no longer have it.", steering.chaos(w, "use1-az1", "fail").notice());
        for (String learner : List.of(ana, ben)) assertEquals(java.util.Set.of("use1-az1"), lab.sandboxState(w, learner).failed());
        assertEquals("1/1 apps up · use1-az1 failed", lab.row(lab.rooms.room(w), ana).apps(), "the other zone keeps the shop up");

        assertEquals("Restored use1-az1 in 2 sandboxes; 1 no longer have it.", steering.chaos(w, "use1-az1", "restore").notice());
        for (String learner : List.of(ana, ben)) assertTrue(lab.sandboxState(w, learner).failed().isEmpty());

        assertEquals("Failed us-east-1 in 2 sandboxes; 1 no longer have it.", steering.chaos(w, "us-east-1", "fail").notice());
        assertEquals("0/1 apps up · us-east-1 failed", lab.row(lab.rooms.room(w), ben).apps());
    }

    @Test
    void chaosRefusesWhatIsNotAZoneOrRegionOfTheStartLayoutAndAnyOtherActionChangingNothing() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        for (String id : java.util.Arrays.asList("h1", "shop-1", "eu-west-1", "", null)) {
            assertEquals("id: choose a zone or region of the workshop's start layout", steering.chaos(w, id, "fail").refusal(), "id " + id);
        }
        assertEquals("action: fail or restore", steering.chaos(w, "use1-az1", "explode").refusal());
        assertEquals("action: fail or restore", steering.chaos(w, "use1-az1", null).refusal());
        assertEquals(0, lab.sandboxes.get(ana, lab.member(w, ana).sandboxId()).history().position(), "no step was taken");
    }

    @Test
    void closeStopsNewJoinsKeepsTheMembersAndUnlocksTheirLessons() {
        Workshop w = lab.workshop(null);
        String ana = lab.joined(w, "Ana");
        steering.close(w);
        Workshop closed = lab.fresh(w);
        assertFalse(closed.open());
        assertEquals(Optional.of("code: that workshop has ended; its results are kept, but it takes no new joins"),
                Joining.refusal(Optional.of(closed), "Ben"));
        assertEquals(1, lab.workshops.members(w.id()).size());
        assertTrue(lab.workshops.current(ana).isEmpty(), "a closed workshop locks nothing for Ana");
    }
}
