package cloudlab.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks one anonymous visitor could make on the web plumbing, replayed on loopback with bounded
 * counts, each with the outcome that shows it no longer works.
 */
class AbuseTest {
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

    /** Was: 260 connections sending a 100,000-byte body a byte at a time held every thread, and /healthz went unanswered for 40 s. */
    @Test
    void trickledBodiesCannotHoldTheThreadsHealthzNeeds() throws Exception {
        int port = server.uri("/").getPort();
        List<Socket> trickles = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            for (int i = 0; i < 260; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.setSoTimeout(200);
                s.getOutputStream().write(("POST /progress/resume HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nc").getBytes(StandardCharsets.US_ASCII));
                trickles.add(s);
            }
            int cutOff = 0;
            for (int second = 0; second < 8; second++) {
                for (Socket s : trickles) {
                    try {
                        s.getOutputStream().write('x');
                    } catch (IOException closed) {
                        // the server already ended this one
                    }
                }
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.uri("/healthz")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), "second " + second);
                Thread.sleep(1000);
            }
            for (Socket s : trickles) if (answered(s)) cutOff++;
            assertTrue(cutOff > 0, "trickles are cut off (408) or turned away (503) instead of waiting forever");
        } finally {
            for (Socket s : trickles) s.close();
        }
    }

    /** Was: 500 cookieless GETs made 500 learners and 500 sessions. */
    @Test
    void readingPagesWithoutACookieStoresNothing() {
        long learnersBefore = rows("learners");
        long sessionsBefore = rows("learner_sessions");
        String lesson = "/lessons/" + Course1.first().slug();
        for (int i = 0; i < 40; i++) {
            for (String path : List.of("/", lesson, "/sandboxes", "/progress", "/join", "/workshop", "/sandboxes/S123")) {
                HttpResponse<String> r = WebClient.cookieless(server).get(path);
                assertTrue(r.statusCode() < 500, path + ": " + r.statusCode());
                assertTrue(WebClient.setCookieHeader(r).isEmpty(), path + " sets no learner cookie");
            }
        }
        assertEquals(learnersBefore, rows("learners"));
        assertEquals(sessionsBefore, rows("learner_sessions"));
        assertEquals(200, WebClient.cookieless(server).get(lesson).statusCode(), "a visitor still reads the lesson");
        WebClient learner = WebClient.browser(server);
        assertEquals(303, learner.postForm("/sandboxes", WebClient.form("title", "mine")).statusCode());
        assertEquals(learnersBefore + 1, rows("learners"), "the first write makes the learner");
    }

    @Test
    void theSweepForgetsOldLearnersThatKeptNothingAndKeepsTheRest() {
        cloudlab.access.Visitors learners = new cloudlab.access.Visitors(server.services().progress(), TestServer.SECRET);
        WebClient idle = WebClient.browser(server);
        idle.postForm("/progress/resume", WebClient.form("code", "")); // refused, and makes no learner either
        cloudlab.progress.Progress.Started empty = server.services().progress().newLearner();
        WebClient busy = WebClient.browser(server);
        assertEquals(303, busy.postForm("/sandboxes", WebClient.form("title", "kept")).statusCode());
        java.time.Clock now = java.time.Clock.systemUTC();
        assertEquals(0, learners.sweep(now), "nothing is a day old yet");
        java.time.Clock later = java.time.Clock.offset(now, Duration.ofDays(2));
        assertTrue(learners.sweep(later) >= 1);
        assertTrue(server.services().progress().byId(empty.learner().id()).isEmpty(), "the learner that kept nothing is gone");
        assertTrue(server.services().progress().bySessionToken(empty.token()).isEmpty(), "with its session");
        assertEquals(200, busy.get("/sandboxes").statusCode());
        assertTrue(busy.get("/sandboxes").body().contains("kept"), "a learner with a sandbox stays");
        java.time.Clock nextYear = java.time.Clock.offset(now, cloudlab.access.Visitors.SESSION_LIFETIME.plusDays(1));
        learners.sweep(nextYear);
        assertTrue(server.services().progress().bySessionToken(busy.learnerCookie()).isEmpty(), "a session past its lifetime is gone");
    }

    private static long rows(String table) {
        return server.services().database().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Whether the server has said something (a refusal) or closed the connection. */
    private static boolean answered(Socket s) {
        try {
            InputStream in = s.getInputStream();
            byte[] b = new byte[64];
            int n = in.read(b);
            return n != 0;
        } catch (java.net.SocketTimeoutException quiet) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
