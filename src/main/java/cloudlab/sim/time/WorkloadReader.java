package cloudlab.sim.time;

import cloudlab.sim.document.Check;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.InputException;
import cloudlab.sim.Num;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Reads the time fields of a layout document (a project extension of the contract's section 1),
 * as strictly as the rest of the layout: a VM's {@code cpuDemand}, {@code activeMemoryGiB},
 * {@code shares}, {@code reservation} and {@code limit}, and a type 2 host's {@code hostOsLoad}.
 * {@code LayoutReader} hands each VM and host object here after reading its own fields.
 */
public final class WorkloadReader {
    /** The VM fields this reader owns, for the layout reader's list of known fields. */
    public static final Set<String> VM_FIELDS = Set.of("cpuDemand", "activeMemoryGiB", "shares", "reservation", "limit");
    /** The host field this reader owns. */
    public static final String HOST_FIELD = "hostOsLoad";
    /** The longest run, and the latest second a profile may name: one day. */
    public static final int MAX_SECONDS = 86_400;
    static final int MAX_POINTS = 1000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private WorkloadReader() {
    }

    /**
     * The load a VM object declares, or null when it declares none of the time fields. The VM's own
     * fields ({@code vcpus}, {@code memoryGiB}) are already read and bound what it may declare.
     */
    public static VmLoad vm(ObjectNode vm, String place, int vcpus, BigDecimal memoryGiB, Check check) throws InputException {
        Profile cpu = Profile.Constant.IDLE;
        double active = 0;
        int shares = VmLoad.SHARES_PER_VCPU * vcpus;
        BigDecimal reservation = BigDecimal.ZERO;
        BigDecimal limit = null;
        boolean any = false;
        for (Map.Entry<String, JsonNode> f : Check.entries(vm)) {
            if (!VM_FIELDS.contains(f.getKey())) continue;
            any = true;
            String p = Check.child(place, f.getKey());
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "cpuDemand" -> cpu = profile(v, p, check);
                case "activeMemoryGiB" -> {
                    BigDecimal gib = decimal(v, p, check, BigDecimal.ZERO, memoryGiB);
                    active = gib.doubleValue();
                }
                case "shares" -> shares = check.whole(v, p, 1, 1_000_000);
                case "reservation" -> reservation = decimal(v, p, check, BigDecimal.ZERO, BigDecimal.valueOf(vcpus));
                case "limit" -> {
                    limit = decimal(v, p, check, BigDecimal.ZERO, BigDecimal.valueOf(vcpus));
                    if (limit.signum() == 0) throw check.fail(p, "must be above 0 cores (a VM limited to nothing never runs)");
                }
                default -> throw new IllegalStateException(f.getKey());
            }
        }
        if (!any) return null;
        if (limit != null && limit.compareTo(reservation) < 0) {
            throw check.fail(Check.child(place, "limit"), "must be at least the reservation (" + Num.show(limit)
                    + " cores is below the " + Num.show(reservation) + " reserved)");
        }
        return new VmLoad(cpu, active, shares, reservation.doubleValue(), limit == null ? vcpus : limit.doubleValue());
    }

    /** The host OS load a host object declares (percent of its cores), or null. Only a type 2 host has a host OS. */
    public static Profile hostOs(ObjectNode host, String place, Hypervisor hypervisor, Check check) throws InputException {
        JsonNode v = host.get(HOST_FIELD);
        if (v == null) return null;
        String p = Check.child(place, HOST_FIELD);
        if (hypervisor != Hypervisor.TYPE2) {
            throw check.fail(p, "only a type2 host runs a host OS; a type1 hypervisor runs on the bare metal");
        }
        return profile(v, p, check);
    }

    /**
     * Null when the running VMs' reservations fit in the cores R1 leaves, else why not: a
     * hypervisor starts a VM only while it can keep the VM's reservation (admission control).
     */
    public static String reservationProblem(String host, int cores, Hypervisor hypervisor, BigDecimal reserved) {
        int left = cores - hypervisor.reservedCores();
        if (reserved.compareTo(BigDecimal.valueOf(left)) <= 0) return null;
        return "host " + host + ": reservations of running VMs add up to " + Num.show(reserved) + " cores, available "
                + left + " (a hypervisor starts a VM only while the cores it reserves are there)";
    }

    /** A load profile: a percent, or {steps}, {pattern, every} or {shape, low, high, period, seed}. */
    static Profile profile(JsonNode v, String place, Check check) throws InputException {
        if (v != null && v.isNumber() || v != null && v.isTextual()) return new Profile.Constant(percent(v, place, check));
        ObjectNode o = check.object(v, place, "a percent or a profile ({steps}, {pattern, every} or {shape, ...})");
        int kinds = (o.has("steps") ? 1 : 0) + (o.has("pattern") ? 1 : 0) + (o.has("shape") ? 1 : 0);
        if (kinds != 1) throw check.fail(place, "a profile has exactly one of steps, pattern or shape (got " + kinds + ")");
        if (o.has("steps")) return steps(o, place, check);
        if (o.has("pattern")) return pattern(o, place, check);
        return shape(o, place, check);
    }

    private static Profile steps(ObjectNode o, String place, Check check) throws InputException {
        only(o, place, check, "steps");
        String sp = Check.child(place, "steps");
        ArrayNode list = check.list(o.get("steps"), sp);
        if (list.isEmpty() || list.size() > MAX_POINTS) throw check.fail(sp, "must hold 1 to " + MAX_POINTS + " steps");
        long[] starts = new long[list.size()];
        double[] percents = new double[list.size()];
        for (int i = 0; i < list.size(); i++) {
            String p = Check.item(sp, i);
            ObjectNode step = check.object(list.get(i), p, "a step {at: SECOND, percent: N}");
            check.required(step, p, "at", "percent");
            for (Map.Entry<String, JsonNode> f : Check.entries(step)) {
                String fp = Check.child(p, f.getKey());
                switch (f.getKey()) {
                    case "at" -> starts[i] = check.whole(f.getValue(), fp, 0, MAX_SECONDS);
                    case "percent" -> percents[i] = percent(f.getValue(), fp, check);
                    default -> throw check.unknown(p, f.getKey(), "at, percent");
                }
            }
            if (i == 0 && starts[0] != 0) throw check.fail(Check.child(p, "at"), "the first step starts at second 0 (got " + starts[0] + ")");
            if (i > 0 && starts[i] <= starts[i - 1]) {
                throw check.fail(Check.child(p, "at"), "steps go forward in time: " + starts[i] + " is not after " + starts[i - 1]);
            }
        }
        return new Profile.Steps(starts, percents);
    }

    private static Profile pattern(ObjectNode o, String place, Check check) throws InputException {
        only(o, place, check, "pattern", "every");
        String pp = Check.child(place, "pattern");
        ArrayNode list = check.list(o.get("pattern"), pp);
        if (list.isEmpty() || list.size() > MAX_POINTS) throw check.fail(pp, "must hold 1 to " + MAX_POINTS + " percents");
        double[] percents = new double[list.size()];
        for (int i = 0; i < list.size(); i++) percents[i] = percent(list.get(i), Check.item(pp, i), check);
        int every = o.has("every") ? check.whole(o.get("every"), Check.child(place, "every"), 1, MAX_SECONDS) : 1;
        return new Profile.Pattern(percents, every);
    }

    private static Profile shape(ObjectNode o, String place, Check check) throws InputException {
        only(o, place, check, "shape", "low", "high", "period", "seed");
        String kp = Check.child(place, "shape");
        String word = check.text(o.get("shape"), kp);
        Profile.Shape.Kind kind = null;
        for (Profile.Shape.Kind k : Profile.Shape.Kind.values()) if (k.word().equals(word)) kind = k;
        if (kind == null) throw check.fail(kp, "must be wave, bursts or random (got \"" + shortened(word) + "\")");
        double low = o.has("low") ? percent(o.get("low"), Check.child(place, "low"), check) : 0;
        double high = o.has("high") ? percent(o.get("high"), Check.child(place, "high"), check) : 100;
        if (low > high) throw check.fail(Check.child(place, "low"), "must be at most high (" + show(low) + " is above " + show(high) + ")");
        int period = o.has("period") ? check.whole(o.get("period"), Check.child(place, "period"), 1, MAX_SECONDS) : 60;
        int seed = o.has("seed") ? check.whole(o.get("seed"), Check.child(place, "seed"), 0, Integer.MAX_VALUE) : 0;
        return new Profile.Shape(kind, low, high, period, seed);
    }

    private static void only(ObjectNode o, String place, Check check, String... known) throws InputException {
        Set<String> allowed = Set.of(known);
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            if (!allowed.contains(f.getKey())) throw check.unknown(place, f.getKey(), String.join(", ", known));
        }
    }

    private static double percent(JsonNode v, String place, Check check) throws InputException {
        return decimal(v, place, check, BigDecimal.ZERO, HUNDRED).doubleValue();
    }

    /** A decimal from min to max with at most 3 digits after the point. */
    private static BigDecimal decimal(JsonNode v, String place, Check check, BigDecimal min, BigDecimal max) throws InputException {
        BigDecimal d = check.decimal(v, place);
        String range = "must be a number from " + Num.show(min) + " to " + Num.show(max) + " with at most 3 digits after the point";
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0 || Num.decimals(d) > 3) throw check.fail(place, range + " (got " + Num.show(d) + ")");
        return d;
    }

    private static String show(double v) {
        return Num.show(BigDecimal.valueOf(v));
    }

    private static String shortened(String s) {
        return s.length() > 70 ? s.substring(0, 67) + "..." : s;
    }
}
