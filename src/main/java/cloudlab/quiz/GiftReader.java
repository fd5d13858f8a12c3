package cloudlab.quiz;

import cloudlab.lesson.Question;
import cloudlab.sim.InputException;
import cloudlab.sim.Num;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads GIFT text into draft questions. Questions are separated by blank lines; {@code //} lines
 * are comments (except {@code // cloudlab: unit X}, which gives a numeric question its unit);
 * {@code $CATEGORY:} lines are ignored because the quiz id is given separately.
 *
 * <p>Three outcomes per question: a draft; a skip, for valid GIFT that has no lab question type
 * (essay, short answer, description, several right answers); or an {@link InputException} for
 * text that is not valid GIFT, naming the line. Details the lab cannot hold are listed as lossy.
 */
final class GiftReader {
    private static final Pattern TRUTH = Pattern.compile("(?i)T|TRUE|F|FALSE");
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]{1,4})?");
    private static final Pattern UNIT = Pattern.compile("//\\s*cloudlab:\\s*unit\\s+(.+)");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A question read from GIFT, before it has its lab id. */
    record Draft(int line, String title, Question.Type type, String prompt, List<Question.Option> options, Boolean truth,
                 BigDecimal number, BigDecimal tolerance, String unit, String explanation, List<Question.Pair> pairs) {
        Question question(String id) {
            return new Question(id, type, prompt, options, truth, number, tolerance, null, unit, explanation, pairs,
                    List.of(), List.of(), null, null, null, null, List.of());
        }
    }

    /** A message about one line of the GIFT text. */
    record Note(int line, String text) {
    }

    final List<Draft> drafts = new ArrayList<>();
    final List<Note> skipped = new ArrayList<>();
    final List<Note> lossy = new ArrayList<>();

    private GiftReader() {
    }

    static GiftReader read(String gift) throws InputException {
        GiftReader r = new GiftReader();
        for (Chunk c : chunks(gift)) r.question(c);
        return r;
    }

    /** Valid GIFT the lab has no question type for: the question is skipped, not the file refused. */
    private static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    /** One question's lines (comments left out), with the file line of each. */
    private record Chunk(String text, int[] lines, String unit) {
        int lineAt(int offset) {
            int n = 0;
            for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') n++;
            return lines[n];
        }
    }

    private static List<Chunk> chunks(String gift) {
        String text = gift.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\n", -1);
        List<Chunk> out = new ArrayList<>();
        List<String> part = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String unit = null;
        for (int i = 0; i <= lines.length; i++) {
            String t = i < lines.length ? lines[i].strip() : "";
            if (t.isEmpty()) {
                if (!part.isEmpty()) out.add(new Chunk(String.join("\n", part), numbers.stream().mapToInt(Integer::intValue).toArray(), unit));
                part.clear();
                numbers.clear();
                unit = null;
            } else if (t.startsWith("//")) {
                Matcher m = UNIT.matcher(t);
                if (m.matches()) unit = m.group(1).strip();
            } else if (!(part.isEmpty() && t.startsWith("$CATEGORY:"))) {
                part.add(lines[i]);
                numbers.add(i + 1);
            }
        }
        return out;
    }

    private void question(Chunk c) throws InputException {
        String s = c.text();
        int first = c.lines()[0];
        int pos = skipSpace(s, 0, s.length());
        String title = null;
        if (s.startsWith("::", pos)) {
            int end = GiftText.find(s, "::", pos + 2);
            if (end < 0) throw fail(c.lineAt(pos), "the title opened with :: is not closed by :: (write \\: for a colon in a title)");
            title = GiftText.unescape(s.substring(pos + 2, end)).strip();
            if (title.isEmpty()) title = null;
            pos = end + 2;
        }
        int open = GiftText.find(s, "{", pos);
        int close = GiftText.find(s, "}", pos);
        if (close >= 0 && (open < 0 || close < open)) throw fail(c.lineAt(close), "a } with no { before it (write \\} for a brace in text)");
        if (open < 0) {
            skip(first, title, "it has no answer block { }, so it is a description, which has no lab question type");
            return;
        }
        if (close < 0) throw fail(c.lineAt(open), "the answer block opened with { is not closed by } (a blank line ends a question)");
        int inner = GiftText.find(s, "{", open + 1, close);
        if (inner >= 0) throw fail(c.lineAt(inner), "a { inside an answer block (write \\{ for a brace in text)");
        int again = firstOf(GiftText.find(s, "{", close + 1), GiftText.find(s, "}", close + 1));
        if (again >= 0) throw fail(c.lineAt(again), "a second answer block: a question holds one (write \\{ and \\} for braces in text)");
        String prompt = prompt(s.substring(pos, open), s.substring(close + 1), first, title);
        if (prompt.isEmpty()) throw fail(first, "the question has no text before its answer block");

        int end = close;
        String explanation = null;
        int general = GiftText.find(s, "####", open + 1, close);
        if (general >= 0) {
            explanation = nonBlank(GiftText.unescape(s.substring(general + 4, close)));
            end = general;
        }
        Body body = new Body(c, first, title, prompt, explanation, skipSpace(s, open + 1, end), end);
        try {
            drafts.add(body.read());
        } catch (Unsupported u) {
            skip(first, title, u.getMessage());
        }
    }

    /** The question text; text after the answer block makes it a missing-word question, shown with a blank. */
    private String prompt(String before, String after, int line, String title) {
        Matcher format = GiftText.FORMAT.matcher(before);
        if (format.find()) {
            if (format.group(1).equals("html")) lossy(line, title, "the text is HTML; the lab shows it as plain text");
            before = before.substring(format.end());
        }
        String text = GiftText.unescape(before);
        if (!after.isBlank()) text = text + "_____" + GiftText.unescape(after);
        return text.strip();
    }

    /** The inside of one answer block, from its first non-blank character to the general feedback. */
    private final class Body {
        private final Chunk c;
        private final String s;
        private final int line;
        private final String title;
        private final String prompt;
        private final String explanation;
        private final int from;
        private final int to;

        Body(Chunk c, int line, String title, String prompt, String explanation, int from, int to) {
            this.c = c;
            this.s = c.text();
            this.line = line;
            this.title = title;
            this.prompt = prompt;
            this.explanation = explanation;
            this.from = from;
            this.to = to;
        }

        Draft read() throws InputException, Unsupported {
            if (from >= to) throw new Unsupported("an essay question ({}) has no lab question type");
            if (s.charAt(from) == '#') return numeric();
            int hash = GiftText.find(s, "#", from, to);
            if (TRUTH.matcher(s.substring(from, hash < 0 ? to : hash).strip()).matches()) return truth(hash);
            if (GiftText.find(s, "->", from, to) >= 0) return matching();
            return choice();
        }

        private Draft truth(int hash) {
            boolean truth = Character.toUpperCase(s.charAt(from)) == 'T';
            if (hash >= 0 && !s.substring(hash, to).replace("#", "").isBlank()) {
                lossy(line, title, "the true/false answer feedback is dropped; the lab shows the explanation (####) instead");
            }
            return draft(Question.Type.TRUEFALSE, List.of(), truth, null, null, List.of());
        }

        private Draft numeric() throws InputException, Unsupported {
            int start = skipSpace(s, from + 1, to);
            List<Answer> answers = start < to && (s.charAt(start) == '=' || s.charAt(start) == '~')
                    ? answers(start, true)
                    : List.of(answer('=', start, start, to, false));
            List<Answer> right = new ArrayList<>();
            for (Answer a : answers) {
                if (a.marker() == '=' && (a.weight() == null || a.weight().compareTo(HUNDRED) == 0)) right.add(a);
                else lossy(c.lineAt(a.offset()), title, "the numeric answer " + a.text() + " (wrong or partial credit) is dropped: the lab's numeric question has one answer");
            }
            if (right.isEmpty()) throw fail(line, "no numeric answer is fully right (write {#answer:tolerance} or =answer)");
            if (right.size() > 1) throw new Unsupported(right.size() + " right numeric answers; the lab's numeric question has one answer with a tolerance");
            Answer a = right.get(0);
            if (a.feedback() != null) lossy(c.lineAt(a.offset()), title, "the feedback of the numeric answer is dropped; the lab shows the explanation (####) instead");
            int at = c.lineAt(a.offset());
            String spec = a.text();
            BigDecimal number;
            BigDecimal tolerance;
            int range = spec.indexOf("..");
            if (range >= 0) {
                BigDecimal low = number(spec.substring(0, range), at);
                BigDecimal high = number(spec.substring(range + 2), at);
                if (low.compareTo(high) > 0) throw fail(at, "the range " + spec + " goes from high to low (write {#low..high})");
                number = low.add(high).divide(BigDecimal.valueOf(2));
                tolerance = high.subtract(low).divide(BigDecimal.valueOf(2));
            } else {
                int colon = spec.indexOf(':');
                number = number(colon < 0 ? spec : spec.substring(0, colon), at);
                tolerance = colon < 0 ? BigDecimal.ZERO : number(spec.substring(colon + 1), at);
                if (tolerance.signum() < 0) throw fail(at, "the tolerance " + Num.show(tolerance) + " is negative; it is how far from the answer still counts");
            }
            return draft(Question.Type.NUMERIC, List.of(), null, Num.canonical(number), Num.canonical(tolerance), List.of());
        }

        private Draft matching() throws InputException {
            List<Question.Pair> pairs = new ArrayList<>();
            for (Answer a : answers(from, false)) {
                int at = c.lineAt(a.offset());
                if (a.marker() != '=') throw fail(at, "a matching pair starts with =, as in =left -> right");
                int arrow = GiftText.find(a.raw(), "->", 0);
                if (arrow < 0) throw fail(at, "a matching pair needs ->, as in =left -> right");
                String left = GiftText.unescape(a.raw().substring(0, arrow)).strip();
                String right = GiftText.unescape(a.raw().substring(arrow + 2)).strip();
                if (right.isEmpty()) throw fail(at, "a matching pair with nothing after ->");
                if (a.feedback() != null) lossy(at, title, "feedback on a matching pair is dropped; GIFT pairs have none");
                if (left.isEmpty()) {
                    lossy(at, title, "the extra answer \"" + right + "\" (=-> with no left side) is dropped: the lab's matching has no distractors");
                } else {
                    pairs.add(new Question.Pair(left, right));
                }
            }
            return draft(Question.Type.MATCHING, List.of(), null, null, null, pairs);
        }

        private Draft choice() throws InputException, Unsupported {
            List<Answer> answers = answers(from, true);
            for (Answer a : answers) if (a.text().isEmpty()) throw fail(c.lineAt(a.offset()), "an answer with no text");
            long rights = answers.stream().filter(a -> a.marker() == '=').count();
            if (answers.stream().noneMatch(a -> a.marker() == '~')) {
                throw new Unsupported("a short-answer question (only = answers) has no lab question type");
            }
            if (rights > 1) throw new Unsupported(rights + " answers are marked = (right); the lab's single choice has exactly one right option");
            List<Question.Option> options = new ArrayList<>();
            if (rights == 1) {
                for (Answer a : answers) {
                    if (a.marker() == '~' && a.weight() != null && a.weight().signum() > 0) {
                        lossy(c.lineAt(a.offset()), title, "the " + Num.show(a.weight()) + "% partial credit of \"" + a.text()
                                + "\" is dropped: the lab's single choice has one right option, so it counts as wrong");
                    }
                    options.add(new Question.Option(a.text(), a.marker() == '=', a.feedback()));
                }
                return draft(Question.Type.SINGLE, options, null, null, null, List.of());
            }
            // no = answer: the weights say which options are right (Moodle's "multiple answers")
            for (Answer a : answers) options.add(new Question.Option(a.text(), a.weight() != null && a.weight().signum() > 0, a.feedback()));
            int k = (int) options.stream().filter(Question.Option::correct).count();
            if (k == 0) throw fail(line, "no answer is right: mark one with = or give the right ones a positive weight such as ~%50%");
            if (!labWeights(answers, k)) {
                lossy(line, title, "the GIFT weights are not kept: the lab scores multiple choice its own way, +1/k for each right option "
                        + "and −1/k for each wrong one (k = " + k + ")");
            }
            return draft(Question.Type.MULTIPLE, options, null, null, null, List.of());
        }

        /** Whether the weights are the lab's rule: +100/k % for each right option, −100/k % for each wrong one. */
        private boolean labWeights(List<Answer> answers, int k) {
            double share = 100.0 / k;
            for (Answer a : answers) {
                if (a.weight() == null) return false;
                double w = a.weight().doubleValue();
                if (Math.abs(Math.abs(w) - share) > 0.001) return false;
            }
            return true;
        }

        private Draft draft(Question.Type type, List<Question.Option> options, Boolean truth, BigDecimal number, BigDecimal tolerance,
                            List<Question.Pair> pairs) {
            String unit = type == Question.Type.NUMERIC ? c.unit() : null;
            return new Draft(line, title, type, prompt, options, truth, number, tolerance, unit, explanation, pairs);
        }

        /** The answers of the block, each starting at an unescaped = or ~. */
        private List<Answer> answers(int start, boolean weighted) throws InputException {
            List<Integer> starts = new ArrayList<>();
            for (int i = start; i < to; i++) {
                char ch = s.charAt(i);
                if (ch == '\\') {
                    i++;
                    continue;
                }
                if (ch == '=' || ch == '~') starts.add(i);
            }
            if (starts.isEmpty() || starts.get(0) != start) {
                int stop = starts.isEmpty() ? to : starts.get(0);
                String found = s.substring(start, stop).strip();
                if (found.length() > 40) found = found.substring(0, 40) + "…";
                throw fail(c.lineAt(start), "an answer starts with = (right) or ~ (wrong); found \"" + found + "\"");
            }
            List<Answer> out = new ArrayList<>();
            for (int k = 0; k < starts.size(); k++) {
                int end = k + 1 < starts.size() ? starts.get(k + 1) : to;
                out.add(answer(s.charAt(starts.get(k)), starts.get(k), starts.get(k) + 1, end, weighted));
            }
            return out;
        }

        /** One answer: an optional %weight%, its text, and its #feedback. */
        private Answer answer(char marker, int offset, int start, int end, boolean weighted) throws InputException {
            int p = start;
            BigDecimal weight = null;
            int w = skipSpace(s, p, end);
            if (weighted && w < end && s.charAt(w) == '%') {
                int close = s.indexOf('%', w + 1);
                if (close < 0 || close >= end) throw fail(c.lineAt(w), "the weight opened with % is not closed by % (as in ~%50%)");
                String value = s.substring(w + 1, close).strip();
                if (!NUMBER.matcher(value).matches()) throw fail(c.lineAt(w), "the weight %" + value + "% is not a number (as in ~%50% or ~%-25%)");
                weight = new BigDecimal(value);
                if (weight.abs().compareTo(HUNDRED) > 0) throw fail(c.lineAt(w), "the weight %" + value + "% is not from -100 to 100 percent");
                p = close + 1;
            }
            int hash = GiftText.find(s, "#", p, end);
            String raw = s.substring(p, hash < 0 ? end : hash);
            String feedback = hash < 0 ? null : nonBlank(GiftText.unescape(s.substring(hash + 1, end)));
            return new Answer(marker, weight, raw, feedback, offset);
        }
    }

    /** One answer of a block: {@code raw} is still escaped, so matching can find its arrow. */
    private record Answer(char marker, BigDecimal weight, String raw, String feedback, int offset) {
        String text() {
            return GiftText.unescape(raw).strip();
        }
    }

    private static BigDecimal number(String text, int line) throws InputException {
        String t = text.strip();
        if (!NUMBER.matcher(t).matches()) throw fail(line, "\"" + t + "\" is not a number (write {#answer:tolerance} or {#low..high})");
        return new BigDecimal(t);
    }

    private void skip(int line, String title, String reason) {
        skipped.add(new Note(line, "skipped " + (title == null ? "a question" : "\"" + title + "\"") + ": " + reason));
    }

    private void lossy(int line, String title, String text) {
        lossy.add(new Note(line, (title == null ? "" : "\"" + title + "\": ") + text));
    }

    private static InputException fail(int line, String problem) {
        return new InputException("line " + line + ": " + problem);
    }

    private static int skipSpace(String s, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static int firstOf(int a, int b) {
        if (a < 0) return b;
        if (b < 0) return a;
        return Math.min(a, b);
    }

    private static String nonBlank(String s) {
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
