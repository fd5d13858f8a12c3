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
        @JsonSubTypes.Type(Command.PlaceUser.class), @JsonSubTypes.Type(Command.RemoveUser.class)
})
public sealed interface Command {
    /** Names the layout (null or blank clears the name). */
    record SetName(String name) implements Command {}

    /** Declares an app; {@code minRunning} null means 1. */
    record AddApp(String name, Integer minRunning) implements Command {}

    record SetMinRunning(String app, int minRunning) implements Command {}

    /** Removes an app; its VMs stay and serve no app. */
    record RemoveApp(String name) implements Command {}

    /** Adds a region: a catalog code with no location, or a custom code with one. */
    record AddRegion(String code, Location location) implements Command {}

    /** Moves a custom region. */
    record MoveRegion(String code, Location location) implements Command {}

    /** Removes a region with everything in it. */
    record RemoveRegion(String code) implements Command {}

    record AddZone(String region, String id) implements Command {}

    record RemoveZone(String id) implements Command {}

    record AddDatacenter(String zone, String id) implements Command {}

    record RemoveDatacenter(String id) implements Command {}

    record AddHost(String datacenter, String id, HostSpec spec) implements Command {}

    /** Changes a host's hypervisor, size or overcommit; its VMs must still fit. */
    record ChangeHost(String id, HostSpec spec) implements Command {}

    /** Removes a host with its VMs. */
    record RemoveHost(String id) implements Command {}

    /**
     * Adds a VM, either to the named host or, when {@code host} is null, to the host that the
     * placement policy picks.
     */
    record AddVm(String id, VmSpec spec, String host, Placement.Policy policy) implements Command {}

    record ResizeVm(String id, int vcpus, BigDecimal memoryGiB, BigDecimal diskGiB) implements Command {}

    record RemoveVm(String id) implements Command {}

    record StartVm(String id) implements Command {}

    record StopVm(String id) implements Command {}

    record MigrateVm(String id, String host) implements Command {}

    /** Tags a VM with an app, or with none when {@code app} is null. */
    record SetVmApp(String id, String app) implements Command {}

    /** Gives a zone, data center, host or VM a new id. */
    record Rename(String id, String newId) implements Command {}

    /** Fails a region, zone, data center or host (R5). */
    record Fail(String id) implements Command {}

    record Restore(String id) implements Command {}

    /** Puts a user at a place, or moves one already there. */
    record PlaceUser(String name, Location location) implements Command {}

    record RemoveUser(String name) implements Command {}
}
