package cloudlab.sim;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a layout amounts to (contract section 3): which hosts are up and how full, each VM's
 * status, each app's availability and, when users are given, round trips to every region.
 */
public record Report(List<String> failed, List<HostReport> hosts, List<VmReport> vms, List<AppReport> apps,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<UserReport> users) {

    /** Used against capacity for one resource. */
    public record Use(BigDecimal used, BigDecimal capacity) {
    }

    public record HostReport(String id, String region, String zone, String datacenter, String hypervisor, boolean up,
                             Use vcpus, Use memoryGiB, Use diskGiB) {
    }

    /** {@code status} is running, stopped or down; {@code app} is null where the VM has none. */
    public record VmReport(String id, String host, String app, String status) {
    }

    public record AppReport(String name, int running, int minRunning, boolean available) {
    }

    /** {@code nearestServing} is null where no region runs anything. */
    public record UserReport(String name, Map<String, BigDecimal> rttMs, Nearest nearestServing) {
    }

    public record Nearest(String region, BigDecimal rttMs) {
    }

    /** The report of one VM by id, or null. */
    public VmReport vm(String id) {
        for (VmReport v : vms) if (v.id().equals(id)) return v;
        return null;
    }

    public AppReport app(String name) {
        for (AppReport a : apps) if (a.name().equals(name)) return a;
        return null;
    }

    public HostReport host(String id) {
        for (HostReport h : hosts) if (h.id().equals(id)) return h;
        return null;
    }
}
