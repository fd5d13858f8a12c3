package cloudlab.progress;

import java.util.List;
import java.util.Map;

/**
 * What one learner has done: lessons opened and completed, the latest answer to each question
 * with the score of every attempt, every check of each challenge, and, when asked for
 * ({@code Progress.withHints}), the hints shown for each question in order ({@code hints} is null
 * when they were not read). These are facts; what counts as a learner's score or a lesson's
 * state is decided once, in {@code cloudlab.quiz.Scores} and {@code cloudlab.quiz.Completion}.
 */
public record LearnerProgress(Map<String, LessonState> lessons, Map<String, Answer> answers, Map<String, ChallengeResult> challenges,
                              Map<String, List<Integer>> hints) {
    /**
     * The checks of a challenge so far: each check's score (oldest first), whether any check
     * passed every goal, and when the last one came.
     */
    public record ChallengeResult(String challengeId, List<Double> scores, boolean passed, String lastAt) {
        public ChallengeResult {
            scores = List.copyOf(scores);
        }

        /** How many checks were made. */
        public int attempts() {
            return scores.size();
        }
    }

    /**
     * Where a returning learner left off: of the lessons opened, the most recently opened one not yet
     * completed, else the most recently opened; empty when none was opened.
     */
    public java.util.Optional<String> leftOff() {
        java.util.Comparator<Map.Entry<String, LessonState>> byOpening = Map.Entry.comparingByValue(
                java.util.Comparator.comparing(LessonState::openedAt, java.util.Comparator.nullsFirst(String::compareTo)));
        var open = lessons.entrySet().stream().filter(e -> !e.getValue().completed()).max(byOpening);
        return (open.isPresent() ? open : lessons.entrySet().stream().max(byOpening)).map(Map.Entry::getKey);
    }

    /** When a lesson was first opened and, if so, completed (ISO-8601 UTC text). */
    public record LessonState(String openedAt, String completedAt) {
        public boolean completed() {
            return completedAt != null;
        }
    }

    /**
     * The latest answer to a question: what was given, its score out of max, how many tries, and
     * the score of every try ({@code scores}, oldest first, the latest last).
     */
    public record Answer(String quizId, String questionId, String answer, double score, double max, int attempts,
                         String submittedAt, String seed, String hints, String version, List<Double> scores) {
        public Answer {
            scores = List.copyOf(scores);
        }

        /** Whether the latest try was fully right. */
        public boolean correct() {
            return score >= max;
        }
    }

    public static String key(String quizId, String questionId) {
        return quizId + "/" + questionId;
    }

    public LessonState lesson(String slug) {
        return lessons.get(slug);
    }

    /** The same progress with a lesson's state as given (what a write just stored), without reading it all again. */
    public LearnerProgress with(String slug, LessonState state) {
        Map<String, LessonState> now = new java.util.LinkedHashMap<>(lessons);
        now.put(slug, state);
        return new LearnerProgress(now, answers, challenges, hints);
    }

    public ChallengeResult challenge(String challengeId) {
        return challenges.get(challengeId);
    }

    public Answer answer(String quizId, String questionId) {
        return answers.get(key(quizId, questionId));
    }

    /** The hints shown for a question, in order (empty when none), or null when the hints were not read. */
    public List<Integer> hints(String quizId, String questionId) {
        return hints == null ? null : hints.getOrDefault(key(quizId, questionId), List.of());
    }
}
