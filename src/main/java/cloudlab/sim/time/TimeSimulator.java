package cloudlab.sim.time;

import cloudlab.sim.Layout;

/**
 * The front door of the time dimension: plays a layout's workload second by second on its hosts
 * and reports what each VM received, what it waited for (steal) and how memory was reclaimed.
 * Pure and stateless: the same layout, seconds and policy always give the same report.
 */
public final class TimeSimulator {
    /** The most timeline rows (samples × (hosts + VMs)) one report may hold. */
    public static final long MAX_TIMELINE_ROWS = 1_000_000;
    /** The most VM-seconds (running VMs × seconds) one run may cover, so that no request can keep a server busy for long. */
    public static final long MAX_VM_SECONDS = 100_000_000;

    private TimeSimulator() {
    }

    /** A run of the layout's own workload: the timeline every {@code every} seconds and the summary. */
    public static RunReport run(Layout layout, long seconds, long every, CpuPolicy policy) {
        Fleet f = new Fleet(layout, layout.workload());
        Summary summary = new Summary(f, seconds);
        Sampler sampler = new Sampler(f, seconds, every);
        Engine.play(f, seconds, policy, (fl, h, from, to, cap, os, d, r) -> {
            summary.stretch(fl, h, from, to, cap, os, d, r);
            sampler.stretch(fl, h, from, to, cap, os, d, r);
        });
        return new RunReport(seconds, every, policy.word(), sampler.timeline(), summary.report(layout, f));
    }

    /** The summary alone (no timeline): what a goal or a benchmark needs. */
    public static RunReport.Summary summarise(Layout layout, long seconds, CpuPolicy policy) {
        Fleet f = new Fleet(layout, layout.workload());
        Summary summary = new Summary(f, seconds);
        Engine.play(f, seconds, policy, summary);
        return summary.report(layout, f);
    }

    /** The timeline's sampling interval when none is given: at most about 60 samples. */
    public static long defaultEvery(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }

    /** Null when {@code seconds} is a run length this lab plays, else the rule. */
    public static String secondsProblem(long seconds) {
        if (seconds < 1 || seconds > WorkloadReader.MAX_SECONDS) {
            return "must be a whole number of seconds from 1 to " + WorkloadReader.MAX_SECONDS + " (got " + seconds + ")";
        }
        return null;
    }

    /** Null when a run of {@code seconds} of this layout is small enough to play, else the rule. */
    public static String sizeProblem(Layout layout, long seconds) {
        long vmSeconds = seconds * Math.max(1, layout.vms().size());
        if (vmSeconds <= MAX_VM_SECONDS) return null;
        return "a run of " + seconds + " s of " + layout.vms().size() + " VMs covers " + vmSeconds + " VM-seconds (at most "
                + MAX_VM_SECONDS + "); run fewer seconds";
    }

    /** Null when a timeline every {@code every} seconds fits, else the rule. */
    public static String everyProblem(Layout layout, long seconds, long every) {
        if (every < 1 || every > seconds) return "must be a whole number of seconds from 1 to the run's " + seconds + " (got " + every + ")";
        long rows = Sampler.samples(seconds, every) * (layout.hosts().size() + layout.vms().size());
        if (rows > MAX_TIMELINE_ROWS) {
            return "a timeline every " + every + " s would hold " + rows + " rows (at most " + MAX_TIMELINE_ROWS
                    + "); sample less often";
        }
        return null;
    }
}
