package cloudlab.lesson;

import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lesson says where its facts come from: {@code sources} in the front matter, required by check-lessons. */
class LessonSourcesTest {
    static final String SOURCES = """
            sources:
              - title: "AWS Availability Zones"
                publisher: Amazon Web Services
                url: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html
                read: "2026-12"
            """;

    static String lesson(String extraFrontMatter) {
        return "---\ntitle: Sourced\norder: 1\nsummary: A lesson.\nteaches:\n  - read\nminutes: 5\n" + extraFrontMatter
                + "---\n\n## Text\n\nProse.\n";
    }

    @Test
    void sourcesAreReadInOrderWithTheirDates() throws InputException {
        Lesson l = LessonReader.read(lesson(SOURCES + """
                  - title: Dom0
                    publisher: Xen Project wiki
                    url: https://wiki.xenproject.org/wiki/Dom0
                    read: "2026-12-06"
                """), "01-sourced.md", null, RegionCatalog.builtIn());
        assertEquals(List.of(
                new Lesson.Source("AWS Availability Zones", "Amazon Web Services",
                        "https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html", "2026-12"),
                new Lesson.Source("Dom0", "Xen Project wiki", "https://wiki.xenproject.org/wiki/Dom0", "2026-12-06")), l.sources());
    }

    @Test
    void checkLessonsRefusesALessonWithoutSourcesNamingTheFileAndTheField(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01-sourced.md"), lesson(SOURCES));
        Files.writeString(dir.resolve("02-unsourced.md"), lesson("").replace("order: 1", "order: 2"));
        Course c = Course.load(dir, RegionCatalog.builtIn());
        assertEquals(List.of(), c.problems(), "reading still accepts it: the server shows the lesson");
        assertEquals(List.of("02-unsourced.md: front matter: sources: missing; every lesson lists where its facts come from"
                + " (title, publisher, url, read)"), c.authoringProblems());
    }

    @Test
    void aSourceWithoutADateReadIsRefused() {
        InputException e = assertThrows(InputException.class, () -> LessonReader.read(lesson(SOURCES.replace("    read: \"2026-12\"\n", "")),
                "01-sourced.md", null, RegionCatalog.builtIn()));
        assertEquals("01-sourced.md: front matter: sources[0]: missing required field read", e.getMessage());
    }

    @Test
    void aMalformedDateOrAddressNamesTheField() {
        InputException date = assertThrows(InputException.class, () -> LessonReader.read(lesson(SOURCES.replace("\"2026-12\"", "December")),
                "01-sourced.md", null, RegionCatalog.builtIn()));
        assertEquals("01-sourced.md: front matter: sources[0].read: must be the date read as YYYY-MM or YYYY-MM-DD (got December)",
                date.getMessage());
        InputException url = assertThrows(InputException.class, () -> LessonReader.read(
                lesson(SOURCES.replace("https://docs.aws", "javascript:alert(1)//docs.aws")), "01-sourced.md", null, RegionCatalog.builtIn()));
        assertTrue(url.getMessage().startsWith("01-sourced.md: front matter: sources[0].url: must be an http or https address"),
                url.getMessage());
    }

    @Test
    void everyLessonOfTheCourseIsSourced() {
        Course c = Course.load(Path.of("lessons").toAbsolutePath(), RegionCatalog.builtIn());
        assertEquals(List.of(), c.problems());
        assertEquals(List.of(), c.checkSources());
        for (Lesson l : c.lessons()) assertTrue(!l.sources().isEmpty(), l.source());
    }
}
