package cloudlab.sandbox;

import cloudlab.progress.Progress;
import cloudlab.sim.Command;
import cloudlab.sim.Decision;
import cloudlab.sim.History;
import cloudlab.sim.HostSpec;
import cloudlab.sim.Hypervisor;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Placement;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.VmSpec;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sandboxes as event logs in a real SQLite file: what is stored, what is not, and who may see it. */
class SandboxesTest {
    static final RegionCatalog CATALOG = RegionCatalog.builtIn();
    static final String START = """
            name: one data center
            apps:
              - {name: shop, minRunning: 1}
            regions:
              - code: eu-west-1
                zones:
                  - id: euw1-az1
                    datacenters:
                      - id: dc1
                        hosts:
                          - {id: h1, hypervisor: type1, cores: 4, memoryGiB: 10, storageGiB: 100}
            """;

    @TempDir
    Path folder;
    Database db;
    String setting;
    Sandboxes sandboxes;
    String alice;
    String bob;

    @BeforeEach
    void open() {
        setting = cloudlab.store.TestDatabases.fresh(folder, "sandboxes");
        db = Database.open(setting);
        sandboxes = new Sandboxes(db, CATALOG);
        Progress progress = new Progress(db);
        alice = progress.newLearner().learner().id();
        bob = progress.newLearner().learner().id();
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    static Layout start() {
        try {
            return LayoutReader.read(START, Documents.Format.YAML, "start.yaml", CATALOG);
        } catch (InputException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    static Command vm(String id, int vcpus, String memory) {
        return new Command.AddVm(id, new VmSpec(vcpus, new BigDecimal(memory), new BigDecimal("10"), null, true), "h1", null);
    }

    static Command host(String id, Hypervisor h, int cores, String memory) {
        return new Command.AddHost("dc1", id, new HostSpec(h, cores, new BigDecimal(memory), new BigDecimal("100"), null, null));
    }

    static JsonNode tree(Layout l) {
        return LayoutWriter.toTree(l);
    }

    JsonNode stateOf(String learner, String id) {
        return tree(sandboxes.get(learner, id).history().state());
    }

    int storedCommands(String sandboxId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sandbox_commands WHERE sandbox_id = ?")) {
                ps.setString(1, sandboxId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    String storedRow(String sandboxId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT position, updated_at, start_layout FROM sandboxes WHERE id = ?")) {
                ps.setString(1, sandboxId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "the sandbox row exists");
                    return rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
                }
            }
        });
    }

    @Test
    void submitUndoRedoAndMoveToRoundTripThroughTheDatabase() {
        Sandbox s = sandboxes.create(alice, "round trip", Sandbox.Origin.BLANK, null, start());
        JsonNode atStart = stateOf(alice, s.id());
        assertEquals(tree(start()), atStart);

        assertTrue(sandboxes.submit(alice, s.id(), vm("vm-1", 2, "4")).accepted());
        JsonNode afterOne = stateOf(alice, s.id());
        assertTrue(sandboxes.submit(alice, s.id(), vm("vm-2", 2, "4")).accepted());
        JsonNode afterTwo = stateOf(alice, s.id());
        assertNotEquals(afterOne, afterTwo);
        assertNotEquals(atStart, afterOne);
        assertEquals(2, sandboxes.get(alice, s.id()).history().position());

        assertTrue(sandboxes.undo(alice, s.id()));
        assertEquals(afterOne, stateOf(alice, s.id()));
        assertTrue(sandboxes.undo(alice, s.id()));
        assertEquals(atStart, stateOf(alice, s.id()));
        assertFalse(sandboxes.undo(alice, s.id()), "nothing before the start");
        assertEquals(2, storedCommands(s.id()), "undo keeps the steps for redo");

        assertTrue(sandboxes.redo(alice, s.id()));
        assertEquals(afterOne, stateOf(alice, s.id()));
        assertTrue(sandboxes.redo(alice, s.id()));
        assertEquals(afterTwo, stateOf(alice, s.id()));
        assertFalse(sandboxes.redo(alice, s.id()), "nothing after the last step");

        sandboxes.moveTo(alice, s.id(), 0);
        assertEquals(atStart, stateOf(alice, s.id()));
        sandboxes.moveTo(alice, s.id(), 1);
        assertEquals(afterOne, stateOf(alice, s.id()));
        sandboxes.moveTo(alice, s.id(), 2);
        assertEquals(afterTwo, stateOf(alice, s.id()));
    }

    @Test
    void moveToAStepThatDoesNotExistIsRefusedAndChangesNothing() {
        Sandbox s = sandboxes.create(alice, "steps", Sandbox.Origin.BLANK, null, start());
        sandboxes.submit(alice, s.id(), vm("vm-1", 1, "1"));
        String before = storedRow(s.id());
        assertEquals("step: must be from 0 to 1", assertThrows(Sandboxes.NoSuchStep.class, () -> sandboxes.moveTo(alice, s.id(), 2)).getMessage());
        assertThrows(Sandboxes.NoSuchStep.class, () -> sandboxes.moveTo(alice, s.id(), -1));
        assertEquals(before, storedRow(s.id()));
    }

    @Test
    void aRefusedCommandWritesNothingAndKeepsTheStepsThatRedoCouldBringBack() {
        Sandbox s = sandboxes.create(alice, "refusal", Sandbox.Origin.BLANK, null, start());
        sandboxes.submit(alice, s.id(), vm("vm-1", 2, "4"));
        sandboxes.submit(alice, s.id(), vm("vm-2", 2, "4"));
        sandboxes.undo(alice, s.id());
        JsonNode before = stateOf(alice, s.id());
        String row = storedRow(s.id());

        // h1 is type 1 with 4 cores: 2 are used, so 3 more do not fit
        Decision d = sandboxes.submit(alice, s.id(), vm("vm-9", 3, "1"));
        assertFalse(d.accepted());
        assertEquals("h1 has 2 of the 3 vCPUs this VM needs", d.refusal());
        assertTrue(d.events().isEmpty());

        assertEquals(before, stateOf(alice, s.id()));
        assertEquals(row, storedRow(s.id()), "position and updated_at untouched");
        assertEquals(2, storedCommands(s.id()), "the undone step is still there");
        assertTrue(sandboxes.get(alice, s.id()).history().canRedo());
        assertTrue(sandboxes.redo(alice, s.id()));
        assertTrue(sandboxes.get(alice, s.id()).history().state().node("vm-2") != null);
    }

    @Test
    void aNewCommandAfterUndoDropsTheUndoneSteps() {
        Sandbox s = sandboxes.create(alice, "branch", Sandbox.Origin.BLANK, null, start());
        sandboxes.submit(alice, s.id(), vm("vm-1", 1, "1"));
        sandboxes.submit(alice, s.id(), vm("vm-2", 1, "1"));
        sandboxes.submit(alice, s.id(), vm("vm-3", 1, "1"));
        sandboxes.moveTo(alice, s.id(), 1);
        assertEquals(3, storedCommands(s.id()));

        assertTrue(sandboxes.submit(alice, s.id(), vm("vm-x", 1, "1")).accepted());
        Sandbox now = sandboxes.get(alice, s.id());
        assertEquals(2, now.history().entries().size());
        assertEquals(2, now.history().position());
        assertFalse(now.history().canRedo());
        assertEquals(2, storedCommands(s.id()), "the two undone steps are gone from the database");
        assertNotNull(now.history().state().node("vm-1"));
        assertNotNull(now.history().state().node("vm-x"));
        assertEquals(null, now.history().state().node("vm-2"));
        assertEquals(null, now.history().state().node("vm-3"));
        assertFalse(sandboxes.redo(alice, s.id()));
    }

    @Test
    void anotherLearnerGetsNotFoundForEverythingAndChangesNothing() {
        Sandbox s = sandboxes.create(alice, "mine", Sandbox.Origin.BLANK, null, start());
        sandboxes.submit(alice, s.id(), vm("vm-1", 1, "1"));
        sandboxes.submit(alice, s.id(), vm("vm-2", 1, "1"));
        sandboxes.undo(alice, s.id());
        JsonNode before = stateOf(alice, s.id());
        String row = storedRow(s.id());

        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.get(bob, s.id()));
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.submit(bob, s.id(), vm("vm-b", 1, "1")));
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.undo(bob, s.id()));
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.redo(bob, s.id()));
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.moveTo(bob, s.id(), 0));
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.share(bob, s.id()));
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.get(alice, "s" + "x".repeat(12)));
        assertTrue(sandboxes.of(bob).isEmpty());

        assertEquals(before, stateOf(alice, s.id()));
        assertEquals(row, storedRow(s.id()));
        assertEquals(2, storedCommands(s.id()));
    }

    @Test
    void theStateReloadedFromTheDatabaseEqualsTheStateBuiltInMemory() {
        List<Command> commands = new ArrayList<>(List.of(
                new Command.AddZone("eu-west-1", "euw1-az2"),
                new Command.AddDatacenter("euw1-az2", "dc2"),
                new Command.AddHost("dc2", "h2", new HostSpec(Hypervisor.TYPE2, 8, new BigDecimal("16"), new BigDecimal("200"),
                        new BigDecimal("1.5"), null)),
                new Command.AddVm("web-1", new VmSpec(2, new BigDecimal("2.5"), new BigDecimal("20"), "shop", true), "h2", null),
                new Command.AddVm("web-3", new VmSpec(1, new BigDecimal("1.25"), new BigDecimal("5"), "shop", true), null,
                        Placement.Policy.SPREAD),
                new Command.AddVm("web-2", new VmSpec(2, new BigDecimal("2.5"), new BigDecimal("20"), "shop", false), "h1", null),
                new Command.MigrateVm("web-1", "h1"),
                new Command.Fail("euw1-az1"),
                new Command.PlaceUser("dublin", new cloudlab.sim.Location(new BigDecimal("53.35"), new BigDecimal("-6.26"))),
                new Command.SetName("reloaded")));
        Sandbox s = sandboxes.create(alice, "reload", Sandbox.Origin.BLANK, null, start());
        History memory = History.from(start(), List.of(), 0);
        for (Command c : commands) {
            Decision stored = sandboxes.submit(alice, s.id(), c);
            Decision inMemory = memory.submit(c);
            assertTrue(stored.accepted(), c + ": " + stored.refusal());
            assertEquals(inMemory.events(), stored.events(), c.toString());
        }
        sandboxes.undo(alice, s.id());
        memory.undo();
        assertEquals(tree(memory.state()), stateOf(alice, s.id()));

        // a new Database and Sandboxes over the same file: what a server restart sees
        db.close();
        db = Database.open(setting);
        sandboxes = new Sandboxes(db, CATALOG);
        Sandbox reloaded = sandboxes.get(alice, s.id());
        assertEquals(tree(memory.state()), tree(reloaded.history().state()));
        assertEquals(memory.position(), reloaded.history().position());
        assertEquals(memory.entries(), reloaded.history().entries());
        assertEquals("reload", reloaded.title());
        memory.redo();
        assertTrue(sandboxes.redo(alice, s.id()));
        assertEquals(tree(memory.state()), stateOf(alice, s.id()));
        assertEquals("reloaded", stateOf(alice, s.id()).get("name").asText());
    }

    @Test
    void aSharedCopyHoldsTheStateAtSharingAndIsTheVisitorsOwn() {
        Sandbox s = sandboxes.create(alice, "to share", Sandbox.Origin.BLANK, null, start());
        sandboxes.submit(alice, s.id(), vm("vm-1", 2, "4"));
        JsonNode shared = stateOf(alice, s.id());
        String token = sandboxes.share(alice, s.id());
        sandboxes.submit(alice, s.id(), vm("vm-2", 1, "1"));

        Sandbox copy = sandboxes.copyShared(bob, token);
        assertNotEquals(s.id(), copy.id());
        assertEquals(Sandbox.Origin.COPY, copy.origin());
        assertEquals("Copy of to share", copy.title());
        assertEquals(shared, stateOf(bob, copy.id()));
        assertEquals(0, copy.history().position(), "the copy starts from the shared state, with no steps");
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.get(alice, copy.id()));
        assertThrows(Sandboxes.NotFound.class, () -> sandboxes.copyShared(bob, token + "x"));
        assertEquals(1, sandboxes.of(bob).size());
    }

    @Test
    void aRefusedTypeTwoHostKeepsItsReasonWhereTypeOneWouldFit() {
        Sandbox s = sandboxes.create(alice, "hypervisors", Sandbox.Origin.BLANK, null, start());
        assertTrue(sandboxes.submit(alice, s.id(), host("t2", Hypervisor.TYPE2, 8, "16")).accepted());
        Command big = new Command.AddVm("big", new VmSpec(2, new BigDecimal("14"), new BigDecimal("10"), null, true), "t2", null);
        Decision refused = sandboxes.submit(alice, s.id(), big);
        assertEquals("type 2 keeps 4 GiB for the host OS: t2 has 12 GiB free, this VM needs 14", refused.refusal());
        assertEquals(1, storedCommands(s.id()));
        assertTrue(sandboxes.submit(alice, s.id(), new Command.ChangeHost("t2",
                new HostSpec(Hypervisor.TYPE1, 8, new BigDecimal("16"), new BigDecimal("100"), null, null))).accepted());
        assertTrue(sandboxes.submit(alice, s.id(), big).accepted(), "as type 1 the same host keeps only 2 GiB");
    }

    @Test
    void anUploadedLayoutFileIsReadUpToItsLimit() throws Exception {
        String yaml = "name: uploaded\nregions: []\n";
        Sandbox s = sandboxes.importFile(alice, new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "mine.yaml");
        assertEquals("uploaded", s.title());
        byte[] big = new byte[Caps.MAX_UPLOAD + 1];
        java.util.Arrays.fill(big, (byte) '#');
        assertEquals("file: the layout is over 1 MiB", assertThrows(InputException.class,
                () -> sandboxes.importFile(alice, new java.io.ByteArrayInputStream(big), "big.yaml")).getMessage());
        assertEquals("layout: paste a layout document (YAML or JSON) or choose a file", assertThrows(InputException.class,
                () -> sandboxes.importFile(alice, new java.io.ByteArrayInputStream(new byte[0]), "empty.yaml")).getMessage());
    }
}
