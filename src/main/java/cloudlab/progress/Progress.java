package cloudlab.progress;

import cloudlab.store.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Learners and what they have done. A browser holds a random session token (only its hash is
 * stored); a short resume code carries the same learner to another browser.
 */
public final class Progress {
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    private static final int CODE_LENGTH = 12;
    private final Database db;
    private final SecureRandom random = new SecureRandom();

    public Progress(Database db) {
        this.db = db;
    }

    /** A new learner with a first session; the token goes into the browser's cookie. */
    public record Started(Learner learner, String token) {
    }

    public Started newLearner() {
        String id = "L" + randomText(10);
        String code = newResumeCode();
        String token = randomToken();
        String now = Database.now();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO learners (id, resume_code, created_at) VALUES (?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, code);
                ps.setString(3, now);
                ps.executeUpdate();
            }
            insertSession(c, id, token);
            return null;
        });
        return new Started(new Learner(id, code, null), token);
    }

    /** A new session for an existing learner (a second browser that typed the resume code). */
    public String newSession(String learnerId) {
        String token = randomToken();
        db.transaction(c -> {
            insertSession(c, learnerId, token);
            return null;
        });
        return token;
    }

    public Optional<Learner> bySessionToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        return db.read(c -> one(c, "SELECT l.id, l.resume_code, l.display_name FROM learners l "
                + "JOIN learner_sessions s ON s.learner_id = l.id WHERE s.token_hash = ?", hash(token)));
    }

    /** The learner a resume code belongs to; case, spaces and dashes do not matter. */
    public Optional<Learner> byResumeCode(String code) {
        String normal = normalizeCode(code);
        if (normal == null) return Optional.empty();
        return db.read(c -> one(c, "SELECT id, resume_code, display_name FROM learners WHERE resume_code = ?", normal));
    }

    public Optional<Learner> byId(String id) {
        return db.read(c -> one(c, "SELECT id, resume_code, display_name FROM learners WHERE id = ?", id));
    }

    /** Records that the learner opened a lesson (the first time only). */
    public void opened(String learnerId, String lesson) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lesson_progress (learner_id, lesson, opened_at) "
                    + "SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM lesson_progress WHERE learner_id = ? AND lesson = ?)")) {
                ps.setString(1, learnerId);
                ps.setString(2, lesson);
                ps.setString(3, Database.now());
                ps.setString(4, learnerId);
                ps.setString(5, lesson);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records that the learner completed a lesson (the first time only; opening it if needed). */
    public void completed(String learnerId, String lesson) {
        opened(learnerId, lesson);
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE lesson_progress SET completed_at = ? WHERE learner_id = ? AND lesson = ? AND completed_at IS NULL")) {
                ps.setString(1, Database.now());
                ps.setString(2, learnerId);
                ps.setString(3, lesson);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Stores an answer as the next attempt at that question; returns the attempt number. */
    public int answered(String learnerId, String quizId, String questionId, String answer, double score, double max) {
        return db.transaction(c -> {
            int attempt = 1;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(attempt) FROM quiz_answers WHERE learner_id = ? AND quiz_id = ? AND question_id = ?")) {
                ps.setString(1, learnerId);
                ps.setString(2, quizId);
                ps.setString(3, questionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) attempt = rs.getInt(1) + 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO quiz_answers (learner_id, quiz_id, question_id, attempt, "
                    + "answer, score, max_score, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, learnerId);
                ps.setString(2, quizId);
                ps.setString(3, questionId);
                ps.setInt(4, attempt);
                ps.setString(5, answer);
                ps.setDouble(6, score);
                ps.setDouble(7, max);
                ps.setString(8, Database.now());
                ps.executeUpdate();
            }
            return attempt;
        });
    }

    /** Stores one check of a challenge: the score, whether every goal passed, and the layout graded. */
    public int challengeChecked(String learnerId, String challengeId, double score, boolean passed, String layoutJson) {
        return db.transaction(c -> {
            int attempt = 1;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(attempt) FROM challenge_results WHERE learner_id = ? AND challenge_id = ?")) {
                ps.setString(1, learnerId);
                ps.setString(2, challengeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) attempt = rs.getInt(1) + 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO challenge_results (learner_id, challenge_id, attempt, score, "
                    + "passed, layout, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, learnerId);
                ps.setString(2, challengeId);
                ps.setInt(3, attempt);
                ps.setDouble(4, score);
                ps.setInt(5, passed ? 1 : 0);
                ps.setString(6, layoutJson);
                ps.setString(7, Database.now());
                ps.executeUpdate();
            }
            return attempt;
        });
    }

    /** Everything the learner has done. */
    public LearnerProgress of(String learnerId) {
        return db.read(c -> {
            Map<String, LearnerProgress.LessonState> lessons = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT lesson, opened_at, completed_at FROM lesson_progress WHERE learner_id = ? ORDER BY opened_at")) {
                ps.setString(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) lessons.put(rs.getString(1), new LearnerProgress.LessonState(rs.getString(2), rs.getString(3)));
                }
            }
            Map<String, LearnerProgress.Answer> answers = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT quiz_id, question_id, answer, score, max_score, attempt, submitted_at "
                    + "FROM quiz_answers WHERE learner_id = ? ORDER BY quiz_id, question_id, attempt")) {
                ps.setString(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LearnerProgress.Answer a = new LearnerProgress.Answer(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getDouble(4), rs.getDouble(5), rs.getInt(6), rs.getString(7));
                        answers.put(LearnerProgress.key(a.quizId(), a.questionId()), a);
                    }
                }
            }
            Map<String, LearnerProgress.ChallengeResult> challenges = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT challenge_id, MAX(score), MAX(passed), COUNT(*), MAX(submitted_at) "
                    + "FROM challenge_results WHERE learner_id = ? GROUP BY challenge_id")) {
                ps.setString(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        challenges.put(rs.getString(1), new LearnerProgress.ChallengeResult(rs.getString(1), rs.getDouble(2),
                                rs.getInt(3) == 1, rs.getInt(4), rs.getString(5)));
                    }
                }
            }
            return new LearnerProgress(lessons, answers, challenges);
        });
    }

    /** The canonical form of a typed resume code, or null when it cannot be one. */
    static String normalizeCode(String code) {
        if (code == null) return null;
        String c = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (c.length() != CODE_LENGTH) return null;
        for (char ch : c.toCharArray()) if (CODE_ALPHABET.indexOf(ch) < 0) return null;
        return c.substring(0, 4) + "-" + c.substring(4, 8) + "-" + c.substring(8);
    }

    private String newResumeCode() {
        String raw = randomText(CODE_LENGTH);
        return raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8);
    }

    private String randomText(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        return sb.toString();
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void insertSession(Connection c, String learnerId, String token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO learner_sessions (token_hash, learner_id, created_at) VALUES (?, ?, ?)")) {
            ps.setString(1, hash(token));
            ps.setString(2, learnerId);
            ps.setString(3, Database.now());
            ps.executeUpdate();
        }
    }

    private static Optional<Learner> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Learner(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
            }
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
