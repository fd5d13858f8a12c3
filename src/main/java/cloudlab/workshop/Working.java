package cloudlab.workshop;

import cloudlab.lesson.Lesson;
import cloudlab.progress.Progress;

import java.util.Optional;

/**
 * Where a learner's work on a lesson belongs, decided once from their working workshop (the one
 * they joined or rejoined last, {@link Workshops#working}):
 * <ul>
 *   <li>a lesson their working workshop covers is worked in it: its attempts, hints and checks are
 *       recorded in that workshop, counted under the workshop's attempt policy when it sets one, and
 *       it opens as the workshop's pace allows;</li>
 *   <li>once that workshop is closed its results are final: new work on its lessons is refused
 *       (reopening accepts it again); reading the lessons stays open;</li>
 *   <li>a lesson the workshop does not cover, or any lesson of a learner in no workshop, is
 *       self-study: recorded in no workshop, so no room counts it.</li>
 * </ul>
 * So joining another workshop never moves work between rooms, and a room shows only work done in it.
 */
public final class Working {
    private Working() {
    }

    /**
     * A lesson as the learner works it now: the lesson (its quiz under the policy in force), where
     * the work is recorded, why it may not be opened ({@code locked}, null when it may) and why work
     * may not be recorded ({@code frozen}, null when it may).
     */
    public record Place(Lesson lesson, Progress.Scope scope, Optional<Workshops.Membership> membership, String locked, String frozen) {
        /** Why an answer, hint or check may not be recorded now, or null: a lock or a closed workshop. */
        public String refusal() {
            return locked != null ? locked : frozen;
        }
    }

    /** Where the learner works on the lesson, given their working workshop (empty: none). */
    public static Place place(cloudlab.lesson.Course course, Optional<Workshops.Membership> working, Lesson lesson) {
        if (working.isEmpty() || !working.get().workshop().covers(lesson.slug())) {
            return new Place(lesson, Progress.Scope.SELF_STUDY, working, null, null);
        }
        Workshop w = working.get().workshop();
        String frozen = w.open() ? null : "workshop: " + w.title() + " is closed, so its results are final and this was not recorded. "
                + "Your instructor can reopen it; until then its lessons can be read but not answered.";
        return new Place(w.asWorkedHere(course, lesson), Progress.Scope.workshop(w.id()), working, Pacing.lessonLock(working, lesson).orElse(null), frozen);
    }
}
