package cloudlab.quiz;

import cloudlab.lesson.LessonReader;
import cloudlab.lesson.Question;
import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scoring rules, one question type at a time: partial credit for multiple choice, absolute
 * and relative tolerance at their edges, the share of a matching or an ordering, true/false,
 * predictions computed by the core, and hints scaling the points.
 */
class ScoringTest {
    static final double EPS = 1e-12;

    /** The first question of a one-question lesson read by the real lesson reader. */
    static Question read(String questionYaml) {
        String text = "---\ntitle: Scoring\norder: 1\nsummary: Questions to score.\nteaches:\n  - score answers\nminutes: 5\n---\n\n"
                + "## Quiz\n\nSome prose.\n\n```quiz\nid: t-quiz\nquestions:\n" + questionYaml.indent(2) + "```\n";
        try {
            return LessonReader.read(text, "01-scoring.md", null, RegionCatalog.builtIn()).quiz().questions().get(0);
        } catch (InputException e) {
            throw new AssertionError("the test question should read: " + e.getMessage(), e);
        }
    }

    static Submission choices(Integer... picked) {
        return new Submission(List.of(picked), null, null, null, null);
    }

    static Submission truth(boolean t) {
        return new Submission(null, t, null, null, null);
    }

    static Submission number(String n) {
        return new Submission(null, null, new BigDecimal(n), null, null);
    }

    static Submission matches(Integer... m) {
        return new Submission(null, null, null, List.of(m), null);
    }

    static Submission positions(Integer... p) {
        return new Submission(null, null, null, null, List.of(p));
    }

    @Nested
    class MultipleChoice {
        /** Options 0, 1, 2 are correct (k = 3); 3 and 4 are wrong. */
        final Question q = read("""
                - id: q-multi
                  type: multiple
                  prompt: Pick the right ones.
                  options:
                    - {text: A, correct: true, feedback: fa}
                    - {text: B, correct: true, feedback: fb}
                    - {text: C, correct: true}
                    - {text: D, feedback: fd}
                    - {text: E}
                """);

        @ParameterizedTest(name = "choosing {0} scores {1}")
        @CsvSource(delimiter = ';', value = {
                "0 1 2; 3; 3",      // all correct: 3/3
                "0 1; 2; 3",        // two correct: 2/3
                "2; 1; 3",          // one correct: 1/3
                "0 1 3; 1; 3",      // two correct, one wrong: (2 - 1)/3
                "0 1 2 3; 2; 3",    // all correct and one wrong: (3 - 1)/3
                "0 1 2 3 4; 1; 3",  // everything: (3 - 2)/3
                "0 3; 0; 3",        // one correct, one wrong: 0
                "0 3 4; 0; 3",      // one correct, two wrong: -1/3 floored to 0
                "3 4; 0; 3",        // only wrong ones: floored to 0
        })
        void eachCorrectAddsOneKthAndEachWrongTakesOneKthAwayNeverBelowZero(String picked, int numerator, int k) {
            Integer[] idx = java.util.Arrays.stream(picked.split(" ")).map(Integer::valueOf).toArray(Integer[]::new);
            Scoring.Result r = Scoring.score(q, choices(idx));
            assertEquals((double) numerator / k, r.score(), EPS);
            assertEquals(1.0, r.max());
            assertEquals(picked.equals("0 1 2"), r.correct(), "only the exact set of correct options is fully right");
        }

        @Test
        void theFeedbackOfEveryChosenOptionIsReturnedInOptionOrder() {
            assertEquals(List.of("fa", "fd"), Scoring.score(q, choices(0, 3)).feedback());
            assertEquals(List.of("fb"), Scoring.score(q, choices(1, 2)).feedback(), "an option without feedback adds none");
        }

        @Test
        void withOneCorrectOptionAWrongExtraCancelsItOut() {
            Question one = read("""
                    - id: q-one
                      type: multiple
                      prompt: Pick.
                      options:
                        - {text: A, correct: true}
                        - {text: B}
                        - {text: C}
                    """);
            assertEquals(1.0, Scoring.score(one, choices(0)).score(), EPS);
            assertEquals(0.0, Scoring.score(one, choices(0, 1)).score(), EPS);
            assertEquals(0.0, Scoring.score(one, choices(1, 2)).score(), EPS);
        }

