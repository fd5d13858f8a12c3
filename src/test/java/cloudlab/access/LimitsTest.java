package cloudlab.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "At most N in the last T", per key; sign-in places; slow work a few at a time. */
class LimitsTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theWindowForgetsOldEvents() {
        HandClock clock = new HandClock();
        Limits limits = new Limits(clock);
        assertTrue(limits.tryAcquire("k", 2, Duration.ofMinutes(1)));
        assertTrue(limits.tryAcquire("k", 2, Duration.ofMinutes(1)));
        assertFalse(limits.tryAcquire("k", 2, Duration.ofMinutes(1)));
        assertTrue(limits.tryAcquire("other", 2, Duration.ofMinutes(1)), "each key counts on its own");
        clock.now = clock.now.plusSeconds(61);
        assertTrue(limits.tryAcquire("k", 2, Duration.ofMinutes(1)));
    }

    @Test
    void aPlaceIsTakenUnderEveryKeyOrUnderNone() {
        Limits limits = new Limits(new HandClock());
        assertTrue(limits.take(List.of("a"), List.of(1), Duration.ofMinutes(1)).isPresent());
        assertTrue(limits.take(List.of("b", "a"), List.of(5, 1), Duration.ofMinutes(1)).isEmpty(), "a is full");
        assertEquals(0, limits.count("b", Duration.ofMinutes(1)), "so nothing was counted under b");
    }

    @Test
    void recordedMissesAreCountedWithoutBeingChecked() {
        HandClock clock = new HandClock();
        Limits limits = new Limits(clock);
        for (int i = 0; i < 3; i++) limits.record("miss");
        assertEquals(3, limits.count("miss", Duration.ofMinutes(1)));
        clock.now = clock.now.plusSeconds(60);
        assertEquals(0, limits.count("miss", Duration.ofMinutes(1)));
    }

    @Test
    void wrongCodesFromOneAddressStopItsGuessingForAMinuteOnly() {
        HandClock clock = new HandClock();
        Limits limits = new Limits(clock);
        for (int i = 0; i < Limits.Guess.RESUME_CODE.perMinute; i++) {
            assertFalse(limits.guessing(Limits.Guess.RESUME_CODE, "192.0.2.1"), "a typo (" + i + ") passes");
            limits.missed(Limits.Guess.RESUME_CODE, "192.0.2.1");
        }
        assertTrue(limits.guessing(Limits.Guess.RESUME_CODE, "192.0.2.1"), "the next try is refused");
        assertFalse(limits.guessing(Limits.Guess.RESUME_CODE, "192.0.2.2"), "another address is not");
        assertFalse(limits.guessing(Limits.Guess.JOIN_CODE, "192.0.2.1"), "nor join codes from the same address");
        clock.now = clock.now.plusSeconds(60);
        assertFalse(limits.guessing(Limits.Guess.RESUME_CODE, "192.0.2.1"), "a minute later it may try again");
    }

    @Test
    void aWorkshopTakesALectureHallOfJoinsAMinuteAndNoMore() {
        HandClock clock = new HandClock();
        Limits limits = new Limits(clock);
        for (int i = 0; i < Limits.JOINS_PER_WORKSHOP_PER_MINUTE; i++) assertTrue(limits.joinFits("ABCDE"), "join " + i);
        assertFalse(limits.joinFits("ABCDE"), "one more this minute is refused");
        assertTrue(limits.joinFits("FGHJK"), "another workshop has its own budget");
        clock.now = clock.now.plusSeconds(60);
        assertTrue(limits.joinFits("ABCDE"));
    }

    /** Was: five wrong passwords from anywhere locked the instructor out everywhere for 15 minutes. */
    @Test
    void signInIsLimitedPerNameAndAddressAndPerAddress() {
        Limits limits = new Limits(new HandClock());
        for (int i = 0; i < Limits.WRONG_PASSWORDS; i++) assertTrue(limits.signInAttempt("Ada", "192.0.2.1").isPresent());
        assertTrue(limits.signInAttempt(" ada ", "192.0.2.1").isEmpty(), "the guesser's address waits for that name");
        assertTrue(limits.signInAttempt("ada", "198.51.100.2").isPresent(), "the instructor elsewhere does not");
        for (int i = 0; i < Limits.SIGN_INS_PER_ADDRESS - Limits.WRONG_PASSWORDS; i++) {
            assertTrue(limits.signInAttempt("name-" + i, "192.0.2.1").isPresent());
        }
        assertTrue(limits.signInAttempt("yet-another", "192.0.2.1").isEmpty(), "one address cannot spray names without end");
        Limits.Ticket right = limits.signInAttempt("bob", "203.0.113.5").orElseThrow();
        limits.giveBack(right);
        for (int i = 0; i < Limits.WRONG_PASSWORDS; i++) {
            assertTrue(limits.signInAttempt("bob", "203.0.113.5").isPresent(), "a right password counts for nothing");
        }
    }

    @Test
    void theSignInWindowEnds() {
        HandClock clock = new HandClock();
        Limits limits = new Limits(clock);
        for (int i = 0; i < Limits.WRONG_PASSWORDS; i++) limits.signInAttempt("ada", "192.0.2.1");
        assertTrue(limits.signInAttempt("ada", "192.0.2.1").isEmpty());
        clock.now = clock.now.plus(Limits.SIGN_IN_WINDOW);
        assertTrue(limits.signInAttempt("ada", "192.0.2.1").isPresent());
    }

    @Test
    void slowWorkRunsAFewAtATimeAndABoundedQueueWaits() throws Exception {
        Limits limits = new Limits(new HandClock());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(Limits.HASHES_AT_ONCE);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Limits.HASHES_AT_ONCE + Limits.HASH_QUEUE; i++) {
            Thread t = new Thread(() -> limits.slowly(() -> {
                running.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }));
            t.start();
            threads.add(t);
        }
        running.await();
        while (limits.waitingForHash() < Limits.HASH_QUEUE) Thread.onSpinWait();
        assertThrows(Limits.Busy.class, () -> limits.slowly(() -> 1), "the queue is full");
        release.countDown();
        for (Thread t : threads) t.join();
        assertEquals(2, limits.slowly(() -> 2), "free again");
    }
}
