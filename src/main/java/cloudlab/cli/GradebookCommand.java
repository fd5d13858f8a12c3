package cloudlab.cli;

import cloudlab.lesson.Course;
import cloudlab.quiz.Gradebook;
import cloudlab.sim.RegionCatalog;
import cloudlab.store.Database;
import cloudlab.workshop.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cloud-lab gradebook}: the server-wide gradebook, one row per learner and item in each
 * workshop they worked in (named in its own columns), then their self-study; as CSV or JSON.
 */
@Command(name = "gradebook", mixinStandardHelpOptions = true, description = "Export the gradebook as CSV (default) or JSON.")
final class GradebookCommand implements Callable<Integer> {
    @ParentCommand
    CloudLabCommand parent;

    @Mixin
    DatabaseOption db;

    @Option(names = "--lessons", paramLabel = "DIR", description = "The lessons folder (default lessons).", defaultValue = "lessons")
    Path lessons;

    @Option(names = "--format", paramLabel = "csv|json", description = "csv (default) or json.", defaultValue = "csv")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        if (!format.equals("csv") && !format.equals("json")) {
            parent.err.println("gradebook: --format must be csv or json (got " + format + ")");
            return 2;
        }
        if (!db.there(parent.err, "gradebook")) return 2;
        Course course = Files.isDirectory(lessons) ? Course.load(lessons, RegionCatalog.builtIn()) : null;
        try (Database database = Database.open(db.location)) {
            List<Gradebook.Row> rows = new Results(database, () -> course).serverWide();
            String text = format.equals("csv") ? Gradebook.csv(rows) : Gradebook.json(rows);
            if (out == null) {
                parent.out.print(text);
                parent.out.flush();
            } else {
                try {
                    Files.writeString(out, text, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    parent.err.println("gradebook: cannot write " + out + ": " + e.getMessage());
                    return 2;
                }
                parent.out.println(rows.size() + " rows written to " + out);
            }
            return 0;
        }
    }
}
