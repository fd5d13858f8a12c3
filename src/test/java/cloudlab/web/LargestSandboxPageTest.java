package cloudlab.web;

import cloudlab.progress.Progress;
import cloudlab.sandbox.Caps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The largest sandbox the caps allow ({@link Caps#MAX_HOSTS} hosts, {@link Caps#MAX_VMS} VMs) is a
 * page a browser can take: whole, with its forms, in under 2 MB (its time is in bench/, not here).
 * Was: pages grew about 5.5 KB a host, so the old cap of 2,000 hosts made an 11 MB page and 5,000 ran out of memory.
 */
class LargestSandboxPageTest {
    static final int MAX_PAGE_BYTES = 2_000_000;
    @TempDir
    static Path folder;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theLargestSandboxAllowedRendersWholeInUnderTwoMegabytes() throws Exception {
        Progress.Started learner = server.services().progress().newLearner();
        String id = server.services().sandboxes().importLayout(learner.learner().id(),
                cloudlab.sandbox.LargeLayouts.json(Caps.MAX_HOSTS, Caps.MAX_VMS), "largest.json").id();
        WebClient browser = WebClient.browser(server);
        browser.adoptLearnerCookie(learner.token());
        for (String fragment : new String[] {null, "true"}) {
            HttpResponse<String> page = fragment == null ? browser.get("/sandboxes/" + id) : browser.get("/sandboxes/" + id, "HX-Request", fragment);
            assertEquals(200, page.statusCode());
            int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes < MAX_PAGE_BYTES, "the page is " + bytes + " bytes");
            assertTrue(page.body().contains("</html>") || fragment != null, "the page is whole");
        }
    }
}
