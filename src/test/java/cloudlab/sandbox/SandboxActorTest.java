package cloudlab.sandbox;

import cloudlab.progress.Progress;
import cloudlab.sim.Command;
import cloudlab.sim.History;
import cloudlab.sim.Layout;
import cloudlab.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who gave each stored step: the instructor's steps survive the learner's undo, a fresh read, another server, and old logs read as the learner's. */
class SandboxActorTest {
    @TempDir
    Path folder;
    Database db;
    Sandboxes sandboxes;
    String alice;
    String id;

    @BeforeEach
    void open() {
        db = Database.open(cloudlab.store.TestDatabases.fresh(folder, "actors"));
        sandboxes = new Sandboxes(db, SandboxesTest.CATALOG);
        alice = new Progress(db).newLearner().learner().id();
        Layout start = SandboxesTest.start();
        id = sandboxes.create(alice, "lab", Sandbox.Origin.WORKSHOP, "w1", start).id();
        assertTrue(sandboxes.submit(alice, id, new Command.AddZone("eu-west-1", "euw1-az2")).accepted());
        assertTrue(sandboxes.submit(alice, id, new Command.Fail("euw1-az2")).accepted());
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @Test
    void anInstructorsStepIsStoredAsTheirsAndTheLearnersUndoPassesOverItOnEveryServer() {
        assertTrue(sandboxes.instruct(alice, id, new Command.Fail("euw1-az1")).accepted());
        assertTrue(sandboxes.undo(alice, id));
        // a second server on the same database reads the log from the table, not from the first one's memory
        Sandboxes other = new Sandboxes(db, SandboxesTest.CATALOG);
        History h = other.get(alice, id).history();
        assertEquals(Set.of("euw1-az1"), h.state().failed(), "the learner's own failure is undone, the instructor's stays");
        assertEquals(History.Actor.INSTRUCTOR, h.entries().get(2).actor());
        assertTrue(h.canRedo());
        assertTrue(other.redo(alice, id));
        assertEquals(Set.of("euw1-az1", "euw1-az2"), sandboxes.get(alice, id).history().state().failed(), "the first server sees the redo");
        assertFalse(sandboxes.instruct(alice, id, new Command.Restore("euw1-az2")).accepted(), "the learner's failure is not the instructor's to restore");
        assertTrue(sandboxes.instruct(alice, id, new Command.Restore("euw1-az1")).accepted());
        assertEquals(Set.of("euw1-az2"), sandboxes.get(alice, id).history().state().failed());
    }

    @Test
    void aLearnersNewStepDropsOnlyTheirUndoneStepsFromTheTable() {
        assertTrue(sandboxes.undo(alice, id));
        assertTrue(sandboxes.instruct(alice, id, new Command.Fail("euw1-az1")).accepted());
        assertTrue(sandboxes.submit(alice, id, new Command.AddZone("eu-west-1", "euw1-az3")).accepted());
        History h = new Sandboxes(db, SandboxesTest.CATALOG).get(alice, id).history();
        assertEquals(List.of(new Command.AddZone("eu-west-1", "euw1-az2"), new Command.Fail("euw1-az1"), new Command.AddZone("eu-west-1", "euw1-az3")),
                h.entries().stream().map(History.Entry::command).toList());
        assertEquals(List.of(false, true, false), h.entries().stream().map(History.Entry::instructor).toList());
        assertFalse(h.canRedo());
        assertEquals(3, h.position());
    }

    @Test
    void aStepStoredWithoutAnActorIsTheLearners() throws Exception {
        var json = cloudlab.sim.document.Json.mapper();
        String command = json.writerFor(Command.class).writeValueAsString(new Command.Restore("euw1-az2"));
        String events = json.writerFor(new com.fasterxml.jackson.core.type.TypeReference<List<cloudlab.sim.Event>>() { })
                .writeValueAsString(List.of(new cloudlab.sim.Event.Restored("euw1-az2")));
        db.transaction(c -> {
            // as a server before actors were stored wrote it: no actor column given
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sandbox_commands (sandbox_id, seq, command, events, created_at) "
                    + "VALUES (?, 3, ?, ?, 'then')")) {
                ps.setString(1, id);
                ps.setString(2, command);
                ps.setString(3, events);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sandboxes SET position = 3, version = version + 1 WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
        History h = sandboxes.get(alice, id).history();
        assertEquals(History.Actor.LEARNER, h.entries().get(2).actor());
        assertTrue(h.state().failed().isEmpty());
        assertTrue(sandboxes.undo(alice, id));
        assertEquals(Set.of("euw1-az2"), sandboxes.get(alice, id).history().state().failed());
    }
}
