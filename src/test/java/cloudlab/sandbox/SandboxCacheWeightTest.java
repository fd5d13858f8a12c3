package cloudlab.sandbox;

import cloudlab.progress.Progress;
import cloudlab.sim.Command;
import cloudlab.sim.Event;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.VmSpec;
import cloudlab.store.Database;
import cloudlab.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parsed logs kept in memory are bounded by what they hold, not by how many there are. */
class SandboxCacheWeightTest {
    @TempDir
    Path folder;

    /** A layout of 1 region, 1 zone, 1 data center, {@code hosts} hosts with 2 VMs each. */
    static Layout big(int hosts) {
        Layout l = Layout.empty();
        l.apply(new Event.RegionAdded("eu-west-1", null));
        l.apply(new Event.ZoneAdded("eu-west-1", "z"));
        l.apply(new Event.DatacenterAdded("z", "d"));
        for (int h = 0; h < hosts; h++) {
            l.apply(new Event.HostAdded("d", "h" + h, HostSpec.of(Hypervisor.TYPE1, 8, 32, 500)));
            for (int v = 0; v < 2; v++) l.apply(new Event.VmAdded("h" + h, "v" + h + "-" + v, VmSpec.of(1, 1, 1)));
        }
        return l;
    }

    @Test
    void aFewHugeSandboxesCannotHoldMoreThanTheBoundAndEveryoneStillSeesTheirOwn() {
        try (Database db = Database.open(TestDatabases.fresh(folder, "weight"))) {
            Sandboxes sandboxes = new Sandboxes(db, RegionCatalog.builtIn(), 300, Caps.MAX_LEARNER_BYTES);
            String learner = new Progress(db).newLearner().learner().id();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                // 1 + 40 hosts + 80 VMs: each weighs 121, five weigh 605, twice the bound
                Sandbox s = sandboxes.create(learner, "big " + i, Sandbox.Origin.BLANK, null, big(40));
                assertTrue(sandboxes.submit(learner, s.id(), new Command.AddApp("shop", 1)).accepted());
                ids.add(s.id());
            }
            for (String id : ids) {
                assertEquals(120, sandboxes.get(learner, id).history().state().vms().size() + 40, "each reads back whole");
                assertTrue(sandboxes.cachedWeight() <= 300, "kept " + sandboxes.cachedWeight());
            }
            assertTrue(sandboxes.cachedWeight() > 0, "recent logs are kept");
        }
    }
}
