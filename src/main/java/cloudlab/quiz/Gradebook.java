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
 * The gradebook: one row per learner and item (a quiz question or a challenge) that the learner
 * attempted, with the score that counts ({@link Scores}: the best attempt), the most it could be,
 * the number of attempts and when the last one came. Exported as CSV that opens cleanly in a spreadsheet, and as JSON.
 */
public final class Gradebook {
    /** Quotes a cell only when it must be (a comma, quote or line break in it), as RFC 4180 does. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private Gradebook() {
    }

    /** One line of the gradebook. */
    public record Row(String learnerId, String displayName, String item, double score, double max, int attempts, String lastSubmitted) {
    }

    /** Every learner's rows over the course's items, in the course's order; items no longer in it come last. */
    public static List<Row> rows(Course course, Progress progress) {
        List<Lesson> lessons = course == null ? List.of() : course.lessons();
        List<Row> out = new ArrayList<>();
        for (Learner l : progress.learnersWithWork()) out.addAll(rows(lessons, l.id(), l.displayName(), progress.of(l.id()), true));
        return out;
    }

    /**
     * The rows of some learners (by id, with the names to show) over some lessons' items alone:
     * a workshop's results.
     */
    public static List<Row> rows(List<Lesson> lessons, Map<String, String> names, Progress progress) {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, String> n : names.entrySet()) out.addAll(rows(lessons, n.getKey(), n.getValue(), progress.of(n.getKey()), false));
        return out;
    }

    /** One learner's rows: an item they attempted, with the score {@link Scores} counts; {@code strays} adds items no lesson holds. */
    private static List<Row> rows(List<Lesson> lessons, String learnerId, String name, LearnerProgress p, boolean strays) {
        Set<Scores.Item> items = new LinkedHashSet<>();
        for (Lesson l : lessons) items.addAll(Scores.items(l));
        if (strays) {
            TreeMap<String, Scores.Item> others = new TreeMap<>();
            for (LearnerProgress.Answer a : p.answers().values()) {
                Scores.Item i = Scores.Item.question(a.quizId(), a.questionId());
                if (!items.contains(i)) others.put(i.key(), i);
            }
            for (String c : p.challenges().keySet()) {
                Scores.Item i = Scores.Item.challenge(c);
                if (!items.contains(i)) others.put(i.key(), i);
            }
            items.addAll(others.values());
        }
        List<Row> out = new ArrayList<>();
        for (Scores.Item i : items) {
            Scores.of(i, p).ifPresent(s -> out.add(new Row(learnerId, name, i.key(), s.score(), s.max(), s.attempts(), s.lastAt())));
        }
        return out;
    }

    /**
     * CSV with a header line and CRLF line ends, fields quoted where needed (RFC 4180), written by
     * Jackson's CSV writer; every cell is defused for spreadsheets ({@link #defused}).
     */
    public static String csv(List<Row> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("learner_id", "display_name", "item", "score", "max", "attempts", "last_submitted"));
        for (Row r : rows) {
            lines.add(List.of(r.learnerId(), r.displayName() == null ? "" : r.displayName(), r.item(), number(r.score()), number(r.max()),
                    Integer.toString(r.attempts()), r.lastSubmitted() == null ? "" : r.lastSubmitted()));
        }
        return write(lines.stream().map(l -> l.stream().map(Gradebook::defused).toList()).toList(), "\r\n");
    }

    public static String json(List<Row> rows) {
        return Json.pretty(rows);
    }

    static String number(double d) {
        if (d == Math.rint(d)) return Long.toString((long) d);
        return new java.math.BigDecimal(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * A cell a spreadsheet will show as text: one starting with =, +, -, @, a tab or a CR (which
     * a spreadsheet could run as a formula) gets a leading apostrophe.
     */
    static String defused(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
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
