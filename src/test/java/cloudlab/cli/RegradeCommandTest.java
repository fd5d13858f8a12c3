package cloudlab.cli;

import cloudlab.progress.Progress;
import cloudlab.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static cloudlab.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cloud-lab regrade} on a database and a copy of the lessons: a dry run prints what would
 * change and writes nothing; {@code --apply} stores the new scores, keeping the higher unless
 * {@code --replace}.
 */
class RegradeCommandTest {
    static final String QUIZ = "why-virtualize-quiz";
    static final String Q = "q-host-guest";
    static final String BEFORE = """
                  - text: "The physical server that runs the hypervisor"
                    correct: true
                    feedback: "Right: the host owns the real cores, memory and disks."
                  - text: "A virtual machine running a web server"
                    feedback: "That is a guest: it runs on top of the host."
            """;
    static final String AFTER = """
                  - text: "The physical server that runs the hypervisor"
                    feedback: "Right: the host owns the real cores, memory and disks."
                  - text: "A virtual machine running a web server"
                    correct: true
                    feedback: "That is a guest: it runs on top of the host."
            """;

    @TempDir
    Path dir;
    Path db;
    Path lessons;
    String wrong;
    String right;

    /** Two learners answered q-host-guest (one wrongly with option 1, one rightly with option 0); then option 1 became the right one. */
    @BeforeEach
    void answerThenFixTheQuestion() throws IOException {
        lessons = dir.resolve("lessons");
        Files.createDirectories(lessons);
        try (Stream<Path> s = Files.list(Path.of("lessons"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, lessons.resolve(p.getFileName()));
        }
        db = dir.resolve("lab.db");
        try (Database d = Database.openSqlite(db)) {
            Progress p = new Progress(d);
            wrong = p.newLearner().learner().id();
            right = p.newLearner().learner().id();
            p.answered(wrong, QUIZ, Q, new Progress.Attempt(null, "{\"choices\":[1]}", "[]", "old"), 0.0, 1.0);
            p.answered(right, QUIZ, Q, new Progress.Attempt(null, "{\"choices\":[0]}", "[]", "old"), 1.0, 1.0);
        }
        Path f = lessons.resolve("01-why-virtualize.md");
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(text.contains(BEFORE));
        Files.writeString(f, text.replace(BEFORE, AFTER), StandardCharsets.UTF_8);
    }

    double score(String learner) {
        try (Database d = Database.openSqlite(db)) {
            return new Progress(d).of(learner).answer(QUIZ, Q).score();
        }
    }

    /** The words of the plan's row for a learner. */
    static List<String> row(String out, String learner) {
        return out.lines().filter(l -> l.startsWith(learner + " ")).findFirst()
                .map(l -> Arrays.asList(l.strip().split("\\s+"))).orElseThrow(() -> new AssertionError("no row for " + learner + " in:\n" + out));
    }

    @Test
    void aDryRunPrintsEachChangeAndWritesNothing() {
        Cli.Result r = run("regrade", "--db", db, "--lessons", lessons);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("2 attempts checked, 2 would change.", lines.get(0));
        assertEquals("Scores that would change: 1 keeping the higher, 2 with --replace.", lines.get(1), "what --apply will report");
        assertEquals(List.of("learner", "name", "question", "attempt", "old", "new", "kept"), Arrays.asList(lines.get(2).strip().split("\\s+")));
        assertEquals(List.of(wrong, "-", QUIZ + "/" + Q, "1", "0.00", "1.00", "1.00"), row(r.out(), wrong));
        assertEquals(List.of(right, "-", QUIZ + "/" + Q, "1", "1.00", "0.00", "1.00"), row(r.out(), right), "kept: the higher");
        assertTrue(r.out().contains("Nothing written. Run again with --apply"), r.out());
        assertEquals(0.0, score(wrong));
        assertEquals(1.0, score(right));
    }

    @Test
    void applyKeepsTheHigherScore() {
        Cli.Result r = run("regrade", "--db", db, "--lessons", lessons, "--apply");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Applied: 1 scores changed (higher score kept)."), r.out());
        assertEquals(1.0, score(wrong), "raised");
        assertEquals(1.0, score(right), "not lowered");
    }

    @Test
    void applyWithReplaceTakesTheNewScores() {
        Cli.Result dry = run("regrade", "--db", db, "--lessons", lessons, "--replace");
        assertEquals(List.of(right, "-", QUIZ + "/" + Q, "1", "1.00", "0.00", "0.00"), row(dry.out(), right), "kept: the new one");
        assertEquals(1.0, score(right), "--replace alone is still a dry run");

        Cli.Result r = run("regrade", "--db", db, "--lessons", lessons, "--apply", "--replace");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Applied: 2 scores changed."), r.out());
        assertEquals(1.0, score(wrong));
        assertEquals(0.0, score(right));

        Cli.Result after = run("regrade", "--db", db, "--lessons", lessons);
        assertEquals("2 attempts checked, 0 would change.", after.out().lines().findFirst().orElse(""));
    }

    @Test
    void aBrokenLessonIsReportedAndItsAttemptsSkipped() throws IOException {
        Path f = lessons.resolve("01-why-virtualize.md");
        Files.writeString(f, Files.readString(f).replace("minutes: 7", "minutes: zero"));
        Cli.Result r = run("regrade", "--db", db, "--lessons", lessons);
        assertEquals(0, r.code());
        assertTrue(r.err().startsWith("lesson problem: 01-why-virtualize.md"), r.err());
        assertTrue(r.out().startsWith("2 attempts checked, 0 would change, 2 skipped."), r.out());
        assertTrue(r.out().contains("skipped: " + wrong + " " + QUIZ + "/" + Q + " attempt 1: the question is no longer in the course"), r.out());
        r.assertNoStackTrace();
    }

    @Test
    void aMissingDatabaseOrFolderIsBadInput() {
        assertEquals("regrade: " + dir.resolve("none.db") + ": no such database",
                run("regrade", "--db", dir.resolve("none.db"), "--lessons", lessons).badInput());
        assertEquals("regrade: " + dir.resolve("nowhere") + ": no such folder",
                run("regrade", "--db", db, "--lessons", dir.resolve("nowhere")).badInput());
        assertEquals(0.0, score(wrong));
    }
}
