package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.progress.Learner;
import cloudlab.sandbox.ChallengeChecks;
import cloudlab.sim.grade.GradeResult;
import cloudlab.workshop.Working;

/**
 * Where a sandbox's challenge checks are kept: the learner's progress, and a lesson whose
 * challenges now all pass may be done. Wiring between the sandbox and progress features.
 */
final class ChallengeProgress implements ChallengeChecks.Record {
    private final Services services;

    private ChallengeProgress(Services services) {
        this.services = services;
    }

    /** The sandbox's challenge checks, finding challenges in the course and keeping results in progress. */
    static ChallengeProgress of(Services services) {
        return new ChallengeProgress(services);
    }

    static ChallengeChecks checks(Services services, ChallengeProgress record) {
        return new ChallengeChecks(id -> {
            LessonChallenge c = services.course().course().challenge(id);
            return c == null ? null : c.challenge();
        }, (c, layout) -> services.course().course().challenge(c.id()).grade(layout), record);
    }

    @Override
    public void checked(String learnerId, String challengeId, GradeResult r, String layoutJson) {
        services.progress().challengeChecked(learnerId, challengeId, r.score(), r.passed(), layoutJson, place(learnerId, challengeId).scope());
        Learner learner = services.progress().byId(learnerId).orElseThrow();
        for (Lesson l : services.course().course().lessons()) {
            if (l.challenges().stream().anyMatch(c -> c.id().equals(challengeId))) LessonPages.completeIfDone(services, learner, l);
        }
    }

    /** Where a check of the challenge is recorded for the learner: the workshop feature's decision for its lesson ({@link Working}). */
    Working.Place place(String learnerId, String challengeId) {
        Lesson lesson = services.course().course().lessons().stream()
                .filter(l -> l.challenges().stream().anyMatch(c -> c.id().equals(challengeId))).findFirst().orElse(null);
        return lesson == null ? new Working.Place(null, cloudlab.progress.Progress.Scope.SELF_STUDY, java.util.Optional.empty(), null, null)
                : Working.place(services.workshops().working(learnerId), lesson);
    }

    @Override
    public boolean hasChecked(String learnerId, String challengeId) {
        return services.progress().of(learnerId).challenge(challengeId) != null;
    }
}
