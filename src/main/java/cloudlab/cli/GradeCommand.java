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

    @Override
    public Integer call() {
        Challenge challenge;
        try {
            challenge = ChallengeReader.read(challengeFile);
        } catch (InputException e) {
            parent.err.println(e.getMessage());
            return 2;
        }
        for (Path layout : layouts) {
            GradeResult result;
            try {
                result = Grader.grade(challenge, LayoutReader.read(layout, RegionCatalog.builtIn()));
            } catch (InputException e) {
                result = GradeResult.invalid(challenge.id(), e.getMessage());
            }
            ObjectNode line = Json.mapper().valueToTree(result);
            line.put("layout", layout.toString());
            parent.out.println(Json.line(line));
        }
        parent.out.flush();
        return 0;
    }
}
