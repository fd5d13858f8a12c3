package cloudlab.sandbox;

import cloudlab.progress.Progress;
import cloudlab.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cloudlab.sandbox.SandboxesTest.start;
import static cloudlab.sandbox.SandboxesTest.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history as a learner steers it twice over: a repeated or stale undo, redo or move (the page's
 * version is old) changes nothing; a new step after undo says which steps it replaced; opening a
 * lesson's sandbox twice at once makes one; a deleted sandbox is gone and its share links say so.
 */
class SandboxHistoryBranchTest {
    @TempDir
    Path folder;
    Database db;
    Sandboxes sandboxes;
    String alice;
    String bob;

    @BeforeEach
    void open() {
        db = Database.open(cloudlab.store.TestDatabases.fresh(folder, "branch"));
        sandboxes = new Sandboxes(db, SandboxesTest.CATALOG);
        Progress progress = new Progress(db);
        alice = progress.newLearner().learner().id();
        bob = progress.newLearner().learner().id();
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    private Sandbox withTwoSteps() {
        Sandbox s = sandboxes.create(alice, "branch", Sandbox.Origin.BLANK, null, start());
        assertTrue(sandboxes.submit(alice, s.id(), vm("vm-1", 1, "1")).accepted());
        assertTrue(sandboxes.submit(alice, s.id(), vm("vm-2", 1, "1")).accepted());
        return sandboxes.get(alice, s.id());
    }

    @Test
    void aDoubleClickedUndoTakesBackOneStepAndTheSecondSaysThePageWasOutOfDate() {
        Sandbox s = withTwoSteps();
        int shown = s.version();
        Sandboxes.Moved first = sandboxes.undo(alice, s.id(), shown);
        Sandboxes.Moved second = sandboxes.undo(alice, s.id(), shown);
        assertTrue(first.moved());
        assertTrue(first.message().startsWith("Undone: Added VM vm-2 "), "says which step: " + first.message());
        assertFalse(second.moved(), "the same version again is a repeat, not a second undo");
        assertTrue(second.message().startsWith("Nothing changed: the sandbox had already moved on"), second.message());
        assertEquals(1, sandboxes.get(alice, s.id()).history().position(), "one step taken back, not two");

        // with the version the page now shows, the next undo goes through
        assertTrue(sandboxes.undo(alice, s.id(), sandboxes.get(alice, s.id()).version()).moved());
        assertEquals(0, sandboxes.get(alice, s.id()).history().position());
    }

    @Test
    void aStaleRedoOrMoveChangesNothing() {
        Sandbox s = withTwoSteps();
        assertTrue(sandboxes.undo(alice, s.id(), s.version()).moved());
        Sandbox now = sandboxes.get(alice, s.id());
        assertFalse(sandboxes.redo(alice, s.id(), s.version()).moved(), "redo from the page before the undo");
        assertFalse(sandboxes.moveTo(alice, s.id(), 0, s.version()).moved(), "Go here from the page before the undo");
        assertEquals(now.version(), sandboxes.get(alice, s.id()).version(), "nothing was written");
        assertTrue(sandboxes.redo(alice, s.id(), now.version()).moved());
        assertEquals(2, sandboxes.get(alice, s.id()).history().position());
    }

    @Test
    void aNewStepAfterUndoSaysItReplacedTheUndoneSteps() {
        Sandbox s = withTwoSteps();
        assertTrue(sandboxes.moveTo(alice, s.id(), 0, s.version()).moved());
        assertTrue(sandboxes.get(alice, s.id()).history().canRedo());
        Sandboxes.Outcome o = sandboxes.act(alice, s.id(), state -> vm("vm-3", 1, "1"));
        assertTrue(o.accepted());
        assertTrue(o.message().contains("This new step replaced 2 undone steps that redo could have brought back"), o.message());
        assertFalse(sandboxes.get(alice, s.id()).history().canRedo(), "the branch is gone, as the message says");
        Sandboxes.Outcome plain = sandboxes.act(alice, s.id(), state -> vm("vm-4", 1, "1"));
        assertFalse(plain.message().contains("replaced"), "nothing undone, nothing to say: " + plain.message());
    }

    @Test
    void openingALessonSandboxEightTimesAtOnceMakesOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                opened.add(pool.submit(() -> sandboxes.open(alice, Sandbox.Origin.LESSON, "lesson#0", "Try it", start(), false)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : opened) ids.add(f.get());
            assertEquals(1, ids.size(), "one sandbox: " + ids);
            assertEquals(1, sandboxes.of(alice).size());
        } finally {
            pool.shutdownNow();
        }
        // "start again" twice from the same page: one fresh sandbox, then the second is a no-op
        String latest = sandboxes.latest(alice, Sandbox.Origin.LESSON, "lesson#0").orElseThrow();
        String fresh = sandboxes.open(alice, Sandbox.Origin.LESSON, "lesson#0", "Try it", start(), true, latest);
        String again = sandboxes.open(alice, Sandbox.Origin.LESSON, "lesson#0", "Try it", start(), true, latest);
        assertEquals(fresh, again);
        assertEquals(2, sandboxes.of(alice).size());
    }

    @Test
    void aDeletedSandboxIsGoneAndItsShareLinkSaysSo() {
        Sandbox s = withTwoSteps();
        String token = sandboxes.share(alice, s.id());
        assertTrue(sandboxes.isShared(token));
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.delete(bob, s.id()), "only the owner deletes");

        sandboxes.delete(alice, s.id());
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.get(alice, s.id()));
        assertTrue(sandboxes.of(alice).isEmpty(), "gone from the list");
        Sandboxes.SharedLink link = sandboxes.shared(token);
        assertTrue(link.withdrawn(), "the link says its sandbox was deleted");
        assertEquals("branch", link.title());
        assertFalse(sandboxes.isShared(token));
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.copyShared(bob, token), "and no longer hands out a copy");
    }

    @Test
    void aWorkshopSandboxCannotBeDeletedByItsLearner() {
        Sandbox s = sandboxes.create(alice, "room", Sandbox.Origin.WORKSHOP, "w1", start());
        assertThrows(Caps.Reached.class, () -> sandboxes.delete(alice, s.id()));
        assertEquals("room", sandboxes.get(alice, s.id()).title());
    }

    @Test
    void anExportIsNamedAfterTheSandbox() {
        assertEquals("shop-over-two-zones", Sandbox.slug("Shop over two zones"));
        assertEquals("cafe-creme-lab", Sandbox.slug("  Café crème: lab!! "));
        assertEquals("sandbox", Sandbox.slug("???"));
    }
}
