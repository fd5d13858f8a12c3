package cloudlab.web;

import cloudlab.progress.Learner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Was: a resume code could not be changed, so a leaked one carried the learner's progress to anyone for good. */
class ResumeCodeRotationTest {
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
    void aNewCodeRetiresTheOldOneAndSignsOutOtherBrowsers() {
        WebClient mine = WebClient.learner(server);
        Learner me = server.services().progress().bySessionToken(mine.learnerCookie()).orElseThrow();
        WebClient other = WebClient.browser(server);
        assertEquals(303, other.postForm("/progress/resume", WebClient.form("code", me.resumeCode())).statusCode());
        assertTrue(other.get("/progress").body().contains(me.resumeCode()), "the other browser carries the learner");

        assertEquals(303, mine.postForm("/progress/resume-code", "").statusCode());
        String page = mine.get("/progress?rotated=1").body();
        String code = server.services().progress().byId(me.id()).orElseThrow().resumeCode();
        assertNotEquals(me.resumeCode(), code);
        assertTrue(page.contains(code) && page.contains("The old one no longer works"), "this browser shows the new code");

        assertTrue(!other.get("/progress").body().contains(code), "the other browser is signed out");
        assertEquals(400, WebClient.browser(server).postForm("/progress/resume", WebClient.form("code", me.resumeCode())).statusCode(),
                "the old code brings nobody back");
        assertEquals(303, WebClient.browser(server).postForm("/progress/resume", WebClient.form("code", code)).statusCode(), "the new one does");
    }

    @Test
    void aVisitorWithNoCodeIsToldSoAndNothingIsMade() {
        WebClient visitor = WebClient.browser(server);
        visitor.get("/progress");
        var r = visitor.postForm("/progress/resume-code", "");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("code: you have no resume code yet"), r.body());
    }
}
