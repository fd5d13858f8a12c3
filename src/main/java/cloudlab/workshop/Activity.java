package cloudlab.workshop;

import cloudlab.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Live updates through the database: every change a room or a learner's page shows is written as
 * a small row in {@code room_events}, and every server reads the rows of the last few seconds
 * again and again ({@link #recent}). One design for SQLite and PostgreSQL alike: no connection held
 * open for LISTEN, no server-memory bus that a second server would miss. Rows are read by a time
 * window ({@link #WINDOW_MS}) rather than by a sequence, so a change committed a little late is
 * still seen; the reader drops the ids it already passed on.
 */
public final class Activity {
    /** How far back each read looks: wide enough for a slow commit or a little clock skew between servers. */
    public static final long WINDOW_MS = 5_000;
    /** Rows older than this are swept. */
    static final long KEEP_MS = 60_000;
    private final Database db;
    private final Clock clock;

    Activity(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * One announced change: a learner's row changed, or (learnerId null) the whole workshop; with a
     * {@code sandboxId}, the instructor changed that learner's sandbox and {@code notice} tells them what.
     */
    public record Event(String id, String workshopId, String learnerId, long atMs, String sandboxId, String notice) {
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

    /** The changes of the last {@link #WINDOW_MS}, oldest first; also sweeps rows older than {@link #KEEP_MS}. */
    public List<Event> recent() {
        long now = clock.millis();
        return db.transaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM room_events WHERE at_ms < ?")) {
                del.setLong(1, now - KEEP_MS);
                del.executeUpdate();
            }
            List<Event> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, workshop_id, learner_id, at_ms, sandbox_id, notice FROM room_events "
                    + "WHERE at_ms >= ? ORDER BY at_ms")) {
                ps.setLong(1, now - WINDOW_MS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6)));
                }
            }
            return out;
        });
    }

    private void write(String workshopId, String learnerId, String sandboxId, String notice) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO room_events (id, workshop_id, learner_id, at_ms, sandbox_id, notice) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, workshopId);
                ps.setString(3, learnerId);
                ps.setLong(4, clock.millis());
                ps.setString(5, sandboxId);
                ps.setString(6, notice);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
