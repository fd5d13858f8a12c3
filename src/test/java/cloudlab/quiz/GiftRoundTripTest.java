package cloudlab.quiz;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonReader;
import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export → import → the real lesson reader gives the questions back: on every quiz of the course,
 * on a hand-written lab quiz full of GIFT's special characters, and on hand-written GIFT.
 */
class GiftRoundTripTest {

    /** Reads a quiz block's YAML with the real lesson reader, inside a minimal lesson. */
    static Quiz read(String quizYaml) throws InputException {
        String lesson = "---\ntitle: GIFT test\norder: 1\nsummary: A lesson around an imported quiz.\nteaches:\n  - answer questions\n"
                + "minutes: 5\n---\n\nSome text.\n\n```quiz\n" + quizYaml + "```\n";
        return LessonReader.read(lesson, "gift-test.md", null, RegionCatalog.builtIn()).quiz();
    }

    static Quiz roundTrip(Quiz quiz) throws InputException {
        return read(Gift.importText(Gift.export(quiz), quiz.id()));
    }

    static boolean exportable(Question q) {
        return q.type() != Question.Type.ORDERING && q.type() != Question.Type.CHALLENGE;
    }

    /** The tolerance the lab accepts at the answer: the larger of the absolute and the relative one. */
    static BigDecimal effectiveTolerance(Question q) {
        if (q.relativeTolerance() == null) return q.tolerance();
        return q.tolerance().max(q.number().abs().multiply(q.relativeTolerance()));
    }

    /** Same type (a predict question becomes what it answers), prompt, options, truth, number, tolerance, pairs, explanation. */
    static void assertEquivalent(Question want, Question got) {
        String at = want.id() + ": ";
        Question.Type type = want.type() != Question.Type.PREDICT ? want.type()
                : want.truth() != null ? Question.Type.TRUEFALSE : Question.Type.NUMERIC;
        assertEquals(want.id(), got.id(), at + "id");
        assertEquals(type, got.type(), at + "type");
        // a predict question's text carries its layout in words, so it is answerable from the text alone
        String prompt = want.predict() == null ? want.prompt() : GiftWriter.describe(want.predict()) + " " + want.prompt();
        assertEquals(prompt, got.prompt(), at + "prompt");
        assertEquals(want.options(), got.options(), at + "options (text, correct, feedback)");
        assertEquals(want.truth(), got.truth(), at + "truth");
        if (want.number() == null) {
            assertEquals(null, got.number(), at + "number");
        } else {
            assertEquals(0, want.number().compareTo(got.number()), at + "number " + want.number() + " came back as " + got.number());
            assertEquals(0, effectiveTolerance(want).compareTo(effectiveTolerance(got)),
                    at + "tolerance " + effectiveTolerance(want) + " came back as " + effectiveTolerance(got));
            assertEquals(want.unit(), got.unit(), at + "unit");
        }
        assertEquals(want.pairs(), got.pairs(), at + "pairs");
        assertEquals(want.explanation(), got.explanation(), at + "explanation");
    }

    static void assertRoundTrip(Quiz quiz) throws InputException {
        Quiz back = roundTrip(quiz);
        List<Question> want = quiz.questions().stream().filter(GiftRoundTripTest::exportable).toList();
        assertEquals(quiz.id(), back.id());
        assertEquals(want.size(), back.questions().size(), quiz.id() + ": number of questions");
        for (int i = 0; i < want.size(); i++) assertEquivalent(want.get(i), back.questions().get(i));
    }

    @Test
    void everyExportableQuestionOfTheCourseComesBack() throws InputException {
        Course course = Course.load(Path.of("lessons"), RegionCatalog.builtIn());
        Set<Question.Type> seen = EnumSet.noneOf(Question.Type.class);
        int quizzes = 0;
        for (Lesson lesson : course.lessons()) {
            if (lesson.quiz() == null) continue;
            assertRoundTrip(lesson.quiz());
            lesson.quiz().questions().forEach(q -> seen.add(q.type()));
            quizzes++;
        }
        assertTrue(quizzes >= 5, "the course's quizzes were read: " + course.problems());
        // the course holds every type GIFT has, plus predict, so the loop above covered them all
        assertTrue(seen.containsAll(EnumSet.of(Question.Type.SINGLE, Question.Type.MULTIPLE, Question.Type.TRUEFALSE,
                Question.Type.NUMERIC, Question.Type.MATCHING, Question.Type.PREDICT)), "types seen: " + seen);
    }

    /** A lab quiz whose texts hold every GIFT special character, line breaks and look-alikes of GIFT syntax. */
    static final String TRICKY = """
            id: tricky-quiz
            questions:
              - id: q-braces
                type: single
                prompt: "Is {x} = ~y # z: C:\\\\temp -> next? ::not-a-title::"
                options:
                  - text: "%50% of it, a -> b"
                    correct: true
                    feedback: "Right #1: {yes} = ~ok~ \\\\o/"
                  - text: "T"
                    feedback: "#### not general feedback"
                  - text: "=wrong= and ~tilde~"
                explanation: "Line one: a=b\\nLine two // not a comment\\n\\nafter a blank line"
              - id: q-many
                type: multiple
                prompt: "[html] is not a format marker here; pick {all}"
                options:
                  - text: "one"
                    correct: true
                  - text: "two: 2"
                    correct: true
                    feedback: "%-50% is text"
                  - text: "three"
                    correct: true
                  - text: "four"
                  - text: "five -> 5"
                    feedback: "no"
                  - text: "six"
                    correct: true
              - id: q-true
                type: truefalse
                prompt: "T"
                answer: true
              - id: q-false
                type: truefalse
                prompt: "FALSE?"
                answer: false
                explanation: "#### TRUE"
              - id: q-relative
                type: numeric
                prompt: "How far is it, in km: {#4:0}?"
                answer: -27.1
                tolerance: 0.5
                relativeTolerance: 0.05
                unit: "km # approx"
                hints:
                  - {text: "Think.", cost: 0.5}
              - id: q-variants
                type: numeric
                prompt: "What is {{a}} + 1?"
                answer: "{{b}}"
                variants:
                  a: [1, 2]
                  b: [2]
              - id: q-pairs
                type: matching
                prompt: "Match: left -> right"
                pairs:
                  - {left: "a -> b", right: "c -> d"}
                  - {left: "x = y", right: "{z}"}
                  - {left: "p:q", right: "c -> d"}
                  - {left: "tail-", right: ">head"}
                explanation: "-> arrows everywhere"
              - id: q-order
                type: ordering
                prompt: "Order these."
                items: [a, b]
            """;

