package cloudlab.workshop;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @Test
    void theStoresStampsAreReadAsInstantParseReadsThem() {
        for (String at : new String[]{"2026-11-27T11:59:31.000Z", "2026-12-07T04:35:12.345Z", "2024-02-29T23:59:59.999Z", "1999-01-01T00:00:00.001Z",
                "2026-11-27T11:59:31Z", "2026-11-27T11:59:31.5Z", "2026-11-27T11:59:31.000+01:00"}) {
            assertEquals(Instant.parse(at), Attendance.parse(at), at);
        }
        for (String bad : new String[]{"2026-13-27T11:59:31.000Z", "2026-02-30T11:59:31.000Z", "2026-11-27T25:59:31.000Z",
                "2026-11-27T11:59:3x.000Z", "2026-11-27 11:59:31.000Z", "", "not a time"}) {
            assertNull(Attendance.parse(bad), bad);
        }
    }
}
