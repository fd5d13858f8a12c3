package cloudlab.workshop;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.progress.Progress;
import cloudlab.quiz.Gradebook;
import cloudlab.sandbox.Sandbox;
import cloudlab.sim.Command;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
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

/** The live room built from what learners really did: states, stuck, idle, "fails most", apps, results. */
class RoomsTest {
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

    /** An answer given in the learner's working workshop (a room counts only the work done in it). */
    static void answer(String learner, Lesson l, Question q, boolean right) {
        Progress.Scope in = Progress.Scope.workshop(lab.workshops.working(learner).orElseThrow().workshop().id());
        lab.progress.answered(learner, l.quiz().id(), q.id(), new Progress.Attempt(null, right ? "right" : "wrong", null, null),
                right ? 1 : 0, 1, in);
    }

    @Test
    void aLearnerIsStuckOnceAQuestionsLatestAnswerIsStillWrongAfterThreeTries() {
        Workshop w = lab.workshop(null);
        Lesson l = lab.quizLesson();
        Question q = l.quiz().questions().get(1);
        String ana = lab.joined(w, "Ana");
        lab.progress.opened(ana, l.slug());
        answer(ana, l, q, false);
        answer(ana, l, q, false);
        Room.LearnerRow twice = lab.row(lab.rooms.room(w), ana);
        assertNull(twice.stuckOn(), "two wrong tries are not stuck");
        assertEquals(Room.State.STARTED, twice.cells().get(0).state());

        answer(ana, l, q, false);
        Room.LearnerRow thrice = lab.row(lab.rooms.room(w), ana);
        assertEquals(l.title() + ", " + q.id(), thrice.stuckOn());
        assertEquals(Room.State.STUCK, thrice.cells().get(0).state());
        assertEquals("stuck", thrice.cells().get(0).state().label());
        assertEquals(Room.State.LOCKED, thrice.cells().get(1).state(), "the other lesson is not opened yet");

        answer(ana, l, q, true);
        Room.LearnerRow solved = lab.row(lab.rooms.room(w), ana);
        assertNull(solved.stuckOn(), "a right answer at last ends being stuck");
        assertEquals(Room.State.STARTED, solved.cells().get(0).state());
    }

    /** Was: a lesson the workshop had not opened yet read "not started" in the room. */
    @Test
    void aLessonTheWorkshopHasNotOpenedReadsLockedUntilItOpens() {
        Workshop w = lab.workshop(null);
        String ana = lab.joined(w, "Ana");
        Room.LearnerRow row = lab.row(lab.rooms.room(w), ana);
        assertEquals(Room.State.NEW, row.cells().get(0).state(), "the first lesson is open");
        assertEquals(Room.State.LOCKED, row.cells().get(1).state());
        assertEquals("locked", row.cells().get(1).state().label());
        assertEquals(1, lab.rooms.room(w).classView().lessons().get(1).notStarted(), "the class view counts it as not started");
        lab.rooms.steering().pace(w, "next");
        assertEquals(Room.State.NEW, lab.row(lab.rooms.room(lab.fresh(w)), ana).cells().get(1).state(), "opened, not started");
    }

    @Test
    void aCellShowsTheQuizScoreOverItsQuestionsAndACompletedLessonIsDone() {
        Workshop w = lab.workshop(null);
        Lesson l = lab.quizLesson();
        String ana = lab.joined(w, "Ana");
        String ben = lab.joined(w, "Ben");
        answer(ana, l, l.quiz().questions().get(0), true);
        answer(ana, l, l.quiz().questions().get(1), false);
        assertEquals(Room.State.STARTED, lab.row(lab.rooms.room(w), ana).cells().get(0).state(), "two answers do not complete it");
        for (int i = 2; i < l.quiz().questions().size(); i++) answer(ana, l, l.quiz().questions().get(i), false);
        Room room = lab.rooms.room(w);
        Room.Cell cell = lab.row(room, ana).cells().get(0);
        assertEquals(Room.State.DONE, cell.state(), "every question attempted (the quiz feature's completion) is done");
        assertEquals("1.0/" + l.quiz().questions().size(), cell.score());
        assertEquals(1, lab.row(room, ana).done());
        assertEquals("", lab.row(room, ben).cells().get(0).score(), "no answer, no score");
        assertEquals(1, room.lessonsDone());
        assertEquals(List.of(1, 2), room.lessons().stream().map(Room.Column::number).toList());
        assertEquals(List.of(l.title(), lab.challengeLesson().title()), room.lessons().stream().map(Room.Column::title).toList());
    }

