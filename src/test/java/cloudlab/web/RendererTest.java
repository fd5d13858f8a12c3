package cloudlab.web;

import cloudlab.page.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Templates on disk are kept parsed, yet an edit to the file shows on the first render a second
 * after the file was last looked at ({@link Templates#RECHECK_NANOS}; the clock here is the test's).
 */
class RendererTest {
    @TempDir
    Path folder;
    /** The templates' clock, in nanoseconds: moved on by the test. */
    final AtomicLong now = new AtomicLong();

    Templates templates() {
        return new Templates(folder, cloudlab.server.StaticFiles.in(Path.of("static")), now::get);
    }

    /** Moves the clock past the time a look at a file holds. */
    void aSecondLater() {
        now.addAndGet(Templates.RECHECK_NANOS);
    }

    @Test
    void anEditedTemplateIsReadAgainAndAnUnchangedOneIsKept() throws Exception {
        Path file = folder.resolve("t.html");
        Files.writeString(file, "<p th:text=\"${word}\">x</p>");
        Templates r = templates();
        assertEquals("<p>one</p>", r.page("t", Map.of("word", "one")));

        // Same size, same time: the parsed template is kept (the file is not read again).
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, "<b th:text=\"${word}\">x</b>");
        Files.setLastModifiedTime(file, time);
        aSecondLater();
        assertEquals("<p>two</p>", r.page("t", Map.of("word", "two")));

        // A later modification time: not looked at again within the second, read again after it.
        Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 2000));
        now.addAndGet(Templates.RECHECK_NANOS - 1);
        assertEquals("<p>two and a half</p>", r.page("t", Map.of("word", "two and a half")));
        now.addAndGet(1);
        assertEquals("<b>three</b>", r.page("t", Map.of("word", "three")));

        // Another size at the same time: read again too.
        time = Files.getLastModifiedTime(file);
        Files.writeString(file, "<i th:text=\"${word}\">xx</i>!");
        Files.setLastModifiedTime(file, time);
        aSecondLater();
        assertEquals("<i>four</i>!", r.page("t", Map.of("word", "four")));
    }

    @Test
    void fragmentsOfAnEditedTemplateFollowTheEdit() throws Exception {
        Path file = folder.resolve("f.html");
        Files.writeString(file, "<div><p th:fragment=\"part\" th:text=\"${word}\">x</p></div>");
        Templates r = templates();
        assertEquals("<p>a</p>", r.fragment("f", "part", Map.of("word", "a")));
        Files.writeString(file, "<div><span th:fragment=\"part\" th:text=\"${word}\">x</span></div>");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        aSecondLater();
        assertEquals("<span>b</span>", r.fragment("f", "part", Map.of("word", "b")));
    }
}
