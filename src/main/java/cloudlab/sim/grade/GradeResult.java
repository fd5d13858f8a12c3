package cloudlab.sim.grade;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The result of grading one layout against a challenge (contract section 5). */
public record GradeResult(String challenge, boolean passed, double score, List<CheckResult> checks) {
    public GradeResult {
        checks = List.copyOf(checks);
    }

    /**
     * One goal's verdict; {@code argument} echoes the goal's, absent for the {@code valid} check.
     * {@code vacuous} is true (and written) only for a goal that passes because there is nothing to
     * judge, such as {@code maxHosts} on a layout with no hosts: it earns no credit (contract v1.1).
     */
    public record CheckResult(String goal, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode argument, boolean passed,
                              String message, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean vacuous) {
        public CheckResult {
            if (Boolean.FALSE.equals(vacuous)) vacuous = null;
            if (vacuous != null && !passed) throw new IllegalArgumentException("only a passing check can be vacuous");
        }

        public CheckResult(String goal, JsonNode argument, boolean passed, String message) {
            this(goal, argument, passed, message, null);
        }

        /** Whether the check passed with something to judge: the only kind that earns credit. */
        public boolean earnsCredit() {
            return passed && vacuous == null;
        }
    }

    /** The result for a layout that cannot be read or breaks the rules: score 0, one {@code valid} check. */
    public static GradeResult invalid(String challenge, String why) {
        return new GradeResult(challenge, false, 0.0, List.of(new CheckResult("valid", null, false, why)));
    }
}
