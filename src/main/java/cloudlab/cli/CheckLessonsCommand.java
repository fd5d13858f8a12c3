package cloudlab.cli;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.sim.RegionCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cloud-lab check-lessons [FOLDER]}: reads every lesson as the server would, then checks
 * that each lesson lists its sources, every zone of a catalog region is one the catalog lists,
 * and each challenge's start fails, its solution passes and its known-wrong layouts fail.
 */
@Command(name = "check-lessons", mixinStandardHelpOptions = true,
        description = "Validate a lessons folder (default ./lessons): every lesson, figure, quiz, sandbox and challenge.")
final class CheckLessonsCommand implements Callable<Integer> {
    @ParentCommand
    CloudLabCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", description = "The lessons folder (default: lessons).")
    Path folder = Path.of("lessons");

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            parent.err.println(folder + ": no such folder");
            return 2;
        }
        Course course = Course.load(folder, RegionCatalog.builtIn());
        List<String> problems = new ArrayList<>(course.problems());
        problems.addAll(course.authoringProblems());
        for (Lesson l : course.lessons()) {
            int questions = l.quiz() == null ? 0 : l.quiz().questions().size();
            parent.out.println("ok  " + l.source() + "  (" + l.figures().size() + " figures, " + questions + " questions, "
                    + l.sandboxes().size() + " sandboxes, " + l.challenges().size() + " challenges)");
        }
        for (String p : problems) parent.err.println(p);
        if (!problems.isEmpty()) {
            parent.err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + folder);
            return 2;
        }
        parent.out.println(course.lessons().size() + " lessons, no problems.");
        return 0;
    }
}
