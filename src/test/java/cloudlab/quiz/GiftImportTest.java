package cloudlab.quiz;

import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.sim.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GIFT into quiz blocks: each form, ids, what is skipped, what is dropped, and refusals naming the line. */
class GiftImportTest {

    static Quiz importQuiz(String gift) throws InputException {
        return GiftRoundTripTest.read(Gift.importText(gift, "imported"));
    }

    static Question only(String gift) throws InputException {
        Quiz quiz = importQuiz(gift);
        assertEquals(1, quiz.questions().size());
        return quiz.questions().get(0);
    }

    @Test
    void equalsAndTildeMakeSingleChoiceWithFeedback() throws InputException {
        Question q = only("::cap::Capital of France? {=Paris#Yes. ~Lyon#No, that is a city. ~Nice}");
        assertEquals(Question.Type.SINGLE, q.type());
        assertEquals("Capital of France?", q.prompt());
        assertEquals(List.of(new Question.Option("Paris", true, "Yes."), new Question.Option("Lyon", false, "No, that is a city."),
                new Question.Option("Nice", false, null)), q.options());
    }

    @Test
    void weightsMakeMultipleChoiceWhereAPositiveWeightIsRight() throws InputException {
        Question q = only("Pick {~%50%a ~%50%b#both ~%-100%c ~d}");
        assertEquals(Question.Type.MULTIPLE, q.type());
        assertEquals(List.of(true, true, false, false), q.options().stream().map(Question.Option::correct).toList());
        assertEquals("both", q.options().get(1).feedback());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{T}|true", "{TRUE}|true", "{F}|false", "{FALSE}|false", "{ t }|true", "{false ####Why.}|false"})
    void trueFalseForms(String block, boolean truth) throws InputException {
        Question q = only("The claim. " + block);
        assertEquals(Question.Type.TRUEFALSE, q.type());
        assertEquals(truth, q.truth());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{#5}|5|0", "{#5:0.5}|5|0.5", "{#-3:1}|-3|1", "{#1..5}|3|2", "{#-1..2}|0.5|1.5",
            "{#=2.5:0.1}|2.5|0.1", "{# 1e2 : 5 }|100|5"})
    void numericForms(String block, String number, String tolerance) throws InputException {
        Question q = only("How many? " + block);
        assertEquals(Question.Type.NUMERIC, q.type());
        assertEquals(0, new BigDecimal(number).compareTo(q.number()), () -> "number " + q.number());
        assertEquals(0, new BigDecimal(tolerance).compareTo(q.tolerance()), () -> "tolerance " + q.tolerance());
    }

    @Test
    void arrowsMakeMatching() throws InputException {
        Question q = only("Match. {\n =cat -> meow\n =dog -> woof\n =cow -> moo\n}");
        assertEquals(Question.Type.MATCHING, q.type());
        assertEquals(List.of(new Question.Pair("cat", "meow"), new Question.Pair("dog", "woof"), new Question.Pair("cow", "moo")), q.pairs());
    }

    @Test
    void titlesBecomeIdsThatFitThePatternAndStayUnique() throws InputException {
        String gift = """
                ::Frage über Ports!::One? {T}

                ::Frage über Ports!::Two? {T}

                Three? {T}

                ::q-3::Four? {T}

                ::%%%::Five? {T}

                ::LONG::Six? {T}
                """.replace("LONG", "x".repeat(80));
        List<String> ids = importQuiz(gift).questions().stream().map(Question::id).toList();
        // q-3 is a title, so the third question, which has none, takes q-3-2; %%% sanitizes to nothing
        assertEquals(List.of("Frage-uber-Ports", "Frage-uber-Ports-2", "q-3-2", "q-3", "q-5", "x".repeat(64)), ids);
    }

    @Test
    void questionsWithNoLabTypeAreSkippedWithTheirLineAndWhy() throws InputException {
        String gift = """
                ::essay::Write about clouds. {}

                ::short::Capital of France? {=Paris =paris}

                ::one-word::Two plus two? {=four}

                ::two-right::Pick a prime. {=2 =3 ~4}

                ::numbers::Pick 1 or 2. {#=1:0 =2:0}

                Just some text, no answers.

                ::kept::Still here? {T}
                """;
        Gift.Imported imported = Gift.importGift(gift, "imported");
        assertEquals(List.of(
                "line 1: skipped \"essay\": an essay question ({}) has no lab question type",
                "line 3: skipped \"short\": a short-answer question (only = answers) has no lab question type",
                "line 5: skipped \"one-word\": a short-answer question (only = answers) has no lab question type",
                "line 7: skipped \"two-right\": 2 answers are marked = (right); the lab's single choice has exactly one right option",
                "line 9: skipped \"numbers\": 2 right numeric answers; the lab's numeric question has one answer with a tolerance",
                "line 11: skipped a question: it has no answer block { }, so it is a description, which has no lab question type"),
                imported.skipped());
        Quiz quiz = GiftRoundTripTest.read(imported.yaml());
        assertEquals(List.of("kept"), quiz.questions().stream().map(Question::id).toList());
        assertTrue(imported.yaml().startsWith("# cloudlab: line 1: skipped \"essay\""), imported.yaml());
    }

    @Test
    void aQuestionTheLessonReaderRefusesIsSkippedWithTheReadersReason() throws InputException {
        String nine = "Too many? {=1 ~2 ~3 ~4 ~5 ~6 ~7 ~8 ~9}\n\nFine? {F}\n";
        Gift.Imported imported = Gift.importGift(nine, "imported");
        assertEquals(List.of("line 1: skipped \"q-1\": the lab cannot hold it (options: must hold 2 to 8 options)"), imported.skipped());
        assertEquals(List.of("q-2"), GiftRoundTripTest.read(imported.yaml()).questions().stream().map(Question::id).toList());
    }

    @Test
    void detailsTheLabCannotHoldAreListedAsLossy() throws InputException {
        String gift = """
                ::tf::Sky is blue. {T#No, look up.#Yes.}

                ::m::Match. {=a -> 1 =b -> 2 =-> 3}

                ::s::Pick. {=a ~%50%b ~c}

                ::w::Pick some. {~%70%a ~%30%b ~c}

                ::n::How many? {#5:1#Close enough.}
                """;
        Gift.Imported imported = Gift.importGift(gift, "imported");
        assertEquals(List.of(
                "line 1: \"tf\": the true/false answer feedback is dropped; the lab shows the explanation (####) instead",
                "line 3: \"m\": the extra answer \"3\" (=-> with no left side) is dropped: the lab's matching has no distractors",
                "line 5: \"s\": the 50% partial credit of \"b\" is dropped: the lab's single choice has one right option, so it counts as wrong",
                "line 7: \"w\": the GIFT weights are not kept: the lab scores multiple choice its own way, +1/k for each right option "
                        + "and −1/k for each wrong one (k = 2)",
                "line 9: \"n\": the feedback of the numeric answer is dropped; the lab shows the explanation (####) instead"),
                imported.lossy());
        assertEquals(5, GiftRoundTripTest.read(imported.yaml()).questions().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Q {=a ~b|line 1: the answer block opened with { is not closed by } (a blank line ends a question)",
            "Q =a ~b}|line 1: a } with no { before it (write \\} for a brace in text)",
            "::title {T}|line 1: the title opened with :: is not closed by :: (write \\: for a colon in a title)",
            "Q {=a {b} ~c}|line 1: a { inside an answer block (write \\{ for a brace in text)",
            "Q {T} and {F}|line 1: a second answer block: a question holds one (write \\{ and \\} for braces in text)",
            "Q {#abc}|line 1: \"abc\" is not a number (write {#answer:tolerance} or {#low..high})",
            "Q {#5..1}|line 1: the range 5..1 goes from high to low (write {#low..high})",
            "Q {#5:-1}|line 1: the tolerance -1 is negative; it is how far from the answer still counts",
            "Q {~%x%a ~b}|line 1: the weight %x% is not a number (as in ~%50% or ~%-25%)",
            "Q {~%50a ~b}|line 1: the weight opened with % is not closed by % (as in ~%50%)",
            "Q {~%150%a ~b}|line 1: the weight %150% is not from -100 to 100 percent",
            "Q {maybe}|line 1: an answer starts with = (right) or ~ (wrong); found \"maybe\"",
            "Q {~a ~b}|line 1: no answer is right: mark one with = or give the right ones a positive weight such as ~%50%",
            "Q {=a -> 1 =b}|line 1: a matching pair needs ->, as in =left -> right",
            "Q {=a -> 1 ~b -> 2}|line 1: a matching pair starts with =, as in =left -> right",
            "Q {=a ~ ~b}|line 1: an answer with no text",
            "::t::{T}|line 1: the question has no text before its answer block"})
    void malformedGiftIsRefusedNamingTheLine(String gift, String message) {
        InputException e = assertThrows(InputException.class, () -> Gift.importText(gift, "imported"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theLineNumberIsTheLineOfTheFault() {
        String gift = "// header\n$CATEGORY: x\n\n::a::One? {T}\n\n::b::Two? {\n  =yes\n  ~%abc%no\n}\n";
        InputException e = assertThrows(InputException.class, () -> Gift.importText(gift, "imported"));
        assertEquals("line 8: the weight %abc% is not a number (as in ~%50% or ~%-25%)", e.getMessage());
    }

    @Test
    void nothingToImportIsRefused() {
        assertEquals("the GIFT text holds no questions",
                assertThrows(InputException.class, () -> Gift.importText("// only a comment\n\n$CATEGORY: x\n", "imported")).getMessage());
        assertEquals("no question could be imported; line 1: skipped a question: an essay question ({}) has no lab question type",
                assertThrows(InputException.class, () -> Gift.importText("Write. {}", "imported")).getMessage());
        assertTrue(assertThrows(InputException.class, () -> Gift.importText("Q {T}", "not an id")).getMessage()
                .startsWith("the quiz id must be 1 to 64 letters"));
    }

    @Test
    void windowsLineEndsAByteOrderMarkAndHtmlMarkersAreRead() throws InputException {
        Gift.Imported imported = Gift.importGift("\uFEFF::a::[html]<b>Bold</b>?\r\n{T}\r\n\r\n::b::Two?\r\n{F}\r\n", "imported");
        Quiz quiz = GiftRoundTripTest.read(imported.yaml());
        assertEquals("<b>Bold</b>?", quiz.question("a").prompt());
        assertEquals(Boolean.FALSE, quiz.question("b").truth());
        assertEquals(List.of("line 1: \"a\": the text is HTML; the lab shows it as plain text"), imported.lossy());
    }

    @Test
    void theUnitCommentGivesANumericQuestionItsUnit() throws InputException {
        Question q = only("// cloudlab: unit GiB\n::disk::How much disk? {#500}");
        assertEquals("GiB", q.unit());
    }

    @Test
    void textYamlWouldMisreadIsQuoted() throws InputException {
        Question q = only("::a::yes {=12 ~null ~\"quoted\"\\: x ~- dash}");
        assertEquals(List.of("12", "null", "\"quoted\": x", "- dash"), q.options().stream().map(Question.Option::text).toList());
        assertEquals("yes", q.prompt());
    }
}
