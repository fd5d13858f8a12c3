package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.LearnerProgress;
import cloudlab.progress.Progress;
import cloudlab.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answering a lesson's quiz: the seed rule, number bounds, scoring with hints, storing, hints and completion. */
class AnsweringTest extends OneLearnerAnswering {
    @Test
    void aRightAnswerUnderTheLearnersSeedIsScoredAndStored() {
        Answering.Outcome o = answering.answer(learner, types, fit, right(seed(learner, 1)));
        assertFalse(o.refused(), o.refusal());
        assertEquals(1.0, stored().score());
        assertEquals(seed(learner, 1), stored().seed());
        assertTrue(o.state().result().correct(), "the question now shows the result");
        assertEquals(1, o.state().attempts());
    }

    @Test
    void aSeedGivenToSomeoneElseIsRefusedAndNothingIsStored() {
        Answering.Outcome o = answering.answer(learner, types, fit, right(seed("someone-else", 1)));
        assertTrue(o.refused());
        assertTrue(o.refusal().startsWith("seed: "), o.refusal());
        assertNull(stored());
        assertEquals(seed(learner, 1), o.state().seed(), "the learner's own variant is shown again");
    }

    @Test
    void theLatestAttemptsSeedAndTheNextOneAreAcceptedButNoOlderOne() {
        assertFalse(answering.answer(learner, types, fit, right(seed(learner, 1))).refused());
        assertFalse(answering.answer(learner, types, fit, right(seed(learner, 1))).refused(), "again under the latest attempt's seed");
        assertFalse(answering.answer(learner, types, fit, right(seed(learner, 3))).refused(), "the next attempt's seed (a new variant)");
        Answering.Outcome old = answering.answer(learner, types, fit, right(seed(learner, 1)));
        assertTrue(old.refused(), "attempt 1's seed is neither the latest (3) nor the next (4)");
        assertEquals(3, stored().attempts());
    }

