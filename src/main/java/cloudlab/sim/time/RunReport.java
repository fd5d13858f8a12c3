package cloudlab.sim.time;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a run reports: a timeline sampled every {@code every} seconds and a summary of the whole
 * run. Cores and GiB are rounded to 3 decimals, percents to 1 (p95 steal to the whole percent at
 * or above it).
 */
public record RunReport(long seconds, long every, String policy, List<Point> timeline, Summary summary) {
    public RunReport {
        timeline = List.copyOf(timeline);
    }

    /** The state of every up host at one second. */
    public record Point(long second, List<HostPoint> hosts) {
        public Point {
            hosts = List.copyOf(hosts);
        }
    }

    /**
     * One host at one second: the share of its cores busy, the cores its VMs could share after R1
     * and the host OS, what they wanted and received, the host OS's cores, and its memory.
     */
    public record HostPoint(String id, BigDecimal utilisationPercent, BigDecimal vmCores, BigDecimal hostOsCores,
                            BigDecimal demandCores, BigDecimal receivedCores, Memory memoryGiB, List<VmPoint> vms) {
        public HostPoint {
            vms = List.copyOf(vms);
        }
    }

    /** A host's memory: what R1 leaves for VMs, what they have, use, and what was ballooned and swapped. */
    public record Memory(BigDecimal physical, BigDecimal configured, BigDecimal active, BigDecimal ballooned, BigDecimal swapped) {
    }

    public record VmPoint(String id, BigDecimal demandCores, BigDecimal receivedCores, BigDecimal stealPercent) {
    }

    public record Summary(List<HostSummary> hosts, List<VmSummary> vms) {
        public Summary {
            hosts = List.copyOf(hosts);
            vms = List.copyOf(vms);
        }
    }

    /** A host over the run; the percents and memory are null for a host that is down. */
    public record HostSummary(String id, boolean up, BigDecimal meanUtilisationPercent, BigDecimal peakUtilisationPercent,
                              BigDecimal balloonedGiB, BigDecimal swappedGiB) {
    }

    /**
     * A VM over the run. {@code status} is the contract's (running, stopped, down); only a running
     * VM has numbers. {@code p95StealPercent}: in 95 % of the seconds its steal was at most this.
     * {@code worstSecond} is the first second its steal was at its highest.
     */
    public record VmSummary(String id, String host, String app, String status, BigDecimal meanStealPercent,
                            Integer p95StealPercent, BigDecimal maxStealPercent, Long worstSecond,
                            BigDecimal balloonedGiB, BigDecimal swappedGiB, boolean swapping) {
    }

    static BigDecimal cores(double v) {
        return round(v, 3);
    }

    static BigDecimal percent(double v) {
        return round(v, 1);
    }

    private static BigDecimal round(double v, int digits) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }
}
