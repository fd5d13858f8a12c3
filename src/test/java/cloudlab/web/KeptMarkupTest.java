package cloudlab.web;

import cloudlab.server.Settings;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Markup the lab keeps between requests (lesson blocks, unanswered questions, drawings) follows
 * edits to its templates (a second after the last look at the file at most), and any server can serve a drawing another server's page links.
 */
class KeptMarkupTest {
    @TempDir
    Path folder;
    /** One browser: it keeps the cookies the lab sets (its learner, its CSRF token). */
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    @Test
    void editsToTheBlockAndQuestionTemplatesShowOnTheNextViewASecondLater() throws Exception {
        Path templates = folder.resolve("templates");
        copy(Path.of("templates").toAbsolutePath(), templates);
        try (Lab lab = new Lab(folder.resolve("a.db"), templates)) {
            String slug = "data-centers";
            String before = lab.get("/lessons/" + slug).body();
            assertTrue(before.contains("<p class=\"block__kind\">Sandbox</p>"), "a sandbox block");
            assertTrue(before.contains(">Check answer</button>"), "an unanswered question");
            assertEquals(before, lab.get("/lessons/" + slug).body(), "kept markup the second time");

            edit(templates.resolve("lesson/segment.html"), "<p class=\"block__kind\">Sandbox</p>", "<p class=\"block__kind\">Sandbox!</p>");
            edit(templates.resolve("lesson/question.html"), "'Check answer'", "'Check it'");
            Thread.sleep(cloudlab.page.Templates.RECHECK_NANOS / 1_000_000 + 100); // a file is looked at again a second after the last look
            String after = lab.get("/lessons/" + slug).body();
            assertTrue(after.contains("<p class=\"block__kind\">Sandbox!</p>"), "the block template's edit shows");
            assertTrue(after.contains(">Check it</button>") && !after.contains(">Check answer</button>"), "the question template's edit shows");
        }
    }

    @Test
    void aServerServesTheDrawingsOfPagesItHasNotShown() throws Exception {
        Path templates = Path.of("templates").toAbsolutePath();
        try (Lab a = new Lab(folder.resolve("a.db"), templates); Lab b = new Lab(folder.resolve("b.db"), templates)) {
            int seen = 0;
            for (String slug : new String[]{"why-virtualize", "regions", "hypervisor-types"}) {
                Matcher m = Pattern.compile("<img src=\"(/figures/[0-9a-f]{32}\\.svg)\"").matcher(a.get("/lessons/" + slug).body());
                while (m.find()) {
                    HttpResponse<String> r = b.get(m.group(1));
                    assertEquals(200, r.statusCode(), m.group(1) + " from the server that did not draw it");
                    assertTrue(r.body().startsWith("<svg"));
                    assertFalse(r.headers().firstValue("Set-Cookie").isPresent(), "a drawing sets no cookie");
                    seen++;
                }
            }
            assertTrue(seen >= 5, "drawings checked: " + seen);
            assertEquals(404, b.get("/figures/0123456789abcdef0123456789abcdef.svg").statusCode());
        }
    }

    /** A lab of its own on a free port, with the given templates folder and the checkout's lessons. */
    final class Lab implements AutoCloseable {
        final Services services;
        final Javalin app;

        Lab(Path database, Path templates) {
            Path root = Path.of("").toAbsolutePath();
            services = Services.open(new Settings(0, database.toString(), templates, root.resolve("static"), root.resolve("lessons")));
            app = App.create(services).start("127.0.0.1", 0);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            app.stop();
            services.close();
        }
    }

    static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        FileTime was = Files.getLastModifiedTime(file);
        Files.writeString(file, text.replace(from, to));
        Files.setLastModifiedTime(file, FileTime.fromMillis(was.toMillis() + 2000));
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
