package cloudlab.sim.time;

import cloudlab.sim.grade.Challenge;
import cloudlab.sim.document.ChallengeReader;
import cloudlab.sim.document.Documents;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import org.junit.jupiter.api.Test;

import static cloudlab.sim.time.TimeLayouts.NOISY;
import static cloudlab.sim.time.TimeLayouts.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The time goals through the one grader, with messages that name the second, the host and the VM. */
class TimeGoalsTest {
    private static Challenge challenge(String goals) throws InputException {
        return ChallengeReader.fromTree(Documents.parse("goals:\n" + goals, Documents.Format.YAML, "c.yaml"), "", "c.yaml", "c");
    }

    private static GradeResult.CheckResult check(String goal, Layout layout) throws InputException {
        return Grader.grade(challenge("  - " + goal + "\n"), layout).checks().get(0);
    }

    @Test
    void maxStealNamesTheFirstSecondHostAndVm() throws Exception {
        GradeResult.CheckResult c = check("maxStealPercent: {app: batch, percent: 50}", read(NOISY));
        assertFalse(c.passed());
        assertEquals("at second 10, crunch on h1 waited 75 % of the CPU it wanted (at most 50 %): it wanted 8 cores and got 2;"
                + " the VMs of h1 wanted 14 cores, 8 were theirs to share", c.message());
        c = check("maxStealPercent: {app: shop, percent: 10}", read(NOISY));
        assertTrue(c.passed(), c.message());
        assertEquals("no VM of shop waited for CPU in 60 s (at most 10 %)", c.message());
    }

    @Test
    void sharesTameTheNoisyNeighbour() throws Exception {
        // with default shares (8000 for its 8 vCPUs, 4000 each for the web VMs) crunch takes half of h1
        // when web-2 peaks, and web-1 (first in the document) gets 2 of the 2.4 cores it wants
        Layout untamed = read(NOISY.replace(", shares: 2000", ""));
        GradeResult.CheckResult c = check("maxStealPercent: {app: shop, percent: 10, seconds: 30}", untamed);
        assertFalse(c.passed());
        assertEquals("at second 10, web-1 on h1 waited 16.7 % of the CPU it wanted (at most 10 %): it wanted 2.4 cores and got 2;"
                + " the VMs of h1 wanted 14 cores, 8 were theirs to share", c.message());
        // under 10 s it never peaks
        assertTrue(check("maxStealPercent: {app: shop, percent: 10, seconds: 10}", untamed).passed());
    }

    @Test
    void noSwapNamesTheVmAndItsHost() throws Exception {
        assertTrue(check("noSwap: shop", read(NOISY)).passed());
        Layout swapping = read(NOISY.replace("activeMemoryGiB: 12", "activeMemoryGiB: 16").replace("activeMemoryGiB: 8}", "activeMemoryGiB: 14}"));
        GradeResult.CheckResult c = check("noSwap: shop", swapping);
        assertFalse(c.passed());
        assertEquals("from second 0, web-1 on h1 has 2.526 GiB swapped out: the running VMs of h1 actively use 38 GiB"
                + " and 32 GiB is there for them", c.message());
        assertEquals("the layout declares no app web", check("noSwap: web", swapping).message());
    }

    @Test
    void minUtilisationNamesTheIdleHost() throws Exception {
        GradeResult.CheckResult busy = check("minUtilisation: 90", read(NOISY));
        assertTrue(busy.passed());
        assertEquals("the least busy host, h1, was 100 % busy on average over 60 s (at least 90 %)", busy.message());
        GradeResult.CheckResult c = check("minUtilisation: 90", read(TimeLayouts.oneDatacenter("""
                - {id: idle, hypervisor: type1, cores: 4, memoryGiB: 16, storageGiB: 100}
                """)));
        assertFalse(c.passed());
        assertEquals("idle was 0 % busy on average over 60 s (at least 90 %)", c.message());
    }

    @Test
    void malformedTimeGoalsAreRefused() {
        assertEquals("c.yaml: goals[0].maxStealPercent.percent: must be a percent from 0 to 100 (got 120)",
                assertThrows(InputException.class, () -> challenge("  - maxStealPercent: {app: shop, percent: 120}\n")).getMessage());
        assertEquals("c.yaml: goals[0].maxStealPercent: missing required field percent",
                assertThrows(InputException.class, () -> challenge("  - maxStealPercent: {app: shop}\n")).getMessage());
        assertEquals("c.yaml: goals[0].minUtilisation: must be a number, not text (\"high\")",
                assertThrows(InputException.class, () -> challenge("  - minUtilisation: high\n")).getMessage());
    }
}
