package cloudlab.lesson;

import java.math.BigDecimal;
import java.util.List;

/**
 * One quiz question as the author wrote it. Which fields matter depends on the type: options
 * for single and multiple choice, {@code truth} for true/false, {@code number}, {@code tolerance}
 * and {@code unit} for numeric answers.
 */
public record Question(String id, Type type, String prompt, List<Option> options, Boolean truth, BigDecimal number,
                       BigDecimal tolerance, String unit, String explanation) {

    /** The kinds of question a quiz block may hold. */
    public enum Type {
        SINGLE("single"), MULTIPLE("multiple"), TRUEFALSE("truefalse"), NUMERIC("numeric");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Type fromWord(String w) {
            for (Type t : values()) if (t.word.equals(w)) return t;
            return null;
        }
    }

    /** A choice with whether it is correct and what to say when it is chosen. */
    public record Option(String text, boolean correct, String feedback) {
    }

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** How many options are correct (k in the partial-credit rule). */
    public int correctCount() {
        return (int) options.stream().filter(Option::correct).count();
    }
}
