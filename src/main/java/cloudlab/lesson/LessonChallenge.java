package cloudlab.lesson;

import cloudlab.sim.Layout;
import cloudlab.sim.grade.Challenge;

import java.util.List;

/**
 * A challenge embedded in a lesson: the goals, the layout a learner starts from, a reference
 * solution that must pass and known-wrong layouts that must fail.
 */
public record LessonChallenge(Challenge challenge, Layout start, Layout solution, List<Layout> wrong) {
    public LessonChallenge {
        wrong = List.copyOf(wrong);
    }

    public String id() {
        return challenge.id();
    }
}