    @Test
    void aQuizFullOfSpecialCharactersComesBack() throws InputException {
        Quiz quiz = read(TRICKY);
        assertRoundTrip(quiz);
        Quiz back = roundTrip(quiz);
        // the relative tolerance is written as the absolute one it allows at the answer: 5% of 27.1
        assertEquals(0, new BigDecimal("1.355").compareTo(back.question("q-relative").tolerance()));
        assertEquals(null, back.question("q-relative").relativeTolerance());
    }

    /** GIFT as a Moodle author would write it, with escapes, weights, ranges and comments. */
    static final String SAMPLE = """
            // A hand-written sample
            $CATEGORY: $course$/Networking

            ::Ports\\: the basics::Which port does HTTPS use by default? {
              =443#Right\\: TLS listens on 443.
              ~80#That is plain HTTP.
              ~8080 \\{proxy\\}#A common \\~alternative\\~, not the default.
              ####Ports are conventions\\: 443 \\= HTTPS; a backslash \\\\ stays.
            }

            // Moodle's "multiple answers": no = answer, the weights say which are right
            ::Transport::Which are transport protocols? {
              ~%50%TCP#yes
              ~%50%UDP
              ~%-50%HTTP#no, that is an application protocol
              ~%-50%IP
            }

            ::Range::Pick a whole number from 1 to 5. {#1..5 ####Any of them.}

            ::Sky::The sky is blue on a clear day. {TRUE ####Mostly.}

            Water boils at 100 °C at sea level.{F}

            ::Pairs::[markdown]Match the protocol to its property. {
              =TCP -> reliable, ordered
              =UDP -> fast \\= no guarantees
              =a\\#b -> c\\:d
            }

            ::Missing::Mahatma Gandhi's birthday is an {~15th =2nd ~3rd} of October.

            ::Pi::Pi to two decimals {#3.14:0.005}
            """;

    @Test
    void handWrittenGiftReadsAsTheAuthorMeantIt() throws InputException {
        Quiz quiz = read(Gift.importText(SAMPLE, "networking"));
        assertEquals("networking", quiz.id());
        assertEquals(List.of("Ports-the-basics", "Transport", "Range", "Sky", "q-5", "Pairs", "Missing", "Pi"),
                quiz.questions().stream().map(Question::id).toList());

        Question ports = quiz.question("Ports-the-basics");
        assertEquals(Question.Type.SINGLE, ports.type());
        assertEquals(List.of(new Question.Option("443", true, "Right: TLS listens on 443."),
                new Question.Option("80", false, "That is plain HTTP."),
                new Question.Option("8080 {proxy}", false, "A common ~alternative~, not the default.")), ports.options());
        assertEquals("Ports are conventions: 443 = HTTPS; a backslash \\ stays.", ports.explanation());

        Question transport = quiz.question("Transport");
        assertEquals(Question.Type.MULTIPLE, transport.type());
        assertEquals(List.of(true, true, false, false), transport.options().stream().map(Question.Option::correct).toList());
        assertEquals("no, that is an application protocol", transport.options().get(2).feedback());

        Question range = quiz.question("Range");
        assertEquals(Question.Type.NUMERIC, range.type());
        assertEquals(0, new BigDecimal("3").compareTo(range.number()));
        assertEquals(0, new BigDecimal("2").compareTo(range.tolerance()));
        assertEquals("Any of them.", range.explanation());

        assertEquals(Boolean.TRUE, quiz.question("Sky").truth());
        assertEquals("Mostly.", quiz.question("Sky").explanation());
        assertEquals(Boolean.FALSE, quiz.question("q-5").truth());
        assertEquals("Water boils at 100 °C at sea level.", quiz.question("q-5").prompt());

        Question pairs = quiz.question("Pairs");
        assertEquals(Question.Type.MATCHING, pairs.type());
        assertEquals(List.of(new Question.Pair("TCP", "reliable, ordered"), new Question.Pair("UDP", "fast = no guarantees"),
                new Question.Pair("a#b", "c:d")), pairs.pairs());

        Question missing = quiz.question("Missing");
        assertEquals("Mahatma Gandhi's birthday is an _____ of October.", missing.prompt());
        assertEquals("2nd", missing.options().stream().filter(Question.Option::correct).findFirst().orElseThrow().text());

        assertEquals(0, new BigDecimal("0.005").compareTo(quiz.question("Pi").tolerance()));

        // and what was imported survives a second trip unchanged
        assertRoundTrip(quiz);
    }
}
