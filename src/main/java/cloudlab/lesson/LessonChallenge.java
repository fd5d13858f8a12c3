package cloudlab.lesson;

import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
import cloudlab.sim.Layout;

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

    /**
     * Grades a design against this lesson challenge: as {@link Grader#grade} does, except that a
     * zone id that is not one of its catalog region's (say {@code euw1-az9}, or {@code use1-az1}
     * inside eu-west-1) scores 0 with a {@code valid} check naming it. A lesson teaches real zones;
     * a sandbox only warns about such a zone.
     */
    public GradeResult grade(Layout design) {
        List<String> problems = design.catalog().zoneProblems(design);
        if (!problems.isEmpty()) return GradeResult.invalid(id(), problems.get(0));
        return Grader.grade(challenge, design);
    }
}
