package cloudlab.quiz;

import java.util.List;

/**
 * How a learner's attempts at a question count: the one home of that rule. {@link #counted} turns
 * the scores of their attempts (in order) into the score that counts, and {@link Scores} calls it
 * for every page, CSV, gradebook and regrade.
 * <ul>
 * <li>{@code PRACTICE}: unlimited attempts, the best counts (self-study);</li>
 * <li>{@code GRADED}: at most {@code maxAttempts}; attempt n counts its score times
 * 1 − {@code penaltyPerRetry} × (n − 1) (never below 0), the best of those counts;</li>
 * <li>{@code FIRST}: the first attempt alone counts (further attempts up to the maximum are practice).</li>
 * </ul>
 * {@code maxAttempts} 0 means unlimited.
 */
public record AttemptPolicy(Kind kind, int maxAttempts, double penaltyPerRetry) {
    /** Self-study: unlimited attempts, the best counts. */
    public static final AttemptPolicy PRACTICE = new AttemptPolicy(Kind.PRACTICE, 0, 0);
    /** The workshops' default: two attempts, the first counts fully and the second at most half. */
    public static final AttemptPolicy GRADED = new AttemptPolicy(Kind.GRADED, 2, 0.5);

    /** The kinds of policy, by the word a quiz block names them with. */
    public enum Kind {
        PRACTICE("practice"), GRADED("graded"), FIRST("first");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Kind fromWord(String w) {
            for (Kind k : values()) if (k.word.equals(w)) return k;
            return null;
        }
    }

    public AttemptPolicy {
        if (kind == null) throw new IllegalArgumentException("policy: needs a kind (practice, graded or first)");
        if (maxAttempts < 0 || maxAttempts > 100) throw new IllegalArgumentException("policy.maxAttempts: must be 0 (unlimited) to 100");
        if (!(penaltyPerRetry >= 0 && penaltyPerRetry <= 1)) throw new IllegalArgumentException("policy.penaltyPerRetry: must be 0 to 1");
        if (kind == Kind.PRACTICE && (maxAttempts != 0 || penaltyPerRetry != 0)) {
            throw new IllegalArgumentException("policy: practice has unlimited attempts and no penalty; use graded for a limit or a penalty");
        }
    }

    /** The score that counts from the scores of a learner's attempts, in the order they came (0 for none). */
    public double counted(List<Double> attempts) {
        if (attempts == null || attempts.isEmpty()) return 0;
        if (kind == Kind.FIRST) return attempts.get(0);
        double best = 0;
        int n = maxAttempts == 0 ? attempts.size() : Math.min(maxAttempts, attempts.size());
        for (int i = 0; i < n; i++) best = Math.max(best, worth(i + 1, attempts.get(i)));
        return best;
    }

    /** What attempt number {@code attempt} (from 1) with this score is worth under the policy. */
    public double worth(int attempt, double score) {
        if (kind == Kind.FIRST) return attempt == 1 ? score : 0;
        if (maxAttempts != 0 && attempt > maxAttempts) return 0;
        return score * Math.max(0, 1 - penaltyPerRetry * (attempt - 1));
    }

    /** Whether a learner who made {@code attempts} attempts may make another. */
    public boolean allowsAnother(int attempts) {
        return maxAttempts == 0 || attempts < maxAttempts;
    }

    /** How many attempts are left after {@code attempts}, or -1 when unlimited. */
    public int left(int attempts) {
        return maxAttempts == 0 ? -1 : Math.max(0, maxAttempts - attempts);
    }

    /**
     * Whether the explanation and the right answer may be shown: once the learner is right, or
     * has no attempt left.
     */
    public boolean reveals(boolean right, int attempts) {
        return right || (attempts > 0 && !allowsAnother(attempts));
    }

    /** The name every score shown under this policy carries, like "Practice" or "Graded: 2 attempts, −50% per retry". */
    public String label() {
        String tries = maxAttempts == 0 ? "unlimited attempts" : maxAttempts == 1 ? "1 attempt" : maxAttempts + " attempts";
        return switch (kind) {
            case PRACTICE -> "Practice";
            case FIRST -> "Graded: first attempt counts" + (maxAttempts == 0 ? "" : ", " + tries);
            case GRADED -> "Graded: " + tries + (penaltyPerRetry == 0 ? "" : ", −" + Math.round(penaltyPerRetry * 100) + "% per retry");
        };
    }

    /** Whether this is the practice policy (nothing graded). */
    public boolean practice() {
        return kind == Kind.PRACTICE;
    }

    /** The policy as one line of text ({@code practice}, {@code graded 2 0.5}, {@code first 1}), which {@link #parse} reads back. */
    public String text() {
        return practice() ? kind.word() : kind.word() + " " + maxAttempts + " " + java.math.BigDecimal.valueOf(penaltyPerRetry).stripTrailingZeros().toPlainString();
    }

    /**
     * A policy from a form or from {@link #text}: a kind ({@code practice}, {@code graded},
     * {@code first}), then for the graded kinds the maximum attempts (0: unlimited) and the
     * penalty per retry (0 to 1). Refused naming the field when it is none.
     */
    public static AttemptPolicy parse(String kindWord, String maxAttempts, String penalty) {
        Kind k = Kind.fromWord(kindWord == null ? "" : kindWord.strip());
        if (k == null) throw new IllegalArgumentException("policy: choose practice, graded or first");
        if (k == Kind.PRACTICE) return PRACTICE;
        int max;
        double pen;
        try {
            max = maxAttempts == null || maxAttempts.isBlank() ? 0 : Integer.parseInt(maxAttempts.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("policy.maxAttempts: must be a whole number from 0 (unlimited) to 100");
        }
        try {
            pen = penalty == null || penalty.isBlank() ? 0 : Double.parseDouble(penalty.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("policy.penaltyPerRetry: must be a number from 0 to 1, like 0.5");
        }
        return new AttemptPolicy(k, max, pen);
    }

    /** The policy {@link #text} wrote, or null for null. */
    public static AttemptPolicy fromText(String text) {
        if (text == null || text.isBlank()) return null;
        String[] w = text.strip().split(" ");
        return parse(w[0], w.length > 1 ? w[1] : null, w.length > 2 ? w[2] : null);
    }
}
