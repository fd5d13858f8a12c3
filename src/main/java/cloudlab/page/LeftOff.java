package cloudlab.page;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.progress.LearnerProgress;
import cloudlab.sandbox.Sandboxes;

/**
 * What the "Continue where you left off" panel offers a learner: their most recent sandbox and
 * the lesson they left off in, as the sandbox and progress features say (either may be null;
 * both are for a visitor or a learner with nothing to go back to).
 */
public record LeftOff(Sandboxes.Summary sandbox, Lesson lesson) {
    /** Nothing to go back to. */
    public static final LeftOff NOTHING = new LeftOff(null, null);

    /** Where the learner with this progress left off in the course. */
    public static LeftOff of(Sandboxes sandboxes, Course course, String learnerId, LearnerProgress progress) {
        return new LeftOff(sandboxes.mostRecent(learnerId).orElse(null), progress.leftOff().map(course::lesson).orElse(null));
    }

    /** Whether there is anything to go back to. */
    public boolean any() {
        return sandbox != null || lesson != null;
    }
}
