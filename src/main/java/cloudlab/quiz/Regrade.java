package cloudlab.quiz;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.progress.Progress;
import cloudlab.sim.document.Json;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes stored quiz attempts against the questions as they are now: after an author fixes a
 * question, each attempt is scored again from its stored answer, seed and hints. A dry run lists
 * what would change; applying keeps the higher of the old and new score unless told otherwise.
 */
public final class Regrade {
    private static final TypeReference<List<Integer>> INTS = new TypeReference<>() { };

    private Regrade() {
    }

    /** One attempt whose score would change. */
    public record Change(String learnerId, String displayName, String quizId, String questionId, int attempt, double oldScore,
                         double newScore, String oldVersion, String newVersion, String workshopId) {
        /** The score the attempt keeps when applied with {@code keepHigher}. */
        public double applied(boolean keepHigher) {
            return keepHigher ? Math.max(oldScore, newScore) : newScore;
        }
    }

    /**
     * What a regrade found: the changes, attempts it could not score (their question is gone), and
     * the stored score of every attempt checked (by learner and item, in attempt order).
     */
    public record Plan(List<Change> changes, List<String> skipped, int attemptsChecked, Map<String, List<Double>> attemptScores,
                       Map<String, AttemptPolicy> policies) {
        public Plan {
            changes = List.copyOf(changes);
            skipped = List.copyOf(skipped);
            policies = Map.copyOf(policies);
            Map<String, List<Double>> copy = new LinkedHashMap<>();
            attemptScores.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            attemptScores = Collections.unmodifiableMap(copy);
        }

        /**
         * How many learners' scores on an item (what {@link Scores} counts: its policy's count) the
         * plan changes when applied this way; the gradebook and the pages move by exactly these.
         */
        public int scoresChanged(boolean keepHigher) {
            Map<String, List<Double>> after = new LinkedHashMap<>();
            attemptScores.forEach((k, v) -> after.put(k, new ArrayList<>(v)));
            for (Change c : changes) after.get(key(c.learnerId(), c.quizId(), c.questionId())).set(c.attempt() - 1, c.applied(keepHigher));
            int n = 0;
            for (Map.Entry<String, List<Double>> e : attemptScores.entrySet()) {
                AttemptPolicy policy = policies.getOrDefault(e.getKey(), AttemptPolicy.PRACTICE);
                if (Math.abs(policy.counted(e.getValue()) - policy.counted(after.get(e.getKey()))) > 1e-9) n++;
            }
            return n;
        }
    }

    private static String key(String learnerId, String quizId, String questionId) {
        return learnerId + "\n" + Scores.Item.question(quizId, questionId).key();
    }

    public static Plan plan(Course course, Progress progress) {
        return plan(course, progress, a -> true);
    }

    /** The plan over the stored attempts {@code within} accepts (an instructor's regrade: the attempts made in their workshops). */
    public static Plan plan(Course course, Progress progress, java.util.function.Predicate<Progress.StoredAttempt> within) {
        List<Change> changes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Progress.StoredAttempt> attempts = progress.allAttempts().stream().filter(within).toList();
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        Map<String, AttemptPolicy> policies = new LinkedHashMap<>();
        for (Progress.StoredAttempt a : attempts) {
            List<Double> before = scores.computeIfAbsent(key(a.learnerId(), a.quizId(), a.questionId()), k -> new ArrayList<>());
            while (before.size() < a.attempt()) before.add(0.0);
            before.set(a.attempt() - 1, a.score());
            Lesson lesson = course.lessonOfQuiz(a.quizId());
            Quiz quiz = lesson == null ? null : lesson.quiz();
            Question q = quiz == null ? null : quiz.question(a.questionId());
            if (quiz != null) policies.put(key(a.learnerId(), a.quizId(), a.questionId()), quiz.policy());
            String where = a.learnerId() + " " + a.quizId() + "/" + a.questionId() + " attempt " + a.attempt();
            if (q == null) {
                skipped.add(where + ": the question is no longer in the course");
                continue;
            }
            Question variant = q.variant(a.seed());
            Submission s;
            try {
                s = Submission.fromJson(a.answer());
            } catch (IllegalArgumentException e) {
                skipped.add(where + ": the stored answer cannot be read");
                continue;
            }
            if (s.problemWith(variant) != null) {
                skipped.add(where + ": the stored answer no longer fits the question (" + s.problemWith(variant) + ")");
                continue;
            }
            double score = Scoring.score(variant, s, hints(a.hints())).score();
            if (Math.abs(score - a.score()) > 1e-9) {
                changes.add(new Change(a.learnerId(), a.displayName(), a.quizId(), a.questionId(), a.attempt(), a.score(), score,
                        a.version(), q.version(), a.workshopId()));
            }
        }
        return new Plan(changes, skipped, attempts.size(), scores, policies);
    }

    /** Stores the plan's new scores; with {@code keepHigher} no attempt's score goes down. Returns how many changed. */
    public static int apply(Plan plan, Progress progress, boolean keepHigher) {
        int n = 0;
        for (Change c : plan.changes()) {
            double score = c.applied(keepHigher);
            if (Math.abs(score - c.oldScore()) > 1e-9 || !java.util.Objects.equals(c.oldVersion(), c.newVersion())) {
                progress.rescore(c.learnerId(), c.quizId(), c.questionId(), c.attempt(), score, c.newVersion());
                if (Math.abs(score - c.oldScore()) > 1e-9) n++;
            }
        }
        return n;
    }

    /** The hints an attempt was scored with, from their stored JSON (none when absent). */
    public static List<Integer> hintsOf(String json) {
        return hints(json);
    }

    static List<Integer> hints(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            return Json.mapper().readValue(json, INTS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }
}
