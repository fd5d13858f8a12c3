package cloudlab.sandbox;

import cloudlab.sim.Command;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Num;

/** A command in a few words, for the timeline ("Added host h1: type1, 16 cores, 64 GiB"). */
public final class Describe {
    private Describe() {
    }

    public static String command(Command command) {
        if (command instanceof Command.SetName c) return c.name() == null ? "Cleared the layout's name" : "Named the layout \"" + c.name() + "\"";
        if (command instanceof Command.AddApp c) return "Added app " + c.name() + " (needs " + (c.minRunning() == null ? 1 : c.minRunning()) + " running)";
        if (command instanceof Command.SetMinRunning c) return "Set " + c.app() + " to need " + c.minRunning() + " running";
        if (command instanceof Command.RemoveApp c) return "Removed app " + c.name();
        if (command instanceof Command.AddRegion c) return "Added region " + c.code();
        if (command instanceof Command.MoveRegion c) return "Moved region " + c.code();
        if (command instanceof Command.RemoveRegion c) return "Removed region " + c.code() + " and everything in it";
        if (command instanceof Command.AddZone c) return "Added zone " + c.id() + " to " + c.region();
        if (command instanceof Command.RemoveZone c) return "Removed zone " + c.id();
        if (command instanceof Command.AddDatacenter c) return "Added data center " + c.id() + " to " + c.zone();
        if (command instanceof Command.RemoveDatacenter c) return "Removed data center " + c.id();
        if (command instanceof Command.AddHost c) return "Added host " + c.id() + " to " + c.datacenter() + ": " + spec(c.spec());
        if (command instanceof Command.ChangeHost c) return "Changed host " + c.id() + ": " + spec(c.spec());
        if (command instanceof Command.RemoveHost c) return "Removed host " + c.id();
        if (command instanceof Command.AddVm c) {
            String where = c.host() != null ? "on " + c.host() : "by " + (c.policy() == null ? "first-fit" : c.policy().word());
            return "Added VM " + c.id() + " " + where + ": " + c.spec().describe();
        }
        if (command instanceof Command.ResizeVm c) return "Resized VM " + c.id() + " to " + Num.count(c.vcpus(), "vCPU") + ", "
                + Num.show(c.memoryGiB()) + " GiB, " + Num.show(c.diskGiB()) + " GiB disk";
        if (command instanceof Command.RemoveVm c) return "Deleted VM " + c.id();
        if (command instanceof Command.StartVm c) return "Started VM " + c.id();
        if (command instanceof Command.StopVm c) return "Stopped VM " + c.id();
        if (command instanceof Command.MigrateVm c) return "Migrated VM " + c.id() + " to " + c.host();
        if (command instanceof Command.SetVmApp c) return c.app() == null ? "Took VM " + c.id() + " off its app" : "Tagged VM " + c.id() + " with " + c.app();
        if (command instanceof Command.Rename c) return "Renamed " + c.id() + " to " + c.newId();
        if (command instanceof Command.Fail c) return "Failed " + c.id();
        if (command instanceof Command.Restore c) return "Restored " + c.id();
        if (command instanceof Command.PlaceUser c) return "Placed user " + c.name() + " at " + Num.show(c.location().lat()) + ", " + Num.show(c.location().lon());
        if (command instanceof Command.RemoveUser c) return "Removed user " + c.name();
        return command.getClass().getSimpleName();
    }

    private static String spec(HostSpec s) {
        String oc = s.cpuOvercommit().compareTo(java.math.BigDecimal.ONE) == 0 && s.memoryOvercommit().compareTo(java.math.BigDecimal.ONE) == 0
                ? "" : ", overcommit " + Num.show(s.cpuOvercommit()) + "× CPU / " + Num.show(s.memoryOvercommit()) + "× memory";
        return s.hypervisor().word() + ", " + Num.count(s.cores(), "core") + ", " + Num.show(s.memoryGiB()) + " GiB, "
                + Num.show(s.storageGiB()) + " GiB storage" + oc;
    }
}
