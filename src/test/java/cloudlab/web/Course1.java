package cloudlab.web;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.sim.RegionCatalog;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkout's course as the lab reads it, and the right (or wrong) answers to its quiz
 * questions worked out from the lesson files, so tests never hard-code an answer key.
 */
public final class Course1 {
    private Course1() {
    }

    public static Course course() {
        return Course.load(Path.of("lessons").toAbsolutePath(), RegionCatalog.builtIn());
    }

    public static Lesson first() {
        return course().lessons().get(0);
    }

    /** The form body that answers the question correctly. */
    public static String rightForm(Question q) {
        return switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                List<String> pairs = new ArrayList<>();
                for (int i : rightChoices(q)) {
                    pairs.add("choice");
                    pairs.add(Integer.toString(i));
                }
                yield WebClient.form(pairs.toArray(String[]::new));
            }
            case TRUEFALSE -> WebClient.form("answer", q.truth().toString());
            case NUMERIC -> WebClient.form("answer", q.number().toPlainString());
            case PREDICT -> WebClient.form("answer", q.answersTruth() ? q.truth().toString() : q.number().toPlainString());
            case MATCHING -> {
                List<String> pairs = new ArrayList<>();
                for (int i = 0; i < q.pairs().size(); i++) {
                    pairs.add("match-" + i);
                    pairs.add(Integer.toString(q.rights().indexOf(q.pairs().get(i).right())));
                }
                yield WebClient.form(pairs.toArray(String[]::new));
            }
            case ORDERING -> {
                List<String> pairs = new ArrayList<>();
                for (int i = 0; i < q.items().size(); i++) {
                    pairs.add("position-" + i);
                    pairs.add(Integer.toString(i + 1));
                }
                yield WebClient.form(pairs.toArray(String[]::new));
            }
            case CHALLENGE -> throw new IllegalArgumentException(q.id() + " is answered in a sandbox");
        };
    }

    /** A form body that answers the question wrongly (scoring 0). */
    public static String wrongForm(Question q) {
        return switch (q.type()) {
            case SINGLE, MULTIPLE -> WebClient.form("choice", Integer.toString(wrongChoice(q)));
            case TRUEFALSE -> WebClient.form("answer", Boolean.toString(!q.truth()));
            case PREDICT, NUMERIC -> {
                if (q.answersTruth()) yield WebClient.form("answer", Boolean.toString(!q.truth()));
                BigDecimal off = q.tolerance() == null ? BigDecimal.ONE : q.tolerance().add(BigDecimal.ONE);
                yield WebClient.form("answer", q.number().add(off.multiply(BigDecimal.TEN)).toPlainString());
            }
            case MATCHING -> {
                List<String> pairs = new ArrayList<>();
                int n = q.rights().size();
                for (int i = 0; i < q.pairs().size(); i++) {
                    pairs.add("match-" + i);
                    pairs.add(Integer.toString((q.rights().indexOf(q.pairs().get(i).right()) + 1) % n));
                }
                yield WebClient.form(pairs.toArray(String[]::new));
            }
            case ORDERING -> {
                List<String> pairs = new ArrayList<>();
                int n = q.items().size();
                for (int i = 0; i < n; i++) {
                    pairs.add("position-" + i);
                    pairs.add(Integer.toString((i + 1) % n + 1));
                }
                yield WebClient.form(pairs.toArray(String[]::new));
            }
            case CHALLENGE -> throw new IllegalArgumentException(q.id() + " is answered in a sandbox");
        };
    }

    static List<Integer> rightChoices(Question q) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) if (q.options().get(i).correct()) out.add(i);
        return out;
    }

    static int wrongChoice(Question q) {
        for (int i = 0; i < q.options().size(); i++) if (!q.options().get(i).correct()) return i;
        throw new IllegalStateException(q.id() + " has no wrong option");
    }

    /** The first question of the lesson's quiz of the given type. */
    static Question ofType(Lesson lesson, Question.Type type) {
        return lesson.quiz().questions().stream().filter(q -> q.type() == type).findFirst()
                .orElseThrow(() -> new IllegalStateException(lesson.source() + " has no " + type.word() + " question"));
    }
}
