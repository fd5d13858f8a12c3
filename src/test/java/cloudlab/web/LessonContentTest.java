package cloudlab.web;

import cloudlab.cli.Main;
import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonReader;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The course in {@code lessons/} is whole and valid, and a broken lesson is reported where it breaks. */
class LessonContentTest {
    static final Path LESSONS = Path.of("lessons");
    static final Pattern LINE = Pattern.compile("\\bline \\d+");

    /** Runs the command line; returns exit code, out and err. */
    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.run(args, o, e);
        }
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theCourseReadsWithoutProblems() {
        Course course = Course.load(LESSONS, RegionCatalog.builtIn());
        assertEquals(List.of(), course.problems());
        assertTrue(course.lessons().size() >= 7, "seven lessons or more: " + course.lessons().size());
    }

    @Test
    void everyLessonHasAFigureAndAQuizOfFiveQuestionsOrMore() {
        Course course = Course.load(LESSONS, RegionCatalog.builtIn());
        for (Lesson l : course.lessons()) {
            assertFalse(l.figures().isEmpty(), l.source() + " has a figure");
            assertNotNull(l.quiz(), l.source() + " has a quiz");
            assertTrue(l.quiz().questions().size() >= 5, l.source() + " has five questions or more");
            assertFalse(l.title().isBlank(), l.source());
            assertFalse(l.teaches().isEmpty(), l.source());
        }
    }

    @Test
    void theFileNumbersGiveTheCourseOrder() {
        Course course = Course.load(LESSONS, RegionCatalog.builtIn());
        List<Integer> numbers = course.lessons().stream().map(l -> LessonReader.numberOf(l.source())).toList();
        assertEquals(numbers.stream().sorted().distinct().toList(), numbers, "each lesson is numbered, once, in course order");
        assertEquals(List.of("why-virtualize", "hypervisor-types", "the-hypervisor"),
                course.lessons().subList(0, 3).stream().map(Lesson::slug).toList(), "the spine comes first");
        int types = course.lessons().indexOf(course.lesson("the-hypervisor"));
        int datacenters = course.lessons().indexOf(course.lesson("data-centers"));
        assertTrue(types < datacenters, "the AWS part follows the hypervisor's guarantees");
    }

    /** Slotting a lesson in is a rename: its own order line, written for another place, does not move it. */
    @Test
    void aRenamedLessonTakesThePlaceOfItsNewNumber(@TempDir Path folder) throws IOException {
        write(folder, "01-first.md", GOOD_FRONT.formatted(1) + FIGURE);
        write(folder, "03-third.md", GOOD_FRONT.formatted(3) + FIGURE);
        write(folder, "02-slotted-in.md", GOOD_FRONT.formatted(11) + FIGURE);
        Course course = Course.load(folder, RegionCatalog.builtIn());
        assertEquals(List.of(), course.problems());
        assertEquals(List.of("first", "slotted-in", "third"), course.lessons().stream().map(Lesson::slug).toList());
    }

    @Test
    void twoFilesWithOneNumberAreAProblemThatNamesBoth(@TempDir Path folder) throws IOException {
        write(folder, "04-one.md", GOOD_FRONT.formatted(4) + FIGURE);
        write(folder, "04-other.md", GOOD_FRONT.formatted(4) + FIGURE);
        Course course = Course.load(folder, RegionCatalog.builtIn());
        assertEquals(1, course.problems().size(), course.problems().toString());
        assertTrue(course.problems().get(0).contains("04-one.md") && course.problems().get(0).contains("04-other.md"),
                course.problems().toString());
    }

    @Test
    void everyChallengeStartFailsItsSolutionPassesAndItsWrongLayoutsFail() {
        Course course = Course.load(LESSONS, RegionCatalog.builtIn());
        assertEquals(List.of(), course.checkChallenges());
        assertTrue(course.lessons().stream().mapToInt(l -> l.challenges().size()).sum() >= 1, "the course holds a challenge");
    }

    @Test
    void checkLessonsPassesOnTheCourse() {
        Run run = cli("check-lessons", LESSONS.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err().strip());
        Course course = Course.load(LESSONS, RegionCatalog.builtIn());
        for (Lesson l : course.lessons()) assertTrue(run.out().contains("ok  " + l.source()), run.out());
        assertTrue(run.out().contains(course.lessons().size() + " lessons, no problems."), run.out());
    }

    static final String GOOD_FRONT = """
            ---
            title: A fine lesson
            order: %d
            summary: Fine.
            teaches:
              - something
            minutes: 5
            sources:
              - {title: A source, publisher: A publisher, url: "https://example.org/source", read: "2026-12"}
            ---
            """;

    static final String FIGURE = """

            Some prose.

            ```figure
            caption: "One host"
            view: hosts
            layout:
              name: one
              regions:
                - code: us-east-1
                  zones:
                    - id: use1-az1
                      datacenters:
                        - id: dc1
                          hosts:
                            - {id: h1, hypervisor: type1, cores: 8, memoryGiB: 32, storageGiB: 500}
            ```
            """;

    static void write(Path folder, String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    static void writeBrokenCourse(Path folder) throws IOException {
        write(folder, "01-fine.md", GOOD_FRONT.formatted(1) + FIGURE + """

                ```quiz
                id: fine-quiz
                questions:
                  - id: q1
                    type: truefalse
                    prompt: "Fine?"
                    answer: true
                ```
                """);
        write(folder, "02-bad-front.md", """
                ---
                title: Broken front matter
                order: 2
                summary: [this list is never closed
                teaches:
                  - nothing
                minutes: 5
                ---

                Body.
                """);
        write(folder, "03-bad-quiz.md", GOOD_FRONT.formatted(3) + FIGURE + """

                More prose, so the quiz is further down.

                ```quiz
                id: bad-quiz
                questions:
                  - id: q1
                    type: truefalse
                    prompt: "Fine?"
                    answer: true
                  - id: q2
                    type: essay
                    prompt: "Write about it."
                ```
                """);
    }

    static int lineOf(String text, String part) {
        int at = text.indexOf(part);
        if (at < 0) throw new IllegalArgumentException(part);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void aMalformedLessonIsReportedWithItsFileAndLine(@TempDir Path folder) throws IOException {
        writeBrokenCourse(folder);
        Course course = Course.load(folder, RegionCatalog.builtIn());

        assertEquals(List.of("fine"), course.lessons().stream().map(Lesson::slug).toList(), "the good lesson is still read");
        assertEquals(2, course.problems().size(), course.problems().toString());

        String front = course.problems().stream().filter(p -> p.startsWith("02-bad-front.md")).findFirst()
                .orElseThrow(() -> new AssertionError("02-bad-front.md is not named: " + course.problems()));
        assertTrue(LINE.matcher(front).find(), "names a line: " + front);

        String quiz = course.problems().stream().filter(p -> p.startsWith("03-bad-quiz.md")).findFirst()
                .orElseThrow(() -> new AssertionError("03-bad-quiz.md is not named: " + course.problems()));
        String text = Files.readString(folder.resolve("03-bad-quiz.md"));
        assertTrue(quiz.contains("line " + lineOf(text, "```quiz")) || quiz.contains("line " + lineOf(text, "type: essay")),
                "names the line of the quiz block or of the bad type: " + quiz);
        assertTrue(quiz.contains("essay"), "names what is wrong: " + quiz);
    }

    @Test
    void checkLessonsExits2OnAMalformedLesson(@TempDir Path folder) throws IOException {
        writeBrokenCourse(folder);
        Run run = cli("check-lessons", folder.toString());
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("02-bad-front.md"), run.err());
        assertTrue(run.err().contains("03-bad-quiz.md"), run.err());
        assertTrue(LINE.matcher(run.err()).find(), run.err());
        assertTrue(run.err().contains("2 problems"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertTrue(run.out().contains("ok  01-fine.md"), run.out());
    }

    @Test
    void checkLessonsExits2ForAFolderThatIsNotThere(@TempDir Path folder) {
        Run run = cli("check-lessons", folder.resolve("missing").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("no such folder"), run.err());
    }
}
