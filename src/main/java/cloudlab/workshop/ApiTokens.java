package cloudlab.workshop;

import cloudlab.common.Tokens;
import cloudlab.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Instructors' API tokens, for the API calls that reveal or change a graded score. An instructor
 * names a token and gives it a scope; the token is shown once, only its SHA-256 is kept, and it can
 * be revoked. A call names it in {@code Authorization: Bearer TOKEN}; {@link #check} answers who
 * calls or why not: no token or an unknown or revoked one is a 401, too small a scope a 403.
 */
public final class ApiTokens {
    /** The longest token name. */
    public static final int MAX_NAME = 80;
    private final Database db;

    public ApiTokens(Database db) {
        this.db = db;
    }

    /** What a token may do; {@code REGRADE} includes {@code READ}. */
    public enum Scope {
        READ("read", "read the results of your workshops"), REGRADE("regrade", "read results and regrade your workshops' attempts");

        private final String word;
        private final String meaning;

        Scope(String word, String meaning) {
            this.word = word;
            this.meaning = meaning;
        }

        public String word() {
            return word;
        }

        public String meaning() {
            return meaning;
        }

        /** Whether a token of this scope may make a call that needs {@code needed}. */
        public boolean covers(Scope needed) {
            return this == REGRADE || needed == READ;
        }

        public static Optional<Scope> named(String word) {
            for (Scope s : values()) if (s.word.equals(word)) return Optional.of(s);
            return Optional.empty();
        }
    }

    /** A token as its instructor's list shows it (never the token itself). */
    public record Token(String id, String name, Scope scope, String createdAt, String revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A new token: its listing, and the token text, shown this once. */
    public record Created(Token token, String secret) {
    }

    /** A call refused: the status (401 or 403) and a message naming the header or the rule. */
    public static final class Denied extends RuntimeException {
        public final int status;

        Denied(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** Makes a token; the name must be 1 to {@link #MAX_NAME} characters and the scope read or regrade. */
    public Created create(String instructor, String name, String scopeWord) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: give the token a name that says where it is used (1 to " + MAX_NAME + " characters)");
        }
        Scope scope = Scope.named(scopeWord == null ? "" : scopeWord.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new IllegalArgumentException("scope: choose read (results) or regrade (results and regrade)"));
        String secret = "clt_" + Tokens.random(32);
        Token t = new Token("t" + Tokens.randomText("abcdefghjkmnpqrstuvwxyz23456789", 10), n, scope, Database.now(), null);
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (token_hash, id, instructor, name, scope, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, Tokens.sha256Hex(secret));
                ps.setString(2, t.id());
                ps.setString(3, instructor);
                ps.setString(4, n);
                ps.setString(5, scope.word());
                ps.setString(6, t.createdAt());
                ps.executeUpdate();
            }
            return null;
        });
        return new Created(t, secret);
    }

    /** The instructor's tokens, newest first, revoked ones included. */
    public List<Token> of(String instructor) {
        return db.read(c -> {
            List<Token> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, scope, created_at, revoked_at FROM api_tokens WHERE instructor = ? "
                    + "ORDER BY created_at DESC")) {
                ps.setString(1, instructor);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Token(rs.getString(1), rs.getString(2), Scope.named(rs.getString(3)).orElseThrow(),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }

    /** Revokes one of the instructor's tokens; false when they have no such token. */
    public boolean revoke(String instructor, String id) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND instructor = ?")) {
                ps.setString(1, Database.now());
                ps.setString(2, id);
                ps.setString(3, instructor);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The instructor an {@code Authorization} header's token belongs to, when it may make a call needing {@code needed}. */
    public String check(String authorization, Scope needed) {
        String how = "send an instructor's API token as \"Authorization: Bearer TOKEN\" (made on the instructor's API tokens page)";
        if (authorization == null || authorization.isBlank()) throw new Denied(401, "Authorization: this call needs a token; " + how);
        String a = authorization.strip();
        if (!a.regionMatches(true, 0, "Bearer ", 0, 7) || a.length() > 200) throw new Denied(401, "Authorization: " + how);
        String hash = Tokens.sha256Hex(a.substring(7).strip());
        String[] row = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT instructor, scope, revoked_at FROM api_tokens WHERE token_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3)} : null;
                }
            }
        });
        if (row == null) throw new Denied(401, "Authorization: the token is not known; " + how);
        if (row[2] != null) throw new Denied(401, "Authorization: the token was revoked at " + row[2] + "; make a new one");
        Scope has = Scope.named(row[1]).orElseThrow();
        if (!has.covers(needed)) {
            throw new Denied(403, "Authorization: the token's scope is " + has.word() + "; this call needs " + needed.word() + " (" + needed.meaning() + ")");
        }
        return row[0];
    }
}
