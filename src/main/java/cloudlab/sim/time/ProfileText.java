package cloudlab.sim.time;

import cloudlab.sim.InputException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load profile as one line a learner can type in a form, and back: {@code 75} (constant),
 * {@code 25 from 0, 75 from 20} (steps), {@code 30/90 every 10} (a repeating pattern) and
 * {@code wave 10-90 every 60 seed 3} (a named shape: wave, bursts or random). What {@link #format}
 * writes, {@link #parse} reads back to the same profile; the ranges are {@link LoadRules}'s.
 */
public final class ProfileText {
    private static final String NUMBER = "(\\d+(?:[.,]\\d+)?)";
    private static final Pattern STEP = Pattern.compile(NUMBER + "\\s*%?\\s+from\\s+(\\d+)\\s*s?");
    private static final Pattern PATTERN = Pattern.compile("((?:" + NUMBER + "\\s*/\\s*)+" + NUMBER + ")\\s*%?\\s+every\\s+(\\d+)\\s*s?");
    private static final Pattern SHAPE = Pattern.compile("(wave|bursts|random)\\s+" + NUMBER + "\\s*-\\s*" + NUMBER
            + "\\s*%?\\s+every\\s+(\\d+)\\s*s?(?:\\s+seed\\s+(\\d+))?");

    private ProfileText() {
    }

    /** The profile as a line of the form's syntax. */
    public static String format(Profile p) {
        if (p instanceof Profile.Constant c) return Profile.show(c.percent());
        if (p instanceof Profile.Steps s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.starts().length; i++) {
                b.append(i == 0 ? "" : ", ").append(Profile.show(s.percents()[i])).append(" from ").append(s.starts()[i]);
            }
            return b.toString();
        }
        if (p instanceof Profile.Pattern pt) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < pt.percents().length; i++) b.append(i == 0 ? "" : "/").append(Profile.show(pt.percents()[i]));
            return b.append(" every ").append(pt.every()).toString();
        }
        Profile.Shape sh = (Profile.Shape) p;
        return sh.kind().word() + " " + Profile.show(sh.low()) + "-" + Profile.show(sh.high()) + " every " + sh.period() + " seed " + sh.seed();
    }

    /**
     * The profile a line names; {@code field} starts the message of a line that names none or breaks
     * a range ("cpuDemand: must be a percent like 75, ...").
     */
    public static Profile parse(String text, String field) throws InputException {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Profile p = read(t, field);
        String problem = LoadRules.profile(p);
        if (problem != null) throw new InputException(field + ": " + problem);
        return p;
    }

    private static Profile read(String t, String field) throws InputException {
        try {
            if (t.matches(NUMBER + "\\s*%?")) return new Profile.Constant(number(t.replace("%", "").strip()));
            Matcher m = SHAPE.matcher(t);
            if (m.matches()) {
                Profile.Shape.Kind kind = Profile.Shape.Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
                double low = number(m.group(2));
                double high = number(m.group(3));
                if (low > high) throw new InputException(field + ": the low percent must be at most the high one (" + text(low) + " is above " + text(high) + ")");
                return new Profile.Shape(kind, low, high, whole(m.group(4), field), m.group(5) == null ? 0 : whole(m.group(5), field));
            }
            m = PATTERN.matcher(t);
            if (m.matches()) {
                String[] parts = m.group(1).split("/");
                double[] values = new double[parts.length];
                for (int i = 0; i < parts.length; i++) values[i] = number(parts[i].strip());
                return new Profile.Pattern(values, Math.max(1, whole(m.group(m.groupCount()), field)));
            }
            String[] steps = t.split(",(?=\\s*\\d+(?:[.,]\\d+)?\\s*%?\\s+from)");
            long[] starts = new long[steps.length];
            double[] percents = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                Matcher s = STEP.matcher(steps[i].strip());
                if (!s.matches()) throw new InputException(field + ": " + RULE);
                percents[i] = number(s.group(1));
                starts[i] = whole(s.group(2), field);
            }
            if (starts[0] != 0) throw new InputException(field + ": the first step starts at second 0 (write \"… from 0\")");
            return new Profile.Steps(starts, percents);
        } catch (IllegalArgumentException e) {
            throw new InputException(field + ": " + RULE);
        }
    }

    private static final String RULE = "must be a percent like 75, steps like \"25 from 0, 75 from 20\", a pattern like"
            + " \"30/90 every 10\" or a shape like \"wave 10-90 every 60 seed 3\"";

    private static double number(String s) {
        return Double.parseDouble(s.replace(',', '.'));
    }

    private static int whole(String s, String field) throws InputException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InputException(field + ": seconds must be a whole number up to " + WorkloadReader.MAX_SECONDS);
        }
    }

    private static String text(double v) {
        return Profile.show(v);
    }
}
