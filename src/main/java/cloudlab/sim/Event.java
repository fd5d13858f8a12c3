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
        @JsonSubTypes.Type(Event.UserPlaced.class), @JsonSubTypes.Type(Event.UserRemoved.class),
        @JsonSubTypes.Type(Event.VmLoadSet.class), @JsonSubTypes.Type(Event.HostOsLoadSet.class)
})
public sealed interface Event {
    /** Hands this event to the visitor's method for its kind. */
    <R> R accept(Visitor<R> visitor);

    record LayoutNamed(String name) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.layoutNamed(this);
        }
    }

    record AppAdded(String name, int minRunning) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.appAdded(this);
        }
    }

    record AppMinRunningSet(String name, int minRunning) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.appMinRunningSet(this);
        }
    }

    /** The app goes, and every VM that served it serves no app. */
    record AppRemoved(String name) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.appRemoved(this);
        }
    }

    /** A region; {@code location} is null for a catalog code. */
    record RegionAdded(String code, Location location) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.regionAdded(this);
        }
    }

    record RegionMoved(String code, Location location) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.regionMoved(this);
        }
    }

    /** The region goes with everything in it. */
    record RegionRemoved(String code) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.regionRemoved(this);
        }
    }

    record ZoneAdded(String region, String id) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.zoneAdded(this);
        }
    }

    record ZoneRemoved(String id) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.zoneRemoved(this);
        }
    }

    record DatacenterAdded(String zone, String id) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.datacenterAdded(this);
        }
    }

    record DatacenterRemoved(String id) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.datacenterRemoved(this);
        }
    }

    record HostAdded(String datacenter, String id, HostSpec spec) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.hostAdded(this);
        }
    }

    record HostChanged(String id, HostSpec spec) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.hostChanged(this);
        }
    }

    record HostRemoved(String id) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.hostRemoved(this);
        }
    }

    record VmAdded(String host, String id, VmSpec spec) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.vmAdded(this);
        }
    }

    record VmResized(String id, int vcpus, BigDecimal memoryGiB, BigDecimal diskGiB) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.vmResized(this);
        }
    }

    record VmRemoved(String id) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.vmRemoved(this);
        }
    }

    record VmStarted(String id) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.vmStarted(this);
        }
    }

    record VmStopped(String id) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.vmStopped(this);
        }
    }

    record VmMigrated(String id, String host) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.vmMigrated(this);
        }
    }

    /** {@code app} is null to take the VM off its app. */
    record VmAppSet(String id, String app) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.vmAppSet(this);
        }
    }

    record NodeRenamed(String id, String newId) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.nodeRenamed(this);
        }
    }

    record Failed(String id) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.failed(this);
        }
    }

    record Restored(String id) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.restored(this);
        }
    }

    record UserPlaced(String name, Location location) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.userPlaced(this);
        }
    }

    record UserRemoved(String name) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.userRemoved(this);
        }
    }

    /** A VM's load over time (time extension); {@code load} null puts it back to idle with default shares. */
    record VmLoadSet(String id, cloudlab.sim.time.VmLoad load) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.vmLoadSet(this);
        }
    }

    /** A type 2 host's own OS load in percent of its cores (time extension); {@code load} null clears it. */
    record HostOsLoadSet(String id, cloudlab.sim.time.Profile load) implements Event {
        public <R> R accept(Visitor<R> v) {
            return v.hostOsLoadSet(this);
        }
    }

    /**
     * One method per kind of event: a concern that handles events implements this, so the
     * compiler names every kind it has not handled yet.
     */
    interface Visitor<R> {
        R layoutNamed(LayoutNamed e);

        R appAdded(AppAdded e);

        R appMinRunningSet(AppMinRunningSet e);

        R appRemoved(AppRemoved e);

        R regionAdded(RegionAdded e);

        R regionMoved(RegionMoved e);

        R regionRemoved(RegionRemoved e);

        R zoneAdded(ZoneAdded e);

        R zoneRemoved(ZoneRemoved e);

        R datacenterAdded(DatacenterAdded e);

        R datacenterRemoved(DatacenterRemoved e);

        R hostAdded(HostAdded e);

        R hostChanged(HostChanged e);

        R hostRemoved(HostRemoved e);

        R vmAdded(VmAdded e);

        R vmResized(VmResized e);

        R vmRemoved(VmRemoved e);

        R vmStarted(VmStarted e);

        R vmStopped(VmStopped e);

        R vmMigrated(VmMigrated e);

        R vmAppSet(VmAppSet e);

        R nodeRenamed(NodeRenamed e);

        R failed(Failed e);

        R restored(Restored e);

        R userPlaced(UserPlaced e);

        R userRemoved(UserRemoved e);

        R vmLoadSet(VmLoadSet e);

        R hostOsLoadSet(HostOsLoadSet e);
    }
}
