package cloudlab.lesson;

import cloudlab.sim.Host;
import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quiz questions as the lesson reader reads them: every type reads into what it means, and a
 * malformed question is refused with the file, the quiz block's line and the place in it.
 */
class QuestionReaderTest {
    static final String FILE = "03-reading.md";

    static String lessonText(String questionsYaml) {
        return "---\ntitle: Reading questions\norder: 3\nsummary: A lesson to read.\nteaches:\n  - read a quiz\nminutes: 5\n---\n\n"
                + "## Text\n\nSome prose first.\n\n```quiz\nid: reading-quiz\nquestions:\n" + questionsYaml.indent(2) + "```\n";
    }

    /** The 1-based line of the quiz block's opening fence. */
    static int quizLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].equals("```quiz")) return i + 1;
        throw new AssertionError("no quiz block");
    }

    static Quiz read(String questionsYaml) throws InputException {
        return LessonReader.read(lessonText(questionsYaml), FILE, null, RegionCatalog.builtIn()).quiz();
    }

    static Question one(String questionYaml) {
        try {
            return read(questionYaml).questions().get(0);
        } catch (InputException e) {
            throw new AssertionError("should read: " + e.getMessage(), e);
        }
    }

    /** The refusal of a lesson holding this question; it must name the file and the quiz block's line. */
    static String refused(String questionsYaml) {
        String text = lessonText(questionsYaml);
        InputException e = assertThrows(InputException.class, () -> LessonReader.read(text, FILE, null, RegionCatalog.builtIn()));
        String m = e.getMessage();
        assertTrue(m.contains(FILE + ": quiz block at line " + quizLine(text) + ": "), "names the file and line: " + m);
        return m;
    }

    static final String HOST_LAYOUT = """
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
                              hypervisor: type2
                              cores: CORES
                              memoryGiB: 32
                              storageGiB: 500
                              vms:
                                - {id: web-1, vcpus: 1, memoryGiB: 4, diskGiB: 20, app: web}
            """;

    static String predict(String cores, String rest) {
        return "- id: q-predict\n  type: predict\n  prompt: \"Host with {{cores}} cores: how many more fit?\"\n"
                + HOST_LAYOUT.replace("CORES", cores).indent(2) + rest.indent(2);
    }

    @Test
    void eachTypeReadsIntoWhatItMeans() throws InputException {
        Quiz quiz = read("""
                - id: q-single
                  type: single
                  prompt: One?
                  options:
                    - {text: A, correct: true, feedback: yes}
                    - {text: B}
                  explanation: Because.
                - id: q-multi
                  type: multiple
                  prompt: Some?
                  options:
                    - {text: A, correct: true}
                    - {text: B, correct: true}
                    - {text: C}
                - id: q-tf
                  type: truefalse
                  prompt: True?
                  answer: false
                - id: q-num
                  type: numeric
                  prompt: How many?
                  answer: 27.1
                  tolerance: 0.5
                  relativeTolerance: 0.02
                  unit: ms
                - id: q-match
                  type: matching
                  prompt: Match.
                  pairs:
                    - {left: ESXi, right: type 1}
                    - {left: VirtualBox, right: type 2}
                - id: q-order
                  type: ordering
                  prompt: Order.
                  items: [region, zone, host]
                - id: q-cap
                  type: challenge
                  prompt: Solve.
                  challenge: some-challenge
                """);
        assertEquals("reading-quiz", quiz.id());
        List<Question> qs = quiz.questions();
        assertEquals(List.of("q-single", "q-multi", "q-tf", "q-num", "q-match", "q-order", "q-cap"), qs.stream().map(Question::id).toList());

        Question single = qs.get(0);
        assertEquals(Question.Type.SINGLE, single.type());
        assertEquals(List.of(new Question.Option("A", true, "yes"), new Question.Option("B", false, null)), single.options());
        assertEquals("Because.", single.explanation());
        assertEquals(2, qs.get(1).correctCount());

        Question tf = qs.get(2);
        assertEquals(Boolean.FALSE, tf.truth());
        assertTrue(tf.answersTruth());

        Question num = qs.get(3);
        assertEquals(new BigDecimal("27.1"), num.number());
        assertEquals(new BigDecimal("0.5"), num.tolerance());
        assertEquals(new BigDecimal("0.02"), num.relativeTolerance());
        assertEquals("ms", num.unit());
        assertTrue(num.answersNumber());

        assertEquals(List.of(new Question.Pair("ESXi", "type 1"), new Question.Pair("VirtualBox", "type 2")), qs.get(4).pairs());
        assertEquals(List.of("region", "zone", "host"), qs.get(5).items());
        assertEquals("some-challenge", qs.get(6).challenge());
        for (Question q : qs) {
            assertFalse(q.hasVariants(), q.id());
            assertTrue(q.version().matches("[0-9a-f]{12}"), q.version());
            assertEquals(q, q.variant("0123456789abcdef"), "a question without variants is its own variant");
        }
    }

    @Test
    void aPredictQuestionGetsItsAnswerFromTheCoreAndADefaultView() {
        // Type 2 keeps 1 core and 4 GiB: 8 - 1 - 1 = 6 free vCPUs fit 3 VMs of 2; 32 - 4 - 4 = 24 GiB would fit 6.
        Question fits = one(predict("8", "ask: {fits: {host: h1, vm: {vcpus: 2, memoryGiB: 4, diskGiB: 20}}}\n"));
        assertEquals(Question.Type.PREDICT, fits.type());
        assertEquals(0, new BigDecimal(3).compareTo(fits.number()));
        assertNull(fits.truth());
        assertEquals("hosts", fits.predict().view(), "one zone: drawn as hosts");
        assertEquals(List.of(), fits.predict().fail());

        Question available = one(predict("8", "fail: [h1]\nask: {available: web}\nview: infrastructure\n"));
        assertEquals(Boolean.FALSE, available.truth());
        assertNull(available.number());
        assertEquals(List.of("h1"), available.predict().fail());
        assertEquals("infrastructure", available.predict().view());

        assertEquals(Boolean.TRUE, one(predict("8", "ask: {hostUp: h1}\n")).truth());
        assertEquals(0, BigDecimal.ONE.compareTo(one(predict("8", "ask: {running: web}\n")).number()));
        BigDecimal rtt = one(predict("8", "ask: {rttMs: {user: {lat: 38.9, lon: -77.0}, region: us-east-1}}\n")).number();
        assertTrue(rtt.compareTo(new BigDecimal(2)) >= 0, "at least the fixed 2 ms: " + rtt);
    }

    @Test
    void hintsAreReadWithTheirCost() {
        Question q = one("""
                - id: q-num
                  type: numeric
                  prompt: How many?
                  answer: 4
                  hints:
                    - {text: Think., cost: 0.25}
                    - {text: Count., cost: 0.75}
                """);
        assertEquals(List.of(new Question.Hint("Think.", new BigDecimal("0.25")), new Question.Hint("Count.", new BigDecimal("0.75"))), q.hints());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a single choice with two correct options", """
                        - id: q-single
                          type: single
                          prompt: One?
                          options:
                            - {text: A, correct: true}
                            - {text: B, correct: true}
                        """, "questions[0].options: a single-choice question has exactly one correct option (found 2)"),
                Arguments.of("a multiple choice with no correct option", """
                        - id: q-multi
                          type: multiple
                          prompt: Some?
                          options:
                            - {text: A}
                            - {text: B}
                        """, "questions[0].options: a multiple-choice question has at least one correct option"),
                Arguments.of("a matching question with a left side twice", """
                        - id: q-ok
                          type: truefalse
                          prompt: Fine.
                          answer: true
                        - id: q-match
                          type: matching
                          prompt: Match.
                          pairs:
                            - {left: ESXi, right: type 1}
                            - {left: Xen, right: type 1}
                            - {left: ESXi, right: type 2}
                        """, "questions[1].pairs: each left side appears once"),
                Arguments.of("an ordering with an item twice", """
                        - id: q-order
                          type: ordering
                          prompt: Order.
                          items: [region, zone, region]
                        """, "questions[0].items: each item appears once"),
                Arguments.of("an ordering of one item", """
                        - id: q-order
                          type: ordering
                          prompt: Order.
                          items: [region]
                        """, "questions[0].items: must hold 2 to 10 items"),
                Arguments.of("a predict question with an answer", predict("8", "answer: 3\nask: {running: web}\n"),
                        "questions[0].answer: a predict question's answer is computed by the lab; remove answer"),
                Arguments.of("a predict question about an unknown host", predict("8", "ask: {hostUp: h9}\n"),
                        "questions[0].ask.hostUp: the layout has no host h9"),
                Arguments.of("a predict question fitting on an unknown host",
                        predict("8", "ask: {fits: {host: h9, vm: {vcpus: 2, memoryGiB: 4, diskGiB: 20}}}\n"),
                        "questions[0].ask.fits.host: the layout has no host h9"),
                Arguments.of("a predict question about an unknown app", predict("8", "ask: {available: shop}\n"),
                        "questions[0].ask.available: the layout declares no app shop"),
                Arguments.of("a predict question failing an unknown id", predict("8", "fail: [nowhere]\nask: {available: web}\n"),
                        "questions[0].fail[0]: "),
                Arguments.of("a predict question asking two things", predict("8", "ask: {available: web, hostUp: h1}\n"),
                        "questions[0].ask: ask one thing"),
                Arguments.of("a predict question without a layout", """
                        - id: q-predict
                          type: predict
                          prompt: What?
                          ask: {available: web}
                        """, "questions[0]: missing required field layout"),
                Arguments.of("hints that together cost more than the question", """
                        - id: q-num
                          type: numeric
                          prompt: How many?
                          answer: 4
                          hints:
                            - {text: Think., cost: 0.6}
                            - {text: Count., cost: 0.6}
                        """, "questions[0].hints: the hints together cost more than the question"),
                Arguments.of("one hint costing more than the question", """
                        - id: q-num
                          type: numeric
                          prompt: How many?
                          answer: 4
                          hints:
                            - {text: Think., cost: 1.5}
                        """, "questions[0].hints[0].cost: must be a share of the question's points from 0 to 1 (got 1.5)"),
                Arguments.of("an unknown type", """
                        - id: q-essay
                          type: essay
                          prompt: Write.
                        """, "questions[0].type: must be single, multiple, truefalse, numeric, matching, ordering, predict or challenge (got essay)"),
                Arguments.of("an unknown field", """
                        - id: q-tf
                          type: truefalse
                          prompt: True?
                          answer: true
                          answers: false
                        """, "questions[0].answers: unknown field answers"),
                Arguments.of("options on a matching question", """
                        - id: q-match
                          type: matching
                          prompt: Match.
                          pairs:
                            - {left: ESXi, right: type 1}
                            - {left: VirtualBox, right: type 2}
                          options:
                            - {text: A, correct: true}
                            - {text: B}
                        """, "questions[0].options: only single and multiple choice questions have options"),
                Arguments.of("a duplicate question id", """
                        - id: q-tf
                          type: truefalse
                          prompt: True?
                          answer: true
                        - id: q-tf
                          type: truefalse
                          prompt: Again?
                          answer: true
                        """, "questions[1].id: duplicate question id q-tf"),
                Arguments.of("a variant parameter with no values", """
                        - id: q-num
                          type: numeric
                          prompt: "{{n}}?"
                          answer: 4
                          variants:
                            n: []
                        """, "questions[0].variants.n: must list 1 to 20 values"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedQuestionIsRefusedNamingThePlace(String what, String yaml, String expected) {
        String m = refused(yaml);
        assertTrue(m.contains(expected), "expected «" + expected + "» in: " + m);
    }

    @Test
    void aVariantQuestionIsReadOncePerValueWithThePlaceholdersFilled() {
        Question q = one(predict("\"{{cores}}\"", "ask: {fits: {host: h1, vm: {vcpus: 2, memoryGiB: 4, diskGiB: 20}}}\nvariants:\n  cores: [4, 6, 8]\n"));
        assertTrue(q.hasVariants());
        assertEquals(3, q.variants().size());
        List<String> labels = new ArrayList<>();
        List<Integer> answers = new ArrayList<>();
        for (Question v : q.variants()) {
            labels.add(v.variantLabel());
            answers.add(v.number().intValueExact());
            int cores = Integer.parseInt(v.variantLabel().substring("cores=".length()));
            assertEquals("Host with " + cores + " cores: how many more fit?", v.prompt());
            assertEquals(cores, v.predict().layout().node("h1", Host.class).spec().cores(), "the number took the value's type");
            assertEquals(q.version(), v.version(), "one version for all variants of what the author wrote");
            assertTrue(v.hasVariants(), "a variant still knows it is one of several");
            assertEquals(List.of("cores=4", "cores=6", "cores=8"), v.variants().stream().map(Question::variantLabel).toList());
        }
        assertEquals(List.of("cores=4", "cores=6", "cores=8"), labels);
        // (cores - 1 reserved - 1 used) / 2, rounded down
        assertEquals(List.of(1, 2, 3), answers);
        assertEquals("cores=4", q.variantLabel(), "the question itself reads as its first variant");
        assertEquals(q.variants().get(0).prompt(), q.prompt());
    }

    @Test
    void twoParametersMakeEveryCombination() {
        Question q = one("""
                - id: q-sum
                  type: numeric
                  prompt: "{{a}} and {{b}}"
                  answer: 1
                  variants:
                    a: [1, 2, 3]
                    b: [x, y]
                """);
        assertEquals(List.of("a=1, b=x", "a=1, b=y", "a=2, b=x", "a=2, b=y", "a=3, b=x", "a=3, b=y"),
                q.variants().stream().map(Question::variantLabel).toList());
        assertEquals("2 and y", q.variants().get(3).prompt());
    }

    @Test
    void aVariantThatBreaksForOneValueIsRefusedAtLoadNamingTheVariant() {
        String m = refused(predict("\"{{cores}}\"", "ask: {fits: {host: h1, vm: {vcpus: 2, memoryGiB: 4, diskGiB: 20}}}\nvariants:\n  cores: [4, 0, 8]\n"));
        assertTrue(m.startsWith("variant cores=0: "), m);
        assertTrue(m.contains("questions[0].layout.regions[0].zones[0].datacenters[0].hosts[0].cores"), m);
    }

    @Test
    void aVariantWhoseFailedIdDoesNotExistIsRefusedNamingTheVariant() {
        String m = refused(predict("8", "fail: [\"{{what}}\"]\nask: {available: web}\nvariants:\n  what: [h1, use1-az1, h2]\n")
                .replace("{{cores}} cores", "8 cores"));
        assertTrue(m.startsWith("variant what=h2: "), m);
        assertTrue(m.contains("questions[0].fail[0]"), m);
    }

    @Test
    void aPlaceholderNamingNoParameterIsRefusedRatherThanShownToLearners() {
        String m = refused("""
                - id: q-typo
                  type: numeric
                  prompt: "A host with {{core}} cores: how many?"
                  answer: 1
                  variants:
                    cores: [4, 8]
                """);
        assertTrue(m.contains("questions[0].variants: {{core}} is not a parameter (parameters: cores)"), m);
    }

    static String manyVariants(int... sizes) {
        StringBuilder sb = new StringBuilder("- id: q-many\n  type: numeric\n  prompt: \"many\"\n  answer: 1\n  variants:\n");
        for (int p = 0; p < sizes.length; p++) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < sizes[p]; i++) values.add(Integer.toString(i));
            sb.append("    p").append(p).append(": [").append(String.join(", ", values)).append("]\n");
        }
        return sb.toString();
    }

    @Test
    void variantsUpTo256AreAcceptedAndMoreAreRefusedWithTheTrueCount() {
        assertEquals(256, one(manyVariants(16, 16)).variants().size());
        assertEquals(240, one(manyVariants(20, 12)).variants().size());

        String m = refused(manyVariants(16, 17));
        assertTrue(m.contains("questions[0].variants: makes 272 variants; at most 256"), m);
        String huge = refused(manyVariants(20, 20, 20));
        assertTrue(huge.contains("questions[0].variants: makes 8000 variants; at most 256"), huge);
    }

    @Test
    void theVersionChangesWithWhatTheAuthorWroteAndOnlyThen() {
        String a = """
                - id: q-tf
                  type: truefalse
                  prompt: True?
                  answer: true
                """;
        String same = one(a).version();
        assertEquals(same, one(a).version());
        assertNotEquals(same, one(a.replace("answer: true", "answer: false")).version());
        assertNotEquals(same, one(a.replace("True?", "Really true?")).version());
    }

    @Test
    void theSeedIsSixteenHexDigitsFixedByLearnerQuizQuestionAndAttempt() {
        String s = Question.Seeds.of("L1", "quiz", "q", 1);
        assertTrue(Question.Seeds.valid(s), s);
        assertEquals(s, Question.Seeds.of("L1", "quiz", "q", 1));
        assertNotEquals(s, Question.Seeds.of("L1", "quiz", "q", 2));
        assertNotEquals(s, Question.Seeds.of("L2", "quiz", "q", 1));
        assertNotEquals(s, Question.Seeds.of("L1", "quiz", "q2", 1));
        assertFalse(Question.Seeds.valid("0123456789ABCDEF"), "upper case is not how the lab writes seeds");
        assertFalse(Question.Seeds.valid("0123456789abcde"));
        assertFalse(Question.Seeds.valid(null));
    }

    @Test
    void aQuestionNamingAChallengeNoLessonHoldsIsACourseProblem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve(FILE), lessonText("""
                - id: q-cap
                  type: challenge
                  prompt: Solve.
                  challenge: no-such-challenge
                """));
        Course c = Course.load(dir, RegionCatalog.builtIn());
        assertEquals(1, c.lessons().size());
        assertEquals(1, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).contains("question q-cap names the challenge no-such-challenge, which no lesson holds"),
                c.problems().get(0));
        assertNotNull(c.lessonOfQuiz("reading-quiz"));
    }
}
