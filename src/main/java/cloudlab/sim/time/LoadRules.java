package cloudlab.sim.time;

import cloudlab.sim.Host;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.Num;
import cloudlab.sim.Vm;

import java.math.BigDecimal;

/**
 * The rules a load set by a command must keep, the same ones the document reader applies to the
 * load fields: each returns null when the load is fine, or a sentence naming the field and the rule.
 */
public final class LoadRules {
    /** The most shares one VM may carry. */
    public static final int MAX_SHARES = 1_000_000;

    private LoadRules() {
    }

    /** Null when {@code load} suits a VM of {@code vcpus} vCPUs and {@code memoryGiB} memory, else why not. */
    public static String vm(String id, VmLoad load, int vcpus, BigDecimal memoryGiB) {
        String e = profile(load.cpu());
        if (e != null) return id + ": cpuDemand " + e;
        if (load.shares() < 1 || load.shares() > MAX_SHARES) {
            return id + ": shares must be a whole number from 1 to " + MAX_SHARES + " (got " + load.shares() + ")";
        }
        if ((e = amount(load.reservation(), 0, vcpus)) != null) return id + ": reservation " + e + " (cores, up to its vCPUs)";
        if ((e = amount(load.limit(), 0, vcpus)) != null) return id + ": limit " + e + " (cores, up to its vCPUs)";
        if (load.limit() <= 0) return id + ": limit must be above 0 cores (a VM limited to nothing never runs)";
        if (load.limit() < load.reservation()) {
            return id + ": limit must be at least the reservation (" + show(load.limit()) + " cores is below the "
                    + show(load.reservation()) + " reserved)";
        }
        if ((e = amount(load.activeMemoryGiB(), 0, memoryGiB.doubleValue())) != null) {
            return id + ": activeMemoryGiB " + e + " (GiB, up to its memory)";
        }
        return null;
    }

    /** Null when the profile's percents lie from 0 to 100 and its seconds within a day, else why not. */
    public static String profile(Profile p) {
        if (p instanceof Profile.Constant c) return percent(c.percent());
        if (p instanceof Profile.Steps s) {
            if (s.starts().length > WorkloadReader.MAX_POINTS) return "must hold 1 to " + WorkloadReader.MAX_POINTS + " steps";
            for (int i = 0; i < s.starts().length; i++) {
                if (i > 0 && s.starts()[i] <= s.starts()[i - 1]) return "steps go forward in time: " + s.starts()[i] + " is not after " + s.starts()[i - 1];
                if (s.starts()[i] > WorkloadReader.MAX_SECONDS) return "steps start within a day (got second " + s.starts()[i] + ")";
            }
            return percents(s.percents());
        }
        if (p instanceof Profile.Pattern pt) {
            if (pt.percents().length > WorkloadReader.MAX_POINTS) return "must hold 1 to " + WorkloadReader.MAX_POINTS + " percents";
            if (pt.every() > WorkloadReader.MAX_SECONDS) return "every must be at most " + WorkloadReader.MAX_SECONDS + " seconds";
            return percents(pt.percents());
        }
        Profile.Shape sh = (Profile.Shape) p;
        String e = percents(new double[] {sh.low(), sh.high()});
        if (e == null && sh.period() > WorkloadReader.MAX_SECONDS) e = "period must be at most " + WorkloadReader.MAX_SECONDS + " seconds";
        if (e == null && (sh.seed() < 0 || sh.seed() > Integer.MAX_VALUE)) e = "seed must be from 0 to " + Integer.MAX_VALUE;
        return e;
    }

    private static String percents(double[] values) {
        for (double v : values) {
            String e = percent(v);
            if (e != null) return e;
        }
        return null;
    }

    /** Null when a host of this spec may run a host OS load, else why not. */
    public static String hostOs(String id, HostSpec spec, Profile load) {
        if (spec.hypervisor() != Hypervisor.TYPE2) {
            return id + ": only a type2 host runs a host OS; a type1 hypervisor runs on the bare metal";
        }
        String e = profile(load);
        return e == null ? null : id + ": hostOsLoad " + e;
    }

    /**
     * Null when the reservations of {@code host}'s running VMs fit in the cores R1 leaves under
     * {@code spec}, with {@code vm} counted as holding {@code load} (or left out when not running
     * there); else why not.
     */
    public static String reservations(Host host, HostSpec spec, Vm vm, VmLoad load, boolean vmRunsHere) {
        BigDecimal reserved = BigDecimal.ZERO;
        for (Vm v : host.vms()) {
            if (v == vm || !v.running() || v.load() == null) continue;
            reserved = reserved.add(BigDecimal.valueOf(v.load().reservation()));
        }
        if (vmRunsHere && load != null) reserved = reserved.add(BigDecimal.valueOf(load.reservation()));
        return WorkloadReader.reservationProblem(host.id(), spec.cores(), spec.hypervisor(), reserved);
    }

    private static String percent(double v) {
        return amount(v, 0, 100);
    }

    private static String amount(double v, double min, double max) {
        BigDecimal d = BigDecimal.valueOf(v);
        if (v < min || v > max || Num.decimals(d) > 3 || Double.isNaN(v)) {
            return "must be a number from " + show(min) + " to " + show(max) + " with at most 3 digits after the point (got " + show(v) + ")";
        }
        return null;
    }

    private static String show(double v) {
        return Double.isFinite(v) ? Num.show(BigDecimal.valueOf(v)) : String.valueOf(v);
    }
}
