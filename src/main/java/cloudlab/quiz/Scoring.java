package cloudlab.quiz;

import cloudlab.lesson.Question;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores an answer. Every question is worth 1. Multiple choice gives partial credit: each correct
 * option chosen adds 1/k, each wrong one takes 1/k away (k = the number of correct options),
 * never below 0. A numeric answer scores when within the absolute tolerance.
 */
public final class Scoring {
    private Scoring() {
    }

    /** The score, whether it is fully right, and the feedback of the options chosen. */
    public record Result(double score, double max, boolean correct, List<String> feedback) {
    }

    public static Result score(Question q, Submission s) {
        return switch (q.type()) {
            case SINGLE, MULTIPLE -> choice(q, s);
            case TRUEFALSE -> whole(q.truth().equals(s.truth()));
            case NUMERIC -> whole(s.number() != null && s.number().subtract(q.number()).abs().compareTo(q.tolerance()) <= 0);
        };
    }

    private static Result whole(boolean right) {
        return new Result(right ? 1.0 : 0.0, 1.0, right, List.of());
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
