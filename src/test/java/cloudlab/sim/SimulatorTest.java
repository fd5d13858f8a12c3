package cloudlab.sim;

import cloudlab.sim.document.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cloudlab.sim.Layouts.oneHost;
import static cloudlab.sim.Layouts.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report (contract section 3): its lists, their order and its JSON shape. */
class SimulatorTest {
    static final String DOC = oneHost("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 100",
            "{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 1, app: shop}") + "failed: [dc1]\nusers: [{name: home, lat: 0, lon: 0}]\n";

    @Test
    void failedListsTheDocumentsIdsFirstThenTheExtraOnesEachOnce() {
        Report r = Simulator.simulate(yaml(DOC), List.of("h1", "dc1", "z1", "h1"), List.of());
        assertEquals(List.of("dc1", "h1", "z1"), r.failed());
    }

    @Test
    void extraUsersComeAfterTheDocumentsUsers() {
        Report r = Simulator.simulate(yaml(DOC), List.of(), List.of(new User("away", Location.of("1", "1"))));
        assertEquals(List.of("home", "away"), r.users().stream().map(Report.UserReport::name).toList());
    }

    @Test
    void theLayoutIsNotChangedByExtraFailures() {
        Layout l = yaml(DOC);
        Simulator.simulate(l, List.of("us-east-1"), List.of());
        assertEquals(List.of("dc1"), List.copyOf(l.failed()));
    }

    @Test
    void jsonAlwaysHasTheFourListsAndUsersOnlyWhenGiven() {
        JsonNode empty = Json.mapper().valueToTree(Simulator.simulate(Layout.empty()));
        assertEquals(List.of("failed", "hosts", "vms", "apps"), fieldNames(empty));
        assertTrue(empty.get("hosts").isArray() && empty.get("hosts").isEmpty());
        JsonNode withUser = Json.mapper().valueToTree(Simulator.simulate(yaml(DOC)));
        assertEquals(List.of("failed", "hosts", "vms", "apps", "users"), fieldNames(withUser));
    }

    @Test
    void aVmWithNoAppIsWrittenWithAppNull() {
        JsonNode r = Json.mapper().valueToTree(Simulator.simulate(yaml(oneHost("hypervisor: type1, cores: 4, memoryGiB: 8, storageGiB: 100",
                "{id: a, vcpus: 1, memoryGiB: 1, diskGiB: 1}"))));
        assertTrue(r.at("/vms/0").has("app"));
        assertTrue(r.at("/vms/0/app").isNull());
    }

    @Test
    void hostReportNamesItsPlaceAndHypervisor() {
        Report.HostReport h = Simulator.simulate(yaml(DOC)).host("h1");
        assertEquals(List.of("us-east-1", "z1", "dc1", "type1"), List.of(h.region(), h.zone(), h.datacenter(), h.hypervisor()));
        assertFalse(h.up());
    }

    @Test
    void nearestServingIsWrittenAsNullWhenNothingServes() {
        JsonNode r = Json.mapper().valueToTree(Simulator.simulate(yaml(DOC)));
        assertTrue(r.at("/users/0").has("nearestServing"));
        assertTrue(r.at("/users/0/nearestServing").isNull());
    }

    @Test
    void failProblemRefusesVmsAndUnknownIdsAndAppNames() {
        Layout l = yaml(DOC);
        assertNull(Simulator.failProblem(l, "z1"));
        assertEquals("a is a VM; only regions, zones, data centers and hosts can fail", Simulator.failProblem(l, "a"));
        assertEquals("no region, zone, data center or host has the id \"nope\"", Simulator.failProblem(l, "nope"));
        assertEquals("no region, zone, data center or host has the id \"shop\"", Simulator.failProblem(l, "shop"));
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
