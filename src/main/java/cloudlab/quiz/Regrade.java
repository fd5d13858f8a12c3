package cloudlab.quiz;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.progress.Progress;
import cloudlab.sim.document.Json;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.List;

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
                         double newScore, String oldVersion, String newVersion) {
        /** The score the attempt keeps when applied with {@code keepHigher}. */
        public double applied(boolean keepHigher) {
            return keepHigher ? Math.max(oldScore, newScore) : newScore;
        }
    }

    /** What a regrade found: the changes, and attempts it could not score (their question is gone). */
    public record Plan(List<Change> changes, List<String> skipped, int attemptsChecked) {
    }

    public static Plan plan(Course course, Progress progress) {
        List<Change> changes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Progress.StoredAttempt> attempts = progress.allAttempts();
        for (Progress.StoredAttempt a : attempts) {
            Lesson lesson = course.lessonOfQuiz(a.quizId());
            Quiz quiz = lesson == null ? null : lesson.quiz();
            Question q = quiz == null ? null : quiz.question(a.questionId());
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
                        a.version(), q.version()));
            }
        }
        return new Plan(changes, skipped, attempts.size());
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
