package cloudlab.workshop;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.Progress;
import cloudlab.quiz.Gradebook;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instructor's regrade after a question is fixed, over two workshops: the dry run and the apply
 * count the same scores, per workshop and in all; a second dry run finds none; applying leaves one
 * audit row per workshop (who, when, how, how many, the total before and after), a dry run none.
 */
class RegradingTest {
    /** q-host-guest of the first lesson with its right option moved from the first to the second. */
    static final String RIGHT_FIRST = """
                  - text: "The physical server that runs the hypervisor"
                    correct: true
                    feedback: "Right: the host owns the real cores, memory and disks."
                  - text: "A virtual machine running a web server"
            """;
    static final String RIGHT_SECOND = """
                  - text: "The physical server that runs the hypervisor"
                    feedback: "Right: the host owns the real cores, memory and disks."
                  - text: "A virtual machine running a web server"
                    correct: true
            """;

    @TempDir
    Path folder;
    Room1 lab;
    final AtomicReference<Course> course = new AtomicReference<>();
    Rooms rooms;
    Workshop monday;
    Workshop tuesday;

    @BeforeEach
    void twoWorkshopsAnswered() {
        lab = new Room1(folder);
        course.set(lab.course);
        rooms = new Rooms(lab.workshops, lab.progress, lab.sandboxes, course::get, Room1.CATALOG, g -> g.name(), Clock.systemUTC());
        monday = created("Monday class");
        tuesday = created("Tuesday class");
        answer(joined(monday, "Ann"), monday, 0); // right now, wrong after the fix
        answer(joined(monday, "Cy"), monday, 1); // wrong now, right after
        answer(joined(tuesday, "Bo"), tuesday, 1); // wrong now, right after
    }

    @AfterEach
    void close() {
        lab.close();
    }

    Workshop created(String title) {
        Steering.Created c = rooms.steering().create("ada", title, List.of(lab.quizLesson().slug()), null);
        return c.workshop();
    }

    String joined(Workshop w, String name) {
        String id = lab.progress.newLearner().learner().id();
        rooms.joining().join(w, id, name);
        return id;
    }

    void answer(String learner, Workshop w, int choice) {
        Lesson l = lab.quizLesson();
        Question q = l.quiz().question("q-host-guest");
        lab.progress.answered(learner, l.quiz().id(), q.id(), new Progress.Attempt(null, "{\"choices\":[" + choice + "]}", null, q.version()),
                choice == 0 ? 1 : 0, 1, Progress.Scope.workshop(w.id()));
    }

    /** Moves the right option in a copy of the lessons and reads the course again. */
    void fixTheQuestion() throws IOException {
        Path copy = folder.resolve("fixed");
        Files.createDirectories(copy);
        try (var files = Files.list(folder.resolve("lessons"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(copy.resolve(f.getFileName()), text.replace(RIGHT_FIRST, RIGHT_SECOND), StandardCharsets.UTF_8);
            }
        }
        Course fixed = Course.load(copy, RegionCatalog.builtIn());
        assertTrue(!fixed.lessons().get(0).quiz().question("q-host-guest").options().get(0).correct(), "the edit took");
        course.set(fixed);
    }

    double total(Workshop w) {
        return rooms.results(w).stream().mapToDouble(Gradebook.Row::score).sum();
    }

    @Test
    void theDryRunAndTheApplyCountTheSameScoresPerWorkshopAndASecondDryRunFindsNone() throws IOException {
        fixTheQuestion();
        Regrading.DryRun dry = rooms.regrading().dryRun("ada");
        assertEquals(new Regrading.Counts(2, Map.of("Monday class", 1, "Tuesday class", 1)), dry.keepHigher(), "Cy and Bo go up; Ann keeps hers");
        assertEquals(new Regrading.Counts(3, Map.of("Monday class", 2, "Tuesday class", 1)), dry.replace());
        assertEquals("2 scores would change: Monday class 1, Tuesday class 1", dry.keepHigher().text("would change"));

        Regrading.Applied applied = rooms.regrading().apply("ada", true);
        assertEquals(dry.keepHigher(), applied.changed(), "applying reports what the dry run said");
        assertEquals(0, rooms.regrading().dryRun("ada").keepHigher().total(), "nothing left to raise");

        Regrading.DryRun before = rooms.regrading().dryRun("ada");
        assertEquals(new Regrading.Counts(1, Map.of("Monday class", 1)), before.replace(), "Ann's kept score is still above the new one");
        assertEquals(before.replace(), rooms.regrading().apply("ada", false).changed());
        Regrading.DryRun after = rooms.regrading().dryRun("ada");
        assertEquals(0, after.keepHigher().total());
        assertEquals(0, after.replace().total());
        assertEquals(List.of(), after.plan().changes());
    }

    @Test
    void applyingLeavesOneAuditRowPerWorkshopAndADryRunLeavesNone() throws IOException {
        fixTheQuestion();
        rooms.regrading().dryRun("ada");
        rooms.regrading().plan("ada");
        assertEquals(List.of(), rooms.regrading().audits(monday.id()), "a dry run writes nothing");
        double mondayBefore = total(monday);
        Instant start = Instant.now().minusSeconds(1);

        rooms.regrading().apply("ada", true);
        List<Regrading.Audit> audits = rooms.regrading().audits(monday.id());
        assertEquals(1, audits.size(), audits.toString());
        Regrading.Audit a = audits.get(0);
        assertEquals("ada", a.instructor());
        assertEquals("keep higher", a.mode());
        assertTrue(!Instant.parse(a.at()).isBefore(start), a.at());
        assertEquals(1, a.changed());
        assertEquals(1.0, mondayBefore, 1e-9);
        assertEquals(mondayBefore, a.totalBefore(), 1e-9);
        assertEquals(2.0, a.totalAfter(), 1e-9, "Ann keeps 1, Cy goes up to 1");
        assertEquals(total(monday), a.totalAfter(), 1e-9);
        assertTrue(a.details().startsWith("Cy " + lab.quizLesson().quiz().id() + "/q-host-guest attempt 1: 0 → 1"), a.details());
        assertEquals(1, rooms.regrading().audits(tuesday.id()).size());
        assertEquals(0.0, rooms.regrading().audits(tuesday.id()).get(0).totalBefore(), 1e-9);

        rooms.regrading().dryRun("ada");
        assertEquals(1, rooms.regrading().audits(monday.id()).size(), "a dry run after it adds nothing");
    }
}
