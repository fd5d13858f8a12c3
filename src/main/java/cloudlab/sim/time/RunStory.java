package cloudlab.sim.time;

import cloudlab.sim.Layout;
import cloudlab.sim.Num;
import cloudlab.sim.Vm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A run told in words, for one host at one second and over the whole run: who wanted more CPU than
 * it got and why, who waited how long, and what memory pressure did. The sentences are what the
 * sandbox's "Run for a minute" panel prints under its chart.
 */
public final class RunStory {
    private RunStory() {
    }

    /**
     * Why each VM of the host got what it got at the sample nearest {@code second}: for a VM that
     * waited, what it wanted, what it got, how much the host's VMs wanted against the cores there
     * were, and what its shares or limit made of that. Empty when the host was not sampled.
     */
    public static List<String> at(RunReport run, Layout layout, String hostId, long second) {
        RunReport.Point point = nearest(run, second);
        List<String> out = new ArrayList<>();
        RunReport.HostPoint host = point == null ? null : host(point, hostId);
        if (host == null) return out;
        Workload workload = layout.workload();
        double weights = 0;
        for (RunReport.VmPoint v : host.vms()) weights += load(layout, workload, v.id()).shares();
        for (RunReport.VmPoint v : host.vms()) {
            if (v.stealPercent().signum() == 0) continue;
            VmLoad load = load(layout, workload, v.id());
            String why = waited(v.id(), hostId, point.second(), v.demandCores(), v.receivedCores(), host.demandCores(), host.vmCores());
            if (v.demandCores().doubleValue() > load.limit()) {
                out.add(why + "; its limit of " + show(load.limit()) + " cores held it back.");
            } else if ("fair".equals(run.policy())) {
                out.add(why + "; its " + load.shares() + " shares of the " + show(weights) + " on the host set its slice.");
            } else {
                out.add(why + "; the proportional policy cut every request by the same factor.");
            }
        }
        if (out.isEmpty() && !host.vms().isEmpty()) {
            out.add("At second " + point.second() + " every VM on " + hostId + " got all the CPU it wanted: they wanted "
                    + Num.show(host.demandCores()) + " of the " + Num.show(host.vmCores()) + " cores theirs to share.");
        }
        return out;
    }

    /** Over the whole run, per VM of the host that ever waited or swapped: its mean and p95 steal, and memory swapped. */
    public static List<String> summary(RunReport run, String hostId) {
        List<String> out = new ArrayList<>();
        for (RunReport.VmSummary v : run.summary().vms()) {
            if (!hostId.equals(v.host()) || v.meanStealPercent() == null) continue;
            if (v.meanStealPercent().signum() > 0) {
                out.add(v.id() + " waited " + Num.show(v.meanStealPercent()) + " % of the time it wanted to run over the "
                        + run.seconds() + " s (in 95 % of the seconds at most " + v.p95StealPercent() + " %; worst at second "
                        + v.worstSecond() + ").");
            }
            if (v.swapping()) out.add(v.id() + " is swapping: " + Num.show(v.swappedGiB()) + " GiB of the memory it uses is on disk.");
        }
        for (RunReport.HostSummary h : run.summary().hosts()) {
            if (!h.id().equals(hostId) || h.balloonedGiB() == null) continue;
            if (h.balloonedGiB().signum() > 0) {
                out.add(hostId + " ballooned " + Num.show(h.balloonedGiB()) + " GiB of memory its VMs were given but did not use.");
            }
        }
        return out;
    }

    /** "web-1 wanted 3 cores at second 20 but got 2: the VMs of h1 wanted 14 cores, 8 were theirs to share". */
    static String waited(String vm, String host, long second, BigDecimal wanted, BigDecimal got, BigDecimal hostWanted, BigDecimal capacity) {
        return vm + " wanted " + Num.show(wanted) + " cores at second " + second + " but got " + Num.show(got) + ": the VMs of "
                + host + " wanted " + Num.show(hostWanted) + " cores, " + Num.show(capacity) + " were theirs to share";
    }

    private static RunReport.Point nearest(RunReport run, long second) {
        RunReport.Point best = null;
        for (RunReport.Point p : run.timeline()) if (p.second() <= second || best == null) best = p;
        return best;
    }

    private static RunReport.HostPoint host(RunReport.Point p, String hostId) {
        for (RunReport.HostPoint h : p.hosts()) if (h.id().equals(hostId)) return h;
        return null;
    }

    private static VmLoad load(Layout layout, Workload workload, String vmId) {
        return workload.of(layout.node(vmId, Vm.class));
    }

    private static String show(double v) {
        return Profile.show(v);
    }
}
