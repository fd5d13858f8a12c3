package cloudlab.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers travel small and are kept where they can be: pages, styles, scripts and drawings come
 * gzipped to a browser that asks for it; versioned scripts and content-addressed figures are kept
 * for a year, the lab's own styles and scripts too at the address of their content (minutes at
 * the plain address); lesson images load lazily.
 */
class SmallAnswersTest {
    @TempDir
    static Path folder;
    static TestServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> gzipped(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri(path)).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String unzipped(HttpResponse<byte[]> r) throws IOException {
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""), r.uri() + " is gzipped");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aLessonPageItsFiguresStylesAndScriptsComeGzippedAndTheFiguresAreKeptForAYear() throws Exception {
        String slug = Course1.course().lessons().get(4).slug();
        HttpResponse<byte[]> page = gzipped("/lessons/" + slug);
        assertEquals(200, page.statusCode());
        String html = unzipped(page);
        assertTrue(page.body().length * 3 < html.length(), "the page shrinks at least threefold: " + page.body().length + " of " + html.length());

        Matcher img = Pattern.compile("<img src=\"(/figures/[0-9a-f]{32}\\.svg)\"[^>]*>").matcher(html);
        assertTrue(img.find(), "the lesson has a figure");
        assertTrue(img.group().contains("loading=\"lazy\""), "a lesson image loads when it comes near the screen: " + img.group());
        HttpResponse<byte[]> svg = gzipped(img.group(1));
        assertTrue(unzipped(svg).startsWith("<svg"), img.group(1));
        assertEquals(App.FOREVER, svg.headers().firstValue("Cache-Control").orElse(""), "a figure's address changes with it");

        HttpResponse<byte[]> htmx = gzipped("/webjars/htmx.org/2.0.7/dist/htmx.min.js");
        assertEquals(200, htmx.statusCode());
        assertTrue(unzipped(htmx).contains("htmx"));
        assertEquals(App.FOREVER, htmx.headers().firstValue("Cache-Control").orElse(""), "a versioned script never changes");

        HttpResponse<byte[]> css = gzipped("/static/css/lab.css");
        assertTrue(unzipped(css).contains("{"));
        assertEquals("public, max-age=600", css.headers().firstValue("Cache-Control").orElse(""), "a plain address is kept a while");
        assertTrue(css.headers().firstValue("ETag").isPresent(), "checked again by its ETag once it is stale");
    }

    @Test
    void everyStaticFileAPageLinksHasAnAddressOfItsContentKeptForAYear() throws Exception {
        String html = unzipped(gzipped("/"));
        Matcher link = Pattern.compile("(?:href|src)=\"(/static/[^\"]*)\"").matcher(html);
        int links = 0;
        while (link.find()) {
            String address = link.group(1);
            assertTrue(address.matches("/static/[a-z/.-]+\\?v=[0-9a-f]{12}"), "fingerprinted: " + address);
            HttpResponse<byte[]> r = gzipped(address);
            assertEquals(200, r.statusCode(), address);
            assertEquals(App.FOREVER, r.headers().firstValue("Cache-Control").orElse(""), address);
            links++;
        }
        assertTrue(links >= 3, "the page links its style sheet, icon and script: " + links);
        HttpResponse<byte[]> stale = gzipped("/static/css/lab.css?v=000000000000");
        assertEquals("public, max-age=600", stale.headers().firstValue("Cache-Control").orElse(""), "a hash that is not the file's is not trusted");
    }

    @Test
    void aBrowserThatDoesNotAskForGzipGetsPlainText() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(server.uri("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.headers().firstValue("Content-Encoding").isEmpty());
        assertTrue(r.body().startsWith("<!DOCTYPE html>"), r.body().substring(0, 40));
    }
}
