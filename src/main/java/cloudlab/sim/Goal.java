package cloudlab.sim;

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

    /** The app is available in the layout as it is. */
    record AppAvailable(JsonNode argument, String app) implements Goal {
        public String name() {
            return "appAvailable";
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
    }

    /**
     * The app asks for at least {@code count} running VMs: a project addition that keeps a learner
     * from passing a survival goal by lowering the bar.
     */
    record MinRunning(JsonNode argument, String app, int count) implements Goal {
        public String name() {
            return "minRunning";
        }
    }

    record MaxHosts(JsonNode argument, int max) implements Goal {
        public String name() {
            return "maxHosts";
        }
    }

    record MinZones(JsonNode argument, String region, int count) implements Goal {
        public String name() {
            return "minZones";
        }
    }

    record AllHostsHypervisor(JsonNode argument, Hypervisor hypervisor) implements Goal {
        public String name() {
            return "allHostsHypervisor";
        }
    }

    record MaxCpuOvercommit(JsonNode argument, BigDecimal max) implements Goal {
        public String name() {
            return "maxCpuOvercommit";
        }
    }

    record MaxRttMs(JsonNode argument, Location user, String app, BigDecimal ms) implements Goal {
        public String name() {
            return "maxRttMs";
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
    }

    /** Time dimension (project addition): no running VM of the app has memory swapped out. */
    record NoSwap(JsonNode argument, String app) implements Goal {
        public String name() {
            return "noSwap";
        }
    }

    /** Time dimension (project addition): every up host is at least {@code percent} busy on average over a minute. */
    record MinUtilisation(JsonNode argument, BigDecimal percent) implements Goal {
        public String name() {
            return "minUtilisation";
        }
    }
}
