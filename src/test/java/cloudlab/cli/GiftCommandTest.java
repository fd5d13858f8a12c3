package cloudlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cloud-lab gift export} and {@code cloud-lab gift import}, run through the real command line. */
class GiftCommandTest {

    @Test
    void exportPrintsTheQuizAsGift() {
        Cli.Result r = Cli.run("gift", "export", "hypervisor-types-quiz");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("$CATEGORY: hypervisor-types-quiz\n"), r.out());
        assertTrue(r.out().contains("::q-match-products::Match each product to the kind of hypervisor it is. {\n\t=VMware ESXi -> type 1"), r.out());
        assertTrue(r.out().contains("// cloudlab: predict question exported with its computed answer\n"), r.out());
    }

    @Test
    void exportSaysOnStderrWhatItLeftOut() {
        Cli.Result r = Cli.run("gift", "export", "putting-it-together-quiz");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("gift export: putting-it-together-quiz/"), "names each question left out: " + r.err());
        assertTrue(r.err().contains(" left out: "), r.err());
    }

    @Test
    void exportReadsTheLessonsFolderGiven(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("lessons", "06-regions.md"), dir.resolve("06-regions.md"));
        Cli.Result r = Cli.run("gift", "export", "regions-quiz", "--lessons", dir);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("::q-rtt::"), r.out());
        String message = Cli.run("gift", "export", "why-virtualize-quiz", "--lessons", dir).badInput();
        assertEquals("gift export: no quiz why-virtualize-quiz in " + dir + "; its quizzes are regions-quiz", message);
    }

    @Test
    void anUnknownQuizOrFolderIsBadInput() {
        String message = Cli.run("gift", "export", "no-such-quiz").badInput();
        assertTrue(message.startsWith("gift export: no quiz no-such-quiz in lessons; its quizzes are "), message);
        assertTrue(message.contains("regions-quiz"), message);
        assertEquals("no-such-folder: no such folder", Cli.run("gift", "export", "regions-quiz", "--lessons", "no-such-folder").badInput());
    }

    @Test
    void importPrintsAQuizBlockAndExportImportRoundTrips(@TempDir Path dir) throws IOException {
        Cli.Result exported = Cli.run("gift", "export", "why-virtualize-quiz");
        assertEquals(0, exported.code(), exported.err());
        Path file = dir.resolve("why.gift");
        Files.writeString(file, exported.out());
        Cli.Result r = Cli.run("gift", "import", file, "--id", "copied-quiz");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("id: \"copied-quiz\"\nquestions:\n  - id: \"q-host-guest\"\n    type: single\n"), r.out());
        // what was printed is a quiz block the lesson reader accepts
        Path lesson = dir.resolve("lessons");
        Files.createDirectories(lesson);
        Files.writeString(lesson.resolve("01-copy.md"), "---\ntitle: Copy\norder: 1\nsummary: A copy.\nteaches:\n  - copy\nminutes: 2\n"
                + "sources:\n  - {title: A source, publisher: A publisher, url: \"https://example.org/\", read: \"2026-12\"}\n---\n\n"
                + "```quiz\n" + r.out() + "```\n");
        Cli.Result check = Cli.run("check-lessons", lesson);
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().contains("6 questions"), check.out());
    }

    @Test
    void badGiftIsBadInputNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.gift");
        Files.writeString(file, "::a::Fine? {T}\n\n::b::Broken? {\n  =yes\n  ~no\n");
        String message = Cli.run("gift", "import", file, "--id", "x").badInput();
        assertEquals(file + ": line 3: the answer block opened with { is not closed by } (a blank line ends a question)", message);
    }

    @Test
    void skippedQuestionsAreReportedOnStderrAndTheRestPrinted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mixed.gift");
        Files.writeString(file, "::essay::Write. {}\n\n::ok::True? {T}\n");
        Cli.Result r = Cli.run("gift", "import", file, "--id", "mixed");
        assertEquals(0, r.code(), r.err());
        assertEquals(file + ": line 1: skipped \"essay\": an essay question ({}) has no lab question type", r.err().strip());
        assertTrue(r.out().contains("  - id: \"ok\"\n    type: truefalse\n"), r.out());
    }

    @Test
    void missingFileMissingIdAndBadIdAreBadInput(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.gift");
        assertEquals(missing + ": no such file", Cli.run("gift", "import", missing, "--id", "x").badInput());
        Path file = dir.resolve("ok.gift");
        Files.writeString(file, "True? {T}\n");
        assertTrue(Cli.run("gift", "import", file).badInput().contains("--id"));
        assertTrue(Cli.run("gift", "import", file, "--id", "no spaces").badInput().startsWith("gift import: --id must be 1 to 64 letters"));
        assertTrue(Cli.run("gift").badInput().startsWith("gift: say what to do"));
    }
}
