package cloudlab.quiz;

import cloudlab.lesson.Question;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores an answer. Every question is worth 1, less what the hints shown cost.
 * <ul>
 * <li>multiple choice: each correct option chosen adds 1/k, each wrong one takes 1/k away (k =
 * the number of correct options), never below 0;</li>
 * <li>numeric and numeric predictions: full marks within the absolute or the relative tolerance;</li>
 * <li>matching: the share of pairs matched right; ordering: the share of items in their place.</li>
 * </ul>
 */
public final class Scoring {
    private Scoring() {
    }

    /** The score out of max, whether it is fully right, and the feedback of the options chosen. */
    public record Result(double score, double max, boolean correct, List<String> feedback) {
        public Result {
            feedback = Submission.frozen(feedback); // a value, like the submission it scores
        }
    }

    /** Scores without hints. */
    public static Result score(Question q, Submission s) {
        return score(q, s, List.of());
    }

    /** Scores with the given hints shown: the points are scaled by 1 minus their cost. */
    public static Result score(Question q, Submission s, List<Integer> hintsShown) {
        Result raw = switch (q.type()) {
            case SINGLE, MULTIPLE -> choice(q, s);
            case MATCHING -> share(q.pairs().size(), countMatches(q, s));
            case ORDERING -> share(q.items().size(), countPlaced(q, s));
            case CHALLENGE -> throw new IllegalArgumentException("a challenge is scored by the grader");
            default -> q.answersTruth() ? whole(q.truth().equals(s.truth())) : whole(withinTolerance(q, s.number()));
        };
        BigDecimal cost = q.hintCost(hintsShown);
        if (cost.signum() == 0) return raw;
        double factor = BigDecimal.ONE.subtract(cost).doubleValue();
        return new Result(raw.score() * factor, raw.max(), raw.correct(), raw.feedback());
    }

    /** Whether a number is within the question's absolute or relative tolerance of its answer. */
    public static boolean withinTolerance(Question q, BigDecimal given) {
        if (given == null) return false;
        BigDecimal off = given.subtract(q.number()).abs();
        if (off.compareTo(q.tolerance()) <= 0) return true;
        return q.relativeTolerance() != null && off.compareTo(q.relativeTolerance().multiply(q.number().abs())) <= 0;
    }

    private static Result whole(boolean right) {
        return new Result(right ? 1.0 : 0.0, 1.0, right, List.of());
    }

    private static Result share(int total, int right) {
        return new Result((double) right / total, 1.0, right == total, List.of());
    }

    private static int countMatches(Question q, Submission s) {
        List<String> rights = q.rights();
        int n = 0;
        for (int i = 0; i < q.pairs().size(); i++) {
            int m = s.matchOf(i);
            if (m >= 0 && m < rights.size() && rights.get(m).equals(q.pairs().get(i).right())) n++;
        }
        return n;
    }

    private static int countPlaced(Question q, Submission s) {
        int n = 0;
        for (int i = 0; i < q.items().size(); i++) if (s.positionOf(i) == i + 1) n++;
        return n;
    }

    private static Result choice(Question q, Submission s) {
        int k = q.correctCount();
        int good = 0;
        int bad = 0;
        List<String> feedback = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            if (!s.chose(i)) continue;
            Question.Option o = q.options().get(i);
            if (o.correct()) good++;
            else bad++;
            if (o.feedback() != null) feedback.add(o.feedback());
        }
        double score = Math.max(0.0, (double) (good - bad) / k);
        return new Result(score, 1.0, good == k && bad == 0, feedback);
    }
}
