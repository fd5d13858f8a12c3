package cloudlab.workshop;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idle after five minutes without a mark; the mark itself is written again only once half a minute old. */
class AttendanceTest {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void aLearnerIsIdleOnlyOnceMoreThanFiveMinutesPassedSinceTheirMark() {
        assertFalse(Attendance.idle("2026-11-27T11:59:59.000Z", NOW), "a second ago");
        assertFalse(Attendance.idle("2026-11-27T11:55:01.000Z", NOW), "four minutes 59 seconds ago");
        assertFalse(Attendance.idle("2026-11-27T11:55:00.000Z", NOW), "exactly five minutes ago");
        assertTrue(Attendance.idle("2026-11-27T11:54:59.000Z", NOW), "five minutes and a second ago");
        assertTrue(Attendance.idle("2020-01-01T00:00:00.000Z", NOW), "years ago");
        assertTrue(Attendance.idle(null, NOW), "never seen");
        assertTrue(Attendance.idle("not a time", NOW), "an unreadable mark counts as never");
    }

    @Test
    void lastSeenIsRewrittenOnlyOnceItIsHalfAMinuteOld() {
        assertTrue(Attendance.seenLongAgo(null, NOW));
        assertTrue(Attendance.seenLongAgo("not a time", NOW));
        assertFalse(Attendance.seenLongAgo("2026-11-27T11:59:31.000Z", NOW));
        assertTrue(Attendance.seenLongAgo("2026-11-27T11:59:30.000Z", NOW));
        assertTrue(Attendance.SEEN_EVERY.multipliedBy(4).compareTo(Attendance.IDLE) < 0,
                "far below the idle threshold, so a busy learner never shows idle");
    }
}
