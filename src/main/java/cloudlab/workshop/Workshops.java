package cloudlab.workshop;

import cloudlab.sim.document.Json;
import cloudlab.store.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Workshops and who is in them. A learner joins with a short code and a display name; joining
 * again (from the same browser, or with the resume code) keeps everything. Closing a workshop
 * stops new joins and keeps its results.
 */
public final class Workshops {
    /** Join codes: no 0/O, 1/I/L, so a room can read them off a projector. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 6;
    public static final int MAX_NAME = 40;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private final Database db;
    /**
     * A workshop's lessons as read from their stored text, kept by that text (the key is the value
     * read, so it cannot go stale): the learner's working workshop is read on every lesson view, and
     * parsing its list each time was 5 % of the page's handler in a profile of 7 Dec.
     */
    private final Cache<String, List<String>> lessonLists = Caffeine.newBuilder().maximumSize(1024).build();

    public Workshops(Database db) {
        this.db = db;
    }

    public Workshop create(String instructor, String title, List<String> lessons, String startLayoutJson) {
        String id = "w" + randomText(10).toLowerCase(java.util.Locale.ROOT);
        String now = Database.now();
        return db.transaction(c -> {
            String code;
            do {
                code = randomText(CODE_LENGTH);
            } while (byCode(c, code).isPresent());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO workshops (id, code, title, instructor, lessons, start_layout, "
                    + "unlocked, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, code);
                ps.setString(3, title);
                ps.setString(4, instructor);
                ps.setString(5, Json.line(lessons));
                ps.setString(6, startLayoutJson);
                ps.setInt(7, 1);
                ps.setString(8, now);
                ps.executeUpdate();
            }
            return new Workshop(id, code, title, instructor, lessons, startLayoutJson, 1, now, null);
        });
    }

    /** Who may see a workshop: its owner, its co-instructors, and admins (SQL over {@code workshops}, the name bound three times). */
    private static final String TEACHES = "(workshops.instructor = ? OR EXISTS (SELECT 1 FROM workshop_instructors i "
            + "WHERE i.workshop_id = workshops.id AND i.instructor = ?) OR EXISTS (SELECT 1 FROM instructors a WHERE a.name = ? AND a.admin = 1))";

    /** A workshop with that id the instructor owns, co-instructs or, as an admin, oversees (anyone else's is not found). */
    public Optional<Workshop> ofInstructor(String instructor, String id) {
        return db.read(c -> one(c, "SELECT * FROM workshops WHERE id = ? AND " + TEACHES, id, instructor, instructor, instructor));
    }

    /**
     * The workshop with that id for this instructor: empty when there is none; {@link NotYours}
     * when it exists but they neither own nor co-teach it and are no admin.
     */
    public Optional<Workshop> forInstructor(String instructor, String id) {
        Optional<Workshop> w = byId(id);
        if (w.isPresent() && ofInstructor(instructor, id).isEmpty()) throw new NotYours(instructor);
        return w;
    }

    /** An instructor reaching for a workshop they do not teach. */
    public static final class NotYours extends RuntimeException {
        public NotYours(String instructor) {
            super("workshop: this workshop is not yours, " + instructor + ": only its instructor, its co-instructors and admins may open it",
                    null, false, false);
        }
    }

    /** Any workshop by its id, for the live streams (which check who may read it when they open). */
    public Optional<Workshop> byId(String id) {
        return db.read(c -> one(c, "SELECT * FROM workshops WHERE id = ?", id));
    }

