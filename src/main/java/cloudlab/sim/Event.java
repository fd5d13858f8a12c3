package cloudlab.sim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;

/**
 * A fact that happened to a layout. A layout is the fold of its events ({@link Layout#apply});
 * events are produced only by {@link Decider} after it has checked a command against the state,
 * so applying them never needs to check anything again.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(Event.LayoutNamed.class), @JsonSubTypes.Type(Event.AppAdded.class),
        @JsonSubTypes.Type(Event.AppMinRunningSet.class), @JsonSubTypes.Type(Event.AppRemoved.class),
        @JsonSubTypes.Type(Event.RegionAdded.class), @JsonSubTypes.Type(Event.RegionMoved.class),
        @JsonSubTypes.Type(Event.RegionRemoved.class), @JsonSubTypes.Type(Event.ZoneAdded.class),
        @JsonSubTypes.Type(Event.ZoneRemoved.class), @JsonSubTypes.Type(Event.DatacenterAdded.class),
        @JsonSubTypes.Type(Event.DatacenterRemoved.class), @JsonSubTypes.Type(Event.HostAdded.class),
        @JsonSubTypes.Type(Event.HostChanged.class), @JsonSubTypes.Type(Event.HostRemoved.class),
        @JsonSubTypes.Type(Event.VmAdded.class), @JsonSubTypes.Type(Event.VmResized.class),
        @JsonSubTypes.Type(Event.VmRemoved.class), @JsonSubTypes.Type(Event.VmStarted.class),
        @JsonSubTypes.Type(Event.VmStopped.class), @JsonSubTypes.Type(Event.VmMigrated.class),
        @JsonSubTypes.Type(Event.VmAppSet.class), @JsonSubTypes.Type(Event.NodeRenamed.class),
        @JsonSubTypes.Type(Event.Failed.class), @JsonSubTypes.Type(Event.Restored.class),
        @JsonSubTypes.Type(Event.UserPlaced.class), @JsonSubTypes.Type(Event.UserRemoved.class)
})
public sealed interface Event {
    record LayoutNamed(String name) implements Event {}

    record AppAdded(String name, int minRunning) implements Event {}

    record AppMinRunningSet(String name, int minRunning) implements Event {}

    /** The app goes, and every VM that served it serves no app. */
    record AppRemoved(String name) implements Event {}

    /** A region; {@code location} is null for a catalog code. */
    record RegionAdded(String code, Location location) implements Event {}

    record RegionMoved(String code, Location location) implements Event {}

    /** The region goes with everything in it. */
    record RegionRemoved(String code) implements Event {}

    record ZoneAdded(String region, String id) implements Event {}

    record ZoneRemoved(String id) implements Event {}

    record DatacenterAdded(String zone, String id) implements Event {}

    record DatacenterRemoved(String id) implements Event {}

    record HostAdded(String datacenter, String id, HostSpec spec) implements Event {}

    record HostChanged(String id, HostSpec spec) implements Event {}

    record HostRemoved(String id) implements Event {}

    record VmAdded(String host, String id, VmSpec spec) implements Event {}

    record VmResized(String id, int vcpus, BigDecimal memoryGiB, BigDecimal diskGiB) implements Event {}

    record VmRemoved(String id) implements Event {}

    record VmStarted(String id) implements Event {}

    record VmStopped(String id) implements Event {}

    record VmMigrated(String id, String host) implements Event {}

    /** {@code app} is null to take the VM off its app. */
    record VmAppSet(String id, String app) implements Event {}

    record NodeRenamed(String id, String newId) implements Event {}

    record Failed(String id) implements Event {}

    record Restored(String id) implements Event {}

    record UserPlaced(String name, Location location) implements Event {}

    record UserRemoved(String name) implements Event {}
}
