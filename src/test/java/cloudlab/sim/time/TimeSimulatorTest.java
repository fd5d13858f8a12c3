package cloudlab.sim.time;

import cloudlab.sim.Layout;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static cloudlab.sim.time.TimeLayouts.NOISY;
import static cloudlab.sim.time.TimeLayouts.oneDatacenter;
import static cloudlab.sim.time.TimeLayouts.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run of a layout: the timeline and the summary a learner reads. */
class TimeSimulatorTest {
    private static void same(double expected, BigDecimal actual) {
        assertEquals(0, BigDecimal.valueOf(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    private static RunReport.VmSummary vm(RunReport r, String id) {
        return r.summary().vms().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theNoisyNeighbourWaitsAndTheLightVmsDoNot() throws Exception {
        RunReport r = TimeSimulator.run(read(NOISY), 40, 10, CpuPolicy.FAIR);
        assertEquals(List.of(0L, 10L, 20L, 30L), r.timeline().stream().map(RunReport.Point::second).toList());
        RunReport.HostPoint h1 = r.timeline().get(1).hosts().get(0);
        // at second 10 web-2 wants 90 %: 2.4 + 3.6 + 8 = 14 cores on 8; the light ones are served, crunch gets 2
        same(14, h1.demandCores());
        same(8, h1.receivedCores());
        same(100, h1.utilisationPercent());
        same(75, h1.vms().get(2).stealPercent());
        same(0, h1.vms().get(1).stealPercent());
        // over the run crunch waited 45 % and 75 % in turn
        RunReport.VmSummary crunch = vm(r, "crunch");
        same(60, crunch.meanStealPercent());
        assertEquals(75, crunch.p95StealPercent());
        assertEquals(10L, crunch.worstSecond());
        same(0, vm(r, "web-1").maxStealPercent());
    }

    @Test
    void underTheProportionalPolicyEveryoneWaitsAlike() throws Exception {
        RunReport r = TimeSimulator.run(read(NOISY), 20, 10, CpuPolicy.PROPORTIONAL);
        RunReport.HostPoint h1 = r.timeline().get(1).hosts().get(0);
        // 8 of 14 cores: everyone gets 4/7 of their demand, steal 42.9 %
        for (RunReport.VmPoint v : h1.vms()) same(42.9, v.stealPercent());
        assertEquals("proportional", r.policy());
    }

    @Test
    void overcommittedMemoryIsBalloonedFromIdleVms() throws Exception {
        RunReport r = TimeSimulator.run(read(NOISY), 1, 1, CpuPolicy.FAIR);
        // 40 GiB given out on 32 physical: 8 GiB taken back from the 12 GiB idle (4 in web-1, 8 in web-2)
        RunReport.Memory m = r.timeline().get(0).hosts().get(0).memoryGiB();
        same(8, m.ballooned());
        same(0, m.swapped());
        same(2.667, vm(r, "web-1").balloonedGiB());
        same(5.333, vm(r, "web-2").balloonedGiB());
        assertFalse(vm(r, "web-1").swapping());
    }

    @Test
    void activeMemoryBeyondTheHostSwapsAndTheVmIsFlagged() throws Exception {
        Layout l = read(NOISY.replace("activeMemoryGiB: 12", "activeMemoryGiB: 16").replace("activeMemoryGiB: 8}", "activeMemoryGiB: 14}"));
        RunReport r = TimeSimulator.run(l, 1, 1, CpuPolicy.FAIR);
        assertTrue(vm(r, "web-1").swapping());
        assertTrue(r.summary().hosts().get(0).swappedGiB().signum() > 0);
    }

    @Test
    void aBusyHostOsTakesCoresFromTheVmsOfAType2Host() throws Exception {
        Layout l = read(oneDatacenter("""
                - id: laptop
                  hypervisor: type2
                  cores: 4
                  memoryGiB: 16
                  storageGiB: 100
                  hostOsLoad: {steps: [{at: 0, percent: 25}, {at: 5, percent: 75}]}
                  vms:
                    - {id: dev, vcpus: 3, memoryGiB: 4, diskGiB: 10, cpuDemand: 100}
                """));
        RunReport r = TimeSimulator.run(l, 10, 5, CpuPolicy.FAIR);
        // 25 % of 4 cores fits in the host OS's reserved core: the VM has 3; at 75 % the host OS takes 3 and leaves 1
        same(3, r.timeline().get(0).hosts().get(0).vms().get(0).receivedCores());
        same(1, r.timeline().get(1).hosts().get(0).vms().get(0).receivedCores());
        same(100, r.timeline().get(1).hosts().get(0).utilisationPercent());
        same(33.3, vm(r, "dev").meanStealPercent());
    }

    @Test
    void aLimitCapsAVmEvenOnAnIdleHostAndCountsAsWaiting() throws Exception {
        Layout l = read(oneDatacenter("""
                - id: h1
                  hypervisor: type1
                  cores: 16
                  memoryGiB: 64
                  storageGiB: 100
                  vms:
                    - {id: capped, vcpus: 4, memoryGiB: 4, diskGiB: 10, cpuDemand: 100, limit: 1}
                """));
        RunReport r = TimeSimulator.run(l, 3, 1, CpuPolicy.FAIR);
        same(1, r.timeline().get(0).hosts().get(0).vms().get(0).receivedCores());
        same(75, vm(r, "capped").meanStealPercent());
    }

    @Test
    void downAndStoppedVmsHaveNoNumbers() throws Exception {
        Layout l = read(NOISY.replace("- {id: crunch,", "- {state: stopped, id: crunch,") + "failed: [h1]\n");
        RunReport r = TimeSimulator.run(l, 5, 1, CpuPolicy.FAIR);
        assertEquals("down", vm(r, "web-1").status());
        assertEquals("stopped", vm(r, "crunch").status());
        assertNull(vm(r, "web-1").meanStealPercent());
        assertFalse(r.summary().hosts().get(0).up());
        assertTrue(r.timeline().get(0).hosts().isEmpty());
    }

    @Test
    void aTimelineTooBigToSendIsRefusedWithTheRule() throws Exception {
        Layout l = read(NOISY);
        assertEquals(null, TimeSimulator.everyProblem(l, 86_400, 1));
        assertTrue(TimeSimulator.everyProblem(l, 60, 61).startsWith("must be a whole number of seconds from 1 to the run's 60"));
        assertEquals("must be a whole number of seconds from 1 to 86400 (got 0)", TimeSimulator.secondsProblem(0));
        assertEquals(null, TimeSimulator.sizeProblem(l, 86_400));
        assertEquals("a run of 40000000 s of 3 VMs covers 120000000 VM-seconds (at most 100000000); run fewer seconds",
                TimeSimulator.sizeProblem(l, 40_000_000));
    }
}
