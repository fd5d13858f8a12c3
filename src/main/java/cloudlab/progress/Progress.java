package cloudlab.progress;

import cloudlab.common.Tokens;
import cloudlab.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    public Progress(Database db) {
        this.db = db;
    }

    /**
     * Whose work a reading counts and where a new attempt is recorded: all of a learner's work
     * ({@link #ALL}, the course-wide gradebook and regrade), self-study alone ({@link #SELF_STUDY}:
     * work done in no workshop), or one workshop's ({@link #workshop}). An attempt, hint or check
     * made under a scope records its workshop (none for the other two).
     */
    public record Scope(boolean all, String workshopId) {
        public static final Scope ALL = new Scope(true, null);
        public static final Scope SELF_STUDY = new Scope(false, null);

        public static Scope workshop(String workshopId) {
            if (workshopId == null) throw new IllegalArgumentException("a workshop scope needs the workshop's id");
            return new Scope(false, workshopId);
        }

        /** The SQL condition (on a table's {@code workshop_id}) this scope reads by, with {@link #bind}. */
        String where() {
            return all ? "" : workshopId == null ? " AND workshop_id IS NULL" : " AND workshop_id = ?";
        }

        /** Binds this scope's parameter (if it has one) at {@code at}; the next free position. */
        int bind(PreparedStatement ps, int at) throws SQLException {
            if (!all && workshopId != null) ps.setString(at++, workshopId);
            return at;
        }
    }

    /** A new learner with a first session; the token goes into the browser's cookie. */
    public record Started(Learner learner, String token) {
    }

    public Started newLearner() {
        return newLearner(newLearnerId());
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

    /**
     * Records that the learner opened a lesson (the first time only), and returns the lesson's state
     * as stored now (an earlier visit's time when one came first).
     */
    public LearnerProgress.LessonState opened(String learnerId, String lesson) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO lesson_progress (learner_id, lesson, opened_at) "
                    + "SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM lesson_progress WHERE learner_id = ? AND lesson = ?)")) {
                ps.setString(1, learnerId);
                ps.setString(2, lesson);
                ps.setString(3, Database.now());
                ps.setString(4, learnerId);
                ps.setString(5, lesson);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT opened_at, completed_at FROM lesson_progress WHERE learner_id = ? AND lesson = ?")) {
                ps.setString(1, learnerId);
                ps.setString(2, lesson);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new LearnerProgress.LessonState(rs.getString(1), rs.getString(2)) : null;
                }
            }
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
        return answered(learnerId, quizId, questionId, new Attempt(null, answer, null, null), score, max);
    }

    /** What an attempt answered: the variant's seed, the answer, the hints shown and the question's version. */
    public record Attempt(String seed, String answer, String hints, String version) {
    }

    /** Stores an attempt with its seed, hints and question version; returns the attempt number. */
    public int answered(String learnerId, String quizId, String questionId, Attempt a, double score, double max) {
        return answered(learnerId, quizId, questionId, a, score, max, Scope.ALL);
    }

    /** As above, recorded in the scope's workshop (none for self-study). */
    public int answered(String learnerId, String quizId, String questionId, Attempt a, double score, double max, Scope scope) {
        String answer = a.answer();
        return db.transaction(c -> {
            lockLearner(c, learnerId);
            int attempt = nextAttempt(c, "SELECT MAX(attempt) FROM quiz_answers WHERE learner_id = ? AND quiz_id = ? AND question_id = ?",
                    learnerId, quizId, questionId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO quiz_answers (learner_id, quiz_id, question_id, attempt, "
                    + "answer, score, max_score, submitted_at, seed, hints, question_version, workshop_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, learnerId);
                ps.setString(2, quizId);
                ps.setString(3, questionId);
                ps.setInt(4, attempt);
                ps.setString(5, answer);
                ps.setDouble(6, score);
                ps.setDouble(7, max);
                ps.setString(8, Database.now());
                ps.setString(9, a.seed());
                ps.setString(10, a.hints());
                ps.setString(11, a.version());
                ps.setString(12, scope.workshopId());
                ps.executeUpdate();
            }
            return attempt;
        });
    }

    /** Records that a hint was shown (once; showing it again changes nothing). */
    public void hintShown(String learnerId, String quizId, String questionId, int hint) {
        hintShown(learnerId, quizId, questionId, hint, Scope.ALL);
    }

    /**
     * As above, noting the workshop it was first shown in. A hint seen once is seen: it costs its
     * points in every workshop, as the learner knows it from then on.
     */
    public void hintShown(String learnerId, String quizId, String questionId, int hint, Scope scope) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO quiz_hints (learner_id, quiz_id, question_id, hint, shown_at, workshop_id) "
                    + "SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM quiz_hints WHERE learner_id = ? AND quiz_id = ? "
                    + "AND question_id = ? AND hint = ?)")) {
                ps.setString(1, learnerId);
                ps.setString(2, quizId);
                ps.setString(3, questionId);
                ps.setInt(4, hint);
                ps.setString(5, Database.now());
                ps.setString(6, scope.workshopId());
                ps.setString(7, learnerId);
                ps.setString(8, quizId);
                ps.setString(9, questionId);
                ps.setInt(10, hint);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The hints the learner has seen for a question, in order. */
    public List<Integer> hintsShown(String learnerId, String quizId, String questionId) {
        return db.read(c -> {
            List<Integer> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT hint FROM quiz_hints WHERE learner_id = ? AND quiz_id = ? "
                    + "AND question_id = ? ORDER BY hint")) {
                ps.setString(1, learnerId);
                ps.setString(2, quizId);
                ps.setString(3, questionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getInt(1));
                }
            }
            return out;
        });
    }

    /** The learners who answered a question or checked a challenge, by id. */
    public List<Learner> learnersWithWork() {
        return db.read(c -> {
            List<Learner> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, resume_code, display_name FROM learners WHERE id IN "
                    + "(SELECT learner_id FROM quiz_answers UNION SELECT learner_id FROM challenge_results) ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Learner(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        });
    }

    /** One stored attempt, for regrading and the gradebook. */
    public record StoredAttempt(String learnerId, String displayName, String quizId, String questionId, int attempt, String seed,
                                String answer, String hints, String version, double score, double max, String submittedAt,
                                String workshopId) {
    }

    /** Every stored quiz attempt, by learner, quiz, question and attempt. */
    public List<StoredAttempt> allAttempts() {
        return db.read(c -> {
            List<StoredAttempt> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.learner_id, l.display_name, a.quiz_id, a.question_id, a.attempt, "
                    + "a.seed, a.answer, a.hints, a.question_version, a.score, a.max_score, a.submitted_at, a.workshop_id FROM quiz_answers a "
                    + "JOIN learners l ON l.id = a.learner_id ORDER BY a.learner_id, a.quiz_id, a.question_id, a.attempt")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredAttempt(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getDouble(10), rs.getDouble(11),
                                rs.getString(12), rs.getString(13)));
                    }
                }
            }
            return out;
        });
    }

    /** One stored challenge check, for the gradebook. */
    public record StoredCheck(String learnerId, String displayName, String challengeId, int attempt, double score, boolean passed,
                              String submittedAt) {
    }

    public List<StoredCheck> allChecks() {
        return db.read(c -> {
            List<StoredCheck> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.learner_id, l.display_name, r.challenge_id, r.attempt, r.score, "
                    + "r.passed, r.submitted_at FROM challenge_results r JOIN learners l ON l.id = r.learner_id "
                    + "ORDER BY r.learner_id, r.challenge_id, r.attempt")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredCheck(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getDouble(5),
                                rs.getInt(6) == 1, rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /** Sets a stored attempt's score (and the question version it was scored against), as a regrade does. */
    public void rescore(String learnerId, String quizId, String questionId, int attempt, double score, String version) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE quiz_answers SET score = ?, question_version = ? WHERE learner_id = ? "
                    + "AND quiz_id = ? AND question_id = ? AND attempt = ?")) {
                ps.setDouble(1, score);
                ps.setString(2, version);
                ps.setString(3, learnerId);
                ps.setString(4, quizId);
                ps.setString(5, questionId);
                ps.setInt(6, attempt);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Stores one check of a challenge: the score, whether every goal passed, and the layout graded. */
    public int challengeChecked(String learnerId, String challengeId, double score, boolean passed, String layoutJson) {
        return challengeChecked(learnerId, challengeId, score, passed, layoutJson, Scope.ALL);
    }

    /** As above, recorded in the scope's workshop (none for self-study). */
    public int challengeChecked(String learnerId, String challengeId, double score, boolean passed, String layoutJson, Scope scope) {
        return db.transaction(c -> {
            lockLearner(c, learnerId);
            int attempt = nextAttempt(c, "SELECT MAX(attempt) FROM challenge_results WHERE learner_id = ? AND challenge_id = ?",
                    learnerId, challengeId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO challenge_results (learner_id, challenge_id, attempt, score, "
                    + "passed, layout, submitted_at, workshop_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, learnerId);
                ps.setString(2, challengeId);
                ps.setInt(3, attempt);
                ps.setDouble(4, score);
                ps.setInt(5, passed ? 1 : 0);
                ps.setString(6, layoutJson);
                ps.setString(7, Database.now());
                ps.setString(8, scope.workshopId());
                ps.executeUpdate();
            }
            return attempt;
        });
    }

    /** Everything the learner has done but the hints they saw (see {@link #withHints}). */
    public LearnerProgress of(String learnerId) {
        return read(learnerId, false, Scope.ALL);
    }

    /** What the learner has done within the scope (a workshop's work, or self-study), without hints. */
    public LearnerProgress of(String learnerId, Scope scope) {
        return read(learnerId, false, scope);
    }

    /** Everything the learner has done, with the hints they saw: what a lesson page shows. */
    public LearnerProgress withHints(String learnerId) {
        return read(learnerId, true, Scope.ALL);
    }

    /**
     * What the learner has done within the scope, with every hint they saw (a hint seen anywhere
     * costs its points everywhere). Attempts are counted within the scope.
     */
    public LearnerProgress withHints(String learnerId, Scope scope) {
        return read(learnerId, true, scope);
    }

    /**
     * Everything of one learner's in one query (a lesson page reads this on every view): lessons,
     * attempts, challenge checks and, when asked for, hints, each as rows of its kind {@code k} in
     * the order of their own reading ({@code o1}, {@code o2}, {@code n}). The first branch types every
     * column, so PostgreSQL matches the {@code NULL}s of the others to it.
     */
    private static final String LESSONS = "SELECT 0 AS k, opened_at AS o1, CAST('' AS VARCHAR(80)) AS o2, 0 AS n, lesson AS t1, "
            + "completed_at AS t2, CAST(NULL AS TEXT) AS t3, CAST(NULL AS VARCHAR(200)) AS t4, "
            + "CAST(NULL AS VARCHAR(20)) AS t5, CAST(0 AS DOUBLE PRECISION) AS d1, CAST(0 AS DOUBLE PRECISION) AS d2 "
            + "FROM lesson_progress WHERE learner_id = ?";
    private static final String ANSWERS = " UNION ALL SELECT 1, quiz_id, question_id, attempt, seed, submitted_at, answer, hints, "
            + "question_version, score, max_score FROM quiz_answers WHERE learner_id = ?";
    private static final String CHECKS = " UNION ALL SELECT 2, challenge_id, '', attempt, NULL, submitted_at, NULL, NULL, NULL, "
            + "score, passed FROM challenge_results WHERE learner_id = ?";
    private static final String HINTS = " UNION ALL SELECT 3, quiz_id, question_id, hint, NULL, NULL, NULL, NULL, NULL, 0, 0 "
            + "FROM quiz_hints WHERE learner_id = ?";

    private LearnerProgress read(String learnerId, boolean withHints, Scope scope) {
        String sql = LESSONS + ANSWERS + scope.where() + CHECKS + scope.where() + (withHints ? HINTS : "") + " ORDER BY k, o1, o2, n";
        return db.read(c -> {
            Map<String, LearnerProgress.LessonState> lessons = new LinkedHashMap<>();
            Map<String, LearnerProgress.Answer> answers = new LinkedHashMap<>();
            Map<String, List<Double>> scores = new LinkedHashMap<>();
            Map<String, LearnerProgress.ChallengeResult> challenges = new LinkedHashMap<>();
            Map<String, List<Integer>> hints = withHints ? new LinkedHashMap<>() : null;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, learnerId);
                ps.setString(2, learnerId);
                int at = scope.bind(ps, 3);
                ps.setString(at++, learnerId);
                at = scope.bind(ps, at);
                if (withHints) ps.setString(at, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        switch (rs.getInt(1)) {
                            case 0 -> lessons.put(rs.getString(5), new LearnerProgress.LessonState(rs.getString(2), rs.getString(6)));
                            case 1 -> answer(rs, answers, scores);
                            case 2 -> check(rs, challenges);
                            default -> hints.computeIfAbsent(LearnerProgress.key(rs.getString(2), rs.getString(3)), k -> new ArrayList<>())
                                    .add(rs.getInt(4));
                        }
                    }
                }
            }
            return new LearnerProgress(lessons, answers, challenges, hints);
        });
    }

    /** One attempt (a row of {@link #ANSWERS}): the question's latest answer so far, with the score of every attempt. */
    private static void answer(ResultSet rs, Map<String, LearnerProgress.Answer> answers, Map<String, List<Double>> scores) throws SQLException {
        String quiz = rs.getString(2);
        String question = rs.getString(3);
        String key = LearnerProgress.key(quiz, question);
        List<Double> before = scores.computeIfAbsent(key, k -> new ArrayList<>());
        before.add(rs.getDouble(10));
        answers.put(key, new LearnerProgress.Answer(quiz, question, rs.getString(7), rs.getDouble(10), rs.getDouble(11), before.size(),
                rs.getString(6), rs.getString(5), rs.getString(8), rs.getString(9), before));
    }

    /** One check of a challenge (a row of {@link #CHECKS}): its scores so far, and whether any check passed. */
    private static void check(ResultSet rs, Map<String, LearnerProgress.ChallengeResult> challenges) throws SQLException {
        String id = rs.getString(2);
        LearnerProgress.ChallengeResult before = challenges.get(id);
        List<Double> scores = new ArrayList<>(before == null ? List.of() : before.scores());
        scores.add(rs.getDouble(10));
        challenges.put(id, new LearnerProgress.ChallengeResult(id, scores, rs.getDouble(11) == 1 || (before != null && before.passed()),
                rs.getString(6)));
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

    private static String randomText(int n) {
        return Tokens.randomText(CODE_ALPHABET, n);
    }

    private static String randomToken() {
        return Tokens.random(32);
    }

    /** One more than the highest attempt number the query finds (1 for the first). */
    private static int nextAttempt(Connection c, String maxQuery, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(maxQuery)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) + 1 : 1;
            }
        }
    }

    /**
     * Takes the learner's row for this transaction, so that two servers numbering the learner's
     * next attempt at once take turns instead of both choosing the same number.
     */
    private static void lockLearner(Connection c, String learnerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE learners SET display_name = display_name WHERE id = ?")) {
            ps.setString(1, learnerId);
            ps.executeUpdate();
        }
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
        return Tokens.sha256Hex(token);
    }

    /**
     * Gives the learner a new resume code: the old one no longer brings anyone back, and every
     * other browser that carried the learner (one that typed a leaked code, say) is signed out;
     * the session {@code keep} (this browser's cookie) stays. Returns the new code.
     */
    public String rotateResumeCode(String learnerId, String keep) {
        String code = newResumeCode();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE learners SET resume_code = ? WHERE id = ?")) {
                ps.setString(1, code);
                ps.setString(2, learnerId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM learner_sessions WHERE learner_id = ? AND token_hash <> ?")) {
                ps.setString(1, learnerId);
                ps.setString(2, keep == null ? "" : hash(keep));
                ps.executeUpdate();
            }
            return null;
        });
        return code;
    }

    /** Forgets browser sessions made before the cutoff (the cookie's lifetime); the resume code still brings a learner back. */
    public int expireSessions(java.time.Instant before) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM learner_sessions WHERE created_at < ?")) {
                ps.setString(1, stamp(before));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Removes learners made before the cutoff that have nothing worth keeping (no lesson visit,
     * answer, hint, sandbox, challenge result or workshop membership), with their sessions.
     */
    public int sweepIdleLearners(java.time.Instant before) {
        String idle = "SELECT id FROM learners WHERE created_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM lesson_progress x WHERE x.learner_id = learners.id)"
                + " AND NOT EXISTS (SELECT 1 FROM quiz_answers x WHERE x.learner_id = learners.id)"
                + " AND NOT EXISTS (SELECT 1 FROM quiz_hints x WHERE x.learner_id = learners.id)"
                + " AND NOT EXISTS (SELECT 1 FROM sandboxes x WHERE x.learner_id = learners.id)"
                + " AND NOT EXISTS (SELECT 1 FROM challenge_results x WHERE x.learner_id = learners.id)"
                + " AND NOT EXISTS (SELECT 1 FROM workshop_members x WHERE x.learner_id = learners.id)";
        return db.transaction(c -> {
            try (PreparedStatement sessions = c.prepareStatement("DELETE FROM learner_sessions WHERE learner_id IN (" + idle + ")");
                 PreparedStatement learners = c.prepareStatement("DELETE FROM learners WHERE id IN (" + idle + ")")) {
                sessions.setString(1, stamp(before));
                sessions.executeUpdate();
                learners.setString(1, stamp(before));
                return learners.executeUpdate();
            }
        });
    }

    /** A moment as the store writes timestamps (fixed-width milliseconds, so they compare as text). */
    private static String stamp(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC).format(t);
    }

    /** An id for a learner not stored yet: a reader whose first write makes it keeps the question variants it was shown. */
    public String newLearnerId() {
        return "L" + randomText(10);
    }

    /** As {@link #newLearner()}, under an id from {@link #newLearnerId}. */
    public Started newLearner(String id) {
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
}
