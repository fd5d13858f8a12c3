package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.Progress;
import cloudlab.sim.InputException;
import cloudlab.sim.document.Json;
import cloudlab.sim.RegionCatalog;
import cloudlab.store.Database;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attempt policies: how a learner's attempts count, when the explanation shows, when an answer is
 * refused; and options shuffled per learner and attempt.
 */
class AttemptPolicyTest extends OneLearnerAnswering {
    static final AttemptPolicy FIRST = new AttemptPolicy(AttemptPolicy.Kind.FIRST, 3, 0);
    static final AttemptPolicy NO_PENALTY = new AttemptPolicy(AttemptPolicy.Kind.GRADED, 2, 0);

    @Test
    void aRightSecondAttemptAfterAWrongOneReachesFullMarksOnlyWhereThePolicyAllows() {
        List<Double> wrongThenRight = List.of(0.0, 1.0);
        assertEquals(1.0, AttemptPolicy.PRACTICE.counted(wrongThenRight), "practice: the best counts");
        assertEquals(0.5, AttemptPolicy.GRADED.counted(wrongThenRight), "graded: the second attempt at half");
        assertEquals(0.0, FIRST.counted(wrongThenRight), "first attempt: the retry counts nothing");
        assertEquals(1.0, NO_PENALTY.counted(wrongThenRight), "graded without a penalty allows it");
        assertEquals(0.0, AttemptPolicy.GRADED.counted(List.of(0.0, 0.0, 1.0)), "an attempt past the maximum counts nothing");
        assertEquals(1.0, AttemptPolicy.GRADED.counted(List.of(1.0, 0.0)), "a right first attempt keeps its full marks");
        assertEquals(0.3, AttemptPolicy.GRADED.counted(List.of(0.2, 0.6)), 1e-9, "the best of what each attempt is worth");
    }

    @Test
    void everyPolicyNamesItselfForTheScoresShown() {
        assertEquals("Practice", AttemptPolicy.PRACTICE.label());
        assertEquals("Graded: 2 attempts, −50% per retry", AttemptPolicy.GRADED.label());
        assertEquals("Graded: first attempt counts, 3 attempts", FIRST.label());
    }

    Map<String, List<String>> wrong(int attempt) {
        String seed = Question.Seeds.of(learner, types.quiz().id(), fit.id(), attempt);
        String off = fit.variant(seed).number().add(java.math.BigDecimal.valueOf(50)).toPlainString();
        return Map.of("seed", List.of(seed), "answer", List.of(off));
    }

    @Test
    void pastTheLastAttemptAnAnswerIsRefusedAndNothingIsStored() {
        assertFalse(answering.answer(learner, types, fit, wrong(1), AttemptPolicy.GRADED).refused());
        Answering.Outcome second = answering.answer(learner, types, fit, right(2), AttemptPolicy.GRADED);
        assertFalse(second.refused(), String.valueOf(second.refusal()));
        assertEquals(0.5, second.state().counted(), 1e-9, "wrong then right under graded: half");
        Answering.Outcome third = answering.answer(learner, types, fit, right(3), AttemptPolicy.GRADED);
        assertTrue(third.refused());
        assertEquals("answer: you have used all 2 attempts at this question (Graded: 2 attempts, −50% per retry); your score stands",
                third.refusal());
        assertEquals(2, stored().attempts(), "nothing stored");
    }

    @Test
    void theExplanationShowsOnlyOnceRightOrOutOfAttempts() {
        Answering.Outcome first = answering.answer(learner, types, fit, wrong(1), AttemptPolicy.GRADED);
        assertFalse(first.state().revealed(), "wrong with an attempt left: not yet");
        assertEquals(1, first.state().attemptsLeft());
        Answering.Outcome second = answering.answer(learner, types, fit, wrong(2), AttemptPolicy.GRADED);
        assertTrue(second.state().revealed(), "wrong with none left: shown");

        String other = progress.newLearner().learner().id();
        String seed = seed(other, 1);
        String off = fit.variant(seed).number().add(java.math.BigDecimal.TEN).toPlainString();
        Answering.Outcome practice = answering.answer(other, types, fit, Map.of("seed", List.of(seed), "answer", List.of(off)),
                AttemptPolicy.PRACTICE);
        assertFalse(practice.state().revealed(), "practice, wrong: never until right");
        Answering.Outcome rightNow = answering.answer(other, types, fit, right(seed), AttemptPolicy.PRACTICE);
        assertTrue(rightNow.state().revealed(), "practice, right: shown");
    }

    @Test
    void optionsAreShuffledPerLearnerStableForASeedAndTheRightOneIsNotAlwaysFirst() {
        int singles = 0;
        boolean learnersDiffer = false;
        for (Lesson l : TheCourse.course().lessons()) {
            if (l.quiz() == null) continue;
            for (Question q : l.quiz().questions()) {
                if (q.type() != Question.Type.SINGLE && q.type() != Question.Type.MULTIPLE && q.type() != Question.Type.MATCHING) continue;
                String a = Question.Seeds.of("learner-a", l.quiz().id(), q.id(), 1);
                String b = Question.Seeds.of("learner-b", l.quiz().id(), q.id(), 1);
                assertEquals(Answering.optionOrder(q, a), Answering.optionOrder(q, a), "the same seed, the same order");
                learnersDiffer |= !Answering.optionOrder(q, a).equals(Answering.optionOrder(q, b));
                if (q.type() != Question.Type.SINGLE) continue;
                singles++;
                int right = -1;
                for (int i = 0; i < q.options().size(); i++) if (q.options().get(i).correct()) right = i;
                Set<Integer> shownAt = new HashSet<>();
                for (int n = 0; n < 20; n++) {
                    shownAt.add(Answering.optionOrder(q, Question.Seeds.of("learner-" + n, l.quiz().id(), q.id(), 1)).indexOf(right));
                }
                assertTrue(shownAt.size() > 1, q.id() + ": the right option is not always in one place: " + shownAt);
            }
        }
        assertTrue(singles > 5, "the course has single-choice questions");
        assertTrue(learnersDiffer, "two learners see the options in different orders");
    }

    @Test
    void theGradingApiChecksPracticeAloneAndTakesNoHintsFromTheCaller() throws Exception {
        String seed = seed("L-x", 1);
        ObjectNode body = (ObjectNode) Json.mapper().readTree("{\"answers\": [{\"question\": \"" + fit.id() + "\", \"seed\": \"" + seed
                + "\", \"answer\": {\"number\": " + fit.variant(seed).number().toPlainString() + "}}]}");
        InputException graded = assertThrows(InputException.class,
                () -> QuizGrading.grade(types, body, TheCourse.course(), RegionCatalog.builtIn(), progress, AttemptPolicy.GRADED));
        assertTrue(graded.getMessage().contains("is graded"), graded.getMessage());
        Map<String, Object> r = QuizGrading.grade(types, body, TheCourse.course(), RegionCatalog.builtIn(), progress, AttemptPolicy.PRACTICE);
        @SuppressWarnings("unchecked") Map<String, Object> one = ((List<Map<String, Object>>) r.get("results")).get(0);
        assertEquals(Set.of("question", "version", "seed", "score", "max", "correct", "feedback"), one.keySet(),
                "no explanation, no right answer");
        ((ObjectNode) body.get("answers").get(0)).putArray("hints");
        assertThrows(InputException.class,
                () -> QuizGrading.grade(types, body, TheCourse.course(), RegionCatalog.builtIn(), progress, AttemptPolicy.PRACTICE));
        assertEquals(List.of(), progress.allAttempts(), "nothing stored");
        assertNotEquals(null, r.get("score"));
    }
}
