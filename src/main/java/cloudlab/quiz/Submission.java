package cloudlab.quiz;

import cloudlab.lesson.Question;
import cloudlab.sim.InputException;
import cloudlab.sim.document.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A learner's answer to one question: the chosen options (by index), a true/false, a number,
 * the right side chosen for each left side of a matching question, or the position given to
 * each item of an ordering question. Stored as JSON so a grade can always be recomputed. Its
 * lists are unmodifiable copies, so a submission is a value (the lab keeps rendered answers
 * under it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Submission(List<Integer> choices, Boolean truth, BigDecimal number, List<Integer> matches, List<Integer> positions) {

    public Submission {
        choices = frozen(choices);
        matches = frozen(matches);
        positions = frozen(positions);
    }

    /** An unmodifiable copy that, unlike {@code List.copyOf}, keeps null elements (an API body may hold them, and {@link #problemWith} names them). */
    static <T> List<T> frozen(List<T> list) {
        return list == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** A form's fields: {@code choice} (repeatable), {@code answer}, {@code match-N}, {@code position-N}. */
    public static Submission fromForm(Question q, Map<String, List<String>> form) throws InputException {
        List<String> choice = form.getOrDefault("choice", List.of());
        String answer = first(form, "answer");
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                if (choice.isEmpty()) throw new InputException("choice: pick " + (q.type() == Question.Type.SINGLE ? "an option" : "at least one option"));
                if (q.type() == Question.Type.SINGLE && choice.size() > 1) throw new InputException("choice: pick exactly one option");
                TreeSet<Integer> picked = new TreeSet<>();
                for (String c : choice) picked.add(index("choice", c, q.options().size(), "an option number"));
                return new Submission(new ArrayList<>(picked), null, null, null, null);
            }
            case MATCHING -> {
                List<Integer> matches = new ArrayList<>();
                for (int i = 0; i < q.pairs().size(); i++) {
                    String v = first(form, "match-" + i);
                    if (v == null || v.isBlank()) throw new InputException("match-" + i + ": choose a match for \"" + q.pairs().get(i).left() + "\"");
                    matches.add(index("match-" + i, v, q.rights().size(), "a choice number"));
                }
                return new Submission(null, null, null, matches, null);
            }
            case ORDERING -> {
                List<Integer> positions = new ArrayList<>();
                Set<Integer> used = new HashSet<>();
                for (int i = 0; i < q.items().size(); i++) {
                    String v = first(form, "position-" + i);
                    if (v == null || v.isBlank()) throw new InputException("position-" + i + ": give \"" + q.items().get(i) + "\" a position");
                    int pos;
                    try {
                        pos = Integer.parseInt(v.strip());
                    } catch (NumberFormatException e) {
                        throw new InputException("position-" + i + ": must be a position from 1 to " + q.items().size() + " (got " + shorten(v) + ")");
                    }
                    if (pos < 1 || pos > q.items().size()) {
                        throw new InputException("position-" + i + ": must be a position from 1 to " + q.items().size() + " (got " + pos + ")");
                    }
                    if (!used.add(pos)) throw new InputException("position-" + i + ": position " + pos + " is given twice; use each position once");
                    positions.add(pos);
                }
                return new Submission(null, null, null, null, positions);
            }
            case CHALLENGE -> throw new InputException("a challenge is answered by checking its sandbox");
            default -> {
                if (q.answersTruth()) {
                    if ("true".equals(answer)) return new Submission(null, true, null, null, null);
                    if ("false".equals(answer)) return new Submission(null, false, null, null, null);
                    throw new InputException("answer: choose true or false");
                }
                return new Submission(null, null, number(answer), null, null);
            }
        }
    }

    private static BigDecimal number(String answer) throws InputException {
        if (answer == null || answer.isBlank()) throw new InputException("answer: type a number");
        try {
            BigDecimal n = new BigDecimal(answer.strip().replace(",", "."));
            if (n.abs().compareTo(new BigDecimal("1e12")) > 0) throw new InputException("answer: must be a number below a trillion");
            return n;
        } catch (NumberFormatException e) {
            throw new InputException("answer: must be a number, like 3 or 42.5 (got " + shorten(answer) + ")");
        }
    }

    private static int index(String field, String value, int count, String noun) throws InputException {
        int i;
        try {
            i = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InputException(field + ": must be " + noun + " (got " + shorten(value) + ")");
        }
        if (i < 0 || i >= count) throw new InputException(field + ": must be " + noun + " from 0 to " + (count - 1) + " (got " + i + ")");
        return i;
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * Checks an answer that came in as JSON (the grading API, a stored attempt) against the
     * question's shape; null when it fits, else why not.
     */
    public String problemWith(Question q) {
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                if (choices == null || choices.isEmpty()) return "choices: pick at least one option";
                if (choices.stream().anyMatch(java.util.Objects::isNull)) return "choices: each choice is an option number, not null";
                if (q.type() == Question.Type.SINGLE && choices.size() != 1) return "choices: pick exactly one option";
                for (int c : choices) if (c < 0 || c >= q.options().size()) return "choices: " + c + " is not an option number";
                if (new HashSet<>(choices).size() != choices.size()) return "choices: an option is chosen twice";
            }
            case MATCHING -> {
                if (matches == null || matches.size() != q.pairs().size()) return "matches: give one match for each of the " + q.pairs().size() + " items";
                if (matches.stream().anyMatch(java.util.Objects::isNull)) return "matches: each match is a choice number, not null";
                for (int m : matches) if (m < 0 || m >= q.rights().size()) return "matches: " + m + " is not a choice number";
            }
            case ORDERING -> {
                if (positions == null || positions.size() != q.items().size()) return "positions: give a position to each of the " + q.items().size() + " items";
                if (positions.stream().anyMatch(java.util.Objects::isNull)) return "positions: each position is a number, not null";
                if (!new HashSet<>(positions).equals(new HashSet<>(range(q.items().size())))) return "positions: use each position from 1 to " + q.items().size() + " once";
            }
            case CHALLENGE -> {
                return "a challenge is answered with a layout";
            }
            default -> {
                if (q.answersTruth() && truth == null) return "truth: answer true or false";
                if (q.answersNumber() && number == null) return "number: give a number";
            }
        }
        return null;
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(i);
        return out;
    }

    public String toJson() {
        return Json.line(this);
    }

    public static Submission fromJson(String json) {
        try {
            return Json.mapper().readValue(json, Submission.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored answer is not readable: " + json, e);
        }
    }

    /** Whether option i was chosen. */
    public boolean chose(int i) {
        return choices != null && choices.contains(i);
    }

    /** The right side chosen for left side i, or -1. */
    public int matchOf(int i) {
        return matches != null && i < matches.size() ? matches.get(i) : -1;
    }

    /** The position given to item i, or 0. */
    public int positionOf(int i) {
        return positions != null && i < positions.size() ? positions.get(i) : 0;
    }

    private static String shorten(String s) {
        return "\"" + (s.length() > 30 ? s.substring(0, 27) + "..." : s) + "\"";
    }
}
