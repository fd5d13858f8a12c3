package cloudlab.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Templates on disk are kept parsed, yet an edit to the file shows on the next render. */
class RendererTest {
    @TempDir
    Path folder;

    @Test
    void anEditedTemplateIsReadAgainAndAnUnchangedOneIsKept() throws Exception {
        Path file = folder.resolve("t.html");
        Files.writeString(file, "<p th:text=\"${word}\">x</p>");
        Renderer r = new Renderer(folder, cloudlab.server.StaticFiles.in(Path.of("static")));
        assertEquals("<p>one</p>", r.page("t", Map.of("word", "one")));

        // Same size, same time: the parsed template is kept (the file is not read again).
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, "<b th:text=\"${word}\">x</b>");
        Files.setLastModifiedTime(file, time);
        assertEquals("<p>two</p>", r.page("t", Map.of("word", "two")));

        // A later modification time: read again.
        Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 2000));
        assertEquals("<b>three</b>", r.page("t", Map.of("word", "three")));

        // Another size at the same time: read again too.
        time = Files.getLastModifiedTime(file);
        Files.writeString(file, "<i th:text=\"${word}\">xx</i>!");
        Files.setLastModifiedTime(file, time);
        assertEquals("<i>four</i>!", r.page("t", Map.of("word", "four")));
    }

    @Test
    void fragmentsOfAnEditedTemplateFollowTheEdit() throws Exception {
        Path file = folder.resolve("f.html");
        Files.writeString(file, "<div><p th:fragment=\"part\" th:text=\"${word}\">x</p></div>");
        Renderer r = new Renderer(folder, cloudlab.server.StaticFiles.in(Path.of("static")));
        assertEquals("<p>a</p>", r.fragment("f", "part", Map.of("word", "a")));
        Files.writeString(file, "<div><span th:fragment=\"part\" th:text=\"${word}\">x</span></div>");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        assertEquals("<span>b</span>", r.fragment("f", "part", Map.of("word", "b")));
    }
}
