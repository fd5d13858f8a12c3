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
     * One learner's attempts at one item in one place (a workshop, or none: self-study), as the
     * place counts them: by attempt number, under the policy that holds there.
     */
    public record Counted(String workshopId, AttemptPolicy policy, Map<Integer, Double> scores) {
        public Counted {
            scores = Collections.unmodifiableMap(new java.util.TreeMap<>(scores));
        }
    }

    /**
     * What a regrade found: the changes, attempts it could not score (their question is gone), and
     * the stored score of every attempt checked, by learner, item and place.
     */
    public record Plan(List<Change> changes, List<String> skipped, int attemptsChecked, Map<String, Counted> counted) {
        public Plan {
            changes = List.copyOf(changes);
            skipped = List.copyOf(skipped);
            counted = Collections.unmodifiableMap(new LinkedHashMap<>(counted));
        }

        /**
         * How many learners' scores on an item (what {@link Scores} counts: its policy's count, in the
         * workshop the work was done in) the plan changes when applied this way; the gradebook and the
         * pages move by exactly these, and applying reports the same number.
         */
        public int scoresChanged(boolean keepHigher) {
            return scoresChangedByWorkshop(keepHigher).values().stream().mapToInt(Integer::intValue).sum();
        }

        /** {@link #scoresChanged} by workshop id (null: self-study), only places with a change, in the order first met. */
        public Map<String, Integer> scoresChangedByWorkshop(boolean keepHigher) {
            Map<String, Map<Integer, Double>> after = new LinkedHashMap<>();
            counted.forEach((k, v) -> after.put(k, new java.util.TreeMap<>(v.scores())));
            for (Change c : changes) after.get(key(c)).put(c.attempt(), c.applied(keepHigher));
            Map<String, Integer> out = new LinkedHashMap<>();
            for (Map.Entry<String, Counted> e : counted.entrySet()) {
                AttemptPolicy policy = e.getValue().policy();
                double before = policy.counted(List.copyOf(e.getValue().scores().values()));
                if (Math.abs(before - policy.counted(List.copyOf(after.get(e.getKey()).values()))) > 1e-9) {
                    out.merge(e.getValue().workshopId(), 1, Integer::sum);
                }
            }
            return out;
        }
    }

    private static String key(String learnerId, String workshopId, String quizId, String questionId) {
        return learnerId + "\n" + workshopId + "\n" + Scores.Item.question(quizId, questionId).key();
    }

    private static String key(Change c) {
        return key(c.learnerId(), c.workshopId(), c.quizId(), c.questionId());
    }

    public static Plan plan(Course course, Progress progress) {
        return plan(course, progress, a -> true, id -> null);
    }

    /**
     * The plan over the stored attempts {@code within} accepts (an instructor's regrade: the attempts
     * made in their workshops); {@code workshopPolicy} names the policy a workshop sets for every quiz
     * (null: each quiz's own), so that a change is counted as that workshop counts scores.
     */
    public static Plan plan(Course course, Progress progress, java.util.function.Predicate<Progress.StoredAttempt> within,
                            java.util.function.Function<String, AttemptPolicy> workshopPolicy) {
        List<Change> changes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Progress.StoredAttempt> attempts = progress.allAttempts().stream().filter(within).toList();
        Map<String, Map<Integer, Double>> scores = new LinkedHashMap<>();
        Map<String, Counted> counted = new LinkedHashMap<>();
        for (Progress.StoredAttempt a : attempts) {
            String k = key(a.learnerId(), a.workshopId(), a.quizId(), a.questionId());
            scores.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(a.attempt(), a.score());
            Lesson lesson = course.lessonOfQuiz(a.quizId());
            Quiz quiz = lesson == null ? null : lesson.quiz();
            Question q = quiz == null ? null : quiz.question(a.questionId());
            AttemptPolicy set = a.workshopId() == null ? null : workshopPolicy.apply(a.workshopId());
            AttemptPolicy policy = set != null ? set : quiz != null ? quiz.policy() : AttemptPolicy.PRACTICE;
            counted.put(k, new Counted(a.workshopId(), policy, scores.get(k)));
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
        return new Plan(changes, skipped, attempts.size(), counted);
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
