package cloudlab.web;

import cloudlab.workshop.Instructors;
import cloudlab.workshop.Workshop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, join and resume attempts are limited per account and per workshop, not per classroom. */
class RateLimitTest {
    @TempDir
    Path folder;
    TestServer server;

    @BeforeEach
    void start() throws Instructors.Refused {
        server = TestServer.startIn(folder);
        server.services().instructors().add("ada", "correct-horse-battery".toCharArray());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signInPausesAfterFiveWrongPasswordsForThatNameEvenWithTheRightOne() throws Exception {
        for (int i = 0; i < cloudlab.access.Limits.WRONG_PASSWORDS; i++) {
            assertEquals(401, WebClient.cookieless(server).postForm("/instructor/sign-in", WebClient.form("name", "ada", "password", "wrong-" + i))
                    .statusCode());
        }
        HttpResponse<String> locked = WebClient.cookieless(server).postForm("/instructor/sign-in",
                WebClient.form("name", "ada", "password", "correct-horse-battery"));
        assertEquals(429, locked.statusCode());
        assertTrue(locked.body().contains("Too many wrong passwords"), locked.body());
        assertEquals(303, rawSignIn("127.0.0.3", "correct-horse-battery"), "the instructor at another address signs in");
        // another name is not locked by ada's failures
        HttpResponse<String> other = WebClient.cookieless(server).postForm("/instructor/sign-in", WebClient.form("name", "bob", "password", "x"));
        assertEquals(401, other.statusCode());
    }

    /** Was: behind the README's proxy everyone shared one address; and any client could name its own address. */
    @Test
    void limitsUseTheAddressATrustedProxyForwardsAndOnlyThat() throws Exception {
        // 127.0.0.2 is the test servers' trusted proxy; wrong join codes are limited per address
        for (int i = 0; i < cloudlab.access.Limits.Guess.JOIN_CODE.perMinute; i++) assertEquals(400, rawJoin("127.0.0.2", "203.0.113.7"));
        assertEquals(429, rawJoin("127.0.0.2", "203.0.113.7"), "the guesser behind the proxy waits");
        assertEquals(400, rawJoin("127.0.0.2", "198.51.100.9"), "another person behind the proxy does not");
        // a client that is no trusted proxy is counted under its own address, whatever it names
        for (int i = 0; i < cloudlab.access.Limits.Guess.JOIN_CODE.perMinute; i++) assertEquals(400, rawJoin("127.0.0.4", "192.0.2." + i));
        assertEquals(429, rawJoin("127.0.0.4", "192.0.2.200"));
    }

    /** Was: the count was read before the slow hash and written after, so 30 parallel wrong passwords were all checked. */
    @Test
    void parallelWrongPasswordsAreCountedBeforeAnyIsChecked() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String password = "wrong-" + i;
                answers.add(pool.submit(() -> WebClient.cookieless(server).postForm("/instructor/sign-in",
                        WebClient.form("name", "ada", "password", password)).statusCode()));
            }
            int checked = 0;
            for (java.util.concurrent.Future<Integer> a : answers) {
                int status = a.get();
                assertTrue(status == 401 || status == 429, "status " + status);
                if (status == 401) checked++;
            }
            assertEquals(cloudlab.access.Limits.WRONG_PASSWORDS, checked, "only as many passwords are checked as the limit allows");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Was: 600 joins with an empty name spent the workshop's per-minute budget, and the room could not join. */
    @Test
    void refusedJoinsDoNotSpendTheWorkshopsBudget() {
        Workshop w = server.services().workshops().create("ada", "Class", List.of(Course1.first().slug()), null);
        for (int i = 0; i < cloudlab.access.Limits.JOINS_PER_WORKSHOP_PER_MINUTE + 10; i++) {
            HttpResponse<String> r = WebClient.cookieless(server).postForm("/join", WebClient.form("code", w.code(), "name", ""));
            assertEquals(400, r.statusCode());
        }
        HttpResponse<String> real = WebClient.cookieless(server).postForm("/join", WebClient.form("code", w.code(), "name", "Grace"));
        assertEquals(303, real.statusCode(), real.body());
    }

    /** A sign-in post as ada from the given loopback address: its status. */
    private int rawSignIn(String from, String password) throws java.io.IOException {
        return rawPost(from, null, "/instructor/sign-in", "name=ada&password=" + password);
    }

    /** A join with a wrong code from the given loopback address, as forwarded for the given client: its status. */
    private int rawJoin(String from, String forwardedFor) throws java.io.IOException {
        return rawPost(from, forwardedFor, "/join", "code=ZZZZZ9&name=guess");
    }

    /** A form post from the given loopback address, with an X-Forwarded-For header when one is given: its status. */
    private int rawPost(String from, String forwardedFor, String path, String form) throws java.io.IOException {
        String body = form + "&_csrf=" + WebClient.CSRF;
        String request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nCookie: cl_csrf=" + WebClient.CSRF + "\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), server.uri("/").getPort(),
                java.net.InetAddress.getByName(from), 0)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String head = new String(s.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    @Test
    void aWholeClassBehindOneAddressJoinsAtOnce() {
        Workshop w = server.services().workshops().create("ada", "Big class", List.of(Course1.first().slug()), null);
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> r = WebClient.cookieless(server).postForm("/join", WebClient.form("code", w.code(), "name", "learner " + i));
            assertEquals(303, r.statusCode(), "learner " + i + ": " + r.body());
        }
        assertEquals(120, server.services().workshops().members(w.id()).size());
    }

    @Test
    void guessingJoinCodesFromOneAddressIsStopped() {
        int refused = 0;
        for (int i = 0; i < cloudlab.access.Limits.Guess.JOIN_CODE.perMinute + 5; i++) {
            HttpResponse<String> r = WebClient.cookieless(server).postForm("/join", WebClient.form("code", "ZZZZZ" + (i % 9 + 1), "name", "guess"));
            if (r.statusCode() == 429) refused++;
            else assertEquals(400, r.statusCode());
        }
        assertEquals(5, refused, "the attempts past the limit are refused");
    }
}
