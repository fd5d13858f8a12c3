package cloudlab.workshop;

import cloudlab.sim.Command;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live workshop's rules: a closed workshop refuses every change, co-instructors, the board, and the announced changes. */
class LiveSteeringTest {
    @TempDir
    static Path folder;
    static Room1 lab;
    static Steering steering;

    @BeforeAll
    static void open() throws Exception {
        lab = new Room1(folder);
        steering = lab.rooms.steering();
        new Instructors(lab.db).add("bob", "correct-horse-battery".toCharArray());
        new Instructors(lab.db).add("cy", "correct-horse-battery".toCharArray());
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    @Test
    void aClosedWorkshopRefusesEveryChangeAndChangesNothingUntilReopened() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        String sandboxBefore = lab.member(w, ana).sandboxId();
        assertFalse(steering.close(w).refused());
        Workshop closed = lab.fresh(w);
        assertFalse(closed.open());
        List<Steering.Outcome> tries = List.of(steering.pace(closed, "all"), steering.push(closed, Room1.TWO_ZONES),
                steering.reset(closed, ana).orElseThrow(), steering.chaos(closed, "use1-az1", "fail"), steering.rename(closed, "New name"),
                steering.lessons(closed, List.of(lab.quizLesson().slug())), steering.board(closed, "Break", "5"),
                steering.addInstructor(closed, "bob", new Instructors(lab.db)));
        for (Steering.Outcome o : tries) assertEquals(Steering.CLOSED, o.refusal());
        Workshop after = lab.fresh(w);
        assertEquals(w.title(), after.title());
        assertEquals(w.unlocked(), after.unlocked());
        assertEquals(w.lessons(), after.lessons());
        assertEquals(sandboxBefore, lab.member(w, ana).sandboxId(), "no reset, no push");
        assertTrue(lab.sandboxState(w, ana).failed().isEmpty(), "no chaos");
        assertNull(steering.shown(after).announcement());
        assertTrue(lab.workshops.coInstructors(w.id()).isEmpty());
        assertEquals("workshop: this workshop is already closed", steering.close(after).refusal());

        assertFalse(steering.reopen(after).refused());
        assertTrue(lab.fresh(w).open());
        assertEquals("Renamed to New name.", steering.rename(lab.fresh(w), "  New name ").notice());
        assertEquals("New name", lab.fresh(w).title());
    }

    @Test
    void aCoInstructorAddedByNameFindsAndSteersTheWorkshopAndNobodyElseDoes() {
        Workshop w = lab.workshop(null);
        Instructors instructors = new Instructors(lab.db);
        assertTrue(lab.workshops.ofInstructor("bob", w.id()).isEmpty());
        assertEquals("instructor: there is no instructor named nobody", steering.addInstructor(w, "nobody", instructors).refusal());
        assertEquals("instructor: ada already runs this workshop", steering.addInstructor(w, "ada", instructors).refusal());
        assertFalse(steering.addInstructor(w, "bob", instructors).refused());
        assertFalse(steering.addInstructor(w, "bob", instructors).refused(), "adding twice is harmless");
        assertEquals(List.of("bob"), lab.workshops.coInstructors(w.id()));
        Workshop asBob = lab.workshops.ofInstructor("bob", w.id()).orElseThrow();
        assertTrue(lab.workshops.ofInstructor("bob").stream().anyMatch(x -> x.id().equals(w.id())));
        assertTrue(lab.workshops.ofInstructor("cy", w.id()).isEmpty());
        steering.pace(asBob, "all");
        assertEquals(-1, lab.fresh(w).unlocked(), "bob steered ada's workshop");
    }

    @Test
    void theBoardShowsTheAnnouncementAndTheMinutesLeftAndRefusesABadTimer() {
        Workshop w = lab.workshop(null);
        assertEquals("minutes: a whole number from 0 to 180", steering.board(w, "Break", "ten").refusal());
        assertEquals("minutes: a whole number from 0 to 180", steering.board(w, "Break", "181").refusal());
        assertTrue(steering.board(w, "x".repeat(201), "").refusal().startsWith("announcement:"));
        assertFalse(steering.board(w, "  Coffee break  ", "10").refused());
        Steering.Shown now = steering.shown(w);
        assertEquals("Coffee break", now.announcement());
        assertEquals(10L, now.minutesLeft());
        assertEquals(6L, lab.later(Duration.ofMinutes(4).plusSeconds(30)).steering().shown(w).minutesLeft(), "rounded up");
        assertEquals(0L, lab.later(Duration.ofMinutes(11)).steering().shown(w).minutesLeft(), "time is up, not negative");
        assertFalse(steering.board(w, "", "0").refused());
        assertNull(steering.shown(w).announcement());
        assertNull(steering.shown(w).minutesLeft());
    }

