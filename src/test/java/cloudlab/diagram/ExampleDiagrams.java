package cloudlab.diagram;

import cloudlab.sim.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cloudlab.diagram.SvgTestSupport.SHOP;
import static cloudlab.diagram.SvgTestSupport.parse;
import static cloudlab.diagram.SvgTestSupport.read;

/**
 * Writes example diagrams for a person to look at, only when asked:
 * {@code mvn test -Dtest=ExampleDiagrams -Ddiagram.examples=/tmp} writes /tmp/diagram-*.svg.
 */
@EnabledIfSystemProperty(named = "diagram.examples", matches = ".+")
class ExampleDiagrams {

    /** A bigger layout: two regions, a custom one, a busy type 1 host, overcommit, users around the world. */
    static final String WORLD = """
            name: global shop
            apps:
              - {name: shop, minRunning: 2}
              - {name: search, minRunning: 1}
            regions:
              - code: us-east-1
                zones:
                  - id: use1-az1
                    datacenters:
                      - id: use1-az1-dc1
                        hosts:
                          - id: h1
                            hypervisor: type1
                            cores: 16
                            memoryGiB: 64
                            storageGiB: 1000
                            vms:
                              - {id: web-1, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}
                              - {id: web-2, vcpus: 4, memoryGiB: 8, diskGiB: 40, app: shop}
                              - {id: search-1, vcpus: 4, memoryGiB: 16, diskGiB: 100, app: search}
                              - {id: cache-1, vcpus: 2, memoryGiB: 12, diskGiB: 10}
                          - id: h3
                            hypervisor: type1
                            cores: 8
                            memoryGiB: 32
                            storageGiB: 500
                            cpuOvercommit: 2.0
                            vms:
                              - {id: batch-1, vcpus: 6, memoryGiB: 8, diskGiB: 50}
                  - id: use1-az2
                    datacenters:
                      - id: use1-az2-dc1
                        hosts:
                          - id: h2
                            hypervisor: type2
                            cores: 8
                            memoryGiB: 32
                            storageGiB: 500
                            vms:
                              - {id: web-3, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}
                              - {id: spare, vcpus: 1, memoryGiB: 1, diskGiB: 10, state: stopped}
                      - id: use1-az2-dc2
                  - id: use1-az3
              - code: eu-west-1
                zones:
                  - id: euw1-az1
                    datacenters:
                      - id: euw1-az1-dc1
                        hosts:
                          - id: dub-1
                            hypervisor: type1
                            cores: 32
                            memoryGiB: 128
                            storageGiB: 2000
                            vms:
                              - {id: web-eu-1, vcpus: 4, memoryGiB: 8, diskGiB: 40, app: shop}
              - code: ap-southeast-2
              - code: lab-north
                location: {lat: 64.15, lon: -21.94}
            users:
              - {name: sydney, lat: -33.87, lon: 151.21}
              - {name: berlin, lat: 52.52, lon: 13.40}
              - {name: "<b>x</b>", lat: -23.55, lon: -46.63}
              - {name: tokyo, lat: 35.68, lon: 139.69}
            """;

    @Test
    void writeExamples() throws Exception {
        Path dir = Path.of(System.getProperty("diagram.examples"));
        Layout world = read(WORLD);
        write(dir, "hosts", Diagrams.hosts(world, List.of("use1-az1")));
        write(dir, "hosts-one", Diagrams.hosts(read(SHOP), List.of()));
        write(dir, "hosts-empty", Diagrams.hosts(read("name: empty\n"), List.of()));
        write(dir, "infrastructure", Diagrams.infrastructure(world, List.of("use1-az1")));
        write(dir, "infrastructure-region", Diagrams.infrastructure(world, List.of("us-east-1", "dub-1")));
        write(dir, "map", Diagrams.map(world, List.of("use1-az1"), true));
        Layout stress = read(SvgTestSupport.stress());
        write(dir, "stress-hosts", Diagrams.hosts(stress, List.of(stress.zones().get(2).id())));
        write(dir, "stress-infrastructure", Diagrams.infrastructure(stress, List.of(stress.zones().get(2).id())));
        write(dir, "stress-map", Diagrams.map(stress, List.of(), true));
        write(dir, "map-failed", Diagrams.map(world, List.of("us-east-1"), false));
    }

    private static void write(Path dir, String name, String svg) throws Exception {
        parse(svg);
        Files.writeString(dir.resolve("diagram-" + name + ".svg"), svg);
    }
}
