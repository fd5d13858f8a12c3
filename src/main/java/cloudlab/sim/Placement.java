package cloudlab.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Add this VM where it fits": picks an up host by one of three policies, or says why none fits.
 */
public final class Placement {
    /** How a host is chosen. */
    public enum Policy {
        /** The first host in document order where the VM fits. */
        FIRST_FIT("first-fit", "first fit: the first host with room"),
        /** The host left with the fewest free vCPUs after placing, then the least free memory, then document order. */
        BEST_FIT("best-fit", "best fit: the host left with the fewest free vCPUs"),
        /** The zone with the fewest running VMs of the same app, then of any app; first-fit inside it. */
        SPREAD("spread", "spread: the zone running the fewest VMs of its app");

        private final String word;
        private final String reason;

        Policy(String word, String reason) {
            this.word = word;
            this.reason = reason;
        }

        public String word() {
            return word;
        }

        /** How the policy picks, for a person: "first fit: the first host with room". */
        public String reason() {
            return reason;
        }

        /** The policy a word names ({@code first-fit}, {@code best-fit}, {@code spread}), or null. */
        public static Policy fromWord(String word) {
            for (Policy p : values()) if (p.word.equals(word)) return p;
            return null;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    /** The chosen host, or null with the reason nothing fits. */
    public record Choice(Host host, String refusal) {
    }

    private Placement() {
    }

    public static Choice choose(Layout layout, VmSpec vm, Policy policy) {
        List<Host> up = new ArrayList<>();
        for (Host h : layout.hosts()) if (layout.isUp(h)) up.add(h);
        if (up.isEmpty()) {
            return new Choice(null, layout.hosts().isEmpty() ? "there are no hosts yet: add one first" : "every host is down");
        }
        Host chosen = switch (policy) {
            case FIRST_FIT -> firstFit(up, vm);
            case BEST_FIT -> bestFit(up, vm);
            case SPREAD -> spread(layout, up, vm);
        };
        if (chosen != null) return new Choice(chosen, null);
        return new Choice(null, noRoom(up, vm));
    }

    private static Host firstFit(List<Host> hosts, VmSpec vm) {
        for (Host h : hosts) if (Capacity.fits(h, vm)) return h;
        return null;
    }

    private static Host bestFit(List<Host> hosts, VmSpec vm) {
        Host best = null;
        BigDecimal bestCpu = null;
        BigDecimal bestMem = null;
        BigDecimal cpuNeed = vm.running() ? BigDecimal.valueOf(vm.vcpus()) : BigDecimal.ZERO;
        BigDecimal memNeed = vm.running() ? vm.memoryGiB() : BigDecimal.ZERO;
        for (Host h : hosts) {
            if (!Capacity.fits(h, vm)) continue;
            BigDecimal cpu = h.freeVcpus().subtract(cpuNeed);
            BigDecimal mem = h.freeMemoryGiB().subtract(memNeed);
            if (best == null || cpu.compareTo(bestCpu) < 0 || (cpu.compareTo(bestCpu) == 0 && mem.compareTo(bestMem) < 0)) {
                best = h;
                bestCpu = cpu;
                bestMem = mem;
            }
        }
        return best;
    }

    private static Host spread(Layout layout, List<Host> up, VmSpec vm) {
        Map<Zone, int[]> running = new HashMap<>(); // zone -> {same app, any app}
        for (Host h : up) {
            int[] c = running.computeIfAbsent(h.zone(), z -> new int[2]);
            for (Vm v : h.vms.values()) {
                if (!v.running) continue;
                c[1]++;
                if (vm.app() != null && vm.app().equals(v.app)) c[0]++;
            }
        }
        Zone bestZone = null;
        Host bestHost = null;
        int[] bestCount = null;
        for (Zone z : layout.zones()) {
            int[] c = running.get(z);
            if (c == null) continue; // no up host in this zone
            if (bestCount != null && (c[0] > bestCount[0] || (c[0] == bestCount[0] && c[1] >= bestCount[1]))) continue;
            Host h = firstFitIn(z, vm, layout);
            if (h == null) continue;
            bestZone = z;
            bestHost = h;
            bestCount = c;
        }
        return bestZone == null ? null : bestHost;
    }

    private static Host firstFitIn(Zone z, VmSpec vm, Layout layout) {
        for (Datacenter d : z.datacenters.values()) {
            for (Host h : d.hosts.values()) {
                if (layout.isUp(h) && Capacity.fits(h, vm)) return h;
            }
        }
        return null;
    }

    private static String noRoom(List<Host> up, VmSpec vm) {
        Host closest = null;
        for (Host h : up) {
            if (closest == null || h.freeVcpus().compareTo(closest.freeVcpus()) > 0) closest = h;
        }
        String why = Capacity.problem(closest, vm);
        return "no up host has room for this VM (" + vm.describe() + ")" + (why == null ? "" : "; closest: " + why);
    }
}
