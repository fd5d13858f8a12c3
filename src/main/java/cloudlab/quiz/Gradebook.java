package cloudlab.quiz;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.progress.Learner;
import cloudlab.progress.LearnerProgress;
import cloudlab.progress.Progress;
import cloudlab.sim.document.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The gradebook: one row per learner and item (a quiz question or a challenge), with the score that
 * counts ({@link Scores}: under the item's {@link AttemptPolicy}, named in the row), the most it could
 * be, the number of attempts and when the last one came. The course-wide rows hold the items a learner
 * attempted; a workshop's ({@link #rows(List, Map, Progress)}) every item of its lessons, 0 for one not tried. Exported as CSV that opens cleanly in a spreadsheet, and as JSON.
 */
public final class Gradebook {
    /** Quotes every cell, so a spreadsheet reads each as the text it is (RFC 4180 quoting, doubled quotes inside). */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS).build();
    /** The byte order mark that tells a spreadsheet the file is UTF-8 (accented names read right). */
    public static final String BOM = "\uFEFF";

    private Gradebook() {
    }

    /**
     * One line of the gradebook; {@code policy} names how the score counts ("Practice", "Graded: 2 attempts");
     * {@code workshopId} and {@code workshop} (its title) say where the work was done, both null for self-study.
     */
    public record Row(String learnerId, String displayName, String item, double score, double max, int attempts, String lastSubmitted,
                      String policy, String workshopId, String workshop) {
        public Row(String learnerId, String displayName, String item, double score, double max, int attempts, String lastSubmitted,
                   String policy) {
            this(learnerId, displayName, item, score, max, attempts, lastSubmitted, policy, null, null);
        }

        public Row(String learnerId, String displayName, String item, double score, double max, int attempts, String lastSubmitted) {
            this(learnerId, displayName, item, score, max, attempts, lastSubmitted, null);
        }

        /** The same row under another name (a workshop's members are listed by the names they joined with). */
        public Row withName(String name) {
            return new Row(learnerId, name, item, score, max, attempts, lastSubmitted, policy, workshopId, workshop);
        }

        /** The same row marked as work done in that workshop (its id and title). */
        public Row in(String id, String title) {
            return new Row(learnerId, displayName, item, score, max, attempts, lastSubmitted, policy, id, title);
        }
    }

    /** Every learner's rows over the course's items, in the course's order; items no longer in it come last. */
    public static List<Row> rows(Course course, Progress progress) {
        return rows(course, progress, Progress.Scope.ALL);
    }

    /**
     * As above, counting only the work done within the scope (self-study, or one workshop's); a
     * learner with no work there has no rows.
     */
    public static List<Row> rows(Course course, Progress progress, Progress.Scope scope) {
        List<Lesson> lessons = course == null ? List.of() : course.lessons();
        List<Row> out = new ArrayList<>();
        for (Learner l : progress.learnersWithWork()) out.addAll(rows(lessons, l.id(), l.displayName(), progress.of(l.id(), scope), true));
        return out;
    }

    /**
     * The rows of some learners (by id, with the names to show) over some lessons' items alone:
     * a workshop's results. Every learner gets a row for every item, 0 with no attempts for one they
     * have not tried.
     */
    public static List<Row> rows(List<Lesson> lessons, Map<String, String> names, Progress progress) {
        return rows(lessons, names, progress::of);
    }

    /** As above, each learner's work read by {@code progressOf} (a workshop's rows read only the work done in it). */
    public static List<Row> rows(List<Lesson> lessons, Map<String, String> names, java.util.function.Function<String, LearnerProgress> progressOf) {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, String> n : names.entrySet()) {
            LearnerProgress p = progressOf.apply(n.getKey());
            for (Lesson l : lessons) {
                for (Scores.Item i : Scores.items(l)) {
                    out.add(Scores.of(i, p).map(s -> new Row(n.getKey(), n.getValue(), i.key(), s.score(), s.max(), s.attempts(), s.lastAt(),
                            s.policyLabel())).orElse(new Row(n.getKey(), n.getValue(), i.key(), 0, 1, 0, null, i.policy().label())));
                }
            }
        }
        return out;
    }

    /** One learner's rows: an item they attempted, with the score {@link Scores} counts; {@code strays} adds items no lesson holds. */
    private static List<Row> rows(List<Lesson> lessons, String learnerId, String name, LearnerProgress p, boolean strays) {
        Map<String, Scores.Item> items = new java.util.LinkedHashMap<>();
        for (Lesson l : lessons) for (Scores.Item i : Scores.items(l)) items.putIfAbsent(i.key(), i);
        if (strays) {
            TreeMap<String, Scores.Item> others = new TreeMap<>();
            for (LearnerProgress.Answer a : p.answers().values()) {
                Scores.Item i = Scores.Item.question(a.quizId(), a.questionId());
                if (!items.containsKey(i.key())) others.put(i.key(), i);
            }
            for (String c : p.challenges().keySet()) {
                Scores.Item i = Scores.Item.challenge(c);
                if (!items.containsKey(i.key())) others.put(i.key(), i);
            }
            items.putAll(others);
        }
        List<Row> out = new ArrayList<>();
        for (Scores.Item i : items.values()) {
            Scores.of(i, p).ifPresent(s -> out.add(new Row(learnerId, name, i.key(), s.score(), s.max(), s.attempts(), s.lastAt(),
                    s.policyLabel())));
        }
        return out;
    }

    /**
     * CSV for a spreadsheet ({@link #table}); after each learner's rows in one workshop (or in
     * self-study) a {@code total} line adds up their scores, maxima and attempts there.
     */
    public static String csv(List<Row> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("learner_id", "display_name", "item", "policy", "score", "max", "attempts", "last_submitted", "workshop_id", "workshop"));
        for (int at = 0; at < rows.size(); ) {
            Row first = rows.get(at);
            double score = 0;
            double max = 0;
            int attempts = 0;
            String last = null;
            for (; at < rows.size() && sameBlock(rows.get(at), first); at++) {
                Row r = rows.get(at);
                lines.add(line(r, r.item(), r.policy(), r.score(), r.max(), r.attempts(), r.lastSubmitted()));
                score += r.score();
                max += r.max();
                attempts += r.attempts();
                if (r.lastSubmitted() != null && (last == null || r.lastSubmitted().compareTo(last) > 0)) last = r.lastSubmitted();
            }
            lines.add(line(first, "total", null, score, max, attempts, last));
        }
        return table(lines);
    }

    /** Whether two rows are one learner's in one place (a workshop, or self-study). */
    private static boolean sameBlock(Row r, Row first) {
        return r.learnerId().equals(first.learnerId()) && java.util.Objects.equals(r.workshopId(), first.workshopId());
    }

    private static List<String> line(Row r, String item, String policy, double score, double max, int attempts, String last) {
        return List.of(r.learnerId(), orEmpty(r.displayName()), item, orEmpty(policy), number(score), number(max), Integer.toString(attempts),
                orEmpty(last), orEmpty(r.workshopId()), orEmpty(r.workshop()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Lines of cells as CSV for a spreadsheet: a UTF-8 byte order mark, CRLF line ends, every cell
     * quoted and defused ({@link #defused}). Every CSV download writes through this.
     */
    public static String table(List<List<String>> lines) {
        return BOM + write(lines.stream().map(l -> l.stream().map(Gradebook::defused).toList()).toList(), "\r\n");
    }

    public static String json(List<Row> rows) {
        return Json.pretty(rows);
    }

    public static String number(double d) {
        if (d == Math.rint(d)) return Long.toString((long) d);
        return new java.math.BigDecimal(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * A cell a spreadsheet will show as text: one whose first character, or first after leading
     * blanks or control characters, or any line's first, is =, +, -, @, a tab or a CR (which a
     * spreadsheet could run as a formula) gets a leading apostrophe.
     */
    static String defused(String cell) {
        for (String line : cell.split("[\\r\\n]", -1)) {
            String t = line.replaceFirst("^[\\s\\p{Cntrl}]+", "");
            if ((!line.isEmpty() && "=+-@\t\r".indexOf(line.charAt(0)) >= 0) || (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0)) {
                return "'" + cell;
            }
        }
        return cell;
    }

    /** One cell as the CSV holds it: defused, then quoted where needed. */
    static String field(String s) {
        return write(List.of(List.of(defused(s))), "");
    }

    private static String write(List<List<String>> lines, String lineEnd) {
        try {
            return CSV.writer(CsvSchema.emptySchema().withLineSeparator(lineEnd)).writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of texts is always writable as CSV", e);
        }
    }
}
