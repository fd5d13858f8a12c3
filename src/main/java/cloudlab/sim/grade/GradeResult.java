package cloudlab.sim.grade;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The result of grading one layout against a challenge (contract section 5). */
public record GradeResult(String challenge, boolean passed, double score, List<CheckResult> checks) {
    public GradeResult {
        checks = List.copyOf(checks);
    }

    /** One goal's verdict; {@code argument} echoes the goal's, absent for the {@code valid} check. */
    public record CheckResult(String goal, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode argument, boolean passed,
                              String message) {
    }

    /** The result for a layout that cannot be read or breaks the rules: score 0, one {@code valid} check. */
    public static GradeResult invalid(String challenge, String why) {
        return new GradeResult(challenge, false, 0.0, List.of(new CheckResult("valid", null, false, why)));
    }
}
