package cloudlab.sim.grade;

import cloudlab.sim.Hypervisor;
import cloudlab.sim.Location;
import cloudlab.sim.Node;
import cloudlab.sim.Zone;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * One goal of a challenge (contract section 5), with its argument exactly as the author wrote
 * it, which a graded check echoes back.
 */
public sealed interface Goal {
    /** The goal's name as written in a challenge ({@code survivesZoneFailure}). */
    String name();

    /** The argument as written. */
    JsonNode argument();

    /** Hands this goal to the visitor's method for its kind. */
    <R> R accept(Visitor<R> visitor);

    /** The app is available in the layout as it is. */
    record AppAvailable(JsonNode argument, String app) implements Goal {
        public String name() {
            return "appAvailable";
        }

        public <R> R accept(Visitor<R> v) {
            return v.appAvailable(this);
        }
    }

    /**
     * The app is available with nothing failed and stays available with each region, zone, data
     * center or host (by {@code level}) failed alone. Zone and region are the contract's; data
     * center and host are this project's additions.
     */
    record Survives(JsonNode argument, Node.Kind level, String app) implements Goal {
        public String name() {
            return switch (level) {
                case REGION -> "survivesRegionFailure";
                case ZONE -> "survivesZoneFailure";
                case DATACENTER -> "survivesDatacenterFailure";
                case HOST -> "survivesHostFailure";
                case VM -> throw new IllegalStateException("VMs do not fail");
            };
        }

        public <R> R accept(Visitor<R> v) {
            return v.survives(this);
        }
    }

    /**
     * The app asks for at least {@code count} running VMs: a project addition that keeps a learner
     * from passing a survival goal by lowering the bar.
     */
    record MinRunning(JsonNode argument, String app, int count) implements Goal {
        public String name() {
            return "minRunning";
        }

        public <R> R accept(Visitor<R> v) {
            return v.minRunning(this);
        }
    }

    record MaxHosts(JsonNode argument, int max) implements Goal {
        public String name() {
            return "maxHosts";
        }

        public <R> R accept(Visitor<R> v) {
            return v.maxHosts(this);
        }
    }

    record MinZones(JsonNode argument, String region, int count) implements Goal {
        public String name() {
            return "minZones";
        }

        public <R> R accept(Visitor<R> v) {
            return v.minZones(this);
        }
    }

    record AllHostsHypervisor(JsonNode argument, Hypervisor hypervisor) implements Goal {
        public String name() {
            return "allHostsHypervisor";
        }

        public <R> R accept(Visitor<R> v) {
            return v.allHostsHypervisor(this);
        }
    }

    record MaxCpuOvercommit(JsonNode argument, BigDecimal max) implements Goal {
        public String name() {
            return "maxCpuOvercommit";
        }

        public <R> R accept(Visitor<R> v) {
            return v.maxCpuOvercommit(this);
        }
    }

    record MaxRttMs(JsonNode argument, Location user, String app, BigDecimal ms) implements Goal {
        public String name() {
            return "maxRttMs";
        }

        public <R> R accept(Visitor<R> v) {
            return v.maxRttMs(this);
        }
    }

    /** One method per kind of goal: the grader and the goals' wording implement it, so none is left out. */
    interface Visitor<R> {
        R appAvailable(AppAvailable g);

        R survives(Survives g);

        R minRunning(MinRunning g);

        R maxHosts(MaxHosts g);

        R minZones(MinZones g);

        R allHostsHypervisor(AllHostsHypervisor g);

        R maxCpuOvercommit(MaxCpuOvercommit g);

        R maxRttMs(MaxRttMs g);

        R emptyHost(EmptyHost g);

        R maxMonthlyCost(MaxMonthlyCost g);

        R maxStealPercent(MaxStealPercent g);

        R noSwap(NoSwap g);

        R minUtilisation(MinUtilisation g);
    }

    /** The host is in the layout and holds no VM: drained, not deleted (a project addition). */
    record EmptyHost(JsonNode argument, String host) implements Goal {
        public String name() {
            return "emptyHost";
        }

        public <R> R accept(Visitor<R> v) {
            return v.emptyHost(this);
        }
    }

    /**
     * The layout's monthly bill ({@link cloudlab.sim.Cost#monthly}) is at most {@code usd} when each app writes
     * {@code writtenGb} GB a month (a project addition).
     */
    record MaxMonthlyCost(JsonNode argument, BigDecimal usd, BigDecimal writtenGb) implements Goal {
        public String name() {
            return "maxMonthlyCost";
        }

        public <R> R accept(Visitor<R> v) {
            return v.maxMonthlyCost(this);
        }
    }

    /**
     * Time dimension (project addition): no running VM of the app waits for more than {@code percent}
     * of the CPU it wants in any second of a run of {@code seconds} under the fair policy.
     */
    record MaxStealPercent(JsonNode argument, String app, BigDecimal percent, int seconds) implements Goal {
        public String name() {
            return "maxStealPercent";
        }

        public <R> R accept(Visitor<R> v) {
            return v.maxStealPercent(this);
        }
    }

    /** Time dimension (project addition): no running VM of the app has memory swapped out. */
    record NoSwap(JsonNode argument, String app) implements Goal {
        public String name() {
            return "noSwap";
        }

        public <R> R accept(Visitor<R> v) {
            return v.noSwap(this);
        }
    }

    /** Time dimension (project addition): every up host is at least {@code percent} busy on average over a minute. */
    record MinUtilisation(JsonNode argument, BigDecimal percent) implements Goal {
        public String name() {
            return "minUtilisation";
        }

        public <R> R accept(Visitor<R> v) {
            return v.minUtilisation(this);
        }
    }
}
