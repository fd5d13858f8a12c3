package cloudlab.quiz;

import cloudlab.lesson.LessonReader;
import cloudlab.lesson.Question;
import cloudlab.sim.InputException;
import cloudlab.sim.Num;
import cloudlab.sim.RegionCatalog;

import java.util.List;

/**
 * Writes imported questions as the YAML of a {@code quiz} block, and checks one question with the
 * real lesson reader so that only questions a lesson accepts are written. Every text is
 * double-quoted with escapes: a GIFT text may hold anything, and a plain YAML scalar would turn
 * {@code yes}, {@code 12} or {@code a: b} into something else.
 */
final class GiftYaml {
    private static final String CHECK_FILE = "gift-check.md";

    private GiftYaml() {
    }

    static String quiz(String id, List<Question> questions, List<String> comments) {
        StringBuilder y = new StringBuilder();
        for (String c : comments) y.append("# ").append(c.replace('\n', ' ')).append('\n');
        y.append("id: ").append(quote(id)).append('\n');
        y.append("questions:\n");
        for (Question q : questions) question(y, q);
        return y.toString();
    }

    private static void question(StringBuilder y, Question q) {
        y.append("  - id: ").append(quote(q.id())).append('\n');
        y.append("    type: ").append(q.type().word()).append('\n');
        y.append("    prompt: ").append(quote(q.prompt())).append('\n');
        if (!q.options().isEmpty()) {
            y.append("    options:\n");
            for (Question.Option o : q.options()) {
                y.append("      - text: ").append(quote(o.text())).append('\n');
                if (o.correct()) y.append("        correct: true\n");
                if (o.feedback() != null) y.append("        feedback: ").append(quote(o.feedback())).append('\n');
            }
        }
        if (q.truth() != null) y.append("    answer: ").append(q.truth()).append('\n');
        if (q.number() != null) {
            y.append("    answer: ").append(Num.show(q.number())).append('\n');
            y.append("    tolerance: ").append(Num.show(q.tolerance())).append('\n');
        }
        if (q.unit() != null) y.append("    unit: ").append(quote(q.unit())).append('\n');
        if (!q.pairs().isEmpty()) {
            y.append("    pairs:\n");
            for (Question.Pair p : q.pairs()) {
                y.append("      - left: ").append(quote(p.left())).append('\n');
                y.append("        right: ").append(quote(p.right())).append('\n');
            }
        }
        if (q.explanation() != null) y.append("    explanation: ").append(quote(q.explanation())).append('\n');
    }

    /** A YAML double-quoted scalar; line breaks and characters YAML refuses or folds are escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= '\uFFFE') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A minimal lesson around a quiz block: what the lesson reader needs to read the block. */
    static String lesson(String quizYaml) {
        return "---\ntitle: GIFT import\norder: 1\nsummary: Questions imported from GIFT.\nteaches:\n  - answer imported questions\n"
                + "minutes: 1\n---\n\n```quiz\n" + quizYaml + "```\n";
    }

    /** Why the lesson reader refuses the question, or null when it accepts it. */
    static String problem(Question q) {
        try {
            LessonReader.read(lesson(quiz("gift-check", List.of(q), List.of())), CHECK_FILE, null, RegionCatalog.builtIn());
            return null;
        } catch (InputException e) {
            // keep what the reader says about the question, not the place in the scratch lesson
            String m = e.getMessage().replaceFirst("^" + CHECK_FILE.replace(".", "\\.") + ": quiz block at line \\d+: ", "");
            m = m.replaceFirst("^questions\\[0]", "");
            if (m.startsWith(".")) m = m.substring(1);
            if (m.startsWith(": ")) m = m.substring(2);
            return m;
        }
    }
}
