package cloudlab.workshop;

import cloudlab.lesson.Lesson;

import java.util.Optional;

/**
 * How a workshop's lessons open: the instructor opens the next one, closes the last one, or opens
 * them all; a learner in an open workshop may not open a lesson it has not reached yet.
 */
public final class Pacing {
    private Pacing() {
    }

    /** What the instructor pressed. */
    public enum Step {
        NEXT, PREVIOUS, ALL;

        /** The step a form value names ("next", "previous", "all"), or empty. */
        public static Optional<Step> named(String value) {
            if (value == null) return Optional.empty();
            return switch (value) {
                case "next" -> Optional.of(NEXT);
                case "previous" -> Optional.of(PREVIOUS);
                case "all" -> Optional.of(ALL);
                default -> Optional.empty();
            };
        }
    }

    /**
     * How many lessons are open after the step ({@code -1}: all of them). Closing never closes the
     * first lesson; opening never goes past the last.
     */
    public static int unlockedAfter(Workshop w, Step step) {
        return switch (step) {
            case ALL -> -1;
            case NEXT -> Math.min(w.lessons().size(), w.openCount() + 1);
            case PREVIOUS -> Math.max(1, w.openCount() - 1);
        };
    }

    /**
     * The lesson lock: why this learner may not open the lesson now (their open workshop has not
     * reached it), or empty when they may. A learner in no open workshop, or a lesson outside
     * their workshop, is never locked.
     */
    public static Optional<String> lessonLock(Optional<Workshops.Membership> membership, Lesson lesson) {
        if (membership.isEmpty()) return Optional.empty();
        Workshop w = membership.get().workshop();
        if (!w.open() || w.lessonOpen(lesson.slug())) return Optional.empty();
        return Optional.of("Your instructor has not opened \"" + lesson.title() + "\" yet in " + w.title()
                + ". It opens when the room gets there.");
    }
}