        @Test
        void singleChoiceIsAllOrNothing() {
            Question single = read("""
                    - id: q-single
                      type: single
                      prompt: Pick one.
                      options:
                        - {text: A}
                        - {text: B, correct: true}
                    """);
            Scoring.Result right = Scoring.score(single, choices(1));
            assertEquals(1.0, right.score(), EPS);
            assertTrue(right.correct());
            Scoring.Result wrong = Scoring.score(single, choices(0));
            assertEquals(0.0, wrong.score(), EPS);
            assertFalse(wrong.correct());
        }
    }

    @Nested
    class Numeric {
        @ParameterizedTest(name = "{0} against 27.1 ± 0.5: {1}")
        @CsvSource({
                "27.1, true", "27.6, true", "26.6, true", "27.60, true",
                "27.6000001, false", "26.5999999, false", "28, false", "-27.1, false",
        })
        void anAbsoluteToleranceIncludesItsEdgeAndNothingBeyond(String given, boolean right) {
            Question q = read("""
                    - id: q-rtt
                      type: numeric
                      prompt: Round trip?
                      answer: 27.1
                      tolerance: 0.5
                      unit: ms
                    """);
            Scoring.Result r = Scoring.score(q, number(given));
            assertEquals(right, r.correct(), given);
            assertEquals(right ? 1.0 : 0.0, r.score(), EPS, given);
        }

        @ParameterizedTest(name = "{0} against exactly 4: {1}")
        @CsvSource({"4, true", "4.000, true", "4.0001, false", "3.9999, false", "5, false"})
        void withoutAToleranceOnlyTheSameValueCounts(String given, boolean right) {
            Question q = read("""
                    - id: q-fit
                      type: numeric
                      prompt: How many?
                      answer: 4
                    """);
            assertEquals(BigDecimal.ZERO, q.tolerance(), "the tolerance defaults to 0");
            assertEquals(right, Scoring.score(q, number(given)).correct(), given);
        }

        @ParameterizedTest(name = "{0} against 200 within 5%: {1}")
        @CsvSource({"200, true", "210, true", "190, true", "210.0, true", "210.01, false", "189.99, false"})
        void aRelativeToleranceIsAShareOfTheAnswer(String given, boolean right) {
            Question q = read("""
                    - id: q-rel
                      type: numeric
                      prompt: How far?
                      answer: 200
                      relativeTolerance: 0.05
                    """);
            assertEquals(right, Scoring.score(q, number(given)).correct(), given);
        }

        @ParameterizedTest(name = "{0} against -200 within 5%: {1}")
        @CsvSource({"-210, true", "-190, true", "-210.5, false", "210, false"})
        void aRelativeToleranceOfANegativeAnswerUsesItsSize(String given, boolean right) {
            Question q = read("""
                    - id: q-neg
                      type: numeric
                      prompt: How cold?
                      answer: -200
                      relativeTolerance: 0.05
                    """);
            assertEquals(right, Scoring.score(q, number(given)).correct(), given);
        }

        @ParameterizedTest(name = "{0} against 100 ± 1 or 5%: {1}")
        @CsvSource({"101, true", "104, true", "105, true", "95, true", "105.1, false", "94.9, false"})
        void eitherToleranceIsEnough(String given, boolean right) {
            Question q = read("""
                    - id: q-both
                      type: numeric
                      prompt: How much?
                      answer: 100
                      tolerance: 1
                      relativeTolerance: 0.05
                    """);
            assertEquals(right, Scoring.score(q, number(given)).correct(), given);
        }

        @Test
        void noNumberIsWrong() {
            Question q = read("""
                    - id: q-fit
                      type: numeric
                      prompt: How many?
                      answer: 4
                    """);
            assertFalse(Scoring.withinTolerance(q, null));
        }
    }

    @Nested
    class Matching {
        /** The rights are, by first appearance: 0 = type 1, 1 = type 2, 2 = emulator. */
        final Question q = read("""
                - id: q-match
                  type: matching
                  prompt: Match.
                  pairs:
                    - {left: ESXi, right: type 1}
                    - {left: VirtualBox, right: type 2}
                    - {left: Xen, right: type 1}
                    - {left: QEMU TCG, right: emulator}
                """);

        @Test
        void theRightHandSidesAreDistinctInOrderOfFirstAppearance() {
            assertEquals(List.of("type 1", "type 2", "emulator"), q.rights());
        }

