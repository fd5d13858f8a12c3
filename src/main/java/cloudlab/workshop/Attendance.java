package cloudlab.workshop;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Who in the room is still at it: a learner is idle once {@link #IDLE} has passed since they last
 * did something, and "last seen" is written again only once it is {@link #SEEN_EVERY} old.
 */
public final class Attendance {
    /** How long without a page or action before the room calls a learner idle. */
    public static final Duration IDLE = Duration.ofMinutes(5);
    /** How stale "last seen" may get before a request writes it again; far below {@link #IDLE}. */
    public static final Duration SEEN_EVERY = Duration.ofSeconds(30);

    private Attendance() {
    }

    /** Whether a learner last seen at that time (ISO-8601; null or unreadable: never) is idle now. */
    public static boolean idle(String lastSeenAt, Instant now) {
        Instant seen = parse(lastSeenAt);
        return seen == null || Duration.between(seen, now).compareTo(IDLE) > 0;
    }

    /**
     * Whether "last seen" is worth writing again: a mark younger than {@link #SEEN_EVERY} is left
     * as it is, which spares a write transaction on nearly every page and action of a busy learner.
     */
    public static boolean seenLongAgo(String lastSeenAt, Instant now) {
        Instant seen = parse(lastSeenAt);
        return seen == null || Duration.between(seen, now).compareTo(SEEN_EVERY) >= 0;
    }

    /**
     * The moment a mark names, or null. The store's own stamps ({@code 2026-11-27T16:00:00.000Z},
     * fixed width) are read digit by digit: every page a workshop learner reads checks their mark,
     * and {@link Instant#parse} was a few per cent of a lesson page; any other text goes to it.
     */
    static Instant parse(String at) {
        if (at == null) return null;
        if (at.length() == 24 && at.charAt(4) == '-' && at.charAt(7) == '-' && at.charAt(10) == 'T' && at.charAt(13) == ':'
                && at.charAt(16) == ':' && at.charAt(19) == '.' && at.charAt(23) == 'Z') {
            int y = digits(at, 0, 4);
            int mo = digits(at, 5, 2);
            int d = digits(at, 8, 2);
            int h = digits(at, 11, 2);
            int mi = digits(at, 14, 2);
            int sec = digits(at, 17, 2);
            int ms = digits(at, 20, 3);
            if ((y | mo | d | h | mi | sec | ms) >= 0) {
                try {
                    return LocalDateTime.of(y, mo, d, h, mi, sec, ms * 1_000_000).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // not a plain moment (a leap second, say): as Instant.parse reads it
                }
            }
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The number the {@code n} characters at {@code from} write in decimal, or -1 when one is no digit. */
    private static int digits(String text, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
