package cloudlab.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies rules R5–R7 to a valid layout and writes the report. The layout is read, never changed:
 * extra failures and users (from the command line or a request) are added for this report only.
 */
public final class Simulator {
    private Simulator() {
    }

    /** The report of the layout as it is. */
    public static Report simulate(Layout layout) {
        return simulate(layout, List.of(), List.of());
    }

    /**
     * The report with {@code extraFailed} added to the layout's failures (each id once, the
     * layout's first) and {@code extraUsers} after its users. Callers check the ids beforehand
     * with {@link #failProblem}.
     */
    public static Report simulate(Layout layout, Collection<String> extraFailed, Collection<User> extraUsers) {
        LinkedHashSet<String> failed = new LinkedHashSet<>(layout.failed());
        failed.addAll(extraFailed);

        List<Report.HostReport> hosts = new ArrayList<>();
        List<Report.VmReport> vms = new ArrayList<>();
        Map<String, Integer> runningByApp = new HashMap<>();
        Set<Region> serving = new LinkedHashSet<>();
        for (Host h : layout.hosts()) {
            boolean up = Layout.isUp(h, failed);
            Zone z = h.zone();
            hosts.add(new Report.HostReport(h.id(), z.region().code(), z.id(), h.datacenter().id(), h.hypervisor().word(), up,
                    new Report.Use(BigDecimal.valueOf(h.usedVcpus()), h.vcpuCapacity()),
                    new Report.Use(h.usedMemoryGiB(), h.memoryCapacityGiB()),
                    new Report.Use(h.usedDiskGiB(), h.storageGiB())));
            for (Vm vm : h.vms()) {
                String status = status(vm, up);
                vms.add(new Report.VmReport(vm.id(), h.id(), vm.app(), status));
                if (status.equals("running")) {
                    serving.add(z.region());
                    if (vm.app() != null) runningByApp.merge(vm.app(), 1, Integer::sum);
                }
            }
        }
        List<Report.AppReport> apps = new ArrayList<>();
        for (App a : layout.apps()) {
            int running = runningByApp.getOrDefault(a.name(), 0);
            apps.add(new Report.AppReport(a.name(), running, a.minRunning(), running >= a.minRunning()));
        }
        List<User> allUsers = new ArrayList<>(layout.users());
        allUsers.addAll(extraUsers);
        List<Report.UserReport> users = allUsers.isEmpty() ? null : new ArrayList<>();
        for (User u : allUsers) {
            Map<String, BigDecimal> rtt = new LinkedHashMap<>();
            Report.Nearest nearest = null;
            for (Region r : layout.regions()) {
                BigDecimal ms = Latency.rttMs(u.location(), r.location());
                rtt.put(r.code(), ms);
                if (serving.contains(r) && (nearest == null || ms.compareTo(nearest.rttMs()) < 0)) {
                    nearest = new Report.Nearest(r.code(), ms);
                }
            }
            users.add(new Report.UserReport(u.name(), rtt, nearest));
        }
        return new Report(List.copyOf(failed), hosts, vms, apps, users);
    }

    /** running, stopped or down (R5): a started VM on a host that is down is down. */
    public static String status(Vm vm, boolean hostUp) {
        if (!vm.running()) return "stopped";
        return hostUp ? "running" : "down";
    }

    /** Null when the id names a region, zone, data center or host of the layout; else why it cannot fail. */
    public static String failProblem(Layout layout, String id) {
        Node n = layout.node(id);
        if (n == null) return "no region, zone, data center or host has the id " + Rules.quote(id);
        if (!n.kind().canFail()) return id + " is a VM; only regions, zones, data centers and hosts can fail";
        return null;
    }
}
