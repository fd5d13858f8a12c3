package cloudlab.quiz;

import cloudlab.lesson.Course;
import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.sim.InputException;
import cloudlab.sim.Num;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GIFT each question type is written as. */
class GiftExportTest {
    static final String FIXTURE = """
            id: fixture-quiz
            questions:
              - id: q-single
                type: single
                prompt: "Which is the host?"
                options:
                  - text: "The server"
                    correct: true
                    feedback: "Right: it owns the cores."
                  - text: "A VM"
                explanation: "The host is physical."
              - id: q-two
                type: multiple
                prompt: "Pick two."
                options:
                  - {text: a, correct: true}
                  - {text: b, correct: true, feedback: yes}
                  - {text: c, feedback: no}
              - id: q-three
                type: multiple
                prompt: "Pick three."
                options:
                  - {text: a, correct: true}
                  - {text: b, correct: true}
                  - {text: c, correct: true}
                  - {text: d}
              - id: q-true
                type: truefalse
                prompt: "Type 2 runs on a host OS."
                answer: true
              - id: q-false
                type: truefalse
                prompt: "Overcommit is free."
                answer: false
                explanation: "It is a bet."
              - id: q-fit
                type: numeric
                prompt: "How many fit?"
                answer: 4
                unit: VMs
              - id: q-rtt
                type: numeric
                prompt: "Round trip?"
                answer: 200
                tolerance: 1
                relativeTolerance: 0.02
              - id: q-match
                type: matching
                prompt: "Match them."
                pairs:
                  - {left: ESXi, right: type 1}
                  - {left: VirtualBox, right: type 2}
              - id: q-order
                type: ordering
                prompt: "Largest first."
                items: [region, zone]
            """;

    static String fixture() throws InputException {
        return Gift.export(GiftRoundTripTest.read(FIXTURE));
    }

    @Test
    void theCategoryIsTheQuizId() throws InputException {
        String gift = fixture();
        assertTrue(gift.startsWith("// Cloud Lab quiz fixture-quiz"), gift);
        assertTrue(gift.contains("\n$CATEGORY: fixture-quiz\n\n"), gift);
    }

    @Test
    void singleChoiceMarksTheRightOptionWithEquals() throws InputException {
        assertTrue(fixture().contains("""
                ::q-single::Which is the host? {
                \t=The server#Right\\: it owns the cores.
                \t~A VM
                \t####The host is physical.
                }
                """), fixture());
    }

    @Test
    void multipleChoiceWeighsEachOptionByTheLabsRule() throws InputException {
        String gift = fixture();
        assertTrue(gift.contains("::q-two::Pick two. {\n\t~%50%a\n\t~%50%b#yes\n\t~%-50%c#no\n}"), gift);
        assertTrue(gift.contains("\t~%33.33333%c\n\t~%-33.33333%d\n"), gift);
    }

    @Test
    void trueFalseIsTOrFWithTheExplanationAsGeneralFeedback() throws InputException {
        String gift = fixture();
        assertTrue(gift.contains("::q-true::Type 2 runs on a host OS. {T}\n"), gift);
        assertTrue(gift.contains("::q-false::Overcommit is free. {F\n\t####It is a bet.\n}\n"), gift);
    }

    @Test
    void numericIsAnswerAndAbsoluteTolerance() throws InputException {
        String gift = fixture();
        assertTrue(gift.contains("// cloudlab: unit VMs\n::q-fit::How many fit? {#4:0}\n"), gift);
        // 2% of 200 is 4, larger than the absolute 1: GIFT gets 4, and a comment says so
        assertTrue(gift.contains("// cloudlab: q-rtt: relativeTolerance 0.02 written as the absolute tolerance 4 "), gift);
        assertTrue(gift.contains("::q-rtt::Round trip? {#200:4}\n"), gift);
    }

    @Test
    void matchingIsLeftArrowRight() throws InputException {
        assertTrue(fixture().contains("::q-match::Match them. {\n\t=ESXi -> type 1\n\t=VirtualBox -> type 2\n}"), fixture());
    }

    @Test
    void orderingIsSkippedWithAComment() throws InputException {
        String gift = fixture();
        assertTrue(gift.contains("// cloudlab: skipped q-order (ordering has no GIFT type)\n"), gift);
        assertFalse(gift.contains("::q-order::"), gift);
    }

    @Test
    void specialCharactersAreEscapedWithABackslash() {
        assertEquals("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni", GiftText.escape("a~b=c#d{e}f:g\\h\ni"));
        assertEquals("a -\\> b", GiftText.escapeAnswer("a -> b"));
        assertEquals("a~b=c#d{e}f:g\\h\ni -> j", GiftText.unescape("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni -\\> j"));
        // a backslash before anything else stays, as Moodle keeps it
        assertEquals("\\+ \\", GiftText.unescape("\\+ \\"));
    }

    @Test
    void theCoursesPredictQuestionsTakeTheirComputedAnswerAndChallengesAreSkipped() {
        Course course = Course.load(Path.of("lessons"), RegionCatalog.builtIn());
        int predicts = 0;
        int challenges = 0;
        for (var lesson : course.lessons()) {
            Quiz quiz = lesson.quiz();
            if (quiz == null) continue;
            String gift = Gift.export(quiz);
            for (Question q : quiz.questions()) {
                if (q.type() == Question.Type.PREDICT) {
                    predicts++;
                    String answer = q.truth() != null ? "{" + (q.truth() ? "T" : "F") : "{#" + Num.show(q.number()) + ":";
                    // its text carries the layout in words, then the prompt, so it is answerable from the text alone
                    int at = gift.indexOf("::" + q.id() + "::" + GiftText.escapePrompt(GiftWriter.describe(q.predict()) + " " + q.prompt())
                            + " " + answer);
                    assertTrue(at > 0, q.id() + " with its computed answer " + answer + " in\n" + gift);
                    int comment = gift.lastIndexOf("// cloudlab: predict question exported with its computed answer\n", at);
                    assertTrue(comment > 0 && !gift.substring(comment, at).contains("\n\n"), "the comment sits just above " + q.id());
                }
                if (q.type() == Question.Type.CHALLENGE) {
                    challenges++;
                    assertTrue(gift.contains("// cloudlab: skipped " + q.id() + " (challenge has no GIFT type)\n"), gift);
                }
            }
        }
        assertTrue(predicts >= 2 && challenges >= 1, "the course has predict (" + predicts + ") and challenge (" + challenges + ") questions");
    }
}
