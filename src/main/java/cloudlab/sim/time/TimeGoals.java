package cloudlab.sim.time;

import cloudlab.sim.Layout;
import cloudlab.sim.Num;

import java.math.BigDecimal;

/**
 * The challenge goals of the time dimension, checked by playing the layout's workload under the
 * fair policy: no VM of an app waits above a share of its demand, no VM of an app swaps, every
 * host is busy enough. Each message names the second, the host and the VM.
 */
public final class TimeGoals {
    /** How long a goal plays the layout when it does not say: a minute. */
    public static final int DEFAULT_SECONDS = 60;

    private TimeGoals() {
    }

    /** A goal's verdict and its sentence. */
    public record Outcome(boolean passed, String message) {
    }

    /** No running VM of the app has steal above {@code percent} in any of the first {@code seconds} seconds. */
    public static Outcome maxSteal(Layout layout, String app, BigDecimal percent, int seconds) {
        if (layout.app(app) == null) return new Outcome(false, "the layout declares no app " + app);
        Fleet f = new Fleet(layout, layout.workload());
        boolean[] ofApp = new boolean[f.vmCount()];
        boolean any = false;
        for (int i = 0; i < ofApp.length; i++) any |= ofApp[i] = app.equals(f.vms.get(i).app());
        if (!any) return new Outcome(false, app + " has no running VM on an up host, so nothing can be measured");
        double limit = percent.doubleValue();
        String at = " (at most " + Num.show(percent) + " %)";
        FirstAbove watch = new FirstAbove(ofApp, limit);
        Engine.play(f, seconds, CpuPolicy.FAIR, watch);
        if (watch.vm >= 0) {
            int h = hostOf(f, watch.vm);
            return new Outcome(false, "at second " + watch.second + ", " + f.vms.get(watch.vm).id() + " on " + f.hosts.get(h).id()
                    + " waited " + pct(watch.steal) + " % of the CPU it wanted" + at + ": it wanted " + cores(watch.demand)
                    + " cores and got " + cores(watch.received) + "; the VMs of " + f.hosts.get(h).id() + " wanted "
                    + cores(watch.hostDemand) + " cores, " + cores(watch.capacity) + " were theirs to share");
        }
        if (watch.worstVm < 0 || watch.worst <= 0) {
            return new Outcome(true, "no VM of " + app + " waited for CPU in " + seconds + " s" + at);
        }
        return new Outcome(true, app + "'s highest steal in " + seconds + " s was " + pct(watch.worst) + " %, "
                + f.vms.get(watch.worstVm).id() + " on " + f.hosts.get(hostOf(f, watch.worstVm)).id() + " at second "
                + watch.worstSecond + at);
    }

    /** No running VM of the app has memory swapped out. */
    public static Outcome noSwap(Layout layout, String app) {
        if (layout.app(app) == null) return new Outcome(false, "the layout declares no app " + app);
        Fleet f = new Fleet(layout, layout.workload());
        int count = 0;
        for (int h = 0; h < f.hostCount(); h++) {
            for (int i = f.start[h]; i < f.start[h + 1]; i++) {
                if (!app.equals(f.vms.get(i).app())) continue;
                count++;
                double s = f.swapped(h, i);
                if (s > 1e-9) {
                    MemoryPressure m = f.memory[h];
                    return new Outcome(false, "from second 0, " + f.vms.get(i).id() + " on " + f.hosts.get(h).id() + " has "
                            + cores(s) + " GiB swapped out: the running VMs of " + f.hosts.get(h).id() + " actively use "
                            + cores(m.activeGiB()) + " GiB and " + cores(m.physicalGiB()) + " GiB is there for them");
                }
            }
        }
        if (count == 0) return new Outcome(false, app + " has no running VM on an up host, so nothing can be measured");
        return new Outcome(true, "none of the " + Num.count(count, "running VM") + " of " + app + " swaps");
    }

    /** Every up host is busy at least {@code percent} of its cores on average over the first {@code seconds} seconds. */
    public static Outcome minUtilisation(Layout layout, BigDecimal percent, int seconds) {
        Fleet f = new Fleet(layout, layout.workload());
        Summary s = new Summary(f, seconds);
        Engine.play(f, seconds, CpuPolicy.FAIR, s);
        String at = " (at least " + Num.show(percent) + " %)";
        int ups = 0;
        int lowest = -1;
        for (int h = 0; h < f.hostCount(); h++) {
            if (!f.up[h]) continue;
            ups++;
            if (s.meanUtilisation(h) < percent.doubleValue() - 1e-9) {
                return new Outcome(false, f.hosts.get(h).id() + " was " + pct(s.meanUtilisation(h)) + " % busy on average over "
                        + seconds + " s" + at);
            }
            if (lowest < 0 || s.meanUtilisation(h) < s.meanUtilisation(lowest)) lowest = h;
        }
        if (ups == 0) return new Outcome(false, "the layout has no host up to be busy");
        return new Outcome(true, "the least busy host, " + f.hosts.get(lowest).id() + ", was " + pct(s.meanUtilisation(lowest))
                + " % busy on average over " + seconds + " s" + at);
    }

    private static int hostOf(Fleet f, int vm) {
        int h = 0;
        while (f.start[h + 1] <= vm) h++;
        return h;
    }

    private static String pct(double v) {
        return Num.show(RunReport.percent(v));
    }

    private static String cores(double v) {
        return Num.show(RunReport.cores(v));
    }

    /** The first second (then the first VM in document order) whose steal is above a limit, and the worst seen. */
    private static final class FirstAbove implements Observer {
        private final boolean[] watched;
        private final double limit;
        long second = Long.MAX_VALUE;
        int vm = -1;
        double steal;
        double demand;
        double received;
        double hostDemand;
        double capacity;
        double worst = -1;
        int worstVm = -1;
        long worstSecond;

        FirstAbove(boolean[] watched, double limit) {
            this.watched = watched;
            this.limit = limit;
        }

        @Override
        public void stretch(Fleet f, int h, long from, long to, double cap, double hostOsCores, double[] d, double[] r) {
            for (int i = f.start[h]; i < f.start[h + 1]; i++) {
                if (!watched[i]) continue;
                double s = Observer.stealPercent(d[i], r[i]);
                if (s > worst || s == worst && from < worstSecond) {
                    worst = s;
                    worstVm = i;
                    worstSecond = from;
                }
                if (s > limit + 1e-9 && (from < second || from == second && i < vm)) {
                    second = from;
                    vm = i;
                    steal = s;
                    demand = d[i];
                    received = r[i];
                    capacity = cap;
                    double sum = 0;
                    for (int j = f.start[h]; j < f.start[h + 1]; j++) sum += d[j];
                    hostDemand = sum;
                }
            }
        }
    }
}