        @Test
        void theScoreIsTheShareOfLeftSidesMatchedRight() {
            Scoring.Result all = Scoring.score(q, matches(0, 1, 0, 2));
            assertEquals(1.0, all.score(), EPS);
            assertTrue(all.correct());
            assertEquals(0.75, Scoring.score(q, matches(0, 1, 1, 2)).score(), EPS);
            assertEquals(0.5, Scoring.score(q, matches(0, 0, 0, 0)).score(), EPS, "two lefts really match type 1");
            assertEquals(0.25, Scoring.score(q, matches(2, 0, 0, 1)).score(), EPS);
            Scoring.Result none = Scoring.score(q, matches(1, 0, 2, 0));
            assertEquals(0.0, none.score(), EPS);
            assertFalse(none.correct());
            assertFalse(Scoring.score(q, matches(0, 1, 1, 2)).correct(), "a partial match is not fully right");
        }
    }

    @Nested
    class Ordering {
        final Question q = read("""
                - id: q-order
                  type: ordering
                  prompt: Largest first.
                  items: [region, availability zone, data center, host, VM]
                """);

        @Test
        void theScoreIsTheShareOfItemsInTheirPlace() {
            Scoring.Result right = Scoring.score(q, positions(1, 2, 3, 4, 5));
            assertEquals(1.0, right.score(), EPS);
            assertTrue(right.correct());
            assertEquals(0.6, Scoring.score(q, positions(2, 1, 3, 4, 5)).score(), EPS, "two swapped: 3 of 5 in place");
            assertEquals(0.2, Scoring.score(q, positions(1, 3, 4, 5, 2)).score(), EPS, "only the first in place");
            Scoring.Result reversed = Scoring.score(q, positions(5, 4, 3, 2, 1));
            assertEquals(0.2, reversed.score(), EPS, "reversed: the middle one stays in place");
            assertFalse(reversed.correct());
            assertEquals(0.0, Scoring.score(q, positions(2, 3, 4, 5, 1)).score(), EPS, "rotated: none in place");
        }
    }

    @Test
    void trueFalseIsRightOnlyWhenItMatches() {
        Question yes = read("""
                - id: q-tf
                  type: truefalse
                  prompt: Is it?
                  answer: true
                """);
        assertEquals(1.0, Scoring.score(yes, truth(true)).score(), EPS);
        assertTrue(Scoring.score(yes, truth(true)).correct());
        assertEquals(0.0, Scoring.score(yes, truth(false)).score(), EPS);
        Question no = read("""
                - id: q-tf
                  type: truefalse
                  prompt: Is it?
                  answer: false
                """);
        assertEquals(1.0, Scoring.score(no, truth(false)).score(), EPS);
        assertEquals(0.0, Scoring.score(no, truth(true)).score(), EPS);
    }

    /** One type 1 host of 8 cores and 32 GiB in one zone; the app {@code web} needs 1 running VM and has 1. */
    static final String PREDICT_LAYOUT = """
              layout:
                apps:
                  - {name: web, minRunning: 1}
                regions:
                  - code: us-east-1
                    zones:
                      - id: use1-az1
                        datacenters:
                          - id: dc1
                            hosts:
                              - id: h1
                                hypervisor: type1
                                cores: 8
                                memoryGiB: 32
                                storageGiB: 500
                                vms:
                                  - {id: web-1, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: web}
            """;

    @Test
    void aPredictionOfTruthIsScoredAgainstWhatTheCoreComputes() {
        Question up = read("- id: q-up\n  type: predict\n  prompt: Is web available?\n" + PREDICT_LAYOUT + "  ask: {available: web}\n");
        assertEquals(Boolean.TRUE, up.truth());
        assertTrue(up.answersTruth());
        assertFalse(up.answersNumber());
        assertEquals(1.0, Scoring.score(up, truth(true)).score(), EPS);
        assertEquals(0.0, Scoring.score(up, truth(false)).score(), EPS);

        Question down = read("- id: q-down\n  type: predict\n  prompt: Is web available when the zone fails?\n" + PREDICT_LAYOUT
                + "  fail: [use1-az1]\n  ask: {available: web}\n");
        assertEquals(Boolean.FALSE, down.truth());
        assertEquals(1.0, Scoring.score(down, truth(false)).score(), EPS);
        assertEquals(0.0, Scoring.score(down, truth(true)).score(), EPS);
    }

