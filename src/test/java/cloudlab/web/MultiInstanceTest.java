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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two lab servers on one database, as behind a load balancer: any request of a learner or an
 * instructor may land on either, and nothing is lost. Runs on PostgreSQL when the suite does
 * (and on one shared SQLite file otherwise).
 */
class MultiInstanceTest {
    static final String PASSWORD = "correct-horse-battery";
    @TempDir
    static Path folder;
    static TestServer a;
    static TestServer b;

    @BeforeAll
    static void start() throws Instructors.Refused {
        a = TestServer.startIn(folder);
        b = TestServer.startOn(a.database());
        a.services().instructors().add("ada", PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    /** A client whose requests alternate between the two servers, keeping one learner cookie. */
    static final class Balanced {
        final WebClient onA;
        final WebClient onB;
        int turn;

        Balanced() {
            onA = WebClient.browser(a);
            onB = WebClient.browser(b);
        }

        WebClient next() {
            WebClient c = turn++ % 2 == 0 ? onA : onB;
            WebClient other = c == onA ? onB : onA;
            if (other.learnerCookie() != null) c.adoptLearnerCookie(other.learnerCookie());
            return c;
        }
    }

    @Test
    void aWorkshopRunsAcrossTwoServersAndLosesNothing() {
        // the instructor signs in on A and creates the workshop there
        HttpResponse<String> signIn = WebClient.cookieless(a).postForm("/instructor/sign-in", WebClient.form("name", "ada", "password", PASSWORD));
        String set = signIn.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("cl_instructor=")).findFirst().orElseThrow();
        String instructor = set.substring(0, set.indexOf(';'));
        Lesson first = Course1.first();
        HttpResponse<String> created = WebClient.cookieless(a).postForm("/instructor/workshops",
                WebClient.form("title", "Two servers", "lesson", first.slug()), "Cookie", instructor);
        assertEquals(303, created.statusCode(), created.body());
        String room = created.headers().firstValue("Location").orElseThrow();
        String roomPath = room.replaceFirst("^https?://[^/]+", "");
        Matcher code = Pattern.compile("id=\"join-code\">([A-Z0-9]{6})<").matcher(WebClient.cookieless(b).get(roomPath, "Cookie", instructor).body());
        assertTrue(code.find(), "the room opens on B with the session made on A");

        // a learner joins on B, then every request alternates between the servers
        Balanced learner = new Balanced();
        assertEquals(303, learner.onB.postForm("/join", WebClient.form("code", code.group(1), "name", "Grace")).statusCode());
        int answered = 0;
        for (Question q : first.quiz().questions()) {
            if (q.type() == Question.Type.CHALLENGE) continue;
            HttpResponse<String> r = learner.next().postForm("/lessons/" + first.slug() + "/quiz/" + q.id(), Course1.rightForm(q));
            assertEquals(303, r.statusCode(), q.id() + ": " + r.body());
            answered++;
        }
        String sandbox = learner.next().get("/workshop").body().replaceAll("(?s).*href=\"/sandboxes/([a-z0-9]+)\".*", "$1");
        for (int i = 1; i <= 6; i++) {
            HttpResponse<String> r = learner.next().postForm("/sandboxes/" + sandbox + "/do", WebClient.form("op", "add-app", "name", "app-" + i));
            assertEquals(303, r.statusCode(), r.body());
        }

        // both servers see all of it: the progress, the sandbox's six steps, and the room's grid
        for (WebClient c : new WebClient[] {learner.onA, learner.onB}) {
            String progress = c.get("/progress").body();
            assertTrue(progress.contains(answered + ".0 / " + answered) || progress.contains("Completed"), progress);
            String export = c.get("/sandboxes/" + sandbox + "/export.json").body();
            for (int i = 1; i <= 6; i++) assertTrue(export.contains("\"app-" + i + "\""), "app-" + i + " kept: " + export);
        }
        for (TestServer s : new TestServer[] {a, b}) {
            String grid = WebClient.cookieless(s).get(roomPath + "/grid", "Cookie", instructor).body();
            assertTrue(grid.contains("Grace"), "the grid on either server shows the learner");
            assertTrue(grid.contains("done"), "lesson 1 shows as done on " + s.base());
        }
    }
}
