package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.progress.LearnerProgress;

/**
 * Where a learner stands in a lesson, defined once: not started, in progress, or done. A lesson is
 * done when every question of its quiz is answered (a challenge question: its challenge checked at
 * least once) and every challenge block passed. The course map, the lesson page, the progress page
 * and the room read {@link #state}; the room adds "stuck" on top of it.
 */
public final class Completion {
    private Completion() {
    }

    /** A learner's state in a lesson, with the word pages use for it (a CSS class) and its label. */
    public enum LessonState {
        NEW("new", "Not started"), STARTED("started", "In progress"), DONE("done", "Completed");

        private final String word;
        private final String label;

        LessonState(String word, String label) {
            this.word = word;
            this.label = label;
        }

        public String word() {
            return word;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The learner's state in the lesson: new when they have neither opened it nor attempted any
     * of it, done when it is complete, else started.
     */
    public static LessonState state(Lesson lesson, LearnerProgress progress) {
        if (progress == null) return LessonState.NEW;
        Scores.Attempted a = Scores.attempted(lesson, progress);
        if (progress.lesson(lesson.slug()) == null && !a.any()) return LessonState.NEW;
        return a.all() && a.challengesPassed() ? LessonState.DONE : LessonState.STARTED;
    }
}
