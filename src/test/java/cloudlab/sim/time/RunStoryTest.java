package cloudlab.sim.time;

import cloudlab.sim.Layout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run told in words: why a VM got less than it wanted at a second, and who waited over the run. */
class RunStoryTest {
    @Test
    void aSecondOfContentionNamesWhatEachVmWantedGotAndWhy() throws Exception {
        Layout l = TimeLayouts.read(TimeLayouts.NOISY);
        // second 10: web-1 wants 2.4, web-2 3.6 (filled first by their 4000 shares), crunch 8 gets the 2 left
        RunReport fair = TimeSimulator.run(l, 20, 1, CpuPolicy.FAIR);
        List<String> at10 = RunStory.at(fair, l, "h1", 10);
        assertEquals("crunch wanted 8 cores at second 10 but got 2: the VMs of h1 wanted 14 cores, 8 were theirs to share;"
                + " its 2000 shares of the 10000 on the host set its slice.", at10.get(at10.size() - 1));
        RunReport proportional = TimeSimulator.run(l, 20, 1, CpuPolicy.PROPORTIONAL);
        assertEquals("web-1 wanted 2.4 cores at second 10 but got 1.371: the VMs of h1 wanted 14 cores, 8 were theirs to share;"
                + " the proportional policy cut every request by the same factor.", RunStory.at(proportional, l, "h1", 10).get(0));
    }

    @Test
    void theRunSaysWhoWaitedAndWhoSwapped() throws Exception {
        Layout l = TimeLayouts.read(TimeLayouts.NOISY);
        List<String> lines = RunStory.summary(TimeSimulator.run(l, 20, 1, CpuPolicy.FAIR), "h1");
        org.junit.jupiter.api.Assertions.assertTrue(lines.stream().anyMatch(s -> s.startsWith("crunch waited ")), lines.toString());
    }
}
