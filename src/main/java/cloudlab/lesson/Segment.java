package cloudlab.lesson;

import cloudlab.sim.Layout;

import java.util.List;

/** A piece of a lesson's body, in reading order: prose, or one of the special blocks. */
public sealed interface Segment {
    /** Rendered Markdown. */
    record Prose(String html) implements Segment {}

    /** A diagram of a layout; {@code view} is hosts, infrastructure or map. */
    record Figure(String caption, String view, Layout layout, List<String> fail) implements Segment {}

    /**
     * A layout the learner can open in a sandbox; {@code index} counts sandboxes in the lesson from
     * 0; {@code task} is its guided task, or null for a sandbox to play in freely.
     */
    record Sandbox(int index, String title, String prompt, Layout layout, Task task) implements Segment {}

    /** Where the quiz stands in the lesson. */
    record QuizBlock(Quiz quiz) implements Segment {}

    record ChallengeBlock(LessonChallenge challenge) implements Segment {}
}