    @Test
    void aLearnerIsIdleOnceFiveMinutesPassWithoutTheirDoingAnything() {
        Workshop w = lab.workshop(null);
        String ana = lab.joined(w, "Ana");
        assertFalse(lab.row(lab.rooms.room(w), ana).idle(), "just joined");
        assertFalse(lab.row(lab.later(Duration.ofMinutes(4)).room(w), ana).idle(), "four minutes on");
        Room later = lab.later(Duration.ofMinutes(6)).room(w);
        assertTrue(lab.row(later, ana).idle(), "six minutes on");
        assertEquals(1, later.idleCount());
    }

    @Test
    void failsMostNamesTheQuestionAndTheGoalFailingForTheMostLearners() {
        Workshop w = lab.workshop(null);
        Lesson l = lab.quizLesson();
        Question q0 = l.quiz().questions().get(0);
        Question q1 = l.quiz().questions().get(1);
        Question q2 = l.quiz().questions().get(2);
        String ana = lab.joined(w, "Ana");
        String ben = lab.joined(w, "Ben");
        String cy = lab.joined(w, "Cy");
        answer(ana, l, q0, false);
        answer(ana, l, q2, false);
        answer(ben, l, q2, false);
        answer(cy, l, q1, false);
        answer(cy, l, q2, false);
        answer(cy, l, q2, true); // Cy got it in the end: no longer failing for her
        answer(ben, l, q0, true);
        Room room = lab.rooms.room(w);
        assertEquals(new Room.Trouble(l.title() + ": " + q2.prompt(), 2), room.worstQuestion());
        assertNull(room.worstGoal(), "nobody tried the challenge");

        LessonChallenge c = lab.challengeLesson().challenges().get(0);
        GradeResult atStart = Grader.grade(c.challenge(), c.start());
        int firstFailing = 0;
        while (atStart.checks().get(firstFailing).passed()) firstFailing++;
        String goal = c.challenge().title() + ": " + c.challenge().goals().get(firstFailing).name();
        lab.sandboxes.create(ana, "try", Sandbox.Origin.CHALLENGE, c.id(), c.start());
        lab.sandboxes.create(ben, "try", Sandbox.Origin.CHALLENGE, c.id(), c.start());
        lab.sandboxes.create(cy, "solved", Sandbox.Origin.CHALLENGE, c.id(), c.solution());
        Room withGoals = lab.rooms.room(w);
        assertEquals(new Room.Trouble(goal, 2), withGoals.worstGoal());
        assertTrue(lab.row(withGoals, cy).failingGoals().isEmpty(), "the solution fails no goal");
    }

