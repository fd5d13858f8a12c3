package cloudlab.sandbox;

import cloudlab.progress.Progress;
import cloudlab.sim.Command;
import cloudlab.sim.Decision;
import cloudlab.sim.InputException;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.sim.time.CpuPolicy;
import cloudlab.sim.time.Profile;
import cloudlab.sim.time.TimeSimulator;
import cloudlab.sim.time.VmLoad;
import cloudlab.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sandbox keeps every load field: through import, its stored log, commands, undo and export. */
class SandboxLoadTest {
    /** Every load field and every kind of profile, with every default written out as the writer writes it. */
    static final String LOADED = """
            {
              "name" : "loaded",
              "apps" : [ { "name" : "shop", "minRunning" : 1 } ],
              "regions" : [ { "code" : "us-east-1", "zones" : [ { "id" : "use1-az1", "datacenters" : [ { "id" : "dc1", "hosts" : [ {
                "id" : "h1", "hypervisor" : "type2", "cores" : 8, "memoryGiB" : 32, "storageGiB" : 500,
                "cpuOvercommit" : 2, "memoryOvercommit" : 1.5,
                "hostOsLoad" : { "pattern" : [ 10, 40.5 ], "every" : 30 },
                "vms" : [ {
                  "id" : "web-1", "vcpus" : 4, "memoryGiB" : 8, "diskGiB" : 20, "app" : "shop", "state" : "running",
                  "cpuDemand" : { "steps" : [ { "at" : 0, "percent" : 20 }, { "at" : 20, "percent" : 95.5 } ] },
                  "activeMemoryGiB" : 6, "shares" : 3000, "reservation" : 1.5, "limit" : 3
                }, {
                  "id" : "batch", "vcpus" : 8, "memoryGiB" : 8, "diskGiB" : 20, "state" : "running",
                  "cpuDemand" : { "shape" : "bursts", "low" : 5, "high" : 100, "period" : 40, "seed" : 7 },
                  "activeMemoryGiB" : 2.25, "shares" : 8000, "reservation" : 0, "limit" : 8
                }, {
                  "id" : "idle", "vcpus" : 2, "memoryGiB" : 4, "diskGiB" : 10, "state" : "stopped",
                  "cpuDemand" : 60, "activeMemoryGiB" : 0, "shares" : 2000, "reservation" : 0, "limit" : 2
                } ]
              } ] } ] } ] } ],
              "failed" : [ ],
              "users" : [ ]
            }
            """;

    @TempDir
    Path folder;
    Database db;
    Sandboxes sandboxes;
    String learner;

    @BeforeEach
    void open() {
        db = Database.open(cloudlab.store.TestDatabases.fresh(folder, "load"));
        sandboxes = new Sandboxes(db, SandboxesTest.CATALOG);
        learner = new Progress(db).newLearner().learner().id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    static JsonNode tree(String json) throws InputException {
        return LayoutWriter.toTree(LayoutReader.read(json, Documents.Format.JSON, "x.json", SandboxesTest.CATALOG));
    }

    @Test
    void anImportedLayoutExportsWithEveryLoadFieldAsItCameIn() throws Exception {
        String id = sandboxes.importLayout(learner, LOADED, "loaded.json").id();
        // read back from the database, not from the cache, as a later request would
        String exported = LayoutWriter.toJson(new Sandboxes(db, SandboxesTest.CATALOG).get(learner, id).history().state());
        assertEquals(Documents.parse(LOADED, Documents.Format.JSON, "in.json"), Documents.parse(exported, Documents.Format.JSON, "out.json"));
    }

    @Test
    void aLoadSetByACommandIsStoredReplayedExportedAndUndone() throws Exception {
        String id = sandboxes.importLayout(learner, LOADED, "loaded.json").id();
        VmLoad noisy = new VmLoad(new Profile.Constant(100), 1, 8000, 0, 2);
        assertTrue(sandboxes.submit(learner, id, new Command.SetVmLoad("idle", noisy)).accepted());
        assertTrue(sandboxes.submit(learner, id, new Command.Rename("idle", "noisy")).accepted());
        JsonNode vm = LayoutWriter.toTree(new Sandboxes(db, SandboxesTest.CATALOG).get(learner, id).history().state())
                .at("/regions/0/zones/0/datacenters/0/hosts/0/vms/2");
        assertEquals("noisy", vm.get("id").asText());
        assertEquals(100, vm.get("cpuDemand").asInt());
        assertEquals(8000, vm.get("shares").asInt());
        sandboxes.undo(learner, id);
        sandboxes.undo(learner, id);
        assertEquals(tree(LOADED), LayoutWriter.toTree(sandboxes.get(learner, id).history().state()));
    }

    @Test
    void theRunOfAnImportedLayoutIsTheRunOfTheDocument() throws Exception {
        String id = sandboxes.importLayout(learner, LOADED, "loaded.json").id();
        var fromSandbox = TimeSimulator.run(sandboxes.get(learner, id).history().state(), 60, 10, CpuPolicy.FAIR);
        var fromFile = TimeSimulator.run(LayoutReader.read(LOADED, Documents.Format.JSON, "x.json", SandboxesTest.CATALOG), 60, 10, CpuPolicy.FAIR);
        assertEquals(cloudlab.sim.document.Json.line(fromFile), cloudlab.sim.document.Json.line(fromSandbox));
        assertTrue(fromFile.summary().vms().get(0).meanStealPercent().signum() > 0, "web-1 waits for the cores in this layout");
    }

    @Test
    void aLoadThatBreaksARuleIsRefusedNamingTheField() throws Exception {
        String id = sandboxes.importLayout(learner, LOADED, "loaded.json").id();
        Decision tooMuch = sandboxes.submit(learner, id, new Command.SetVmLoad("web-1", new VmLoad(new Profile.Constant(50), 1, 1000, 0, 6)));
        assertEquals("web-1: limit must be a number from 0 to 4 with at most 3 digits after the point (got 6) (cores, up to its vCPUs)",
                tooMuch.refusal());
        Decision reserved = sandboxes.submit(learner, id, new Command.SetVmLoad("batch", new VmLoad(new Profile.Constant(50), 1, 1000, 6, 8)));
        assertTrue(reserved.refusal().startsWith("host h1: reservations of running VMs add up to 7.5 cores, available 7"), reserved.refusal());
    }
}
