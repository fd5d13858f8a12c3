package cloudlab.quiz;

import cloudlab.lesson.Course;
import cloudlab.lesson.Question;
import cloudlab.progress.Progress;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.document.Json;
import cloudlab.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regrading after an author fixes a question: in a copy of the course, learners' stored attempts
 * are scored again against the changed question (under the variant their seed named, with the
 * hints they saw); the plan shows the difference, applying keeps the higher score or replaces it.
 */
class RegradeTest {
    static final String QUIZ1 = "why-virtualize-quiz";
    static final String QUIZ3 = "hypervisor-types-quiz";
    static final double EPS = 1e-9;

    @TempDir
    Path dir;
    Path lessons;
    Database db;
    Progress progress;

    @BeforeEach
    void copyTheCourse() throws IOException {
        lessons = copyLessons(dir.resolve("lessons"));
        db = cloudlab.store.TestDatabases.open(dir, "lab");
        progress = new Progress(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Path copyLessons(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, to.resolve(p.getFileName()));
        }
        return to;
    }

    Course course() {
        Course c = Course.load(lessons, RegionCatalog.builtIn());
        assertEquals(List.of(), c.problems());
        return c;
    }

    /** Replaces exactly one occurrence of a passage in a lesson file of the copy. */
    void edit(String file, String from, String to) {
        Path f = lessons.resolve(file);
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            int at = text.indexOf(from);
            assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, "the passage occurs once in " + file + ": " + from);
            Files.writeString(f, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores and stores an answer the way the lesson page does. */
    double answer(Course course, String learner, String quizId, String questionId, Submission s, String seed, List<Integer> hints) {
        Question q = course.lessonOfQuiz(quizId).quiz().question(questionId);
        Scoring.Result r = Scoring.score(q.variant(seed), s, hints);
        progress.answered(learner, quizId, questionId, new Progress.Attempt(seed, s.toJson(), Json.line(hints), q.version()), r.score(), r.max());
        return r.score();
    }

    static Submission choice(int i) {
        return new Submission(List.of(i), null, null, null, null);
    }

    static Submission number(int n) {
        return new Submission(null, null, BigDecimal.valueOf(n), null, null);
    }

    String learner() {
        return progress.newLearner().learner().id();
    }

    double storedScore(String learner, String quizId, String questionId) {
        return progress.of(learner).answer(quizId, questionId).score();
    }

    static final String HOST_GUEST_BEFORE = """
                  - text: "The physical server that runs the hypervisor"
                    correct: true
                    feedback: "Right: the host owns the real cores, memory and disks."
                  - text: "A virtual machine running a web server"
                    feedback: "That is a guest: it runs on top of the host."
            """;
    static final String HOST_GUEST_AFTER = """
                  - text: "The physical server that runs the hypervisor"
                    feedback: "Right: the host owns the real cores, memory and disks."
                  - text: "A virtual machine running a web server"
                    correct: true
                    feedback: "That is a guest: it runs on top of the host."
            """;

    /** Two learners: {@code wrong} chose option 1 (0 points), {@code right} chose option 0 (1 point); then option 1 is made correct. */
    record Two(String wrong, String right, String oldVersion) {
    }

    Two answerThenMoveTheCorrectOption() {
        Course before = course();
        String wrong = learner();
        String right = learner();
        assertEquals(0.0, answer(before, wrong, QUIZ1, "q-host-guest", choice(1), null, List.of()), EPS);
        assertEquals(1.0, answer(before, right, QUIZ1, "q-host-guest", choice(0), null, List.of()), EPS);
        edit("01-why-virtualize.md", HOST_GUEST_BEFORE, HOST_GUEST_AFTER);
        return new Two(wrong, right, before.lessonOfQuiz(QUIZ1).quiz().question("q-host-guest").version());
    }

    @Test
    void aPlanShowsEachLearnersOldAndNewScoreAfterTheCorrectOptionMoves() {
        Two t = answerThenMoveTheCorrectOption();
        Course after = course();
        String newVersion = after.lessonOfQuiz(QUIZ1).quiz().question("q-host-guest").version();
        assertNotEquals(t.oldVersion(), newVersion, "the edit gives the question a new version");

        Regrade.Plan plan = Regrade.plan(after, progress);
        assertEquals(2, plan.attemptsChecked());
        assertEquals(List.of(), plan.skipped());
        assertEquals(2, plan.changes().size(), plan.changes().toString());
        Regrade.Change up = plan.changes().stream().filter(c -> c.learnerId().equals(t.wrong())).findFirst().orElseThrow();
        Regrade.Change down = plan.changes().stream().filter(c -> c.learnerId().equals(t.right())).findFirst().orElseThrow();
        for (Regrade.Change c : List.of(up, down)) {
            assertEquals(QUIZ1, c.quizId());
            assertEquals("q-host-guest", c.questionId());
            assertEquals(1, c.attempt());
            assertEquals(t.oldVersion(), c.oldVersion());
            assertEquals(newVersion, c.newVersion());
        }
        assertEquals(0.0, up.oldScore(), EPS);
        assertEquals(1.0, up.newScore(), EPS);
        assertEquals(1.0, down.oldScore(), EPS);
        assertEquals(0.0, down.newScore(), EPS);
        assertEquals(1, plan.scoresChanged(true), "keeping the higher score, only the learner who goes up changes");
        assertEquals(2, plan.scoresChanged(false), "replacing, both learners' scores change");

        assertEquals(0.0, storedScore(t.wrong(), QUIZ1, "q-host-guest"), EPS, "a plan writes nothing");
        assertEquals(1.0, storedScore(t.right(), QUIZ1, "q-host-guest"), EPS);
    }

    @Test
    void applyingWhileKeepingTheHigherScoreNeverLowersOne() {
        Two t = answerThenMoveTheCorrectOption();
        Course after = course();
        Regrade.Plan plan = Regrade.plan(after, progress);
        assertEquals(1, Regrade.apply(plan, progress, true), "only the raised score counts as changed");
        assertEquals(1.0, storedScore(t.wrong(), QUIZ1, "q-host-guest"), EPS, "raised");
        assertEquals(1.0, storedScore(t.right(), QUIZ1, "q-host-guest"), EPS, "kept, not lowered");
        String newVersion = after.lessonOfQuiz(QUIZ1).quiz().question("q-host-guest").version();
        assertEquals(newVersion, progress.of(t.wrong()).answer(QUIZ1, "q-host-guest").version(), "now scored against the new version");

        Regrade.Plan again = Regrade.plan(after, progress);
        assertEquals(1, again.changes().size(), "the kept higher score still differs from the new one");
        assertEquals(t.right(), again.changes().get(0).learnerId());
        assertEquals(0, Regrade.apply(again, progress, true));
        assertEquals(1.0, storedScore(t.right(), QUIZ1, "q-host-guest"), EPS);
    }

    @Test
    void applyingWithReplaceTakesTheNewScoreEvenWhenLower() {
        Two t = answerThenMoveTheCorrectOption();
        Course after = course();
        assertEquals(2, Regrade.apply(Regrade.plan(after, progress), progress, false));
        assertEquals(1.0, storedScore(t.wrong(), QUIZ1, "q-host-guest"), EPS);
        assertEquals(0.0, storedScore(t.right(), QUIZ1, "q-host-guest"), EPS, "lowered");
        assertEquals(List.of(), Regrade.plan(after, progress).changes(), "nothing left to change");
    }

    @Test
    void anUnchangedCourseChangesNothing() {
        Course c = course();
        String l = learner();
        answer(c, l, QUIZ1, "q-host-guest", choice(1), null, List.of());
        answer(c, l, QUIZ1, "q-host-guest", choice(0), null, List.of());
        answer(c, l, QUIZ1, "q-waste", new Submission(List.of(0, 2), null, null, null, null), null, List.of());
        Regrade.Plan plan = Regrade.plan(course(), progress);
        assertEquals(3, plan.attemptsChecked());
        assertEquals(List.of(), plan.changes());
        assertEquals(List.of(), plan.skipped());
    }

    /** A seed under which the question shows the variant with that label. */
    static String seedFor(Question q, String label) {
        for (int attempt = 1; attempt < 1000; attempt++) {
            String seed = Question.Seeds.of("L-regrade", q.id(), label, attempt);
            if (q.variant(seed).variantLabel().equals(label)) return seed;
        }
        throw new AssertionError("no seed found for " + label);
    }

    static final String FIT_MEMORY = """
                                  cores: "{{cores}}"
                                  memoryGiB: 32
            """;

    @Test
    void eachAttemptIsRegradedUnderTheVariantItsSeedNamedWithTheHintsItSaw() {
        Course before = course();
        Question fit = before.lessonOfQuiz(QUIZ3).quiz().question("q-predict-fit");
        String big = seedFor(fit, "cores=12");
        String small = seedFor(fit, "cores=4");
        int bigAnswer = fit.variant(big).number().intValueExact();
        int smallAnswer = fit.variant(small).number().intValueExact();
        String a = learner();
        String b = learner();
        String c = learner();
        assertEquals(1.0, answer(before, a, QUIZ3, fit.id(), number(bigAnswer), big, List.of()), EPS);
        assertEquals(1.0, answer(before, b, QUIZ3, fit.id(), number(smallAnswer), small, List.of()), EPS);
        assertEquals(0.75, answer(before, c, QUIZ3, fit.id(), number(bigAnswer), big, List.of(0)), EPS);

        // Less memory: the big variant is now limited by memory, the small one still by its cores.
        edit("02-hypervisor-types.md", FIT_MEMORY, FIT_MEMORY.replace("memoryGiB: 32", "memoryGiB: 12"));
        Course after = course();
        Question changed = after.lessonOfQuiz(QUIZ3).quiz().question("q-predict-fit");
        assertNotEquals(0, BigDecimal.valueOf(bigAnswer).compareTo(changed.variant(big).number()), "the big variant's answer changed");
        assertEquals(0, BigDecimal.valueOf(smallAnswer).compareTo(changed.variant(small).number()), "the small variant's did not");

        Regrade.Plan plan = Regrade.plan(after, progress);
        assertEquals(3, plan.attemptsChecked());
        assertEquals(2, plan.changes().size(), plan.changes().toString());
        Regrade.Change ca = plan.changes().stream().filter(x -> x.learnerId().equals(a)).findFirst().orElseThrow();
        Regrade.Change cc = plan.changes().stream().filter(x -> x.learnerId().equals(c)).findFirst().orElseThrow();
        assertEquals(1.0, ca.oldScore(), EPS);
        assertEquals(0.0, ca.newScore(), EPS);
        assertEquals(0.75, cc.oldScore(), EPS);
        assertEquals(0.0, cc.newScore(), EPS);
        assertTrue(plan.changes().stream().noneMatch(x -> x.learnerId().equals(b)), "the small variant's attempt is unchanged");

        // A learner whose old answer was wrong becomes right, still paying for the hint.
        String d = learner();
        int newBig = changed.variant(big).number().intValueExact();
        progress.answered(d, QUIZ3, fit.id(), new Progress.Attempt(big, number(newBig).toJson(), "[0]", fit.version()), 0.0, 1.0);
        Regrade.Change cd = Regrade.plan(after, progress).changes().stream().filter(x -> x.learnerId().equals(d)).findFirst().orElseThrow();
        assertEquals(0.75, cd.newScore(), EPS);
    }

    @Test
    void attemptsWhoseQuestionIsGoneOrNoLongerFitsAreSkippedAndNamed() {
        Course before = course();
        String l = learner();
        answer(before, l, QUIZ1, "q-vcpu", choice(2), null, List.of());
        answer(before, l, QUIZ1, "q-waste", new Submission(List.of(3), null, null, null, null), null, List.of());
        progress.answered(l, QUIZ1, "q-host-guest", new Progress.Attempt(null, "not json", null, null), 0.0, 1.0);

        // Remove q-vcpu's third option and q-waste's fourth.
        edit("01-why-virtualize.md", """
                      - text: "Both count a vCPU as one hardware thread, two per core"
                        feedback: "The lab counts whole cores; and on Graviton, M7a and later AMD, T2 and Mac instances EC2 does too."
                """, "");
        edit("01-why-virtualize.md", """
                      - text: "Each application got a whole machine even when it needed only a small slice of one"
                        correct: true
                        feedback: "Yes: isolation was bought with whole machines."
                """, "");
        Course after = course();
        progress.answered(l, "no-such-quiz", "q-x", new Progress.Attempt(null, choice(0).toJson(), null, null), 1.0, 1.0);

        Regrade.Plan plan = Regrade.plan(after, progress);
        assertEquals(4, plan.attemptsChecked());
        assertEquals(List.of(), plan.changes());
        assertEquals(4, plan.skipped().size(), plan.skipped().toString());
        String all = String.join("\n", plan.skipped());
        assertTrue(all.contains(l + " no-such-quiz/q-x attempt 1: the question is no longer in the course"), all);
        assertTrue(all.contains(l + " " + QUIZ1 + "/q-vcpu attempt 1: the stored answer no longer fits the question (choices: 2 is not an option number)"), all);
        assertTrue(all.contains(l + " " + QUIZ1 + "/q-waste attempt 1: the stored answer no longer fits the question"), all);
        assertTrue(all.contains(l + " " + QUIZ1 + "/q-host-guest attempt 1: the stored answer cannot be read"), all);
    }
}
