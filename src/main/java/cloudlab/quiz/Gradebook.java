package cloudlab.quiz;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.progress.Progress;
import cloudlab.sim.document.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradebook: one row per learner and item (a quiz question or a challenge) that the learner
 * attempted, with the best score, the most it could be, the number of attempts and when the last
 * one came. Exported as CSV that opens cleanly in a spreadsheet, and as JSON.
 */
public final class Gradebook {
    private Gradebook() {
    }

    /** One line of the gradebook. */
    public record Row(String learnerId, String displayName, String item, double score, double max, int attempts, String lastSubmitted) {
    }

    public static List<Row> rows(Course course, Progress progress) {
        Map<String, Integer> order = new LinkedHashMap<>();
        for (Lesson l : course == null ? List.<Lesson>of() : course.lessons()) {
            if (l.quiz() != null) for (Question q : l.quiz().questions()) order.putIfAbsent(l.quiz().id() + "/" + q.id(), order.size());
            for (LessonChallenge c : l.challenges()) order.putIfAbsent("challenge/" + c.id(), order.size());
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Progress.StoredAttempt a : progress.allAttempts()) {
            add(rows, a.learnerId(), a.displayName(), a.quizId() + "/" + a.questionId(), a.score(), a.max(), a.submittedAt());
        }
        for (Progress.StoredCheck c : progress.allChecks()) {
            add(rows, c.learnerId(), c.displayName(), "challenge/" + c.challengeId(), c.score(), 1.0, c.submittedAt());
        }
        List<Row> out = new ArrayList<>(rows.values());
        out.sort((x, y) -> {
            int byLearner = x.learnerId().compareTo(y.learnerId());
            if (byLearner != 0) return byLearner;
            return Integer.compare(order.getOrDefault(x.item(), Integer.MAX_VALUE), order.getOrDefault(y.item(), Integer.MAX_VALUE));
        });
        return out;
    }

    private static void add(Map<String, Row> rows, String learner, String name, String item, double score, double max, String at) {
        String key = learner + "\n" + item;
        Row r = rows.get(key);
        if (r == null) {
            rows.put(key, new Row(learner, name, item, score, max, 1, at));
        } else {
            String last = at.compareTo(r.lastSubmitted()) > 0 ? at : r.lastSubmitted();
            rows.put(key, new Row(learner, name, item, Math.max(score, r.score()), max, r.attempts() + 1, last));
        }
    }

    /** CSV with a header line, fields quoted where needed (RFC 4180), CRLF line ends. */
    public static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("learner_id,display_name,item,score,max,attempts,last_submitted\r\n");
        for (Row r : rows) {
            sb.append(field(r.learnerId())).append(',').append(field(r.displayName() == null ? "" : r.displayName())).append(',')
                    .append(field(r.item())).append(',').append(number(r.score())).append(',').append(number(r.max())).append(',')
                    .append(r.attempts()).append(',').append(field(r.lastSubmitted())).append("\r\n");
        }
        return sb.toString();
    }

    public static String json(List<Row> rows) {
        return Json.pretty(rows);
    }

    static String number(double d) {
        if (d == Math.rint(d)) return Long.toString((long) d);
        return new java.math.BigDecimal(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A CSV field: quoted when it holds a comma, quote or line break; a leading =, +, -, @, tab or CR is defused for spreadsheets. */
    static String field(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
