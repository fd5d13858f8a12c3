package cloudlab.bench;

import cloudlab.sim.Host;
import cloudlab.sim.Layout;
import cloudlab.sim.Placement;
import cloudlab.sim.VmSpec;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicyFirstFit;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same VMs on the same hosts, placed by CloudSim Plus 8.5.7 and by our {@link Placer}, in one
 * JMH run. Hosts: {@code hosts} of 32 PEs (cores), 128 GiB RAM, 2000 GiB storage, bandwidth and
 * MIPS to spare; VMs: {@code 10 × hosts} of 2 PEs, 4 GiB RAM, 20 GiB disk. Each host takes 16
 * VMs (the cores bind first on both sides: CloudSim Plus 32 PEs / 2; ours (32 - 0 reserved cores)
 * / 2 vCPUs, memory 126 GiB / 4 would take 31), so the VMs fill the first 62.5% of the hosts.
 *
 * <p>CloudSim Plus's {@code VmAllocationPolicyFirstFit} is really <em>next-fit</em>: it resumes
 * from the host it last used and wraps around. Ours is true first-fit (leftmost host that fits,
 * found in a segment tree). With identical hosts and identical VMs, placed one after another and
 * never removed, every host before next-fit's cursor is full, so the two choose the same host for
 * every VM; {@link #build()} checks exactly that (the chosen host of every VM, index by index) and
 * refuses to run otherwise. So this compares like with like.
 *
 * <p>What is timed: only the placement loop. CloudSim Plus: {@code allocateHostForVm(vm)} for each
 * VM (its find + create, which reserves PEs, RAM, bandwidth and storage on the host); its
 * simulation, data center, hosts and VMs are built fresh before each invocation, outside the
 * timing. Ours, two ways: {@code oursPlaceOnly} times only {@code place} on an index built before
 * the invocation; {@code oursWithIndex} also builds the index from the layout (what a caller of
 * {@code new Placer(layout).placeAll(...)} pays), the stricter figure. CloudSim Plus logs every
 * allocation at INFO; that output is switched off (whichever SLF4J binding is found), though it
 * still builds the log arguments, which is its own code's cost. With {@code -prof gc}, the bytes
 * per op of the first two include their per-invocation set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Dorg.slf4j.simpleLogger.log.org.cloudsimplus=off"})
public class CloudSimBench {
    static final int PES = 32;
    static final long HOST_RAM_MB = 128 * 1024;
    static final long HOST_STORAGE_MB = 2000 * 1024;
    static final long HOST_BW = 100_000_000;
    static final double MIPS = 1000;
    static final long VM_PES = 2;
    static final long VM_RAM_MB = 4 * 1024;
    static final long VM_SIZE_MB = 20 * 1024;
    static final long VM_BW = 1;

    @Param({"1000", "10000"})
    public int hosts;

    private Layout empty;
    private List<VmSpec> ours;

    @Setup(Level.Trial)
    public void build() {
        quietCloudSim();
        empty = Layouts.build(hosts, 0);
        ours = Layouts.vms(hosts * 10);
        verifySamePlacement();
    }

    /** A fresh CloudSim Plus simulation, data center, hosts and VMs for each invocation (not timed). */
    @State(Scope.Thread)
    public static class Theirs {
        VmAllocationPolicyFirstFit policy;
        List<Vm> vms;

        @Setup(Level.Invocation)
        public void fresh(CloudSimBench b) {
            World w = world(b.hosts, b.hosts * 10);
            policy = w.policy;
            vms = w.vms;
            System.gc(); // the last invocation's garbage and this set-up's are not charged to the next timing
        }
    }

    /** A fresh index of our empty layout for each invocation (not timed). */
    @State(Scope.Thread)
    public static class Ours {
        Placer placer;

        @Setup(Level.Invocation)
        public void fresh(CloudSimBench b) {
            placer = new Placer(b.empty);
            System.gc(); // as for theirs
        }
    }

    /** CloudSim Plus's "first-fit" (next-fit): allocateHostForVm for each VM. Returns the count placed. */
    @Benchmark
    public int cloudSimPlusNextFit(Theirs t) {
        int placed = 0;
        for (Vm vm : t.vms) if (t.policy.allocateHostForVm(vm).fully()) placed++;
        return placed;
    }

    /** Ours, first-fit, placement only (index built before the invocation). */
    @Benchmark
    public int oursPlaceOnly(Ours o) {
        int placed = 0;
        for (VmSpec vm : ours) if (o.placer.place(vm, Placement.Policy.FIRST_FIT) != null) placed++;
        return placed;
    }

    /** Ours, first-fit, index build included: {@code new Placer(layout).placeAll(vms, FIRST_FIT)}. */
    @Benchmark
    public List<Host> oursWithIndex() {
        return new Placer(empty).placeAll(ours, Placement.Policy.FIRST_FIT);
    }

    // ---- the CloudSim Plus world and the check ----

    record World(CloudSimPlus sim, VmAllocationPolicyFirstFit policy, List<HostSimple> hosts, List<Vm> vms) {
    }

    static World world(int hostCount, int vmCount) {
        CloudSimPlus sim = new CloudSimPlus();
        List<HostSimple> hostList = new ArrayList<>(hostCount);
        for (int i = 0; i < hostCount; i++) {
            List<Pe> pes = new ArrayList<>(PES);
            for (int p = 0; p < PES; p++) pes.add(new PeSimple(MIPS));
            HostSimple h = new HostSimple(HOST_RAM_MB, HOST_BW, HOST_STORAGE_MB, pes);
            hostList.add(h);
        }
        VmAllocationPolicyFirstFit policy = new VmAllocationPolicyFirstFit();
        new DatacenterSimple(sim, hostList, policy);
        List<Vm> vms = new ArrayList<>(vmCount);
        for (int i = 0; i < vmCount; i++) {
            Vm vm = new VmSimple(i, MIPS, VM_PES);
            vm.setRam(VM_RAM_MB).setBw(VM_BW).setSize(VM_SIZE_MB);
            vms.add(vm);
        }
        return new World(sim, policy, hostList, vms);
    }

    /** Places once each way and checks that both chose the same host (by position) for every VM. */
    private void verifySamePlacement() {
        World w = world(hosts, ours.size());
        Map<Object, Integer> theirIndex = new IdentityHashMap<>();
        for (int i = 0; i < w.hosts.size(); i++) theirIndex.put(w.hosts.get(i), i);
        List<Host> mine = new Placer(empty).placeAll(ours, Placement.Policy.FIRST_FIT);
        Map<Host, Integer> myIndex = new IdentityHashMap<>();
        List<Host> layoutHosts = empty.hosts();
        for (int i = 0; i < layoutHosts.size(); i++) myIndex.put(layoutHosts.get(i), i);
        int placedTheirs = 0;
        int placedOurs = 0;
        for (int i = 0; i < ours.size(); i++) {
            Vm vm = w.vms.get(i);
            boolean ok = w.policy.allocateHostForVm(vm).fully();
            Integer t = ok ? theirIndex.get(vm.getHost()) : null;
            Integer m = mine.get(i) == null ? null : myIndex.get(mine.get(i));
            if (ok) placedTheirs++;
            if (m != null) placedOurs++;
            if (!java.util.Objects.equals(t, m)) {
                throw new IllegalStateException("VM " + i + ": CloudSim Plus chose host " + t + ", ours chose host " + m);
            }
        }
        if (placedTheirs != placedOurs || placedOurs != ours.size()) {
            throw new IllegalStateException("placed " + placedTheirs + " (CloudSim Plus) vs " + placedOurs + " (ours) of " + ours.size());
        }
        System.out.println("# check: " + hosts + " hosts, " + ours.size() + " VMs: both placed all, on the same host index for every VM");
    }

    /** CloudSim Plus logs every allocation at INFO; with logback as the SLF4J binding, turn it off. */
    static void quietCloudSim() {
        try {
            org.cloudsimplus.util.Log.setLevel(ch.qos.logback.classic.Level.OFF);
        } catch (Throwable e) {
            // slf4j-simple is the binding: the -D properties of the fork keep it quiet
        }
    }
}