    @Test
    void noSeedMeansTheFirstVariantAndThenTheLatest() {
        Map<String, List<String>> form = new java.util.HashMap<>(right(seed(learner, 1)));
        form.remove("seed");
        assertFalse(answering.answer(learner, types, fit, form).refused());
        assertEquals(seed(learner, 1), stored().seed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e13", "12345678901234567890123456789012345678901", "0.0000000000001", "1e-99999999"})
    void aNumberOutOfBoundsIsRefusedNamingTheField(String typed) {
        Map<String, List<String>> form = Map.of("seed", List.of(seed(learner, 1)), "answer", List.of(typed));
        Answering.Outcome o = answering.answer(learner, types, fit, form);
        assertTrue(o.refused());
        assertTrue(o.refusal().startsWith("answer: must "), o.refusal());
        assertNull(stored(), "nothing stored");
        assertEquals(seed(learner, 1), o.state().seed(), "the variant they sent stays on screen");
    }

    @Test
    void numberBoundsLetOrdinaryAnswersThrough() {
        assertNull(Answering.numberProblem("42.5"));
        assertNull(Answering.numberProblem("3,5"));
        assertNull(Answering.numberProblem("999999999999"));
        assertNull(Answering.numberProblem("0.000000000001"));
        assertNull(Answering.numberProblem("many"), "not a number at all: reading the answer says so");
        assertEquals("answer: must be a number below a trillion", Answering.numberProblem("1000000000001"));
        assertEquals("answer: must have at most 12 digits after the point", Answering.numberProblem("0.0000000000001"));
    }

    @Test
    void aSubmissionThatIsNoNumberIsRefusedNamingTheField() {
        Answering.Outcome o = answering.answer(learner, types, fit, Map.of("seed", List.of(seed(learner, 1)), "answer", List.of("many")));
        assertTrue(o.refusal().startsWith("answer: must be a number"), o.refusal());
        assertNull(stored());
    }

    @Test
    void aHintShownBeforeAnsweringCostsItsShareOfThePoints() {
        assertFalse(answering.hint(learner, types, fit, "0").refused());
        Answering.Outcome o = answering.answer(learner, types, fit, right(seed(learner, 1)));
        assertEquals(1.0 - fit.hints().get(0).cost().doubleValue(), stored().score(), 1e-9);
        assertEquals(List.of(0), o.state().hintsShown());
        assertEquals("[0]", stored().hints());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "-1", "x", ""})
    void aHintTheQuestionDoesNotHaveIsRefused(String hint) {
        Answering.Outcome o = answering.hint(learner, types, fit, hint);
        assertEquals("hint: this question has 1 hint", o.refusal());
        assertEquals(List.of(), progress.hintsShown(learner, types.quiz().id(), fit.id()));
    }

    @Test
    void answeringEveryQuestionRecordsTheLessonComplete() {
        Lesson first = TheCourse.lesson("why-virtualize");
        List<Question> qs = first.quiz().questions();
        for (int i = 0; i < qs.size(); i++) {
            Question q = qs.get(i);
            String seed = Question.Seeds.of(learner, first.quiz().id(), q.id(), 1);
            assertFalse(answering.answer(learner, first, q, TheCourse.validForm(q.variant(seed), seed)).refused());
            LearnerProgress.LessonState st = progress.of(learner).lesson(first.slug());
            assertEquals(i == qs.size() - 1, st != null && st.completed(), "after question " + (i + 1) + " of " + qs.size());
        }
        assertEquals(Completion.LessonState.DONE, Completion.state(first, progress.of(learner)));
    }

    @Test
    void theStateShowsTheLatestAnswerOrANewVariantWhenAskedFor() {
        answering.answer(learner, types, fit, right(seed(learner, 1)));
        LearnerProgress p = progress.withHints(learner);
        Answering.QuestionState latest = answering.state(learner, types, fit, p, null, null, null, AttemptPolicy.PRACTICE);
        assertEquals(seed(learner, 1), latest.seed());
        assertTrue(latest.given() != null && latest.result().correct());
        Answering.QuestionState fresh = answering.state(learner, types, fit, p, fit.id(), null, null, AttemptPolicy.PRACTICE);
        assertEquals(seed(learner, 2), fresh.seed(), "a new variant is the next attempt's");
        assertNull(fresh.given(), "nothing answered yet in it");
    }

    @Test
    void anOrderingQuestionNeverListsItsItemsInTheRightOrder() {
        for (var lesson : TheCourse.course().lessons()) {
            if (lesson.quiz() == null) continue;
            for (Question q : lesson.quiz().questions()) {
                if (q.type() != Question.Type.ORDERING) continue;
                for (int n = 1; n <= 20; n++) {
                    String seed = Question.Seeds.of("L" + n, lesson.quiz().id(), q.id(), 1);
                    List<Integer> order = Answering.itemOrder(q, seed);
                    assertEquals(q.items().size(), order.stream().distinct().count());
                    assertNotEquals(java.util.stream.IntStream.range(0, q.items().size()).boxed().toList(), order, seed);
                }
            }
        }
    }

    @Test
    void aFirstVisitIsRecordedOnceAndTheViewShowsTheLessonOpenedAsStored() {
        Answering.LessonView first = answering.open(learner, true, types, null, types.policy());
        assertTrue(first.firstVisit());
        assertEquals(progress.of(learner).lesson(types.slug()), first.progress().lesson(types.slug()),
                "the view holds the lesson's state as stored");
        assertEquals(Completion.LessonState.STARTED, Completion.state(types, first.progress()));
        Answering.LessonView again = answering.open(learner, true, types, null, types.policy());
        assertFalse(again.firstVisit(), "a later visit writes nothing");
        assertEquals(first.progress().lesson(types.slug()), again.progress().lesson(types.slug()));
        assertNull(answering.open("a-visitor", false, types, null, types.policy()).progress().lesson(types.slug()),
                "a reader who is no stored learner yet is not recorded");
    }
}
