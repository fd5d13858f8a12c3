package cloudlab.lesson;

import cloudlab.sim.Layout;

import java.math.BigDecimal;
import java.util.List;

/**
 * One quiz question. Which fields matter depends on the type: options for single and multiple
 * choice; {@code truth} for true/false; {@code number} with its tolerances and unit for numeric
 * answers; pairs for matching; items in their right order for ordering; a layout and what to ask
 * of it for predict (the core computes the answer, into {@code truth} or {@code number}); a
 * challenge id for challenge questions.
 *
 * <p>A question with parameters is one of several variants: {@link #variant(String)} picks the
 * variant a seed names. {@code version} is a hash of what the author wrote, so a stored answer
 * says which version of the question it answered.
 */
public record Question(String id, Type type, String prompt, List<Option> options, Boolean truth, BigDecimal number,
                       BigDecimal tolerance, BigDecimal relativeTolerance, String unit, String explanation,
                       List<Pair> pairs, List<String> items, List<Hint> hints, Predict predict, String challenge,
                       String version, String variantLabel, List<Question> variants) {

    /** The kinds of question a quiz block may hold. */
    public enum Type {
        SINGLE("single"), MULTIPLE("multiple"), TRUEFALSE("truefalse"), NUMERIC("numeric"), MATCHING("matching"),
        ORDERING("ordering"), PREDICT("predict"), CHALLENGE("challenge");

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

    /** A matching pair: {@code left} matches {@code right}. */
    public record Pair(String left, String right) {
    }

    /** A hint and the share of the question's points it costs once shown (0 to 1). */
    public record Hint(String text, BigDecimal cost) {
    }

    /**
     * A predict question's setting: the layout, what is failed, what is asked and how to show it.
     * {@code ask} is one of available, hostUp (true/false answers), running, fits, rttMs (numbers).
     */
    public record Predict(Layout layout, List<String> fail, String ask, String view) {
    }

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        items = items == null ? List.of() : List.copyOf(items);
        hints = hints == null ? List.of() : List.copyOf(hints);
        tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** How many options are correct (k in the partial-credit rule). */
    public int correctCount() {
        return (int) options.stream().filter(Option::correct).count();
    }

    /** Whether the answer is a true/false (true/false questions, and predict questions asking one). */
    public boolean answersTruth() {
        return type == Type.TRUEFALSE || (type == Type.PREDICT && truth != null);
    }

    /** Whether the answer is a number (numeric questions, and predict questions asking one). */
    public boolean answersNumber() {
        return type == Type.NUMERIC || (type == Type.PREDICT && number != null);
    }

    /** Whether the question has more than one variant. */
    public boolean hasVariants() {
        return variants.size() > 1;
    }

    /** The variant a seed names (this question itself when there are no variants). */
    public Question variant(String seed) {
        if (variants.isEmpty()) return this;
        return variants.get(Seeds.index(seed, variants.size()));
    }

    /** The distinct right-hand sides of a matching question, in the order they first appear. */
    public List<String> rights() {
        return pairs.stream().map(Pair::right).distinct().toList();
    }

    /** The share of points the shown hints cost, never more than all of them. */
    public BigDecimal hintCost(List<Integer> shown) {
        BigDecimal c = BigDecimal.ZERO;
        if (shown != null) for (int i : shown) if (i >= 0 && i < hints.size()) c = c.add(hints.get(i).cost());
        return c.min(BigDecimal.ONE);
    }

    /** Seeds: derived from learner, question and attempt, and mapped to a variant. */
    public static final class Seeds {
        private Seeds() {
        }

        /** The seed of one attempt: 16 hex digits of SHA-256 over learner, quiz, question and attempt. */
        public static String of(String learnerId, String quizId, String questionId, int attempt) {
            return cloudlab.common.Tokens.sha256Hex(learnerId + "\n" + quizId + "\n" + questionId + "\n" + attempt).substring(0, 16);
        }

        /** Whether the text can be a seed (16 hex digits). */
        public static boolean valid(String seed) {
            if (seed == null || seed.length() != 16) return false;
            for (int i = 0; i < 16; i++) {
                char c = seed.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
            }
            return true;
        }

        /** The seed read as a number (an unsigned 64-bit one: 16 hex digits), modulo {@code count}; 0 for no seed. */
        static int index(String seed, int count) {
            if (!valid(seed)) return 0;
            return (int) Long.remainderUnsigned(Long.parseUnsignedLong(seed, 16), count);
        }
    }
}
