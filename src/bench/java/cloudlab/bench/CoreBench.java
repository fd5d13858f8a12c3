package cloudlab.bench;

import cloudlab.sim.Command;
import cloudlab.sim.History;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.Layout;
import cloudlab.sim.Placement;
import cloudlab.sim.Report;
import cloudlab.sim.Simulator;
import cloudlab.sim.VmSpec;
import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.Goal;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
import com.fasterxml.jackson.databind.node.TextNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * The core's costs on big layouts: {@code vms} VMs on {@code vms / 10} hosts (so 100,000 VMs on
 * 10,000 hosts at the top). Targets: each under 100 ms after warm-up, growing linearly with size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CoreBench {
    @Param({"1000", "10000", "100000"})
    public int vms;

    private Layout full;
    private Layout empty;
    private List<VmSpec> toPlace;
    private Challenge zoneSweep;
    private Layout startOfLog;
    private List<History.Entry> log;

    @Setup(Level.Trial)
    public void build() {
        full = Layouts.build(vms / 10, 10);
        empty = Layouts.build(vms / 10, 0);
        toPlace = Layouts.vms(vms);
        zoneSweep = new Challenge("sweep", "sweep", null, List.of(new Goal.Survives(TextNode.valueOf("shop"), cloudlab.sim.Node.Kind.ZONE, "shop")));
        // a 10,000-command sandbox log: hosts, VMs, failures and restores, as a learner would build it
        startOfLog = Layouts.build(20, 0);
        History h = History.from(startOfLog, List.of(), 0);
        int host = 0;
        int vm = 0;
        while (h.entries().size() < 10_000) {
            String id = "lh" + host++;
            h.submit(new Command.AddHost("us-east-1-z" + (host % 5) + "-dc", id, HostSpec.of(Hypervisor.TYPE1, 64, 256, 4000)));
            for (int i = 0; i < 8 && h.entries().size() < 10_000; i++) {
                h.submit(new Command.AddVm("lv" + vm++, VmSpec.of(2, 4, 20), id, null));
            }
            if (host % 10 == 0 && h.entries().size() < 9_998) {
                h.submit(new Command.Fail(id));
                h.submit(new Command.Restore(id));
            }
        }
        log = new ArrayList<>(h.entries());
    }

    /** The report of the whole layout (R5–R7), as `simulate` prints it. */
    @Benchmark
    public Report simulate() {
        return Simulator.simulate(full);
    }

    /** survivesZoneFailure on the whole layout: every zone failed in turn. */
    @Benchmark
    public GradeResult gradeZoneSweep() {
        return Grader.grade(zoneSweep, full);
    }

    /** Replays a 10,000-command sandbox log into its state. */
    @Benchmark
    public Layout replayLog() {
        return History.from(startOfLog, log, log.size()).state();
    }

    @Benchmark
    public List<cloudlab.sim.Host> placeFirstFit() {
        return new Placer(empty).placeAll(toPlace, Placement.Policy.FIRST_FIT);
    }

    @Benchmark
    public List<cloudlab.sim.Host> placeBestFit() {
        return new Placer(empty).placeAll(toPlace, Placement.Policy.BEST_FIT);
    }

    @Benchmark
    public List<cloudlab.sim.Host> placeSpread() {
        return new Placer(empty).placeAll(toPlace, Placement.Policy.SPREAD);
    }
}