    @Test
    void aPredictionOfANumberIsScoredAgainstWhatTheCoreComputesWithItsTolerance() {
        // Type 1 keeps no cores: 8 - 2 = 6 free vCPUs fit 3 more VMs of 2 vCPUs; memory (30 - 4 = 26 GiB) would allow 6.
        Question fits = read("- id: q-fits\n  type: predict\n  prompt: How many more?\n" + PREDICT_LAYOUT
                + "  ask: {fits: {host: h1, vm: {vcpus: 2, memoryGiB: 4, diskGiB: 20}}}\n");
        assertEquals(0, new BigDecimal(3).compareTo(fits.number()), "computed: " + fits.number());
        assertTrue(fits.answersNumber());
        assertEquals(1.0, Scoring.score(fits, number("3")).score(), EPS);
        assertEquals(0.0, Scoring.score(fits, number("4")).score(), EPS);

        Question loose = read("- id: q-fits\n  type: predict\n  prompt: How many more?\n" + PREDICT_LAYOUT
                + "  ask: {fits: {host: h1, vm: {vcpus: 2, memoryGiB: 4, diskGiB: 20}}}\n  tolerance: 1\n");
        assertEquals(1.0, Scoring.score(loose, number("4")).score(), EPS);
        assertEquals(0.0, Scoring.score(loose, number("5")).score(), EPS);
    }

    @Nested
    class Hints {
        final Question q = read("""
                - id: q-hinted
                  type: numeric
                  prompt: How many?
                  answer: 4
                  hints:
                    - {text: First think., cost: 0.25}
                    - {text: Then count., cost: 0.5}
                """);

        @Test
        void aHintCostingAQuarterLeavesThreeQuartersOfThePoints() {
            Scoring.Result r = Scoring.score(q, number("4"), List.of(0));
            assertEquals(0.75, r.score(), EPS);
            assertEquals(1.0, r.max());
            assertTrue(r.correct(), "still the right answer");
        }

        @Test
        void hintCostsAddUp() {
            assertEquals(0.25, Scoring.score(q, number("4"), List.of(0, 1)).score(), EPS);
            assertEquals(0.5, Scoring.score(q, number("4"), List.of(1)).score(), EPS);
        }

        @Test
        void noHintsMeansFullPointsAndAWrongAnswerStaysAtZero() {
            assertEquals(1.0, Scoring.score(q, number("4"), List.of()).score(), EPS);
            assertEquals(1.0, Scoring.score(q, number("4")).score(), EPS);
            assertEquals(0.0, Scoring.score(q, number("5"), List.of(0)).score(), EPS);
        }

        @Test
        void hintsScalePartialCreditToo() {
            Question order = read("""
                    - id: q-order
                      type: ordering
                      prompt: Order.
                      items: [a, b, c, d]
                      hints:
                        - {text: a comes first., cost: 0.25}
                    """);
            assertEquals(0.5 * 0.75, Scoring.score(order, positions(1, 2, 4, 3), List.of(0)).score(), EPS);
        }

        @Test
        void aHintIndexTheQuestionDoesNotHaveCostsNothing() {
            assertEquals(1.0, Scoring.score(q, number("4"), List.of(7, -1)).score(), EPS);
        }

        @Test
        void theCostOfHintsIsCappedAtAllThePoints() {
            Question base = q;
            Question costly = new Question(base.id(), base.type(), base.prompt(), base.options(), base.truth(), base.number(),
                    base.tolerance(), base.relativeTolerance(), base.unit(), base.explanation(), base.pairs(), base.items(),
                    List.of(new Question.Hint("a", new BigDecimal("0.75")), new Question.Hint("b", new BigDecimal("0.5"))),
                    base.predict(), base.challenge(), base.version(), base.variantLabel(), base.variants());
            assertEquals(0, BigDecimal.ONE.compareTo(costly.hintCost(List.of(0, 1))));
            Scoring.Result r = Scoring.score(costly, number("4"), List.of(0, 1));
            assertEquals(0.0, r.score(), EPS, "never below zero");
        }
    }

    @Test
    void aChallengeQuestionIsNotScoredHere() {
        Question c = read("""
                - id: q-cap
                  type: challenge
                  prompt: Solve it.
                  challenge: some-challenge
                """);
        assertThrows(IllegalArgumentException.class, () -> Scoring.score(c, truth(true)));
    }
}
