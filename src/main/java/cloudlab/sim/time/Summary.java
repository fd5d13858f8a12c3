package cloudlab.sim.time;

import cloudlab.sim.Host;
import cloudlab.sim.Layout;
import cloudlab.sim.Vm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts a run into per-VM steal (mean, p95, worst) and per-host utilisation (mean, peak). */
final class Summary implements Observer {
    private static final int BINS = 101;
    private final long seconds;
    private final double[] stealSum;
    private final double[] stealMax;
    private final long[] worstSecond;
    private final int[] histogram;     // per VM, seconds with steal in each whole percent (rounded up)
    private final double[] busySum;
    private final double[] busyPeak;

    Summary(Fleet f, long seconds) {
        this.seconds = seconds;
        int n = f.vmCount();
        stealSum = new double[n];
        stealMax = new double[n];
        worstSecond = new long[n];
        java.util.Arrays.fill(stealMax, -1);
        histogram = new int[n * BINS];
        busySum = new double[f.hostCount()];
        busyPeak = new double[f.hostCount()];
    }

    @Override
    public void stretch(Fleet f, int h, long from, long to, double capacity, double hostOsCores, double[] demand, double[] received) {
        long len = to - from;
        double busy = hostOsCores;
        for (int i = f.start[h]; i < f.start[h + 1]; i++) {
            busy += received[i];
            double s = Observer.stealPercent(demand[i], received[i]);
            stealSum[i] += s * len;
            if (s > stealMax[i]) {
                stealMax[i] = s;
                worstSecond[i] = from;
            }
            int bin = (int) Math.min(BINS - 1, Math.ceil(s - 1e-9));
            histogram[i * BINS + Math.max(0, bin)] += (int) len;
        }
        double util = busy / f.cores[h] * 100;
        busySum[h] += util * len;
        if (util > busyPeak[h]) busyPeak[h] = util;
    }

    /** Mean steal of VM {@code i} over the run, in percent. */
    double meanSteal(int i) {
        return stealSum[i] / seconds;
    }

    double maxSteal(int i) {
        return stealMax[i];
    }

    long worstSecond(int i) {
        return worstSecond[i];
    }

    /** The smallest whole percent that 95 % of VM {@code i}'s seconds stayed at or under. */
    int p95Steal(int i) {
        long need = (long) Math.ceil(0.95 * seconds);
        long seen = 0;
        for (int b = 0; b < BINS; b++) {
            seen += histogram[i * BINS + b];
            if (seen >= need) return b;
        }
        return BINS - 1;
    }

    double meanUtilisation(int h) {
        return busySum[h] / seconds;
    }

    RunReport.Summary report(Layout layout, Fleet f) {
        Map<Vm, Integer> index = new HashMap<>();
        for (int i = 0; i < f.vmCount(); i++) index.put(f.vms.get(i), i);
        List<RunReport.HostSummary> hosts = new ArrayList<>();
        List<RunReport.VmSummary> vms = new ArrayList<>();
        for (int h = 0; h < f.hostCount(); h++) {
            Host host = f.hosts.get(h);
            if (!f.up[h]) {
                hosts.add(new RunReport.HostSummary(host.id(), false, null, null, null, null));
            } else {
                MemoryPressure m = f.memory[h];
                hosts.add(new RunReport.HostSummary(host.id(), true, RunReport.percent(meanUtilisation(h)),
                        RunReport.percent(busyPeak[h]), RunReport.cores(m.totalBallooned()), RunReport.cores(m.totalSwapped())));
            }
            for (Vm vm : host.vms()) {
                Integer i = index.get(vm);
                if (i == null) {
                    String status = vm.running() ? "down" : "stopped";
                    vms.add(new RunReport.VmSummary(vm.id(), host.id(), vm.app(), status, null, null, null, null, null, null, false));
                    continue;
                }
                double swapped = f.swapped(h, i);
                vms.add(new RunReport.VmSummary(vm.id(), host.id(), vm.app(), "running", RunReport.percent(meanSteal(i)),
                        p95Steal(i), RunReport.percent(maxSteal(i)), worstSecond(i), RunReport.cores(f.ballooned(h, i)),
                        RunReport.cores(swapped), swapped > 1e-9));
            }
        }
        return new RunReport.Summary(hosts, vms);
    }
}
