package cloudlab.sandbox;

import cloudlab.progress.Progress;
import cloudlab.sim.Command;
import cloudlab.sim.Decision;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every door that makes or grows a sandbox or a saved layout keeps to the same caps, and a refusal stores nothing. */
class CapsTest {
    static final RegionCatalog CATALOG = RegionCatalog.builtIn();

    @TempDir
    Path folder;
    Database db;
    Sandboxes sandboxes;
    String alice;

    @BeforeEach
    void open() {
        db = Database.open(cloudlab.store.TestDatabases.fresh(folder, "caps"));
        sandboxes = new Sandboxes(db, CATALOG);
        alice = new Progress(db).newLearner().learner().id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Was: a 674 KB import made 9,000 hosts, past the 80 a sandbox may hold through its forms. */
    @Test
    void anImportPastTheHostOrVmCapIsRefusedNamingTheFieldAndTheLimit() {
        Caps.Reached hosts = assertThrows(Caps.Reached.class, () -> sandboxes.importLayout(alice, LargeLayouts.json(Caps.MAX_HOSTS + 1, 0), "big.json"));
        assertEquals("hosts: a sandbox holds at most 80 hosts (this layout has 81)", hosts.getMessage());
        Caps.Reached vms = assertThrows(Caps.Reached.class, () -> sandboxes.importLayout(alice, LargeLayouts.json(10, Caps.MAX_VMS + 1), "big.json"));
        assertEquals("vms: a sandbox holds at most 800 VMs (this layout has 801)", vms.getMessage());
        assertTrue(sandboxes.of(alice).isEmpty(), "nothing was made");
    }

    @Test
    void theLargestSandboxTheCapsAllowCanBeImported() throws InputException {
        Sandbox s = sandboxes.importLayout(alice, LargeLayouts.json(Caps.MAX_HOSTS, Caps.MAX_VMS), "largest.json");
        assertEquals(Caps.MAX_VMS, sandboxes.get(alice, s.id()).history().state().vms().size());
    }

    @Test
    void aLearnerAtTheSandboxCapCanMakeNoneByAnyDoor() throws InputException {
        String token = sandboxes.share(alice, sandboxes.createBlank(alice, "shared").id());
        for (int i = 1; i < Caps.MAX_SANDBOXES; i++) sandboxes.createBlank(alice, "s" + i);
        String message = "sandboxes: a learner keeps at most 200 sandboxes; delete one first";
        assertEquals(message, assertThrows(Caps.Reached.class, () -> sandboxes.createBlank(alice, "one more")).getMessage());
        assertEquals(message, assertThrows(Caps.Reached.class, () -> sandboxes.copyShared(alice, token)).getMessage());
        assertEquals(message, assertThrows(Caps.Reached.class, () -> sandboxes.importLayout(alice, LargeLayouts.json(1, 0), "a.json")).getMessage());
        assertEquals(Caps.MAX_SANDBOXES, sandboxes.of(alice).size());
    }

    /** Was: each free learner could keep 200 sandboxes of about 1 MiB each. */
    @Test
    void aLearnerAtTheStorageCapCanNeitherMakeNorGrowNorShare() throws InputException {
        long one = LayoutWriter.toJson(LayoutReader.read(LargeLayouts.json(2, 0), Documents.Format.JSON, "", CATALOG)).length();
        Sandboxes small = new Sandboxes(db, CATALOG, Sandboxes.CACHED_WEIGHT, 2 * one + one / 2); // room for two and a half
        Sandbox first = small.importLayout(alice, LargeLayouts.json(2, 0), "a.json");
        small.importLayout(alice, LargeLayouts.json(2, 0), "b.json");
        Caps.Reached full = assertThrows(Caps.Reached.class, () -> small.importLayout(alice, LargeLayouts.json(2, 0), "c.json"));
        assertTrue(full.getMessage().startsWith("storage: a learner keeps at most "), full.getMessage());
        assertEquals(2, small.of(alice).size());

        int steps = 0;
        Decision d;
        do {
            d = small.submit(alice, first.id(), new Command.AddHost("d", "x" + steps++, new HostSpec(Hypervisor.TYPE1, 4, BigDecimal.TEN,
                    BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE)));
        } while (d.accepted() && steps < 100);
        assertFalse(d.accepted(), "steps stop when the learner's storage is full");
        assertTrue(d.refusal().startsWith("storage: "), d.refusal());
        assertEquals(steps - 1, small.get(alice, first.id()).history().entries().size(), "the refused step was not stored");
        assertThrows(Caps.Reached.class, () -> small.share(alice, first.id()));

        assertTrue(small.undo(alice, first.id()));
        assertTrue(small.submit(alice, first.id(), new Command.Fail("z")).accepted(), "a step after an undo frees the undone one's bytes first");
    }

    @Test
    void aStepPastTheHostCapIsRefusedAndStoresNothing() throws InputException {
        Sandbox s = sandboxes.importLayout(alice, LargeLayouts.json(Caps.MAX_HOSTS, 0), "full.json");
        Decision d = sandboxes.submit(alice, s.id(), new Command.AddHost("d", "one-more", new HostSpec(Hypervisor.TYPE1, 4, BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE)));
        assertEquals("hosts: a sandbox holds at most 80 hosts", d.refusal());
        assertEquals(0, sandboxes.get(alice, s.id()).history().entries().size());
    }
}
