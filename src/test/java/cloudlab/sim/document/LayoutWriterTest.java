package cloudlab.sim.document;

import cloudlab.sim.Event;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Layouts;
import cloudlab.sim.RegionCatalog;

import org.junit.jupiter.api.Test;

import static cloudlab.sim.Layouts.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Export: every default written out, in document order, and read back to the same layout. */
class LayoutWriterTest {
    @Test
    void writesEveryDefaultOutInDocumentOrder() {
        Layout l = yaml("""
                name: tiny
                apps: [{name: shop}]
                regions:
                  - code: lab-north
                    location: {lat: 59.33, lon: 18.07}
                    zones: [{id: z1, datacenters: [{id: d1, hosts: [{id: h1, hypervisor: type2, cores: 2, memoryGiB: 4.5,
                      storageGiB: 10, cpuOvercommit: 1.50, vms: [{id: v1, vcpus: 1, memoryGiB: 0.5, diskGiB: 1.250, app: shop}]}]}]}]
                failed: [d1]
                users: [{name: home, lat: 1, lon: 2}]
                """);
        assertEquals("""
                name: tiny
                apps:
                  - name: shop
                    minRunning: 1
                regions:
                  - code: lab-north
                    location:
                      lat: 59.33
                      lon: 18.07
                    zones:
                      - id: z1
                        datacenters:
                          - id: d1
                            hosts:
                              - id: h1
                                hypervisor: type2
                                cores: 2
                                memoryGiB: 4.5
                                storageGiB: 10
                                cpuOvercommit: 1.5
                                memoryOvercommit: 1
                                vms:
                                  - id: v1
                                    vcpus: 1
                                    memoryGiB: 0.5
                                    diskGiB: 1.25
                                    app: shop
                                    state: running
                failed:
                  - d1
                users:
                  - name: home
                    lat: 1
                    lon: 2
                """, LayoutWriter.toYaml(l));
    }

    @Test
    void idsAndNamesThatLookLikeNumbersOrBooleansAreQuotedSoTheyReadBackAsText() throws InputException {
        Layout l = yaml("""
                name: "null"
                apps: [{name: "123"}]
                regions:
                  - code: us-east-1
                    zones: [{id: "1e5"}, {id: ".inf"}, {id: "true"}, {id: "-5"}, {id: "0.5"}]
                users: [{name: "42", lat: 0, lon: 0}, {name: "~", lat: 0, lon: 0}]
                """);
        String out = LayoutWriter.toYaml(l);
        Layout back = LayoutReader.read(out, Documents.Format.YAML, "out.yaml", RegionCatalog.builtIn());
        assertEquals(LayoutWriter.toTree(l), LayoutWriter.toTree(back));
        assertEquals("123", back.apps().iterator().next().name());
        assertEquals("null", back.name());
    }

    @Test
    void aMultiLineNameSurvivesTheRoundTrip() throws InputException {
        Layout l = Layout.empty();
        l.apply(new Event.LayoutNamed("first line\nsecond: line\n"));
        Layout back = LayoutReader.read(LayoutWriter.toYaml(l), Documents.Format.YAML, "out.yaml", RegionCatalog.builtIn());
        assertEquals("first line\nsecond: line\n", back.name());
    }

    @Test
    void jsonExportReadsBackToTheSameLayout() throws InputException {
        Layout l = yaml(Layouts.oneHost("hypervisor: type1, cores: 3, memoryGiB: 5.3, storageGiB: 10, cpuOvercommit: 1.1",
                "{id: a, vcpus: 3, memoryGiB: 3.3, diskGiB: 10, state: stopped}"));
        Layout back = LayoutReader.read(LayoutWriter.toJson(l), Documents.Format.JSON, "out.json", RegionCatalog.builtIn());
        assertEquals(LayoutWriter.toTree(l), LayoutWriter.toTree(back));
    }
}
