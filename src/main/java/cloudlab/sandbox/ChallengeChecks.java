package cloudlab.sandbox;

import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The "Check my design" of a challenge sandbox: which challenge a sandbox answers, grading its
 * state now by the one grader, the sentence the learner reads, and handing a result to the
 * learner's record. It knows challenges and records only through what the app wires in.
 */
public final class ChallengeChecks {
    /** Where checks are kept: the learner's progress, wired by the app. */
    public interface Record {
        /** Keeps one check of a challenge (and whatever follows from it, such as a lesson done). */
        void checked(String learnerId, String challengeId, GradeResult result, String layoutJson);

        /** Whether the learner has checked this challenge before. */
        boolean hasChecked(String learnerId, String challengeId);
    }

    /** The answer to a check: the grade, the sentence for the learner and whether it reads as a success. */
    public record Checked(GradeResult result, String message, boolean passed) {
    }

    /** Thrown when a sandbox answers no challenge. */
    public static final class NoChallenge extends RuntimeException {
        public NoChallenge() {
            super("This sandbox has no challenge to check.", null, false, false);
        }
    }

    private final Function<String, Challenge> challenges;
    private final BiFunction<Challenge, Layout, GradeResult> grader;
    private final Record record;

    /** {@code challenges} finds a challenge by id (null when there is none); it is graded by {@link Grader#grade}. */
    public ChallengeChecks(Function<String, Challenge> challenges, Record record) {
        this(challenges, Grader::grade, record);
    }

    /**
     * As above, with the grading the challenge's owner asks for (a lesson challenge also refuses
     * zones its catalog region does not have).
     */
    public ChallengeChecks(Function<String, Challenge> challenges, BiFunction<Challenge, Layout, GradeResult> grader, Record record) {
        this.challenges = challenges;
        this.grader = grader;
        this.record = record;
    }

    /** The challenge the sandbox answers, or null for a sandbox that did not start from one. */
    public Challenge challengeOf(Sandbox s) {
        if (s.origin() != Sandbox.Origin.CHALLENGE || s.originRef() == null) return null;
        return challenges.apply(s.originRef());
    }

    /** Grades the sandbox's state now against its challenge and keeps the result; {@link NoChallenge} when it has none. */
    public Checked check(Sandbox s) {
        Challenge c = challengeOf(s);
        if (c == null) throw new NoChallenge();
        GradeResult r = grader.apply(c, s.history().state());
        record.checked(s.learnerId(), s.originRef(), r, LayoutWriter.toJson(s.history().state()));
        String message = r.passed() ? "Challenge passed" : "Checked: " + Math.round(r.score() * 100) + "% of the goals";
        return new Checked(r, message, r.passed());
    }

    /**
     * How the goals stand for the state now, once the learner has checked this challenge (before
     * that, null: the goals are shown without verdicts). Recomputed from the state, so any server
     * draws the same.
     */
    public GradeResult standing(Sandbox s) {
        Challenge c = challengeOf(s);
        if (c == null || !record.hasChecked(s.learnerId(), s.originRef())) return null;
        return grader.apply(c, s.history().state());
    }
}
