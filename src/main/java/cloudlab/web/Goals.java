package cloudlab.web;

import cloudlab.sim.Goal;
import cloudlab.sim.Num;

/** Goals of a challenge in plain words for a learner. */
final class Goals {
    private Goals() {
    }

    static String describe(Goal goal) {
        if (goal instanceof Goal.AppAvailable g) return "Keep " + g.app() + " available";
        if (goal instanceof Goal.Survives g) {
            return g.app() + " stays available when any one " + g.level().word() + " fails";
        }
        if (goal instanceof Goal.MinRunning g) return "Keep " + g.app() + " asking for at least " + Num.count(g.count(), "running VM");
        if (goal instanceof Goal.MaxHosts g) return "Use at most " + Num.count(g.max(), "host");
        if (goal instanceof Goal.MinZones g) return "Use at least " + Num.count(g.count(), "zone") + " with hosts in " + g.region();
        if (goal instanceof Goal.AllHostsHypervisor g) return "Run every host on a " + g.hypervisor().word() + " hypervisor";
        if (goal instanceof Goal.MaxCpuOvercommit g) return "Keep CPU overcommit at or below " + Num.show(g.max());
        if (goal instanceof Goal.MaxRttMs g) {
            return "Serve " + g.app() + " within " + Num.show(g.ms()) + " ms of (" + Num.show(g.user().lat()) + ", "
                    + Num.show(g.user().lon()) + ")";
        }
        if (goal instanceof Goal.MaxStealPercent g) return "Keep every VM of " + g.app() + " waiting at most " + Num.show(g.percent()) + " % of the CPU it wants";
        if (goal instanceof Goal.NoSwap g) return "Keep every VM of " + g.app() + " out of swap";
        if (goal instanceof Goal.MinUtilisation g) return "Keep every host at least " + Num.show(g.percent()) + " % busy";
        return goal.name();
    }
}
