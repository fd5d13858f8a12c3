package cloudlab.sim;

import java.math.BigDecimal;

/** Small helpers for the exact decimal arithmetic that capacity uses. */
public final class Num {
    private Num() {
    }

    /** A decimal for display: no trailing zeros, never in exponent form ({@code 3.3}, {@code 16}). */
    public static String show(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        // a document may write 1e999999999: its plain form has a billion digits, so keep the exponent
        if (Math.abs((long) v.scale()) > 100) return v.toString();
        if (v.scale() < 0) v = v.setScale(0);
        return v.toPlainString();
    }

    /** The canonical form of a decimal: the same value with no trailing zeros and no negative scale. */
    public static BigDecimal canonical(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** How many digits the value needs after the point ({@code 1.50} needs 1). */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    public static BigDecimal dec(long value) {
        return BigDecimal.valueOf(value);
    }

    /** "1 vCPU", "2 vCPUs": a count with its noun, plural when it is not exactly one. */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    public static String count(BigDecimal n, String singular, String plural) {
        return show(n) + " " + (n.compareTo(BigDecimal.ONE) == 0 ? singular : plural);
    }
}
