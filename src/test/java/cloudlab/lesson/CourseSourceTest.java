package cloudlab.lesson;

import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A lessons folder on disk is read again when a file in it changes (looked at once a second at most), and only then; the jar's course is read once. */
class CourseSourceTest {
    @TempDir
    Path folder;

    @Test
    void anEditedAddedOrRemovedLessonIsReadOnTheFirstAskASecondAfterTheLastLookAndAnUnchangedFolderIsNotReadAgain() throws Exception {
        Path first = folder.resolve("01-why-virtualize.md");
        Files.copy(Path.of("lessons/01-why-virtualize.md"), first);
        AtomicLong clock = new AtomicLong();
        CourseSource source = new CourseSource(folder, true, RegionCatalog.builtIn(), clock::get);
        Course course = source.course();
        assertEquals("Why virtualize", course.lessons().get(0).title());
        clock.addAndGet(CourseSource.RECHECK_NANOS);
        assertSame(course, source.course(), "nothing changed: the course as read");

        Files.writeString(first, Files.readString(first).replaceFirst("title: Why virtualize", "title: Why we virtualize"));
        clock.addAndGet(CourseSource.RECHECK_NANOS - 1);
        assertSame(course, source.course(), "within a second of the last look the folder is not looked at");
        clock.addAndGet(1);
        Course edited = source.course();
        assertEquals("Why we virtualize", edited.lessons().get(0).title(), "an edit shows on the first ask a second after the last look");
        clock.addAndGet(CourseSource.RECHECK_NANOS);
        assertSame(edited, source.course());

        Files.copy(Path.of("lessons/02-hypervisor-types.md"), folder.resolve("02-hypervisor-types.md"));
        clock.addAndGet(CourseSource.RECHECK_NANOS);
        assertEquals(2, source.course().lessons().size(), "an added lesson");
        Files.delete(folder.resolve("02-hypervisor-types.md"));
        clock.addAndGet(CourseSource.RECHECK_NANOS);
        assertEquals(1, source.course().lessons().size(), "a removed lesson");
    }

    @Test
    void aCourseNotWatchedIsReadOnce() throws Exception {
        Path first = folder.resolve("01-why-virtualize.md");
        Files.copy(Path.of("lessons/01-why-virtualize.md"), first);
        CourseSource source = new CourseSource(folder, false, RegionCatalog.builtIn());
        Course course = source.course();
        Files.writeString(first, Files.readString(first).replaceFirst("title: Why virtualize", "title: Why we virtualize"));
        assertSame(course, source.course());
    }
}
