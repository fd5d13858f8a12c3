package cloudlab.lesson;

import cloudlab.sim.Capacity;
import cloudlab.sim.Host;
import cloudlab.sim.Latency;
import cloudlab.sim.Layout;
import cloudlab.sim.Location;
import cloudlab.sim.Region;
import cloudlab.sim.Report;
import cloudlab.sim.Simulator;
import cloudlab.sim.VmSpec;
import cloudlab.sim.time.CpuPolicy;
import cloudlab.sim.time.RunReport;
import cloudlab.sim.time.TimeSimulator;

import java.math.BigDecimal;
import java.util.List;

/**
 * The true answers of predict questions, computed by the core from the question's layout: is an
 * app available, is a host up, how many VMs of an app run, how many more VMs of a size fit on a
 * host, what is the round trip from a point to a region.
 */
public final class Predictions {
    private Predictions() {
    }

    /** Whether the app is available with the given failures (R5, R6). */
    public static boolean available(Layout layout, List<String> fail, String app) {
        Report.AppReport a = Simulator.simulate(layout, fail, List.of()).app(app);
        return a != null && a.available();
    }

    public static boolean hostUp(Layout layout, List<String> fail, String host) {
        Report.HostReport h = Simulator.simulate(layout, fail, List.of()).host(host);
        return h != null && h.up();
    }

    /** How many of the app's VMs run with the given failures. */
    public static int running(Layout layout, List<String> fail, String app) {
        Report.AppReport a = Simulator.simulate(layout, fail, List.of()).app(app);
        return a == null ? 0 : a.running();
    }

    /** How many more running VMs of this size fit on the host beside what it holds (R2–R4). */
    public static int fits(Host host, VmSpec vm) {
        return Capacity.room(host, vm);
    }

    /** How long a minute runs when a question asks about steal: the same minute the lesson's timeline figures draw. */
    public static final long RUN_SECONDS = 60;

    /**
     * The VM's mean steal over a minute of the layout's own load under the fair policy, in percent
     * (one decimal): of the CPU it wanted, the share it waited for (cloudlab.sim.time).
     */
    public static BigDecimal stealPercent(Layout layout, String vm) {
        for (RunReport.VmSummary v : TimeSimulator.summarise(layout, RUN_SECONDS, CpuPolicy.FAIR).vms()) {
            if (v.id().equals(vm)) return v.meanStealPercent() == null ? BigDecimal.ZERO : v.meanStealPercent();
        }
        return BigDecimal.ZERO;
    }

    public static BigDecimal rttMs(Location user, Region region) {
        return Latency.rttMs(user, region.location());
    }
}
