package cloudlab.quiz;

import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.sim.InputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;

/**
 * Any text survives export and import: texts are drawn from GIFT's special characters, look-alikes
 * of its syntax (arrows, weights, format markers, T and F) and YAML's, so escaping is tried hard.
 */
class GiftPropertiesTest {

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> chars = Arbitraries.strings().withChars("ab ~=#{}:\\->%[]\n\t\"'TF/$").ofMinLength(1).ofMaxLength(24);
        Arbitrary<String> lookAlikes = Arbitraries.of("[html]", "[markdown]x", "T", "FALSE", "%50%", "// note", "$CATEGORY: x",
                "::t::", "####", "a -> b", "yes", "12", "null", "- x");
        return Arbitraries.oneOf(chars, lookAlikes, Arbitraries.strings().withChars("ab \\{").ofMinLength(1).ofMaxLength(6)
                        .flatMap(s -> lookAlikes.map(l -> l + s)))
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    @Property(tries = 300)
    void anyTextComesBack(@ForAll("texts") String prompt, @ForAll("texts") String a, @ForAll("texts") String b,
                          @ForAll("texts") String feedback, @ForAll("texts") String explanation) throws InputException {
        Assume.that(!a.equals(b));
        List<Question.Option> options = List.of(new Question.Option(a, true, feedback), new Question.Option(b, false, null));
        Quiz quiz = new Quiz("property-quiz", List.of(
                question("q-single", Question.Type.SINGLE, prompt, options, null, null, List.of(), explanation),
                question("q-multiple", Question.Type.MULTIPLE, explanation, options, null, null, List.of(), prompt),
                question("q-truth", Question.Type.TRUEFALSE, a, List.of(), true, null, List.of(), feedback),
                question("q-number", Question.Type.NUMERIC, b, List.of(), null, new BigDecimal("-0.25"), List.of(), null),
                question("q-pairs", Question.Type.MATCHING, prompt, List.of(), null, null,
                        List.of(new Question.Pair(a, b), new Question.Pair(b, feedback)), explanation)));
        GiftRoundTripTest.assertRoundTrip(quiz);
    }

    private static Question question(String id, Question.Type type, String prompt, List<Question.Option> options, Boolean truth,
                                     BigDecimal number, List<Question.Pair> pairs, String explanation) {
        return new Question(id, type, prompt, options, truth, number, BigDecimal.ZERO, null, null, explanation, pairs,
                List.of(), List.of(), null, null, null, null, List.of());
    }
}
