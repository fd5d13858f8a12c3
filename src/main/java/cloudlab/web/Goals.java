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
        if (goal instanceof Goal.EmptyHost g) return "Empty host " + g.host() + " of VMs, keeping the host";
        if (goal instanceof Goal.MaxMonthlyCost g) {
            return "Keep the monthly bill at or below " + cloudlab.sim.Cost.usd(g.usd()) + " (each app writes " + Num.show(g.writtenGb()) + " GB a month)";
        }
        return goal.name();
    }
}
