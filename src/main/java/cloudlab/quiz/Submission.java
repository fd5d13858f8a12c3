package cloudlab.quiz;

import cloudlab.lesson.Question;
import cloudlab.sim.InputException;
import cloudlab.sim.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A learner's answer to one question: the chosen options (by index), a true/false, or a number.
 * It is stored as JSON so a grade can always be recomputed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Submission(List<Integer> choices, Boolean truth, BigDecimal number) {

    /**
     * Reads an answer from form values: {@code choice} (one or, for multiple choice, several option
     * numbers) or {@code answer} (true/false or a number). The message names the field and rule.
     */
    public static Submission fromForm(Question q, List<String> choice, String answer) throws InputException {
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                if (choice == null || choice.isEmpty()) throw new InputException("choice: pick " + (q.type() == Question.Type.SINGLE ? "an option" : "at least one option"));
                if (q.type() == Question.Type.SINGLE && choice.size() > 1) throw new InputException("choice: pick exactly one option");
                TreeSet<Integer> picked = new TreeSet<>();
                for (String c : choice) {
                    int i;
                    try {
                        i = Integer.parseInt(c.strip());
                    } catch (NumberFormatException e) {
                        throw new InputException("choice: must be an option number (got " + shorten(c) + ")");
                    }
                    if (i < 0 || i >= q.options().size()) {
                        throw new InputException("choice: must be an option number from 0 to " + (q.options().size() - 1) + " (got " + i + ")");
                    }
                    picked.add(i);
                }
                return new Submission(new ArrayList<>(picked), null, null);
            }
            case TRUEFALSE -> {
                if ("true".equals(answer)) return new Submission(null, true, null);
                if ("false".equals(answer)) return new Submission(null, false, null);
                throw new InputException("answer: choose true or false");
            }
            default -> {
                if (answer == null || answer.isBlank()) throw new InputException("answer: type a number");
                try {
                    BigDecimal n = new BigDecimal(answer.strip().replace(",", "."));
                    if (n.abs().compareTo(new BigDecimal("1e12")) > 0) throw new InputException("answer: must be a number below a trillion");
                    return new Submission(null, null, n);
                } catch (NumberFormatException e) {
                    throw new InputException("answer: must be a number, like 3 or 42.5 (got " + shorten(answer) + ")");
                }
            }
        }
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

    private static String shorten(String s) {
        return "\"" + (s.length() > 30 ? s.substring(0, 27) + "..." : s) + "\"";
    }
}
