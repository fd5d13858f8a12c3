package cloudlab.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A static file's address carries its content: new content, new address; only the current one is kept for a year. */
class StaticFilesTest {
    @TempDir
    Path folder;

    Path write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    static String version(String address) {
        return address.substring(address.indexOf("?v=") + 3);
    }

    @Test
    void theAddressChangesWithTheContentAndNotOtherwise() throws Exception {
        write("css/lab.css", "body { color: black; }");
        String first = StaticFiles.in(folder).address("css/lab.css");
        assertTrue(first.matches("/static/css/lab\\.css\\?v=[0-9a-f]{12}"), first);
        assertEquals(first, StaticFiles.in(folder).address("css/lab.css"), "the same content, the same address after a restart");

        write("css/lab.css", "body { color: navy; }");
        assertNotEquals(first, StaticFiles.in(folder).address("css/lab.css"), "new content, new address");
    }

    @Test
    void aFileEditedWhileTheLabRunsGetsANewAddressAtOnce() throws Exception {
        Path file = write("js/live.js", "let a = 1;");
        StaticFiles statics = StaticFiles.in(folder);
        String before = statics.address("js/live.js");
        Files.writeString(file, "let a = 22;");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        String after = statics.address("js/live.js");
        assertNotEquals(before, after);
        assertEquals(StaticFiles.PLAIN, statics.cacheControl("/static/js/live.js", version(before)),
                "the old address now answers the new content, so it must not be kept for a year");
        assertEquals(Serving.FOREVER, statics.cacheControl("/static/js/live.js", version(after)));
    }

    @Test
    void onlyTheCurrentFingerprintIsKeptForAYear() throws Exception {
        write("img/icon.svg", "<svg/>");
        StaticFiles statics = StaticFiles.in(folder);
        String v = version(statics.address("img/icon.svg"));
        assertEquals("public, max-age=31536000, immutable", statics.cacheControl("/static/img/icon.svg", v));
        assertEquals("public, max-age=600", statics.cacheControl("/static/img/icon.svg", null), "the plain address keeps its short caching");
        assertEquals(StaticFiles.PLAIN, statics.cacheControl("/static/img/icon.svg", "0123456789ab"));
        assertEquals(StaticFiles.PLAIN, statics.cacheControl("/static/img/none.svg", v), "another file's fingerprint proves nothing");
    }

    @Test
    void linkingAFileThatIsNotThereFailsWithItsName() throws Exception {
        write("css/lab.css", "p {}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StaticFiles.in(folder).address("css/labs.css"));
        assertTrue(e.getMessage().contains("no static file css/labs.css"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StaticFiles.in(folder).address("../secret.txt"));
    }

    @Test
    void theBuildsOwnFilesHaveAddressesToo() {
        assertTrue(StaticFiles.in(null).address("css/lab.css").startsWith("/static/css/lab.css?v="));
        assertEquals(null, StaticFiles.in(null).folder());
    }
}
