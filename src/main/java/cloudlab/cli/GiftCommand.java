package cloudlab.cli;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Quiz;
import cloudlab.quiz.Gift;
import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Rules;
import cloudlab.sim.document.Documents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code cloud-lab gift export QUIZ_ID} and {@code cloud-lab gift import FILE --id QUIZ_ID}: move
 * quiz questions to and from Moodle's GIFT format. Both print to stdout, so the result can be
 * redirected into a file or pasted into a lesson's {@code quiz} block.
 */
@Command(name = "gift", mixinStandardHelpOptions = true,
        description = "Export a quiz to Moodle's GIFT format, or import GIFT questions as a quiz block.",
        subcommands = {GiftCommand.Export.class, GiftCommand.Import.class})
final class GiftCommand implements Callable<Integer> {
    @ParentCommand
    CloudLabCommand parent;

    @Override
    public Integer call() {
        parent.err.println("gift: say what to do: 'gift export QUIZ_ID' or 'gift import FILE --id QUIZ_ID'");
        parent.err.println("Try 'cloud-lab gift --help'.");
        return 2;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print a quiz of the course as GIFT. Ordering and challenge questions are skipped with a comment.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        GiftCommand gift;

        @Parameters(index = "0", paramLabel = "QUIZ_ID", description = "The id of the quiz to export.")
        String quizId;

        @Option(names = "--lessons", paramLabel = "DIR", description = "The lessons folder (default: lessons).")
        Path lessons = Path.of("lessons");

        @Override
        public Integer call() {
            PrintWriter err = gift.parent.err;
            if (!Files.isDirectory(lessons)) {
                err.println(lessons + ": no such folder");
                return 2;
            }
            Course course = Course.load(lessons, RegionCatalog.builtIn());
            Lesson lesson = course.lessonOfQuiz(quizId);
            if (lesson == null) {
                List<String> ids = course.lessons().stream().map(Lesson::quiz).filter(Objects::nonNull).map(Quiz::id).toList();
                err.println("gift export: no quiz " + quizId + " in " + lessons
                        + (ids.isEmpty() ? " (it holds no quizzes)" : "; its quizzes are " + String.join(", ", ids)));
                if (!course.problems().isEmpty()) {
                    err.println("Some lessons could not be read; 'cloud-lab check-lessons " + lessons + "' says why.");
                }
                return 2;
            }
            gift.parent.out.print(Gift.export(lesson.quiz()));
            gift.parent.out.flush();
            for (String line : Gift.leftOut(lesson.quiz())) err.println("gift export: " + line);
            err.flush();
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read a GIFT file and print the YAML of a quiz block holding its questions. "
                    + "Questions the lab has no type for are skipped, with a message on stderr.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        GiftCommand gift;

        @Parameters(index = "0", paramLabel = "FILE", description = "The GIFT file.")
        Path file;

        @Option(names = "--id", required = true, paramLabel = "QUIZ_ID", description = "The id of the new quiz.")
        String quizId;

        @Override
        public Integer call() {
            PrintWriter err = gift.parent.err;
            String bad = Rules.id(quizId);
            if (bad != null) {
                err.println("gift import: --id " + bad);
                return 2;
            }
            Gift.Imported imported;
            try {
                imported = Gift.importGift(Documents.readText(file), quizId);
            } catch (InputException e) {
                // a file that cannot be read is already named in the message; a GIFT fault names only its line
                String m = e.getMessage();
                err.println(m.startsWith(file.toString()) ? m : file + ": " + m);
                return 2;
            }
            for (String s : imported.skipped()) err.println(file + ": " + s);
            for (String s : imported.lossy()) err.println(file + ": " + s);
            gift.parent.out.print(imported.yaml());
            gift.parent.out.flush();
            return 0;
        }
    }
}
