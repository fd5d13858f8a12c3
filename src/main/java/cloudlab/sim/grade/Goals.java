package cloudlab.sim.grade;

import cloudlab.sim.Num;


/** Goals of a challenge in plain words for a learner ("Keep shop available"). */
public final class Goals implements Goal.Visitor<String> {
    private static final Goals WORDS = new Goals();

    private Goals() {
    }

    public static String describe(Goal goal) {
        return goal.accept(WORDS);
    }

    @Override
    public String appAvailable(Goal.AppAvailable g) {
        return "Keep " + g.app() + " available";
    }

    @Override
    public String survives(Goal.Survives g) {
        return g.app() + " stays available when any one " + g.level().word() + " fails";
    }

    @Override
    public String minRunning(Goal.MinRunning g) {
        return "Keep " + g.app() + " asking for at least " + Num.count(g.count(), "running VM");
    }

    @Override
    public String maxHosts(Goal.MaxHosts g) {
        return "Use at most " + Num.count(g.max(), "host");
    }

    @Override
    public String minZones(Goal.MinZones g) {
        return "Use at least " + Num.count(g.count(), "zone") + " with hosts in " + g.region();
    }

    @Override
    public String allHostsHypervisor(Goal.AllHostsHypervisor g) {
        return "Run every host on a " + g.hypervisor().word() + " hypervisor";
    }

    @Override
    public String maxCpuOvercommit(Goal.MaxCpuOvercommit g) {
        return "Keep CPU overcommit at or below " + Num.show(g.max());
    }

    @Override
    public String maxRttMs(Goal.MaxRttMs g) {
        return "Serve " + g.app() + " within " + Num.show(g.ms()) + " ms of (" + Num.show(g.user().lat()) + ", "
                + Num.show(g.user().lon()) + ")";
    }

    @Override
    public String emptyHost(Goal.EmptyHost g) {
        return "Empty host " + g.host() + " of VMs, keeping the host";
    }

    @Override
    public String maxMonthlyCost(Goal.MaxMonthlyCost g) {
        return "Keep the monthly bill at or below " + cloudlab.sim.Cost.usd(g.usd()) + " (each app writes "
                + Num.show(g.writtenGb()) + " GB a month)";
    }

    @Override
    public String maxStealPercent(Goal.MaxStealPercent g) {
        return "Keep every VM of " + g.app() + " waiting at most " + Num.show(g.percent()) + " % of the CPU it wants";
    }

    @Override
    public String noSwap(Goal.NoSwap g) {
        return "Keep every VM of " + g.app() + " out of swap";
    }

    @Override
    public String minUtilisation(Goal.MinUtilisation g) {
        return "Keep every host at least " + Num.show(g.percent()) + " % busy";
    }
}
