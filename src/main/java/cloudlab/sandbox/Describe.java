package cloudlab.sandbox;

import cloudlab.sim.Command;
import cloudlab.sim.Event;
import cloudlab.sim.History;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Num;
import cloudlab.sim.Placement;

import java.math.BigDecimal;
import java.util.List;

/** A command in a few words, for the timeline ("Added host h1: type1, 16 cores, 64 GiB"). */
public final class Describe implements Command.Visitor<String> {
    private static final Describe WORDS = new Describe();

    private Describe() {
    }

    public static String command(Command command) {
        return command.accept(WORDS);
    }

    /**
     * A step of the timeline in a few words, saying so when the instructor gave it ("Your
     * instructor failed use1-az1"): the learner did not do it and their undo passes over it.
     */
    public static String step(History.Entry entry) {
        if (!entry.instructor()) return command(entry.command());
        return instructor(entry.command());
    }

    /** The instructor's command as the learner is told of it ("Your instructor failed use1-az1"). */
    public static String instructor(Command command) {
        if (command instanceof Command.Fail f) return "Your instructor failed " + f.id();
        if (command instanceof Command.Restore r) return "Your instructor restored " + r.id();
        return "Your instructor: " + command(command);
    }

    /**
     * What an accepted command did, for the message beside the form: its words, and for a VM that a
     * policy placed, where it went and why ("Added VM web-3 → fra-2 (first fit: the first host with room)").
     */
    public static String outcome(Command command, List<Event> events) {
        if (command instanceof Command.AddVm c) {
            for (Event e : events) {
                if (e instanceof Event.VmAdded added) {
                    String why = c.host() != null ? "the host you chose"
                            : (c.policy() == null ? Placement.Policy.FIRST_FIT : c.policy()).reason();
                    return "Added VM " + c.id() + " → " + added.host() + " (" + why + "): " + c.spec().describe();
                }
            }
        }
        return command(command);
    }

    @Override
    public String setName(Command.SetName c) {
        return c.name() == null ? "Cleared the layout's name" : "Named the layout \"" + c.name() + "\"";
    }

    @Override
    public String addApp(Command.AddApp c) {
        return "Added app " + c.name() + " (needs " + (c.minRunning() == null ? 1 : c.minRunning()) + " running)";
    }

    @Override
    public String setMinRunning(Command.SetMinRunning c) {
        return "Set " + c.app() + " to need " + c.minRunning() + " running";
    }

    @Override
    public String removeApp(Command.RemoveApp c) {
        return "Removed app " + c.name();
    }

    @Override
    public String addRegion(Command.AddRegion c) {
        return "Added region " + c.code();
    }

    @Override
    public String moveRegion(Command.MoveRegion c) {
        return "Moved region " + c.code();
    }

    @Override
    public String removeRegion(Command.RemoveRegion c) {
        return "Removed region " + c.code() + " and everything in it";
    }

    @Override
    public String addZone(Command.AddZone c) {
        return "Added zone " + c.id() + " to " + c.region();
    }

    @Override
    public String removeZone(Command.RemoveZone c) {
        return "Removed zone " + c.id();
    }

    @Override
    public String addDatacenter(Command.AddDatacenter c) {
        return "Added data center " + c.id() + " to " + c.zone();
    }

    @Override
    public String removeDatacenter(Command.RemoveDatacenter c) {
        return "Removed data center " + c.id();
    }

    @Override
    public String addHost(Command.AddHost c) {
        return "Added host " + c.id() + " to " + c.datacenter() + ": " + spec(c.spec());
    }

    @Override
    public String changeHost(Command.ChangeHost c) {
        return "Changed host " + c.id() + ": " + spec(c.spec());
    }

    @Override
    public String removeHost(Command.RemoveHost c) {
        return "Removed host " + c.id();
    }

    @Override
    public String addVm(Command.AddVm c) {
        String where = c.host() != null ? "on " + c.host() : "by " + (c.policy() == null ? "first-fit" : c.policy().word());
        return "Added VM " + c.id() + " " + where + ": " + c.spec().describe();
    }

    @Override
    public String resizeVm(Command.ResizeVm c) {
        return "Resized VM " + c.id() + " to " + Num.count(c.vcpus(), "vCPU") + ", " + Num.show(c.memoryGiB()) + " GiB, "
                + Num.show(c.diskGiB()) + " GiB disk";
    }

    @Override
    public String removeVm(Command.RemoveVm c) {
        return "Deleted VM " + c.id();
    }

    @Override
    public String startVm(Command.StartVm c) {
        return "Started VM " + c.id();
    }

    @Override
    public String stopVm(Command.StopVm c) {
        return "Stopped VM " + c.id();
    }

    @Override
    public String migrateVm(Command.MigrateVm c) {
        return "Migrated VM " + c.id() + " to " + c.host();
    }

    @Override
    public String setVmApp(Command.SetVmApp c) {
        return c.app() == null ? "Took VM " + c.id() + " off its app" : "Tagged VM " + c.id() + " with " + c.app();
    }

    @Override
    public String rename(Command.Rename c) {
        return "Renamed " + c.id() + " to " + c.newId();
    }

    @Override
    public String fail(Command.Fail c) {
        return "Failed " + c.id();
    }

    @Override
    public String restore(Command.Restore c) {
        return "Restored " + c.id();
    }

    @Override
    public String placeUser(Command.PlaceUser c) {
        return "Placed user " + c.name() + " at " + Num.show(c.location().lat()) + ", " + Num.show(c.location().lon());
    }

    @Override
    public String removeUser(Command.RemoveUser c) {
        return "Removed user " + c.name();
    }

    @Override
    public String setVmLoad(Command.SetVmLoad c) {
        return c.load() == null ? "Set VM " + c.id() + " idle" : "Set VM " + c.id() + "'s load: " + c.load().describe();
    }

    @Override
    public String setHostOsLoad(Command.SetHostOsLoad c) {
        return c.load() == null ? "Cleared host " + c.id() + "'s own OS load"
                : "Set host " + c.id() + "'s own OS load: " + c.load().describe() + " of its cores";
    }

    private static String spec(HostSpec s) {
        String oc = s.cpuOvercommit().compareTo(BigDecimal.ONE) == 0 && s.memoryOvercommit().compareTo(BigDecimal.ONE) == 0
                ? "" : ", overcommit " + Num.show(s.cpuOvercommit()) + "× CPU / " + Num.show(s.memoryOvercommit()) + "× memory";
        return s.hypervisor().word() + ", " + Num.count(s.cores(), "core") + ", " + Num.show(s.memoryGiB()) + " GiB, "
                + Num.show(s.storageGiB()) + " GiB storage" + oc;
    }
}
