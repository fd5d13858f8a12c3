package cloudlab.quiz;

import cloudlab.lesson.Question;
import cloudlab.sim.InputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a learner's answer from a form and checking a JSON answer's shape against the question. */
class SubmissionTest {
    static final Question MATCHING = ScoringTest.read("""
            - id: q-match
              type: matching
              prompt: Match.
              pairs:
                - {left: ESXi, right: type 1}
                - {left: VirtualBox, right: type 2}
                - {left: Xen, right: type 1}
            """);
    static final Question ORDERING = ScoringTest.read("""
            - id: q-order
              type: ordering
              prompt: Order.
              items: [a, b, c]
            """);
    static final Question SINGLE = ScoringTest.read("""
            - id: q-single
              type: single
              prompt: Pick one.
              options:
                - {text: A, correct: true}
                - {text: B}
            """);
    static final Question MULTIPLE = ScoringTest.read("""
            - id: q-multi
              type: multiple
              prompt: Pick.
              options:
                - {text: A, correct: true}
                - {text: B}
                - {text: C, correct: true}
            """);
    static final Question NUMERIC = ScoringTest.read("""
            - id: q-num
              type: numeric
              prompt: How many?
              answer: 4
            """);

    static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) m.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        return m;
    }

    static String refusal(Question q, String... pairs) {
        return assertThrows(InputException.class, () -> Submission.fromForm(q, form(pairs))).getMessage();
    }

    @Test
    void aMatchingFormGivesOneChoiceNumberPerLeftSide() throws InputException {
        Submission s = Submission.fromForm(MATCHING, form("match-0", "0", "match-1", "1", "match-2", "0"));
        assertEquals(List.of(0, 1, 0), s.matches());
        assertEquals(1.0, Scoring.score(MATCHING, s).score(), 1e-12);
    }

    @Test
    void aMatchingFormWithAMissingOrUnknownChoiceIsRefusedByItsField() {
        assertTrue(refusal(MATCHING, "match-0", "0", "match-2", "0").startsWith("match-1: choose a match for \"VirtualBox\""));
        assertTrue(refusal(MATCHING, "match-0", "0", "match-1", "2", "match-2", "0").startsWith("match-1: must be a choice number from 0 to 1"),
                "only two distinct right sides");
        assertTrue(refusal(MATCHING, "match-0", "x", "match-1", "1", "match-2", "0").startsWith("match-0: must be a choice number"));
    }

    @Test
    void anOrderingFormGivesEachItemAPositionOnce() throws InputException {
        Submission s = Submission.fromForm(ORDERING, form("position-0", "2", "position-1", "1", "position-2", "3"));
        assertEquals(List.of(2, 1, 3), s.positions());
        assertTrue(refusal(ORDERING, "position-0", "1", "position-1", "1", "position-2", "3").startsWith("position-1: position 1 is given twice"));
        assertTrue(refusal(ORDERING, "position-0", "0", "position-1", "1", "position-2", "3").startsWith("position-0: must be a position from 1 to 3 (got 0)"));
        assertTrue(refusal(ORDERING, "position-0", "4", "position-1", "1", "position-2", "3").startsWith("position-0: must be a position"));
        assertTrue(refusal(ORDERING, "position-0", "1", "position-1", "2").startsWith("position-2: give \"c\" a position"));
    }

    @Test
    void aChoiceFormIsRefusedWhenEmptyOrTooManyForASingleChoice() {
        assertTrue(refusal(SINGLE).startsWith("choice: pick an option"));
        assertTrue(refusal(SINGLE, "choice", "0", "choice", "1").startsWith("choice: pick exactly one option"));
        assertTrue(refusal(MULTIPLE).startsWith("choice: pick at least one option"));
        assertTrue(refusal(MULTIPLE, "choice", "3").startsWith("choice: must be an option number from 0 to 2"));
    }

    @Test
    void aNumberMayUseADecimalCommaButMustBeANumber() throws InputException {
        assertEquals(0, new BigDecimal("4.5").compareTo(Submission.fromForm(NUMERIC, form("answer", " 4,5 ")).number()));
        assertTrue(refusal(NUMERIC, "answer", "four").startsWith("answer: must be a number"));
        assertTrue(refusal(NUMERIC).startsWith("answer: type a number"));
    }

    @Test
    void aJsonAnswerOfTheRightShapeFitsAndTheWrongShapeIsNamed() {
        assertNull(new Submission(null, null, null, List.of(0, 1, 0), null).problemWith(MATCHING));
        assertTrue(new Submission(null, null, null, List.of(0, 1), null).problemWith(MATCHING).startsWith("matches:"));
        assertTrue(new Submission(null, null, null, List.of(0, 1, 5), null).problemWith(MATCHING).startsWith("matches:"));
        assertNull(new Submission(null, null, null, null, List.of(3, 1, 2)).problemWith(ORDERING));
        assertTrue(new Submission(null, null, null, null, List.of(1, 1, 2)).problemWith(ORDERING).startsWith("positions:"));
        assertTrue(new Submission(List.of(0), null, null, null, null).problemWith(ORDERING).startsWith("positions:"));
        assertTrue(new Submission(List.of(0, 1), null, null, null, null).problemWith(SINGLE).startsWith("choices:"));
        assertTrue(new Submission(List.of(0, 0), null, null, null, null).problemWith(MULTIPLE).startsWith("choices:"));
        assertTrue(new Submission(null, true, null, null, null).problemWith(NUMERIC).startsWith("number:"));
    }

    @Test
    void aJsonAnswerWithAHoleInAListIsAProblemNotACrash() {
        List<Integer> holey = Arrays.asList(0, null, 1);
        assertNotNull(new Submission(holey, null, null, null, null).problemWith(MULTIPLE));
        assertNotNull(new Submission(null, null, null, holey, null).problemWith(MATCHING));
        assertNotNull(new Submission(null, null, null, null, Arrays.asList(1, null, 3)).problemWith(ORDERING));
    }

    @Test
    void anAnswerSurvivesItsStoredJson() {
        Submission s = new Submission(null, null, new BigDecimal("27.10"), null, null);
        assertEquals(s, Submission.fromJson(s.toJson()));
        Submission m = new Submission(null, null, null, List.of(1, 0, 1), null);
        assertEquals(m, Submission.fromJson(m.toJson()));
        assertEquals("{\"positions\":[2,1]}", new Submission(null, null, null, null, List.of(2, 1)).toJson(), "absent parts are left out");
    }

    @Test
    void aSubmissionAndItsScoreAreValuesTheListsTheyWereMadeFromCannotChange() {
        List<Integer> picked = new java.util.ArrayList<>(List.of(0, 2));
        List<Integer> withHole = new java.util.ArrayList<>(Arrays.asList(1, null));
        Submission s = new Submission(picked, null, null, withHole, null);
        picked.add(3);
        withHole.set(0, 5);
        assertEquals(List.of(0, 2), s.choices());
        assertEquals(Arrays.asList(1, null), s.matches(), "a null element is kept, for problemWith to name");
        assertThrows(UnsupportedOperationException.class, () -> s.choices().add(1));
        List<String> feedback = new java.util.ArrayList<>(List.of("right"));
        Scoring.Result r = new Scoring.Result(1, 1, true, feedback);
        feedback.clear();
        assertEquals(List.of("right"), r.feedback());
        assertThrows(UnsupportedOperationException.class, () -> r.feedback().add("x"));
    }
}
