package cloudlab.bench;

import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.time.CpuPolicy;
import cloudlab.sim.time.Profile;
import cloudlab.sim.time.RunReport;
import cloudlab.sim.time.TimeSimulator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicyFirstFit;
import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.cloudlets.Cloudlet;
import org.cloudsimplus.cloudlets.CloudletSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.schedulers.vm.VmSchedulerTimeShared;
import org.cloudsimplus.utilizationmodels.UtilizationModelAbstract;
import org.cloudsimplus.utilizationmodels.UtilizationModelFull;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One simulated hour of {@code hosts} hosts with 10 VMs each, every VM's CPU demand changing every
 * 10 s (a seeded random level from 0 to 100 % of its vCPUs, {@code {shape: random, period: 10,
 * seed: i}}): ours (the whole run and its summary: mean and p95 steal per VM, utilisation per host)
 * beside CloudSim Plus 8.5.7 simulating the same VMs under the same demand in the same JVM.
 *
 * <p>Hosts: 32 cores; VMs: 8 vCPUs, 4 GiB. Ours: CPU overcommit 2.5, so 80 vCPUs on 32 cores and
 * the hosts are oversubscribed whenever demand passes 40 %. CloudSim Plus 8.5.7 has no
 * over-subscription scheduler: its {@code VmSchedulerTimeShared} refuses a VM whose MIPS do not fit,
 * so there each VM's 8 PEs run at 400 MIPS against the host's 32 PEs at 1,000 (the 10 VMs exactly
 * fill a host) and a cloudlet per VM asks for its utilisation model's share of them, read from the
 * very same {@link Profile} objects; the data center updates every 10 s (its scheduling interval).
 *
 * <p>Two settings keep CloudSim Plus to that 10 s step, as its own examples of long runs do; without
 * them it never finished 1,000 hosts in an hour of wall time:
 * <ul>
 * <li>Each cloudlet has a finite length no VM can finish within the hour ({@link #LENGTH}). A length
 * of -1 ("run until the end") leaves a remaining length of 1 MI, so every update predicts the
 * cloudlet ends in microseconds and schedules the next update at the simulator's minimum step,
 * 0.11 s: 32,700 updates of every host per hour instead of 360.</li>
 * <li>VMs and cloudlets are submitted at second 1. Below 0.111 s the data center updates every host
 * on every event (its start-up loop), so 10,000 VM creations at second 0 cost 10,000 updates of every
 * host; from second 1 on, events of the same instant share one update. The run ends at 3,601 s, so
 * the VMs live a full hour.</li>
 * </ul>
 *
 * <p>What is timed on its side: building the simulation and running it (its set-up cannot be separated
 * from {@code start()}); on ours: {@code TimeSimulator.summarise}, which lays the layout out flat and
 * plays it, from a layout read before the timing. CloudSim Plus runs once, cold (no warm-up); ours
 * run 2 warm-ups and 3 measurements. Run it with {@code bench/time.sh}, which holds both in one JMH run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Dorg.slf4j.simpleLogger.log.org.cloudsimplus=off"})
public class TimeBench {
    static final int SECONDS = 3600;
    static final int VMS_PER_HOST = 10;
    static final int CORES = 32;
    static final int VCPUS = 8;
    /** Million instructions per PE of each cloudlet: 1,000 times what a VM's PE runs in an hour at full speed, so none finishes. */
    static final long LENGTH = 1000L * 400 * SECONDS;

    @Param({"1000", "10000"})
    public int hosts;

    private Layout layout;

    @Setup(Level.Trial)
    public void build() throws InputException {
        CloudSimBench.quietCloudSim();
        layout = layout(hosts);
        RunReport.Summary check = TimeSimulator.summarise(layout, 60, CpuPolicy.FAIR);
        if (check.vms().size() != hosts * VMS_PER_HOST) throw new IllegalStateException("layout has " + check.vms().size() + " VMs");
    }

    /** The demand of VM {@code i}, the same for both simulators. */
    static Profile demand(int i) {
        return new Profile.Shape(Profile.Shape.Kind.RANDOM, 0, 100, 10, i);
    }

    static Layout layout(int hostCount) throws InputException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode hostList = root.putArray("regions").addObject().put("code", "us-east-1")
                .putArray("zones").addObject().put("id", "z1")
                .putArray("datacenters").addObject().put("id", "dc1").putArray("hosts");
        int vm = 0;
        for (int h = 0; h < hostCount; h++) {
            ObjectNode host = hostList.addObject().put("id", "h" + h).put("hypervisor", "type1").put("cores", CORES)
                    .put("memoryGiB", 64).put("storageGiB", 1000).put("cpuOvercommit", 2.5);
            ArrayNode vms = host.putArray("vms");
            for (int k = 0; k < VMS_PER_HOST; k++, vm++) {
                ObjectNode v = vms.addObject().put("id", "vm" + vm).put("vcpus", VCPUS).put("memoryGiB", 4).put("diskGiB", 20);
                v.putObject("cpuDemand").put("shape", "random").put("low", 0).put("high", 100).put("period", 10).put("seed", vm);
            }
        }
        return LayoutReader.fromTree(root, "", null, RegionCatalog.builtIn());
    }

    @Benchmark
    public RunReport.Summary oursFair() {
        return TimeSimulator.summarise(layout, SECONDS, CpuPolicy.FAIR);
    }

    @Benchmark
    public RunReport.Summary oursProportional() {
        return TimeSimulator.summarise(layout, SECONDS, CpuPolicy.PROPORTIONAL);
    }

    /** CloudSim Plus: the same hosts, VMs and demand for an hour. Returns the simulated clock at the end. */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public double cloudSimPlus() {
        CloudSimPlus sim = new CloudSimPlus();
        List<HostSimple> hostList = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) {
            List<Pe> pes = new ArrayList<>(CORES);
            for (int p = 0; p < CORES; p++) pes.add(new PeSimple(1000));
            HostSimple h = new HostSimple(128 * 1024, 100_000_000L, 2_000_000L, pes);
            h.setVmScheduler(new VmSchedulerTimeShared());
            hostList.add(h);
        }
        new DatacenterSimple(sim, hostList, new VmAllocationPolicyFirstFit()).setSchedulingInterval(10);
        DatacenterBrokerSimple broker = new DatacenterBrokerSimple(sim);
        List<Vm> vms = new ArrayList<>(hosts * VMS_PER_HOST);
        List<Cloudlet> cloudlets = new ArrayList<>(hosts * VMS_PER_HOST);
        for (int i = 0; i < hosts * VMS_PER_HOST; i++) {
            Vm vm = new VmSimple(400, VCPUS);
            vm.setRam(4096).setBw(1).setSize(20 * 1024);
            vms.add(vm);
            Cloudlet c = new CloudletSimple(LENGTH, VCPUS);
            c.setUtilizationModelCpu(new Demand(demand(i)));
            c.setUtilizationModelRam(new UtilizationModelFull());
            c.setUtilizationModelBw(new UtilizationModelFull());
            c.setVm(vm);
            cloudlets.add(c);
        }
        broker.submitVmList(vms, 1);
        broker.submitCloudletList(cloudlets, 1);
        sim.terminateAt(SECONDS + 1);
        sim.start();
        if (broker.getVmCreatedList().size() != vms.size() || sim.clock() < SECONDS) {
            throw new IllegalStateException("CloudSim Plus created " + broker.getVmCreatedList().size() + " of " + vms.size()
                    + " VMs and stopped at " + sim.clock() + " s");
        }
        return sim.clock();
    }

    /** Our profile as a CloudSim Plus CPU utilisation model (a fraction of the VM's MIPS). */
    static final class Demand extends UtilizationModelAbstract {
        private final Profile profile;

        Demand(Profile profile) {
            this.profile = profile;
        }

        @Override
        protected double getUtilizationInternal(double time) {
            return profile.at((long) time) / 100;
        }
    }
}