    @Test
    void aPageReadAgainAnnouncesNothingAFirstVisitOrAStaleMarkDoes() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        Activity.Reader other = new Activity(lab.db, java.time.Clock.systemUTC()).reader(0);
        long[] total = {0};
        java.util.function.LongSupplier rows = () -> total[0] += other.next().stream().filter(e -> ana.equals(e.learnerId())).count();
        lab.rooms.seen(lab.workshops.current(ana).orElseThrow());
        long announced = rows.getAsLong();
        assertTrue(announced >= 1, "an action is announced");
        lab.rooms.seen(lab.workshops.current(ana).orElseThrow(), false);
        assertEquals(announced, rows.getAsLong(), "reading a page again, seen a moment ago: the row cannot have changed, nothing is written");
        lab.rooms.seen(lab.workshops.current(ana).orElseThrow(), true);
        assertEquals(announced + 1, rows.getAsLong(), "a read that recorded something (a first visit of a lesson)");
        lab.later(Duration.ofMinutes(1)).seen(lab.workshops.current(ana).orElseThrow(), false);
        assertEquals(announced + 2, rows.getAsLong(), "a read after the mark got old: it is written again, and the idle badge may go");
    }

    @Test
    void changesAreAnnouncedThroughTheDatabaseARowForALearnerTheRoomForPacing() {
        Activity.Reader other = new Activity(lab.db, java.time.Clock.systemUTC()).reader(System.currentTimeMillis()); // a second server
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        assertTrue(other.next().stream().anyMatch(e -> e.workshopId().equals(w.id()) && e.wholeRoom()), "the join changes the room");
        lab.rooms.seen(lab.workshops.current(ana).orElseThrow());
        List<Activity.Event> seen = other.next();
        assertEquals(1, seen.size(), "only what is new since the last read: " + seen);
        assertEquals(ana, seen.get(0).learnerId(), "the learner's row changed");
        steering.pace(w, "all");
        List<Activity.Event> paced = other.next();
        assertEquals(1, paced.size());
        assertTrue(paced.get(0).wholeRoom() && paced.get(0).seq() == seen.get(0).seq() + 1, "numbered in order: " + paced);
        assertTrue(other.next().isEmpty(), "nothing new, nothing read");
        assertTrue(lab.later(Duration.ofMinutes(2)).activity().reader(0).next().stream().noneMatch(e -> e.workshopId().equals(w.id())),
                "old announcements are swept");
    }

    @Test
    void aChangeMadeHereIsHeardAtOnceAfterItsRowIsWritten() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        List<Activity.Event> heard = new java.util.ArrayList<>();
        Runnable stop = lab.rooms.activity().listen(heard::add);
        Activity.Reader other = new Activity(lab.db, java.time.Clock.systemUTC()).reader(System.currentTimeMillis());
        other.next(); // the join may fall in the same millisecond as the reader's start: read past it first
        lab.rooms.seen(lab.workshops.current(ana).orElseThrow());
        stop.run();
        steering.pace(w, "all");
        assertEquals(1, heard.size(), "heard once, and not after the listening stopped: " + heard);
        assertEquals(ana, heard.get(0).learnerId());
        assertEquals(heard.get(0), other.next().get(0), "the same change, with the same number, is in the database already");
    }

    @Test
    void theClassViewCountsLearnersPerLessonStateWithoutNames() {
        Workshop w = lab.workshop(null);
        String ana = lab.joined(w, "Ana");
        lab.joined(w, "Ben");
        lab.progress.opened(ana, lab.quizLesson().slug());
        Room.ClassView cv = lab.rooms.room(w).classView();
        assertEquals(2, cv.learners());
        Room.LessonCount first = cv.lessons().get(0);
        assertEquals(lab.quizLesson().title(), first.lesson().title());
        assertEquals(1, first.started());
        assertEquals(1, first.notStarted());
        assertEquals(50, cv.percent(first.started()));
    }
}
