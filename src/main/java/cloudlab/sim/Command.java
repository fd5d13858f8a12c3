package cloudlab.sim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;

/**
 * What a learner asks a sandbox to do. The {@link Decider} checks a command against the state
 * and answers with events or with a refusal that says why; nothing changes on a refusal.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(Command.SetName.class), @JsonSubTypes.Type(Command.AddApp.class),
        @JsonSubTypes.Type(Command.SetMinRunning.class), @JsonSubTypes.Type(Command.RemoveApp.class),
        @JsonSubTypes.Type(Command.AddRegion.class), @JsonSubTypes.Type(Command.MoveRegion.class),
        @JsonSubTypes.Type(Command.RemoveRegion.class), @JsonSubTypes.Type(Command.AddZone.class),
        @JsonSubTypes.Type(Command.RemoveZone.class), @JsonSubTypes.Type(Command.AddDatacenter.class),
        @JsonSubTypes.Type(Command.RemoveDatacenter.class), @JsonSubTypes.Type(Command.AddHost.class),
        @JsonSubTypes.Type(Command.ChangeHost.class), @JsonSubTypes.Type(Command.RemoveHost.class),
        @JsonSubTypes.Type(Command.AddVm.class), @JsonSubTypes.Type(Command.ResizeVm.class),
        @JsonSubTypes.Type(Command.RemoveVm.class), @JsonSubTypes.Type(Command.StartVm.class),
        @JsonSubTypes.Type(Command.StopVm.class), @JsonSubTypes.Type(Command.MigrateVm.class),
        @JsonSubTypes.Type(Command.SetVmApp.class), @JsonSubTypes.Type(Command.Rename.class),
        @JsonSubTypes.Type(Command.Fail.class), @JsonSubTypes.Type(Command.Restore.class),
        @JsonSubTypes.Type(Command.PlaceUser.class), @JsonSubTypes.Type(Command.RemoveUser.class),
        @JsonSubTypes.Type(Command.SetVmLoad.class), @JsonSubTypes.Type(Command.SetHostOsLoad.class)
})
public sealed interface Command {
    /** Hands this command to the visitor's method for its kind. */
    <R> R accept(Visitor<R> visitor);

    /** Names the layout (null or blank clears the name). */
    record SetName(String name) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.setName(this);
        }
    }

    /** Declares an app; {@code minRunning} null means 1. */
    record AddApp(String name, Integer minRunning) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.addApp(this);
        }
    }

    record SetMinRunning(String app, int minRunning) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.setMinRunning(this);
        }
    }

    /** Removes an app; its VMs stay and serve no app. */
    record RemoveApp(String name) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.removeApp(this);
        }
    }

    /** Adds a region: a catalog code with no location, or a custom code with one. */
    record AddRegion(String code, Location location) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.addRegion(this);
        }
    }

    /** Moves a custom region. */
    record MoveRegion(String code, Location location) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.moveRegion(this);
        }
    }

    /** Removes a region with everything in it. */
    record RemoveRegion(String code) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.removeRegion(this);
        }
    }

    record AddZone(String region, String id) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.addZone(this);
        }
    }

    record RemoveZone(String id) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.removeZone(this);
        }
    }

    record AddDatacenter(String zone, String id) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.addDatacenter(this);
        }
    }

    record RemoveDatacenter(String id) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.removeDatacenter(this);
        }
    }

    record AddHost(String datacenter, String id, HostSpec spec) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.addHost(this);
        }
    }

    /** Changes a host's hypervisor, size or overcommit; its VMs must still fit. */
    record ChangeHost(String id, HostSpec spec) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.changeHost(this);
        }
    }

    /** Removes a host with its VMs. */
    record RemoveHost(String id) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.removeHost(this);
        }
    }

    /**
     * Adds a VM, either to the named host or, when {@code host} is null, to the host that the
     * placement policy picks.
     */
    record AddVm(String id, VmSpec spec, String host, Placement.Policy policy) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.addVm(this);
        }
    }

    record ResizeVm(String id, int vcpus, BigDecimal memoryGiB, BigDecimal diskGiB) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.resizeVm(this);
        }
    }

    record RemoveVm(String id) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.removeVm(this);
        }
    }

    record StartVm(String id) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.startVm(this);
        }
    }

    record StopVm(String id) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.stopVm(this);
        }
    }

    record MigrateVm(String id, String host) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.migrateVm(this);
        }
    }

    /** Tags a VM with an app, or with none when {@code app} is null. */
    record SetVmApp(String id, String app) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.setVmApp(this);
        }
    }

    /** Gives a zone, data center, host or VM a new id. */
    record Rename(String id, String newId) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.rename(this);
        }
    }

    /** Fails a region, zone, data center or host (R5). */
    record Fail(String id) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.fail(this);
        }
    }

    record Restore(String id) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.restore(this);
        }
    }

    /** Puts a user at a place, or moves one already there. */
    record PlaceUser(String name, Location location) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.placeUser(this);
        }
    }

    record RemoveUser(String name) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.removeUser(this);
        }
    }

    /**
     * Sets what a VM asks of its host over time: CPU demand, active memory, shares, reservation and
     * limit (time extension); {@code load} null puts it back to idle with default shares.
     */
    record SetVmLoad(String id, cloudlab.sim.time.VmLoad load) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.setVmLoad(this);
        }
    }

    /** Sets a type 2 host's own OS load in percent of its cores (time extension); {@code load} null clears it. */
    record SetHostOsLoad(String id, cloudlab.sim.time.Profile load) implements Command {
        public <R> R accept(Visitor<R> v) {
            return v.setHostOsLoad(this);
        }
    }

    /**
     * One method per kind of command: a concern that handles commands implements this, so the
     * compiler names every kind it has not handled yet.
     */
    interface Visitor<R> {
        R setName(SetName c);

        R addApp(AddApp c);

        R setMinRunning(SetMinRunning c);

        R removeApp(RemoveApp c);

        R addRegion(AddRegion c);

        R moveRegion(MoveRegion c);

        R removeRegion(RemoveRegion c);

        R addZone(AddZone c);

        R removeZone(RemoveZone c);

        R addDatacenter(AddDatacenter c);

        R removeDatacenter(RemoveDatacenter c);

        R addHost(AddHost c);

        R changeHost(ChangeHost c);

        R removeHost(RemoveHost c);

        R addVm(AddVm c);

        R resizeVm(ResizeVm c);

        R removeVm(RemoveVm c);

        R startVm(StartVm c);

        R stopVm(StopVm c);

        R migrateVm(MigrateVm c);

        R setVmApp(SetVmApp c);

        R rename(Rename c);

        R fail(Fail c);

        R restore(Restore c);

        R placeUser(PlaceUser c);

        R removeUser(RemoveUser c);

        R setVmLoad(SetVmLoad c);

        R setHostOsLoad(SetHostOsLoad c);
    }
}
