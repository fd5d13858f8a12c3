package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.workshop.Instructors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The instructor's pages: who may reach them, signing in, the gradebook and the regrade page. */
class InstructorPagesTest {
    static final String PASSWORD = "correct-horse-battery";
    @TempDir
    static Path folder;
    static TestServer server;

    @BeforeAll
    static void start() throws Instructors.Refused {
        server = TestServer.startIn(folder);
        server.services().instructors().add("ada", PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The instructor cookie a successful sign-in sets, as a Cookie header value. */
    static String signIn() {
        HttpResponse<String> r = WebClient.cookieless(server).postForm("/instructor/sign-in", WebClient.form("name", "ada", "password", PASSWORD));
        assertEquals(303, r.statusCode(), r.body());
        String set = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("cl_instructor=")).findFirst().orElseThrow();
        assertTrue(set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Path=/instructor"), set);
        return set.substring(0, set.indexOf(';'));
    }

    @Test
    void aLearnerCannotReachInstructorPages() {
        WebClient learner = WebClient.browser(server);
        learner.get("/lessons/" + Course1.first().slug());
        for (String path : new String[] {"/instructor/regrade", "/instructor/gradebook.csv", "/instructor/gradebook.json"}) {
            HttpResponse<String> r = learner.get(path);
            assertEquals(401, r.statusCode(), path);
            assertTrue(r.body().contains("Sign in as an instructor"), path);
            assertFalse(r.body().contains("learner_id"), "no gradebook leaks to a learner");
        }
        assertEquals(401, learner.postForm("/instructor/regrade", WebClient.form("mode", "replace")).statusCode());
    }

    @Test
    void aForgedInstructorCookieOpensNothing() {
        HttpResponse<String> r = WebClient.cookieless(server).get("/instructor/gradebook.csv", "Cookie", "cl_instructor=forged-token");
        assertEquals(401, r.statusCode());
    }

    @Test
    void aWrongPasswordIsRefusedAndSlowedDown() {
        long start = System.nanoTime();
        HttpResponse<String> r = WebClient.cookieless(server).postForm("/instructor/sign-in", WebClient.form("name", "ada", "password", "guess-guess"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("do not match"), r.body());
        assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(h -> h.startsWith("cl_instructor=")), "no session on a wrong password");
        assertTrue(ms >= InstructorPages.WRONG_PASSWORD_DELAY_MS, "took " + ms + " ms");
        HttpResponse<String> unknown = WebClient.cookieless(server).postForm("/instructor/sign-in", WebClient.form("name", "nobody", "password", "x"));
        assertEquals(401, unknown.statusCode());
    }

    @Test
    void aSignedInInstructorDownloadsTheGradebookWithTheLearnersAnswers() {
        WebClient learner = WebClient.browser(server);
        Lesson first = Course1.first();
        Question q = first.quiz().questions().get(0);
        assertEquals(303, learner.postForm("/lessons/" + first.slug() + "/quiz/" + q.id(), Course1.rightForm(q)).statusCode());

        String cookie = signIn();
        HttpResponse<String> home = WebClient.cookieless(server).get("/instructor", "Cookie", cookie);
        assertTrue(home.body().contains("Hello, ada"), home.body());
        HttpResponse<String> csv = WebClient.cookieless(server).get("/instructor/gradebook.csv", "Cookie", cookie);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        // a byte order mark, then every cell quoted (none here holds a quote, so dropping them reads the CSV plainly)
        assertTrue(csv.body().startsWith("\uFEFF\"learner_id\","), csv.body());
        String plain = csv.body().substring(1).replace("\"", "");
        String[] lines = plain.split("\r\n");
        assertEquals("learner_id,display_name,item,policy,score,max,attempts,last_submitted,workshop_id,workshop", lines[0]);
        String item = first.quiz().id() + "/" + q.id();
        assertTrue(plain.contains(item + ",Practice,1,1,1,"), csv.body());
        HttpResponse<String> json = WebClient.cookieless(server).get("/instructor/gradebook.json", "Cookie", cookie);
        assertTrue(json.body().contains("\"item\" : \"" + item + "\""), json.body());
    }

    @Test
    void theRegradePageIsADryRunUntilApplied() {
        String cookie = signIn();
        HttpResponse<String> page = WebClient.cookieless(server).get("/instructor/regrade", "Cookie", cookie);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().matches("(?s).*\\d+ attempts? checked.*"), page.body());
        HttpResponse<String> bad = WebClient.cookieless(server).postForm("/instructor/regrade", WebClient.form("mode", "sideways"), "Cookie", cookie);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("mode: choose keep"), bad.body());
        HttpResponse<String> applied = WebClient.cookieless(server).postForm("/instructor/regrade", WebClient.form("mode", "keep"), "Cookie", cookie);
        assertEquals(200, applied.statusCode());
        assertTrue(applied.body().contains("Applied: 0 scores changed"), "the course is unchanged, so nothing moves");
    }

    @Test
    void signingOutEndsTheSession() {
        String cookie = signIn();
        assertEquals(303, WebClient.cookieless(server).postForm("/instructor/sign-out", "", "Cookie", cookie).statusCode());
        assertEquals(401, WebClient.cookieless(server).get("/instructor/gradebook.csv", "Cookie", cookie).statusCode());
    }
}
