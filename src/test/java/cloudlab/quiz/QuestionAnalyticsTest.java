package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.progress.Progress;
import cloudlab.progress.ScopedWork;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.sim.grade.Goal;
import cloudlab.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-question figures for a workshop's instructor, counted from the answers really stored in one
 * workshop: first tries, the wrong answer most learners gave, variants named, challenge goals met.
 */
class QuestionAnalyticsTest {
    static final String HERE = "w-here";
    static final Progress.Scope IN_HERE = Progress.Scope.workshop(HERE);

    @TempDir
    Path dir;
    Database db;
    Progress progress;
    final Lesson first = TheCourse.lesson("why-virtualize");
    final Lesson types = TheCourse.lesson("hypervisor-types");
    final Lesson capstone = TheCourse.lesson("putting-it-together");

    @BeforeEach
    void open() {
        db = cloudlab.store.TestDatabases.open(dir, "analytics");
        progress = new Progress(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    String learner() {
        return progress.newLearner().learner().id();
    }

    /** Stores an answer as the lab would: scored against the variant its seed names. */
    void answer(String learner, Lesson l, String questionId, Submission s, String seed, Progress.Scope scope) {
        Question variant = l.quiz().question(questionId).variant(seed);
        Scoring.Result r = Scoring.score(variant, s);
        progress.answered(learner, l.quiz().id(), questionId, new Progress.Attempt(seed, s.toJson(), null, variant.version()), r.score(),
                r.max(), scope);
    }

    static Submission choice(int i) {
        return new Submission(List.of(i), null, null, null, null);
    }

    static Submission number(int n) {
        return new Submission(null, null, BigDecimal.valueOf(n), null, null);
    }

    QuestionAnalytics.Report report(Lesson... lessons) {
        ScopedWork work = new ScopedWork(db);
        return QuestionAnalytics.of(List.of(lessons), work.attempts(IN_HERE), work.checks(IN_HERE), RegionCatalog.builtIn(), Goal::name);
    }

    static QuestionAnalytics.Item item(QuestionAnalytics.Report r, String key) {
        return r.items().stream().filter(i -> i.item().key().endsWith(key)).findFirst().orElseThrow();
    }

    @Test
    void onlyEachLearnersFirstAnswerInTheWorkshopCountsAsTheirFirstTry() {
        String ann = learner();
        String bob = learner();
        String cy = learner();
        answer(ann, first, "q-host-guest", choice(1), null, IN_HERE);
        answer(ann, first, "q-host-guest", choice(0), null, IN_HERE); // right on the second try
        answer(bob, first, "q-host-guest", choice(0), null, IN_HERE); // right at once
        answer(cy, first, "q-host-guest", choice(0), null, Progress.Scope.SELF_STUDY); // right alone at home...
        answer(cy, first, "q-host-guest", choice(2), null, IN_HERE); // ...then wrong first in the workshop
        answer(cy, first, "q-host-guest", choice(0), null, Progress.Scope.workshop("elsewhere"));

        QuestionAnalytics.Item q = item(report(first), "/q-host-guest");
        assertEquals(3, q.learners());
        assertEquals(4, q.attempts(), "self-study and the other workshop's answers are not counted here");
        assertEquals(1, q.rightFirstTime(), "Bob alone was right on his first try here; Ann's second try and Cy's home answer are not first tries");
        assertEquals(33, q.firstTryPercent());
        assertEquals(first.quiz().question("q-host-guest").prompt(), q.prompt());
    }

    @Test
    void theCommonestWrongAnswerIsTheOneMostLearnersGaveNotTheOneGivenMostOften() {
        Question q = first.quiz().question("q-host-guest");
        String ann = learner();
        for (int i = 0; i < 3; i++) answer(ann, first, "q-host-guest", choice(1), null, IN_HERE);
        answer(learner(), first, "q-host-guest", choice(2), null, IN_HERE);
        answer(learner(), first, "q-host-guest", choice(2), null, IN_HERE);
        answer(learner(), first, "q-host-guest", choice(0), null, IN_HERE);

        QuestionAnalytics.Item item = item(report(first), "/q-host-guest");
        assertEquals(new QuestionAnalytics.Wrong(q.options().get(2).text(), 2), item.commonWrong(),
                "two learners picked option 3; one learner picked option 2 three times");
        assertNull(item(report(first), "/q-waste").commonWrong(), "nobody answered q-waste");
        assertEquals(0, item(report(first), "/q-waste").learners());
    }

    @Test
    void aWrongNumberForAQuestionWithVariantsIsNamedWithTheVariantItWasAskedIn() {
        Question q = types.quiz().question("q-predict-fit");
        assertTrue(q.hasVariants());
        String seed = seedFor(q, 2);
        Question seen = q.variant(seed);
        int wrong = seen.number().intValue() + 1;
        answer(learner(), types, "q-predict-fit", number(wrong), seed, IN_HERE);
        answer(learner(), types, "q-predict-fit", number(wrong), seed, IN_HERE);
        String other = seedFor(q, 0);
        answer(learner(), types, "q-predict-fit", number(q.variant(other).number().intValue()), other, IN_HERE);

        QuestionAnalytics.Item item = item(report(types), "/q-predict-fit");
        assertEquals(new QuestionAnalytics.Wrong(wrong + " VMs, asked with " + seen.variantLabel(), 2), item.commonWrong());
        assertEquals(1, item.rightFirstTime());
        assertEquals(q.prompt(), item.prompt(), "the first variant's wording");
    }

    @Test
    void aChallengeGoalIsMetOnlyWhenTheLatestCheckEarnsItsCredit() {
        LessonChallenge c = capstone.challenges().get(0);
        String ann = learner();
        String bob = learner();
        check(ann, c, c.wrong().get(0));
        check(ann, c, c.solution()); // her latest: every goal met
        check(bob, c, emptyLayout(c)); // goals that pass on nothing earn nothing

        QuestionAnalytics.Item item = item(report(capstone), "challenge/" + c.id());
        assertTrue(item.challenge());
        assertEquals(2, item.learners());
        assertEquals(3, item.attempts());
        assertEquals(0, item.rightFirstTime(), "neither passed on the first check");
        assertEquals(c.challenge().goals().size(), item.goals().size());
        for (QuestionAnalytics.GoalRate g : item.goals()) {
            assertEquals(1, g.met(), "only Ann's latest meets " + g.goal() + "; an empty layout meets nothing");
            assertEquals(2, g.checked());
        }
    }

    @Test
    void theCsvHasALinePerItemAndPerGoalWithEveryCellDefused() {
        answer(learner(), first, "q-host-guest", choice(1), null, IN_HERE);
        String csv = report(first, capstone).csv();
        assertTrue(csv.startsWith(Gradebook.BOM + "\"lesson\",\"item\""), csv);
        String host = csv.lines().filter(l -> l.contains("q-host-guest")).findFirst().orElseThrow();
        assertTrue(host.contains("\"1\",\"1\",\"0\",\"0\",\"" + first.quiz().question("q-host-guest").options().get(1).text() + "\",\"1\""), host);
        long goals = capstone.challenges().stream().mapToLong(x -> x.challenge().goals().size()).sum();
        assertEquals(goals, csv.lines().filter(l -> l.contains("challenge/") && l.endsWith(",\"0\",\"0\"")).count(), csv);
    }

    void check(String learner, LessonChallenge c, Layout layout) {
        var r = c.grade(layout);
        progress.challengeChecked(learner, c.id(), r.score(), r.passed(), LayoutWriter.toJson(layout), IN_HERE);
    }

    /** The challenge's start layout with every region taken away. */
    static Layout emptyLayout(LessonChallenge c) {
        try {
            return cloudlab.sim.document.LayoutReader.read("{\"name\": \"empty\", \"regions\": []}", cloudlab.sim.document.Documents.Format.JSON, "",
                    RegionCatalog.builtIn());
        } catch (cloudlab.sim.InputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A seed that names the variant at that index. */
    static String seedFor(Question q, int variant) {
        for (int i = 0; ; i++) {
            String seed = String.format("%016x", i);
            if (q.variant(seed) == q.variants().get(variant)) return seed;
        }
    }
}
