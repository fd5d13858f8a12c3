package cloudlab.sandbox;

import cloudlab.sim.History;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Simulator;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the sandbox's forms start with: the typed values kept, the chosen host's own values. */
class WorkspaceTest {
    static final String TWO_SIZES = """
            apps: [{name: shop, minRunning: 1}]
            regions:
              - code: eu-west-1
                zones:
                  - id: az1
                    datacenters:
                      - id: dc1
                        hosts:
                          - {id: h1, hypervisor: type1, cores: 8, memoryGiB: 32, storageGiB: 500}
                          - {id: h2, hypervisor: type1, cores: 4, memoryGiB: 12, storageGiB: 250}
            """;

    static Sandbox sandbox() throws InputException {
        Layout start = LayoutReader.read(TWO_SIZES, Documents.Format.YAML, "test", RegionCatalog.builtIn());
        return new Sandbox("s1", "ada", "t", Sandbox.Origin.BLANK, null, History.from(start, List.of(), 0));
    }

    static Workspace workspace(Sandbox s, String form, Map<String, String> typed, boolean accepted, String host) {
        return Workspace.of(s, Simulator.simulate(s.history().state()), form, typed, accepted, host);
    }

    @Test
    void afterARefusalEveryTypedFieldIsKept() throws InputException {
        Workspace w = workspace(sandbox(), "add-vm", Map.of("id", "web-9", "vcpus", "64", "policy", "spread"), false, null);
        assertEquals("web-9", w.forms().of("add-vm", "id", "vm-1"));
        assertEquals("64", w.forms().of("add-vm", "vcpus", "2"));
        assertEquals("spread", w.forms().of("add-vm", "policy", "first-fit"));
        assertEquals("4", w.forms().of("add-vm", "memoryGiB", "4"), "a field not sent starts as before");
        assertEquals("2", w.forms().of("add-host", "cores", "2"), "another form starts as before");
    }

    @Test
    void afterASuccessTheSizesStayAndTheTakenNameMakesWayForAFreeOne() throws InputException {
        Workspace w = workspace(sandbox(), "add-vm", Map.of("id", "web-3", "vcpus", "1", "memoryGiB", "2"), true, null);
        assertEquals("vm-1", w.forms().of("add-vm", "id", "vm-1"));
        assertEquals("1", w.forms().of("add-vm", "vcpus", "2"));
        assertEquals("2", w.forms().of("add-vm", "memoryGiB", "4"));
    }

    @Test
    void changeAHostStartsFromTheChosenHostsOwnValues() throws InputException {
        Sandbox s = sandbox();
        Workspace first = workspace(s, null, Map.of(), false, null);
        assertEquals("h1", first.hostForm().host());
        assertEquals(new Workspace.Values("type1", "8", "32", "500", "1", "1"), first.hostForm().shown());
        Workspace second = workspace(s, null, Map.of(), false, "h2");
        assertEquals(new Workspace.Values("type1", "4", "12", "250", "1", "1"), second.hostForm().shown());
        assertEquals(second.hostForm().shown(), second.hostForm().was());
        Workspace refused = workspace(s, "change-host", Map.of("id", "h2", "cores", "1"), false, null);
        assertEquals("1", refused.hostForm().shown().cores(), "after a refusal the typed value stays");
        assertEquals("4", refused.hostForm().was().cores(), "and the host's own value is what it started from");
    }

    @Test
    void theTableComesInGroupsAHostWithItsVmsAndThePlacesBeforeIt() throws InputException {
        Workspace w = workspace(sandbox(), null, Map.of(), false, null);
        assertEquals(List.of("eu-west-1", "h1", "h2"), w.groups().stream().map(Workspace.RowGroup::id).toList());
        assertEquals(List.of("eu-west-1", "az1", "dc1"), w.groups().get(0).rows().stream().map(Workspace.Row::id).toList(),
                "the region, its zone and data center travel together");
        assertEquals(w.rows(), w.groups().stream().flatMap(g -> g.rows().stream()).toList(), "every row once, in order");
    }
}
