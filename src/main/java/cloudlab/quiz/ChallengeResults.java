package cloudlab.quiz;

import cloudlab.lesson.CourseSource;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.progress.Progress;
import cloudlab.sandbox.ChallengeChecks;
import cloudlab.sim.grade.GradeResult;

/**
 * Where a sandbox's challenge checks are kept: in the learner's progress, and a lesson whose
 * challenges now all pass is recorded done ({@link Answering#recordCompletion}). The sandbox
 * feature grades; this is the record it hands each result to.
 */
public final class ChallengeResults implements ChallengeChecks.Record {
    private final CourseSource course;
    private final Progress progress;
    private final Where where;

    /** Where a learner's check of a lesson's challenge is recorded: a workshop's results, or self-study. */
    public interface Where {
        Progress.Scope scope(String learnerId, Lesson lesson);
    }

    private ChallengeResults(CourseSource course, Progress progress, Where where) {
        this.course = course;
        this.progress = progress;
        this.where = where;
    }

    /**
     * The sandbox's challenge checks: challenges found in the course, graded as their lesson says,
     * kept in progress where {@code where} says (the workshop feature decides it).
     */
    public static ChallengeChecks checks(CourseSource course, Progress progress, Where where) {
        return new ChallengeChecks(id -> {
            LessonChallenge c = course.course().challenge(id);
            return c == null ? null : c.challenge();
        }, (c, layout) -> course.course().challenge(c.id()).grade(layout), new ChallengeResults(course, progress, where));
    }

    /** The lesson whose challenge this is, or null. */
    public static Lesson lessonOf(CourseSource course, String challengeId) {
        return course.course().lessons().stream().filter(l -> l.challenges().stream().anyMatch(c -> c.id().equals(challengeId)))
                .findFirst().orElse(null);
    }

    @Override
    public void checked(String learnerId, String challengeId, GradeResult r, String layoutJson) {
        Lesson lesson = lessonOf(course, challengeId);
        progress.challengeChecked(learnerId, challengeId, r.score(), r.passed(), layoutJson,
                lesson == null ? Progress.Scope.SELF_STUDY : where.scope(learnerId, lesson));
        Answering answering = new Answering(progress);
        for (Lesson l : course.course().lessons()) {
            if (l.challenges().stream().anyMatch(c -> c.id().equals(challengeId))) answering.recordCompletion(learnerId, l);
        }
    }

    @Override
    public boolean hasChecked(String learnerId, String challengeId) {
        return progress.of(learnerId).challenge(challengeId) != null;
    }
}
