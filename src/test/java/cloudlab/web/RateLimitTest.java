package cloudlab.web;

import cloudlab.workshop.Instructors;
import cloudlab.workshop.Workshop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void signInPausesAfterFiveWrongPasswordsForThatNameEvenWithTheRightOne() {
        for (int i = 0; i < InstructorPages.MAX_FAILURES; i++) {
            assertEquals(401, WebClient.cookieless(server).postForm("/instructor/sign-in", WebClient.form("name", "ada", "password", "wrong-" + i))
                    .statusCode());
        }
        HttpResponse<String> locked = WebClient.cookieless(server).postForm("/instructor/sign-in",
                WebClient.form("name", "ada", "password", "correct-horse-battery"));
        assertEquals(429, locked.statusCode());
        assertTrue(locked.body().contains("Too many wrong passwords"), locked.body());
        // another name is not locked by ada's failures
        HttpResponse<String> other = WebClient.cookieless(server).postForm("/instructor/sign-in", WebClient.form("name", "bob", "password", "x"));
        assertEquals(401, other.statusCode());
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
        for (int i = 0; i < WorkshopPages.MISSES_PER_ADDRESS_PER_MINUTE + 5; i++) {
            HttpResponse<String> r = WebClient.cookieless(server).postForm("/join", WebClient.form("code", "ZZZZZ" + (i % 9 + 1), "name", "guess"));
            if (r.statusCode() == 429) refused++;
            else assertEquals(400, r.statusCode());
        }
        assertEquals(5, refused, "the attempts past the limit are refused");
    }

    @Test
    void theLimiterForgetsOldEvents() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        RateLimiter limiter = new RateLimiter(clock);
        assertTrue(limiter.tryAcquire("k", 2, Duration.ofMinutes(1)));
        assertTrue(limiter.tryAcquire("k", 2, Duration.ofMinutes(1)));
        assertFalse(limiter.tryAcquire("k", 2, Duration.ofMinutes(1)));
        now[0] = now[0].plusSeconds(61);
        assertTrue(limiter.tryAcquire("k", 2, Duration.ofMinutes(1)));
    }
}
