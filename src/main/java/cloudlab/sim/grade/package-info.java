/**
 * Challenges and grading: a {@link cloudlab.sim.grade.Challenge}'s {@link cloudlab.sim.grade.Goal}s,
 * the one {@link cloudlab.sim.grade.Grader} behind the {@code grade} command, {@code /api/v1/grade}
 * and a sandbox's "Check my design", its {@link cloudlab.sim.grade.GradeResult}, and the goals in
 * a learner's words ({@link cloudlab.sim.grade.Goals}).
 */
package cloudlab.sim.grade;
