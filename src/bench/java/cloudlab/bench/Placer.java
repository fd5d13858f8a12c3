package cloudlab.bench;

import cloudlab.sim.Datacenter;
import cloudlab.sim.Host;
import cloudlab.sim.Layout;
import cloudlab.sim.Placement;
import cloudlab.sim.Vm;
import cloudlab.sim.VmSpec;
import cloudlab.sim.Zone;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Places many VMs one after another, fast. It makes the same choices as {@link Placement#choose}
 * would if each VM were added before the next was placed, but keeps its own index of the up
 * hosts' free capacity: a segment tree of the largest free vCPU, memory and disk under each range
 * of hosts (first-fit, and first-fit inside a zone for spread), and an ordered set by free vCPU
 * then memory (best-fit). Each placement costs about log(hosts), so 100,000 VMs place in a blink.
 * The layout itself is not changed.
 *
 * <p>It lives with the benchmarks, not in the core: the sandbox places one VM per command, where a
 * scan of the up hosts ({@link Placement#choose}) costs what building this index would, so main
 * code has no use for it, and a second engine in the core would be a second copy of the fit rule.
 * Here it shows how far batch placement can go (against CloudSim Plus), and {@code PlacerTest}
 * holds it to {@link Placement#choose}'s choices.
 */
public final class Placer {
    private static final int SCALE = 3; // capacities in thousandths: every size has at most 3 decimals
    private final Host[] hosts;
    private final long[] cpu;
    private final long[] mem;
    private final long[] disk;
    private final int[] zoneOf;
    private final int[] zoneStart;
    private final int[] zoneEnd;
    private final int[] zoneAny;
    /** For each app, its running VMs in each zone. */
    private final Map<String, int[]> appZones = new HashMap<>();
    private final int size;
    private final long[] maxCpu;
    private final long[] maxMem;
    private final long[] maxDisk;
    /** The ordered set for best-fit, built the first time best-fit is asked for (first-fit and spread never pay for it). */
    private TreeSet<Integer> byFree;
    /** The units of the VM placed last: callers often place many VMs of one spec in a row. */
    private VmSpec lastVm;
    private long lastC;
    private long lastM;
    private long lastD;

    /** An index over the layout's up hosts as they are now. */
    public Placer(Layout layout) {
        List<Host> up = new ArrayList<>();
        List<Zone> zones = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        for (Zone z : layout.zones()) {
            int start = up.size();
            for (Datacenter d : z.datacenters()) for (Host h : d.hosts()) if (layout.isUp(h)) up.add(h);
            zones.add(z);
            ranges.add(new int[] {start, up.size()});
        }
        hosts = up.toArray(new Host[0]);
        int n = hosts.length;
        cpu = new long[n + 1]; // slot n is a probe for searching the ordered set
        mem = new long[n + 1];
        disk = new long[n + 1];
        zoneOf = new int[n];
        zoneStart = new int[zones.size()];
        zoneEnd = new int[zones.size()];
        zoneAny = new int[zones.size()];
        for (int z = 0; z < zones.size(); z++) {
            zoneStart[z] = ranges.get(z)[0];
            zoneEnd[z] = ranges.get(z)[1];
            for (int i = zoneStart[z]; i < zoneEnd[z]; i++) {
                zoneOf[i] = z;
                for (Vm v : hosts[i].vms()) {
                    if (!v.running()) continue;
                    zoneAny[z]++;
                    if (v.app() != null) appZones.computeIfAbsent(v.app(), a -> new int[zones.size()])[z]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            cpu[i] = units(hosts[i].freeVcpus());
            mem[i] = units(hosts[i].freeMemoryGiB());
            disk[i] = units(hosts[i].freeDiskGiB());
        }
        int s = 1;
        while (s < Math.max(1, n)) s <<= 1;
        size = s;
        maxCpu = new long[2 * s];
        maxMem = new long[2 * s];
        maxDisk = new long[2 * s];
        java.util.Arrays.fill(maxCpu, Long.MIN_VALUE);
        java.util.Arrays.fill(maxMem, Long.MIN_VALUE);
        java.util.Arrays.fill(maxDisk, Long.MIN_VALUE);
        for (int i = 0; i < n; i++) {
            maxCpu[s + i] = cpu[i];
            maxMem[s + i] = mem[i];
            maxDisk[s + i] = disk[i];
        }
        for (int k = s - 1; k >= 1; k--) pull(k);
    }

    /** The up hosts ordered by free vCPUs, then free memory, then document order, made from the free capacity now. */
    private TreeSet<Integer> byFree() {
        if (byFree == null) {
            byFree = new TreeSet<>((a, b) -> {
                int c = Long.compare(cpu[a], cpu[b]);
                if (c != 0) return c;
                c = Long.compare(mem[a], mem[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int i = 0; i < hosts.length; i++) byFree.add(i);
        }
        return byFree;
    }

    /** Places the VM by the policy and counts it on its host; null when nothing fits. */
    public Host place(VmSpec vm, Placement.Policy policy) {
        if (vm != lastVm) {
            lastC = vm.running() ? units(BigDecimal.valueOf(vm.vcpus())) : 0;
            lastM = vm.running() ? units(vm.memoryGiB()) : 0;
            lastD = units(vm.diskGiB());
            lastVm = vm;
        }
        long c = lastC;
        long m = lastM;
        long d = lastD;
        int i = switch (policy) {
            case FIRST_FIT -> first(1, 0, size, 0, hosts.length, c, m, d);
            case BEST_FIT -> best(c, m, d);
            case SPREAD -> spread(vm, c, m, d);
        };
        if (i < 0) return null;
        take(i, c, m, d);
        if (vm.running()) {
            int z = zoneOf[i];
            zoneAny[z]++;
            if (vm.app() != null) appZones.computeIfAbsent(vm.app(), a -> new int[zoneStart.length])[z]++;
        }
        return hosts[i];
    }

    /** Places each VM in turn; the list holds the host of each, or null where nothing fitted. */
    public List<Host> placeAll(List<VmSpec> vms, Placement.Policy policy) {
        List<Host> out = new ArrayList<>(vms.size());
        for (VmSpec vm : vms) out.add(place(vm, policy));
        return out;
    }

    /** The leftmost host in [lo, hi) under tree node k (covering [nodeLo, nodeHi)) where the VM fits, or -1. */
    private int first(int k, int nodeLo, int nodeHi, int lo, int hi, long c, long m, long d) {
        if (nodeHi <= lo || nodeLo >= hi) return -1;
        if (maxCpu[k] < c || maxMem[k] < m || maxDisk[k] < d) return -1;
        if (nodeHi - nodeLo == 1) return nodeLo;
        int mid = (nodeLo + nodeHi) >>> 1;
        int left = first(2 * k, nodeLo, mid, lo, hi, c, m, d);
        return left >= 0 ? left : first(2 * k + 1, mid, nodeHi, lo, hi, c, m, d);
    }

    /**
     * The fewest free vCPUs after placing, then the least free memory, then document order: walk
     * the hosts in that order, starting at the first with enough vCPUs, to the first that fits.
     */
    private int best(long c, long m, long d) {
        int probe = hosts.length;
        cpu[probe] = c;
        mem[probe] = Long.MIN_VALUE;
        for (Integer i : byFree().tailSet(probe, false)) {
            if (mem[i] >= m && disk[i] >= d) return i;
        }
        return -1;
    }

    /**
     * The zone with the fewest running VMs of the same app, then of any app, then document order,
     * among zones where the VM fits; first-fit inside it. Usually the zone that ranks first has
     * room, so that one is tried before a full pass over the zones.
     */
    private int spread(VmSpec vm, long c, long m, long d) {
        int[] same = vm.app() == null ? null : appZones.get(vm.app());
        int top = -1;
        for (int z = 0; z < zoneStart.length; z++) {
            if (zoneStart[z] == zoneEnd[z]) continue;
            if (top < 0 || ranksBefore(z, top, same)) top = z;
        }
        if (top < 0) return -1;
        int h = first(1, 0, size, zoneStart[top], zoneEnd[top], c, m, d);
        if (h >= 0) return h;
        int bestZone = -1;
        int bestHost = -1;
        for (int z = 0; z < zoneStart.length; z++) {
            if (zoneStart[z] == zoneEnd[z] || z == top) continue;
            if (bestZone >= 0 && !ranksBefore(z, bestZone, same)) continue;
            int fit = first(1, 0, size, zoneStart[z], zoneEnd[z], c, m, d);
            if (fit < 0) continue;
            bestZone = z;
            bestHost = fit;
        }
        return bestHost;
    }

    /** Whether zone a ranks before zone b for spread: fewer of the same app, then fewer of any, then earlier. */
    private boolean ranksBefore(int a, int b, int[] same) {
        int sa = same == null ? 0 : same[a];
        int sb = same == null ? 0 : same[b];
        if (sa != sb) return sa < sb;
        if (zoneAny[a] != zoneAny[b]) return zoneAny[a] < zoneAny[b];
        return a < b;
    }

    private void take(int i, long c, long m, long d) {
        if (byFree != null) byFree.remove(i);
        cpu[i] -= c;
        mem[i] -= m;
        disk[i] -= d;
        if (byFree != null) byFree.add(i);
        int k = size + i;
        maxCpu[k] = cpu[i];
        maxMem[k] = mem[i];
        maxDisk[k] = disk[i];
        for (k >>= 1; k >= 1; k >>= 1) pull(k);
    }

    private void pull(int k) {
        maxCpu[k] = Math.max(maxCpu[2 * k], maxCpu[2 * k + 1]);
        maxMem[k] = Math.max(maxMem[2 * k], maxMem[2 * k + 1]);
        maxDisk[k] = Math.max(maxDisk[2 * k], maxDisk[2 * k + 1]);
    }

    private static long units(BigDecimal v) {
        return v.movePointRight(SCALE).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
    }
}
