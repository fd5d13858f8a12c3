package cloudlab.workshop;

import java.time.Duration;
import java.time.Instant;
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

    private static Instant parse(String at) {
        if (at == null) return null;
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
