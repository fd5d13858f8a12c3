package cloudlab.progress;

import cloudlab.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything recorded within one scope (a workshop's work, or self-study), read in one indexed
 * query per table rather than learner by learner: what class-level figures such as per-question
 * rates are counted from.
 */
public final class ScopedWork {
    private final Database db;

    public ScopedWork(Database db) {
        this.db = db;
    }

    /** One stored challenge check with the layout it graded. */
    public record Check(String learnerId, String challengeId, int attempt, double score, boolean passed, String layout, String submittedAt) {
    }

    /** Every quiz attempt made within the scope, by quiz, question, learner and attempt (no display names). */
    public List<Progress.StoredAttempt> attempts(Progress.Scope scope) {
        return db.read(c -> {
            List<Progress.StoredAttempt> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT learner_id, quiz_id, question_id, attempt, seed, answer, hints, "
                    + "question_version, score, max_score, submitted_at, workshop_id FROM quiz_answers WHERE 1 = 1" + scope.where()
                    + " ORDER BY quiz_id, question_id, learner_id, attempt")) {
                scope.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Progress.StoredAttempt(rs.getString(1), null, rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getDouble(10),
                                rs.getString(11), rs.getString(12)));
                    }
                }
            }
            return out;
        });
    }

    /** Every challenge check made within the scope, by challenge, learner and attempt. */
    public List<Check> checks(Progress.Scope scope) {
        return db.read(c -> {
            List<Check> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT learner_id, challenge_id, attempt, score, passed, layout, submitted_at "
                    + "FROM challenge_results WHERE 1 = 1" + scope.where() + " ORDER BY challenge_id, learner_id, attempt")) {
                scope.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Check(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getInt(5) == 1,
                                rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /** The workshops any attempt or check was made in, by id. */
    public List<String> workshops() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT workshop_id FROM quiz_answers WHERE workshop_id IS NOT NULL UNION "
                    + "SELECT workshop_id FROM challenge_results WHERE workshop_id IS NOT NULL ORDER BY 1");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }
}
