package cloudlab.workshop;

import cloudlab.common.Tokens;
import cloudlab.sim.Rules;
import cloudlab.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Instructor accounts and their signed-in sessions. Passwords are kept only as slow salted
 * hashes; a session is a random token whose hash is stored, valid for twelve hours.
 */
public final class Instructors {
    public static final Duration SESSION = Duration.ofHours(12);
    private final Database db;

    public Instructors(Database db) {
        this.db = db;
    }

    /** A refusal with a reason for a person ("the name ... is taken"). */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Adds an instructor; the password must be at least 10 characters. The first instructor is an admin. */
    public void add(String name, char[] password) throws Refused {
        add(name, password, false);
    }

    /**
     * Adds an instructor, an admin when asked (or when they are the first): an admin sees, exports
     * and regrades every workshop; any other instructor only the ones they own or co-teach.
     */
    public void add(String name, char[] password, boolean admin) throws Refused {
        String e = Rules.id(name);
        if (e != null) throw new Refused("the name " + e);
        if (password.length < 10) throw new Refused("the password must be at least 10 characters");
        String hash = Passwords.hash(password);
        boolean added = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM instructors WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) return false;
                }
            }
            boolean first;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM instructors"); ResultSet rs = ps.executeQuery()) {
                first = !rs.next();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO instructors (name, password_hash, created_at, admin) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, hash);
                ps.setString(3, Database.now());
                ps.setInt(4, admin || first ? 1 : 0);
                ps.executeUpdate();
            }
            return true;
        });
        if (!added) throw new Refused("there is already an instructor named " + name);
    }

    /** Whether an instructor of that name exists. */
    public boolean exists(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM instructors WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Whether the instructor is an admin (sees every workshop). */
    public boolean admin(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT admin FROM instructors WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        });
    }

    /** Checks the name and password; a new session token when they match. */
    public Optional<String> signIn(String name, char[] password) {
        String stored = name == null || name.length() > 64 ? null : db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM instructors WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        boolean ok = Passwords.matches(password, stored == null ? Passwords.DECOY : stored) && stored != null;
        if (!ok) return Optional.empty();
        String token = Tokens.random(32);
        Instant now = Instant.now();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO instructor_sessions (token_hash, instructor, created_at, expires_at) "
                    + "VALUES (?, ?, ?, ?)")) {
                ps.setString(1, hash(token));
                ps.setString(2, name);
                ps.setString(3, now.toString());
                ps.setString(4, now.plus(SESSION).toString());
                ps.executeUpdate();
            }
            return null;
        });
        return Optional.of(token);
    }

    /** The instructor a session token belongs to, while it has not expired. */
    public Optional<String> bySession(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT instructor, expires_at FROM instructor_sessions WHERE token_hash = ?")) {
                ps.setString(1, hash(token));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    if (Instant.parse(rs.getString(2)).isBefore(Instant.now())) return Optional.empty();
                    return Optional.of(rs.getString(1));
                }
            }
        });
    }

    public void signOut(String token) {
        if (token == null) return;
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM instructor_sessions WHERE token_hash = ?")) {
                ps.setString(1, hash(token));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static String hash(String token) {
        return Tokens.sha256Hex(token);
    }
}
