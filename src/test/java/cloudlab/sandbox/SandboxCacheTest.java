package cloudlab.sandbox;

import cloudlab.progress.Progress;
import cloudlab.sim.Command;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.store.Database;
import cloudlab.store.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two servers' sandbox stores on one database: each sees the other's steps despite its in-memory logs. */
class SandboxCacheTest {
    @TempDir
    Path folder;

    @Test
    void aStepWrittenByAnotherServerIsSeenAndBuiltOn() {
        String setting = TestDatabases.fresh(folder, "shared");
        try (Database one = Database.open(setting); Database two = Database.open(setting)) {
            Sandboxes a = new Sandboxes(one, RegionCatalog.builtIn());
            Sandboxes b = new Sandboxes(two, RegionCatalog.builtIn());
            String learner = new Progress(one).newLearner().learner().id();
            Sandbox s = a.create(learner, "shared", Sandbox.Origin.BLANK, null, Layout.empty());
            assertTrue(a.submit(learner, s.id(), new Command.AddApp("first", 1)).accepted());
            assertEquals(1, b.get(learner, s.id()).history().entries().size(), "b reads a's step");
            assertTrue(b.submit(learner, s.id(), new Command.AddApp("second", 1)).accepted());
            assertTrue(a.submit(learner, s.id(), new Command.AddApp("third", 1)).accepted(), "a builds on b's step");
            String fromA = LayoutWriter.toJson(a.get(learner, s.id()).history().state());
            String fromB = LayoutWriter.toJson(b.get(learner, s.id()).history().state());
            assertEquals(fromA, fromB);
            assertTrue(fromA.contains("first") && fromA.contains("second") && fromA.contains("third"), fromA);
            assertTrue(b.undo(learner, s.id()));
            assertEquals(2, a.get(learner, s.id()).history().position(), "a sees b's undo");
        }
    }
}
