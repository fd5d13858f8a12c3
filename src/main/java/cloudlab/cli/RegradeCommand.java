package cloudlab.cli;

import cloudlab.lesson.Course;
import cloudlab.progress.Progress;
import cloudlab.quiz.Regrade;
import cloudlab.sim.RegionCatalog;
import cloudlab.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cloud-lab regrade}: scores every stored quiz attempt again against the lessons as they
 * are now. Without {@code --apply} it only shows what would change.
 */
@Command(name = "regrade", mixinStandardHelpOptions = true,
        description = "Recompute stored quiz attempts after a question was fixed; a dry run unless --apply.")
final class RegradeCommand implements Callable<Integer> {
    @ParentCommand
    CloudLabCommand parent;

    @Mixin
    DatabaseOption db;

    @Option(names = "--lessons", paramLabel = "DIR", description = "The lessons folder (default lessons).", defaultValue = "lessons")
    Path lessons;

    @Option(names = "--apply", description = "Store the new scores (otherwise nothing is written).")
    boolean apply;

    @Option(names = "--replace", description = "With --apply: take the new score even when it is lower (default keeps the higher).")
    boolean replace;

    @Override
    public Integer call() {
        if (!db.there(parent.err, "regrade")) return 2;
        if (!Files.isDirectory(lessons)) {
            parent.err.println("regrade: " + lessons + ": no such folder");
            return 2;
        }
        Course course = Course.load(lessons, RegionCatalog.builtIn());
        for (String p : course.problems()) parent.err.println("lesson problem: " + p);
        try (Database database = Database.open(db.location)) {
            Progress progress = new Progress(database);
            Regrade.Plan plan = Regrade.plan(course, progress);
            parent.out.println(plan.attemptsChecked() + " attempts checked, " + plan.changes().size() + " would change"
                    + (plan.skipped().isEmpty() ? "" : ", " + plan.skipped().size() + " skipped") + ".");
            if (!plan.changes().isEmpty()) {
                parent.out.println("Scores that would change: " + plan.scoresChanged(true) + " keeping the higher, " + plan.scoresChanged(false)
                        + " with --replace.");
            }
            if (!plan.changes().isEmpty()) {
                parent.out.println(String.format(Locale.ROOT, "%-14s %-20s %-40s %7s %6s %6s %6s", "learner", "name", "question", "attempt",
                        "old", "new", "kept"));
                for (Regrade.Change c : plan.changes()) {
                    parent.out.println(String.format(Locale.ROOT, "%-14s %-20s %-40s %7d %6.2f %6.2f %6.2f", c.learnerId(),
                            c.displayName() == null ? "-" : c.displayName(), c.quizId() + "/" + c.questionId(), c.attempt(), c.oldScore(),
                            c.newScore(), c.applied(!replace)));
                }
            }
            for (String s : plan.skipped()) parent.out.println("skipped: " + s);
            if (apply) {
                int n = plan.scoresChanged(!replace); // the scores the dry run said would change
                Regrade.apply(plan, progress, !replace);
                parent.out.println("Applied: " + n + " scores changed" + (replace ? "." : " (higher score kept)."));
            } else if (!plan.changes().isEmpty()) {
                parent.out.println("Nothing written. Run again with --apply to store the new scores"
                        + " (the higher of old and new is kept unless you add --replace).");
            }
            return 0;
        }
    }
}
