package cloudlab.sim;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The field rules of a layout (contract section 1) as small checks shared by the document
 * reader and the command decider. Each returns null when the value is fine, or the end of a
 * sentence saying what is wrong ("must be a whole number from 1 to 4096 (got 0)").
 */
public final class Rules {
    public static final int MAX_CORES = 4096;
    public static final int MAX_MIN_RUNNING = 100_000;
    public static final BigDecimal MAX_SIZE_GIB = new BigDecimal("10000000");
    public static final int MAX_NAME_LENGTH = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Rules() {
    }

    public static String id(String value) {
        if (value != null && ID.matcher(value).matches()) return null;
        return "must be 1 to 64 letters, digits, '.', '_' or '-' (got " + quote(value) + ")";
    }

    public static String userName(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) return "must be 1 to 64 characters (got " + quote(value) + ")";
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) return "must not hold control characters";
        }
        return null;
    }

    public static String layoutName(String value) {
        if (value != null && value.length() > MAX_NAME_LENGTH) {
            return "must be at most " + MAX_NAME_LENGTH + " characters (got " + value.length() + ")";
        }
        return null;
    }

    /** For {@code cores} and {@code vcpus}. */
    public static String coreCount(long value) {
        return wholeInRange(value, 1, MAX_CORES);
    }

    public static String minRunning(long value) {
        return wholeInRange(value, 1, MAX_MIN_RUNNING);
    }

    private static String wholeInRange(long value, long min, long max) {
        if (value >= min && value <= max) return null;
        return "must be a whole number from " + min + " to " + max + " (got " + value + ")";
    }

    /** For {@code storageGiB} and {@code diskGiB}: 0 to 10,000,000 with at most 3 decimals. */
    public static String size(BigDecimal value) {
        return size(value, false);
    }

    /** For {@code memoryGiB}: above 0, up to 10,000,000, at most 3 decimals. */
    public static String memory(BigDecimal value) {
        return size(value, true);
    }

    private static String size(BigDecimal value, boolean aboveZero) {
        String range = aboveZero ? "above 0 and at most 10000000" : "from 0 to 10000000";
        if (value.signum() < 0 || (aboveZero && value.signum() == 0) || value.compareTo(MAX_SIZE_GIB) > 0) {
            return "must be " + range + " (got " + Num.show(value) + ")";
        }
        if (Num.decimals(value) > 3) return "must have at most 3 digits after the point (got " + Num.show(value) + ")";
        return null;
    }

    public static String cpuOvercommit(BigDecimal value) {
        return ratio(value, new BigDecimal("16"));
    }

    public static String memoryOvercommit(BigDecimal value) {
        return ratio(value, new BigDecimal("2"));
    }

    private static String ratio(BigDecimal value, BigDecimal max) {
        if (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(max) > 0) {
            return "must be from 1.0 to " + Num.show(max) + ".0 (got " + Num.show(value) + ")";
        }
        if (Num.decimals(value) > 2) return "must have at most 2 digits after the point (got " + Num.show(value) + ")";
        return null;
    }

    /** The most significant digits a number may be written with (contract, section 1). */
    public static final int MAX_SIGNIFICANT_DIGITS = 15;
    /** The widest decimal exponent a number may have, either way (contract, section 1). */
    public static final int MAX_EXPONENT = 20;

    /**
     * Why a number cannot be used at all, whatever its field: more than 15 significant digits, or a
     * decimal exponent outside -20..20 ({@code 1e400}, {@code 1e-999999999}). Exact arithmetic on
     * such a value could be slow or unbounded, so it is refused before any rule reads it.
     */
    public static String number(BigDecimal value) {
        if (value.signum() == 0) return null;
        BigDecimal v = value.stripTrailingZeros();
        long exponent = (long) v.precision() - v.scale() - 1;
        if (exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT) {
            return "must be a number with a decimal exponent from -" + MAX_EXPONENT + " to " + MAX_EXPONENT
                    + " (got " + v.toString() + ")";
        }
        if (v.precision() > MAX_SIGNIFICANT_DIGITS) {
            return "must be a number of at most " + MAX_SIGNIFICANT_DIGITS + " significant digits (got " + v.precision() + ")";
        }
        return null;
    }

    public static String latitude(BigDecimal value) {
        return value.abs().compareTo(BigDecimal.valueOf(90)) > 0 ? "must be from -90 to 90 (got " + Num.show(value) + ")" : null;
    }

    public static String longitude(BigDecimal value) {
        return value.abs().compareTo(BigDecimal.valueOf(180)) > 0 ? "must be from -180 to 180 (got " + Num.show(value) + ")" : null;
    }

    /**
     * R1 leaves something for VMs: more cores than the hypervisor keeps. Null when it does,
     * else the sentence for the {@code cores} field.
     */
    public static String coresAfterReservation(Hypervisor h, int cores) {
        if (cores > h.reservedCores()) return null;
        return "must be more than the " + Num.count(h.reservedCores(), "core") + " a " + h.word()
                + " hypervisor keeps for itself (got " + cores + ")";
    }

    /** R1 leaves something for VMs: more memory than the hypervisor keeps. */
    public static String memoryAfterReservation(Hypervisor h, BigDecimal memoryGiB) {
        if (memoryGiB.compareTo(h.reservedMemoryGiB()) > 0) return null;
        return "must be more than the " + Num.show(h.reservedMemoryGiB()) + " GiB a " + h.word()
                + " hypervisor keeps for itself (got " + Num.show(memoryGiB) + ")";
    }

    /** All of a host spec's field rules, R1 included; null when the spec is fine. */
    public static String hostSpec(HostSpec s) {
        String e;
        if ((e = coreCount(s.cores())) != null) return "cores " + e;
        if ((e = coresAfterReservation(s.hypervisor(), s.cores())) != null) return "cores " + e;
        if ((e = memory(s.memoryGiB())) != null) return "memoryGiB " + e;
        if ((e = memoryAfterReservation(s.hypervisor(), s.memoryGiB())) != null) return "memoryGiB " + e;
        if ((e = size(s.storageGiB())) != null) return "storageGiB " + e;
        if ((e = cpuOvercommit(s.cpuOvercommit())) != null) return "cpuOvercommit " + e;
        if ((e = memoryOvercommit(s.memoryOvercommit())) != null) return "memoryOvercommit " + e;
        return null;
    }

    /** A VM's size rules; null when fine. */
    public static String vmSize(int vcpus, BigDecimal memoryGiB, BigDecimal diskGiB) {
        String e;
        if ((e = coreCount(vcpus)) != null) return "vcpus " + e;
        if ((e = memory(memoryGiB)) != null) return "memoryGiB " + e;
        if ((e = size(diskGiB)) != null) return "diskGiB " + e;
        return null;
    }

    public static String location(Location l) {
        String e;
        if ((e = number(l.lat())) != null) return "lat " + e;
        if ((e = number(l.lon())) != null) return "lon " + e;
        if ((e = latitude(l.lat())) != null) return "lat " + e;
        if ((e = longitude(l.lon())) != null) return "lon " + e;
        return null;
    }

    /** A value as a message quotes it: in double quotes, cut to 70 characters; "nothing" for null. */
    public static String quote(String s) {
        if (s == null) return "nothing";
        String shown = s.length() > 70 ? s.substring(0, 67) + "..." : s;
        return "\"" + shown + "\"";
    }
}
