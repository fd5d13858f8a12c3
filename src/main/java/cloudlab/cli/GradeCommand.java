package cloudlab.cli;

import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.document.ChallengeReader;
import cloudlab.sim.document.Json;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cloud-lab grade CHALLENGE LAYOUT...}: one JSON line per layout, in the order given. A
 * layout that cannot be read is a grade of 0, not a fault; only a bad challenge exits 2.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade layouts against a challenge (JSON Lines on stdout, one per layout).")
final class GradeCommand implements Callable<Integer> {
    @ParentCommand
    CloudLabCommand parent;

    @Parameters(index = "0", paramLabel = "CHALLENGE", description = "A challenge file (.json, .yml or .yaml).")
    Path challengeFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "LAYOUT", description = "Layouts to grade.")
    List<Path> layouts;

    @Option(names = "--min-score", paramLabel = "X",
            description = "Exit 3 when any layout scores below X (0 to 1), so a CI job can fail on a grade.")
    String minScore;

    /** The exit code when a layout scores below {@code --min-score}: a grade, not a fault. */
    static final int BELOW_MIN_SCORE = 3;

    @Override
    public Integer call() {
        Double min = null;
        if (minScore != null) {
            try {
                min = Double.valueOf(minScore.strip());
            } catch (NumberFormatException e) {
                min = Double.NaN;
            }
            if (!(min >= 0 && min <= 1)) {
                parent.err.println("--min-score " + minScore + ": must be a number from 0 to 1, e.g. --min-score 0.8");
                return 2;
            }
        }
        Challenge challenge;
        try {
            challenge = ChallengeReader.read(challengeFile);
        } catch (InputException e) {
            parent.err.println(e.getMessage());
            return 2;
        }
        boolean below = false;
        for (Path layout : layouts) {
            GradeResult result;
            try {
                result = Grader.grade(challenge, LayoutReader.read(layout, RegionCatalog.builtIn()));
            } catch (InputException e) {
                result = GradeResult.invalid(challenge.id(), e.getMessage());
            }
            if (min != null && result.score() < min) below = true;
            ObjectNode line = Json.mapper().valueToTree(result);
            line.put("layout", layout.toString());
            parent.out.println(Json.line(line));
        }
        parent.out.flush();
        return below ? BELOW_MIN_SCORE : 0;
    }
}