    @Test
    void aRowsAppsSayHowManyAreUpAndWhatFailed() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        String ben = lab.joined(w, "Ben");
        Room.LearnerRow up = lab.row(lab.rooms.room(w), ana);
        assertEquals("1/1 apps up", up.apps());
        assertTrue(up.appsUp());
        Member m = lab.member(w, ana);
        assertTrue(lab.sandboxes.submit(ana, m.sandboxId(), new Command.Fail("use1-az1")).accepted());
        assertTrue(lab.sandboxes.submit(ana, m.sandboxId(), new Command.Fail("use1-az2")).accepted());
        Room room = lab.rooms.room(w);
        Room.LearnerRow down = lab.row(room, ana);
        assertEquals("0/1 apps up · use1-az1, use1-az2 failed", down.apps());
        assertFalse(down.appsUp());
        assertEquals(1, room.upCount(), "Ben's are still up");
        Workshop blank = lab.workshop(null);
        String cy = lab.joined(blank, "Cy");
        assertEquals("no apps", lab.row(lab.rooms.room(blank), cy).apps());
        assertFalse(lab.row(lab.rooms.room(blank), cy).appsUp(), "no apps is not every app up");
        assertEquals(lab.row(room, ben), lab.rooms.row(w, ben).orElseThrow(), "one learner's row alone is their row in the room");
        assertTrue(lab.rooms.row(w, "nobody").isEmpty());
    }

    @Test
    void aLearnersWorkshopPageShowsWhichLessonsAreOpenAndTheirStateInEach() {
        Workshop w = lab.workshop(null);
        String ana = lab.joined(w, "Ana");
        Lesson l = lab.quizLesson();
        Question q = l.quiz().questions().get(0);
        lab.progress.opened(ana, l.slug());
        for (int i = 0; i < 3; i++) answer(ana, l, q, false);
        Rooms.LearnerHome home = lab.rooms.home(lab.workshops.current(ana).orElseThrow());
        assertEquals("Ana", home.member().displayName());
        assertEquals(List.of(true, false), home.lessons().stream().map(Rooms.LessonCard::open).toList());
        assertEquals(List.of("In progress", "Not started"), home.lessons().stream().map(c -> c.state().phrase()).toList(),
                "a learner is never told they are stuck");
    }

    @Test
    void resultsHoldOnlyThisWorkshopsLearnersAndItemsUnderTheirJoinNames() {
        Workshop w = lab.workshop(null);
        Workshop other = lab.workshop(null);
        Lesson l = lab.quizLesson();
        Question q = l.quiz().questions().get(0);
        String ana = lab.joined(w, "Ana, row 3");
        String cy = lab.joined(other, "Cy");
        answer(ana, l, q, false);
        answer(ana, l, q, true);
        answer(cy, l, q, true);
        lab.progress.answered(ana, "some-other-quiz", "q1", "x", 1, 1);
        List<Gradebook.Row> rows = lab.rooms.results(w);
        assertTrue(rows.stream().allMatch(r -> r.learnerId().equals(ana)), "only this workshop's members: " + rows);
        assertTrue(rows.stream().noneMatch(r -> r.item().startsWith("some-other-quiz/")), "only its lessons' items");
        Gradebook.Row r = rows.stream().filter(x -> x.item().equals(l.quiz().id() + "/" + q.id())).findFirst().orElseThrow();
        assertEquals(List.of(ana, "Ana, row 3", 1.0, 2), List.of(r.learnerId(), r.displayName(), r.score(), r.attempts()));
        assertTrue(rows.size() > 1, "every item of the workshop's lessons is listed");
        assertTrue(rows.stream().filter(x -> x != r).allMatch(x -> x.score() == 0 && x.attempts() == 0), "with 0 for what was not tried");
        assertTrue(lab.rooms.resultsCsv(w).contains("\"Ana, row 3\""), "the name is quoted in the CSV");
    }

    @Test
    void theInstructorSeesOneLearnersSandboxWithTheStepsTheyTook() {
        Workshop w = lab.workshop(Room1.TWO_ZONES);
        String ana = lab.joined(w, "Ana");
        assertTrue(lab.sandboxes.submit(ana, lab.member(w, ana).sandboxId(), new Command.Fail("use1-az1")).accepted());
        Rooms.LearnerSandbox s = lab.rooms.learnerSandbox(w, ana).orElseThrow();
        assertEquals(1, s.steps().size());
        assertTrue(s.state().failed().contains("use1-az1"));
        assertEquals(1, s.report().apps().size());
        assertTrue(lab.rooms.learnerSandbox(w, "nobody").isEmpty());
    }
}
