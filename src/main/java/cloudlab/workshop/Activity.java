package cloudlab.workshop;

import cloudlab.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Live updates: every change a room or a learner's page shows is written as a small numbered row
 * in {@code room_events}. Two ways lead from a change to the streams that show it. On the server
 * that made it, whoever {@linkplain #listen listens} hears it at once, after its row committed. Every
 * server also reads the rows through a {@link Reader}, which asks only for the numbers above the
 * last one it saw: that is how a change made on another server (or anything missed) arrives. The
 * numbers come from one counter taken in the writing transaction, so they commit in order, with no
 * gap, on SQLite and PostgreSQL alike; no connection is held open and no server's memory is trusted
 * for what another server did.
 */
public final class Activity {
    /** How far back a reader started when somebody begins to listen looks, so a change made while a page loaded is not lost. */
    public static final long WINDOW_MS = 5_000;
    /** Rows older than this are swept. */
    static final long KEEP_MS = 60_000;
    /** Every this many changes, the writer sweeps the old rows. */
    static final long SWEEP_EVERY = 200;
    private final Database db;
    private final Clock clock;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

    Activity(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * One announced change, with its number: a learner's row changed, or (learnerId null) the whole
     * workshop; with a {@code sandboxId}, the instructor changed that learner's sandbox and
     * {@code notice} tells them what.
     */
    public record Event(long seq, String workshopId, String learnerId, long atMs, String sandboxId, String notice) {
        /** Whether it changes the whole room (pace, push, close, a join, the board) rather than one row. */
        public boolean wholeRoom() {
            return learnerId == null;
        }
    }

    /** Announces that what the room shows of one learner changed (they acted, answered, were reset). */
    public void touched(String workshopId, String learnerId) {
        write(workshopId, learnerId, null, null);
    }

    /**
     * Announces that the instructor changed one learner's sandbox (chaos, a reset): the room's row
     * for the learner, and the learner's open page of that sandbox with the notice for them.
     */
    public void instructed(String workshopId, String learnerId, String sandboxId, String notice) {
        write(workshopId, learnerId, sandboxId, notice);
    }

    /** Announces a change to the whole workshop: its pace, its board, its members, open or closed. */
    public void changed(String workshopId) {
        write(workshopId, null, null, null);
    }

    /**
     * Hears every change this server makes, right after it committed, on the thread that made it
     * (so the listener must only hand it on). Returns what stops the listening.
     */
    public Runnable listen(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * A reader of the changes every server makes, from the first one made at or after
     * {@code sinceMs} (or from the next one, when none was); also sweeps the rows older than {@link #KEEP_MS}.
     */
    public Reader reader(long sinceMs) {
        long before = db.transaction(c -> {
            sweep(c, clock.millis());
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT MIN(seq) FROM room_events WHERE at_ms >= ?), "
                    + "(SELECT last_seq FROM room_event_counter WHERE id = 1)")) {
                ps.setLong(1, sinceMs);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long first = rs.getLong(1);
                    return rs.wasNull() ? rs.getLong(2) : first - 1;
                }
            }
        });
        return new Reader(before);
    }

    /** One server's place in the numbered changes: each {@link #next} returns only what is new since the last. */
    public final class Reader {
        private long last;

        private Reader(long last) {
            this.last = last;
        }

        /** The number of the last change read. */
        public long last() {
            return last;
        }

        /** The changes committed since the last read, in order (by the index on their number). */
        public List<Event> next() {
            List<Event> out = db.read(c -> {
                List<Event> events = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT seq, workshop_id, learner_id, at_ms, sandbox_id, notice FROM room_events "
                        + "WHERE seq > ? ORDER BY seq")) {
                    ps.setLong(1, last);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) events.add(new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                                rs.getString(6)));
                    }
                }
                return events;
            });
            if (!out.isEmpty()) last = out.get(out.size() - 1).seq();
            return out;
        }
    }

    private void write(String workshopId, String learnerId, String sandboxId, String notice) {
        Event written = db.transaction(c -> {
            long seq;
            try (PreparedStatement up = c.prepareStatement("UPDATE room_event_counter SET last_seq = last_seq + 1 WHERE id = 1");
                 PreparedStatement get = c.prepareStatement("SELECT last_seq FROM room_event_counter WHERE id = 1")) {
                up.executeUpdate();
                try (ResultSet rs = get.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
            }
            Event e = new Event(seq, workshopId, learnerId, clock.millis(), sandboxId, notice);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO room_events (id, seq, workshop_id, learner_id, at_ms, sandbox_id, notice) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, Long.toString(seq));
                ps.setLong(2, seq);
                ps.setString(3, workshopId);
                ps.setString(4, learnerId);
                ps.setLong(5, e.atMs());
                ps.setString(6, sandboxId);
                ps.setString(7, notice);
                ps.executeUpdate();
            }
            if (seq % SWEEP_EVERY == 0) sweep(c, e.atMs());
            return e;
        });
        for (Consumer<Event> l : listeners) l.accept(written);
    }

    private static void sweep(Connection c, long nowMs) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM room_events WHERE at_ms < ?")) {
            del.setLong(1, nowMs - KEEP_MS);
            del.executeUpdate();
        }
    }
}