    public List<Workshop> ofInstructor(String instructor) {
        return db.read(c -> {
            List<Workshop> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM workshops WHERE " + TEACHES + " ORDER BY created_at DESC")) {
                ps.setString(1, instructor);
                ps.setString(2, instructor);
                ps.setString(3, instructor);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(workshop(rs));
                }
            }
            return out;
        });
    }

    /** The workshop a join code names; case, spaces and dashes do not matter. */
    public Optional<Workshop> byCode(String code) {
        String normal = normalize(code);
        if (normal == null) return Optional.empty();
        return db.read(c -> byCode(c, normal));
    }

    private Optional<Workshop> byCode(Connection c, String code) throws SQLException {
        return one(c, "SELECT * FROM workshops WHERE code = ?", code);
    }

    /**
     * Joins (or rejoins) a learner and makes this their working workshop. A rejoin keeps the
     * sandbox and the name they joined with; a first join takes the name, which must be free in
     * this workshop ({@link NameTaken} when another member already goes by it, whatever the case).
     */
    public Member join(Workshop w, String learnerId, String displayName) {
        Member joined = db.transaction(c -> {
            String now = laterThanEveryChoice(c, learnerId);
            Optional<Member> existing = member(c, w.id(), learnerId);
            if (existing.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE workshop_members SET last_seen_at = ?, working_since = ? "
                        + "WHERE workshop_id = ? AND learner_id = ?")) {
                    ps.setString(1, now);
                    ps.setString(2, now);
                    ps.setString(3, w.id());
                    ps.setString(4, learnerId);
                    ps.executeUpdate();
                }
                Member m = existing.get();
                return new Member(m.workshopId(), m.learnerId(), m.displayName(), m.sandboxId(), m.joinedAt(), now);
            }
            if (nameTaken(c, w.id(), displayName)) return null;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO workshop_members (workshop_id, learner_id, display_name, "
                    + "joined_at, last_seen_at, working_since) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, w.id());
                ps.setString(2, learnerId);
                ps.setString(3, displayName);
                ps.setString(4, now);
                ps.setString(5, now);
                ps.setString(6, now);
                ps.executeUpdate();
            }
            return new Member(w.id(), learnerId, displayName, null, now, now);
        });
        if (joined == null) throw new NameTaken(displayName);
        return joined;
    }

    /**
     * Now, or just after the learner's latest choice of a working workshop when that is not
     * earlier (two joins in one millisecond): the latest join always decides the working workshop.
     */
    private static String laterThanEveryChoice(Connection c, String learnerId) throws SQLException {
        String now = Database.now();
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(COALESCE(working_since, joined_at)) FROM workshop_members WHERE learner_id = ?")) {
            ps.setString(1, learnerId);
            try (ResultSet rs = ps.executeQuery()) {
                String last = rs.next() ? rs.getString(1) : null;
                if (last == null || last.compareTo(now) < 0) return now;
                return Database.stamp(java.time.Instant.parse(last).plusMillis(1));
            }
        }
    }

    /** A name another member of the workshop already goes by. */
    public static final class NameTaken extends RuntimeException {
        public NameTaken(String name) {
            super("name: someone in this workshop already goes by \"" + name + "\"; a name is unique within a workshop, "
                    + "so add an initial or choose another (to come back as yourself, use your resume code)", null, false, false);
        }
    }

    /**
     * Whether a join of this learner (null: a reader who is no learner yet) under this name would be
     * refused as {@link NameTaken}: the name is another member's, and the learner is no member yet.
     */
    public boolean nameTakenFor(String workshopId, String learnerId, String name) {
        return db.read(c -> (learnerId == null || member(c, workshopId, learnerId).isEmpty()) && nameTaken(c, workshopId, name));
    }

    private static boolean nameTaken(Connection c, String workshopId, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM workshop_members WHERE workshop_id = ? AND LOWER(display_name) = LOWER(?)")) {
            ps.setString(1, workshopId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Folds one member into another (two rows of one person, say from two devices): the work the
     * second did in this workshop becomes the first's (after the first's own attempts), the hints
     * they saw too, and the second leaves the workshop. Their work elsewhere stays theirs.
     */
    public void merge(String workshopId, String keepId, String dropId) {
        if (keepId.equals(dropId)) return; // one row is already one person
        db.transaction(c -> {
            for (String sql : List.of(
                    "UPDATE quiz_answers SET learner_id = ?, attempt = attempt + (SELECT COALESCE(MAX(k.attempt), 0) FROM quiz_answers k "
                            + "WHERE k.learner_id = ? AND k.quiz_id = quiz_answers.quiz_id AND k.question_id = quiz_answers.question_id) "
                            + "WHERE learner_id = ? AND workshop_id = ?",
                    "UPDATE challenge_results SET learner_id = ?, attempt = attempt + (SELECT COALESCE(MAX(k.attempt), 0) FROM challenge_results k "
                            + "WHERE k.learner_id = ? AND k.challenge_id = challenge_results.challenge_id) WHERE learner_id = ? AND workshop_id = ?",
                    "INSERT INTO quiz_hints (learner_id, quiz_id, question_id, hint, shown_at, workshop_id) SELECT ?, h.quiz_id, h.question_id, "
                            + "h.hint, h.shown_at, h.workshop_id FROM quiz_hints h WHERE NOT EXISTS (SELECT 1 FROM quiz_hints k WHERE k.learner_id = ? "
                            + "AND k.quiz_id = h.quiz_id AND k.question_id = h.question_id AND k.hint = h.hint) AND h.learner_id = ? AND h.workshop_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, keepId);
                    ps.setString(2, keepId);
                    ps.setString(3, dropId);
                    ps.setString(4, workshopId);
                    ps.executeUpdate();
                }
            }
            removeMember(c, workshopId, dropId);
            return null;
        });
    }

    /** Takes a learner out of the workshop: they leave its room and results; their work stays theirs. */
    public void remove(String workshopId, String learnerId) {
        db.transaction(c -> {
            removeMember(c, workshopId, learnerId);
            return null;
        });
    }

    private static void removeMember(Connection c, String workshopId, String learnerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM workshop_members WHERE workshop_id = ? AND learner_id = ?")) {
            ps.setString(1, workshopId);
            ps.setString(2, learnerId);
            ps.executeUpdate();
        }
    }

    /** Points the member at a sandbox (their workshop sandbox, made at join or by a push or reset). */
    public void setSandbox(String workshopId, String learnerId, String sandboxId) {
        update("UPDATE workshop_members SET sandbox_id = ? WHERE workshop_id = ? AND learner_id = ?", sandboxId, workshopId, learnerId);
    }

    /** Notes that the learner did something, for the room's idle column. */
    public void seen(String workshopId, String learnerId) {
        update("UPDATE workshop_members SET last_seen_at = ? WHERE workshop_id = ? AND learner_id = ?", Database.now(), workshopId, learnerId);
    }

    public List<Member> members(String workshopId) {
        return db.read(c -> {
            List<Member> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT workshop_id, learner_id, display_name, sandbox_id, joined_at, last_seen_at "
                    + "FROM workshop_members WHERE workshop_id = ? ORDER BY display_name, joined_at")) {
                ps.setString(1, workshopId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(member(rs));
                }
            }
            return out;
        });
    }

    public Optional<Member> member(String workshopId, String learnerId) {
        return db.read(c -> member(c, workshopId, learnerId));
    }

    /**
     * The learner's working workshop: the one they joined or rejoined most recently, open or
     * closed, with their membership. Its lessons' work is recorded in it, and refused while it is closed.
     */
    public Optional<Membership> working(String learnerId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT w.*, m.display_name AS m_name, m.sandbox_id AS m_sandbox, "
                    + "m.joined_at AS m_joined, m.last_seen_at AS m_seen FROM workshops w JOIN workshop_members m ON m.workshop_id = w.id "
                    + "WHERE m.learner_id = ? ORDER BY COALESCE(m.working_since, m.joined_at) DESC, m.joined_at DESC")) {
                ps.setString(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    Workshop w = workshop(rs);
                    return Optional.of(new Membership(w, new Member(w.id(), learnerId, rs.getString("m_name"), rs.getString("m_sandbox"),
                            rs.getString("m_joined"), rs.getString("m_seen"))));
                }
            }
        });
    }

    /** The learner's working workshop ({@link #working}) while it is open. */
    public Optional<Membership> current(String learnerId) {
        return working(learnerId).filter(m -> m.workshop().open());
    }

    /** A workshop with one learner's place in it. */
    public record Membership(Workshop workshop, Member member) {
    }

    /** Opens lessons: {@code unlocked} of them in order, or -1 for all. */
    public void pace(String workshopId, int unlocked) {
        update("UPDATE workshops SET unlocked = ? WHERE id = ?", unlocked, workshopId);
    }

    public void close(String workshopId) {
        update("UPDATE workshops SET closed_at = ? WHERE id = ? AND closed_at IS NULL", Database.now(), workshopId);
    }

    /** Opens a closed workshop again: joins and changes are accepted again. */
    public void reopen(String workshopId) {
        update("UPDATE workshops SET closed_at = NULL WHERE id = ?", workshopId);
    }

    /** Sets the attempt policy of every quiz the workshop covers (null: each quiz keeps its own). */
    public void setPolicy(String workshopId, cloudlab.quiz.AttemptPolicy policy) {
        update("UPDATE workshops SET policy = ? WHERE id = ?", policy == null ? null : policy.text(), workshopId);
    }

    public void rename(String workshopId, String title) {
        update("UPDATE workshops SET title = ? WHERE id = ?", title, workshopId);
    }

    /** Sets the lessons the workshop covers, in course order. */
    public void setLessons(String workshopId, List<String> lessons) {
        update("UPDATE workshops SET lessons = ? WHERE id = ?", Json.line(lessons), workshopId);
    }

    /**
     * Deletes the workshop and its membership list; the learners' own progress and sandboxes are
     * theirs and stay.
     */
    public void delete(String workshopId) {
        db.transaction(c -> {
            for (String sql : List.of("DELETE FROM workshop_boards WHERE workshop_id = ?", "DELETE FROM workshop_instructors WHERE workshop_id = ?",
                    "DELETE FROM workshop_members WHERE workshop_id = ?", "DELETE FROM workshops WHERE id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, workshopId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Lets another instructor steer the workshop too. */
    public void addInstructor(String workshopId, String instructor) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO workshop_instructors (workshop_id, instructor) SELECT ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM workshop_instructors WHERE workshop_id = ? AND instructor = ?)")) {
                ps.setString(1, workshopId);
                ps.setString(2, instructor);
                ps.setString(3, workshopId);
                ps.setString(4, instructor);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The co-instructors of a workshop (not its owner), by name. */
    public List<String> coInstructors(String workshopId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT instructor FROM workshop_instructors WHERE workshop_id = ? ORDER BY instructor")) {
                ps.setString(1, workshopId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The workshop's board: the announcement line and when the timer ends (both may be null). */
    public Board board(String workshopId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT announcement, timer_ends_at FROM workshop_boards WHERE workshop_id = ?")) {
                ps.setString(1, workshopId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Board(rs.getString(1), rs.getString(2)) : new Board(null, null);
                }
            }
        });
    }

    public void setBoard(String workshopId, Board board) {
        db.transaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM workshop_boards WHERE workshop_id = ?")) {
                del.setString(1, workshopId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO workshop_boards (workshop_id, announcement, timer_ends_at) VALUES (?, ?, ?)")) {
                ps.setString(1, workshopId);
                ps.setString(2, board.announcement());
                ps.setString(3, board.timerEndsAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** What the instructor puts in front of the class: one announcement line and a timer's end (ISO instant). */
    public record Board(String announcement, String timerEndsAt) {
    }

    Database db() {
        return db;
    }

    public void setStartLayout(String workshopId, String layoutJson) {
        update("UPDATE workshops SET start_layout = ? WHERE id = ?", layoutJson, workshopId);
    }

    /** The canonical form of a typed join code, or null when it cannot be one. */
    public static String normalize(String code) {
        if (code == null) return null;
        String c = code.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        if (c.length() != CODE_LENGTH) return null;
        for (char ch : c.toCharArray()) if (CODE_ALPHABET.indexOf(ch) < 0) return null;
        return c;
    }

    private void update(String sql, Object... args) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private Optional<Member> member(Connection c, String workshopId, String learnerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT workshop_id, learner_id, display_name, sandbox_id, joined_at, last_seen_at "
                + "FROM workshop_members WHERE workshop_id = ? AND learner_id = ?")) {
            ps.setString(1, workshopId);
            ps.setString(2, learnerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(member(rs)) : Optional.empty();
            }
        }
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
    }

    private Optional<Workshop> one(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(workshop(rs)) : Optional.empty();
            }
        }
    }

    private Workshop workshop(ResultSet rs) throws SQLException {
        String text = rs.getString("lessons");
        List<String> lessons = lessonLists.getIfPresent(text);
        if (lessons == null) {
            try {
                lessons = List.copyOf(Json.mapper().readValue(text, STRINGS));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("workshop " + rs.getString("id") + " holds unreadable lessons", e);
            }
            lessonLists.put(text, lessons);
        }
        return new Workshop(rs.getString("id"), rs.getString("code"), rs.getString("title"), rs.getString("instructor"), lessons,
                rs.getString("start_layout"), rs.getInt("unlocked"), rs.getString("created_at"), rs.getString("closed_at"),
                cloudlab.quiz.AttemptPolicy.fromText(rs.getString("policy")));
    }

    private static String randomText(int n) {
        return cloudlab.common.Tokens.randomText(CODE_ALPHABET, n);
    }
}
