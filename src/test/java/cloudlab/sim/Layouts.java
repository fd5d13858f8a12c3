package cloudlab.sim;

import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** Builds layouts from literal documents for tests, and reads the message of one that is refused. */
public final class Layouts {
    public static final String SOURCE = "layout.yaml";

    /** The shop over two zones of us-east-1, one 8-core host and one shop VM in each; it needs one running. */
    public static final String SHOP_IN_TWO_ZONES = """
            name: shop in two zones
            apps:
              - {name: shop, minRunning: 1}
            regions:
              - code: us-east-1
                zones:
                  - id: use1-az1
                    datacenters:
                      - id: dc1
                        hosts:
                          - {id: h1, hypervisor: type1, cores: 8, memoryGiB: 32, storageGiB: 500,
                             vms: [{id: shop-1, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}]}
                  - id: use1-az2
                    datacenters:
                      - id: dc2
                        hosts:
                          - {id: h2, hypervisor: type1, cores: 8, memoryGiB: 32, storageGiB: 500,
                             vms: [{id: shop-2, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}]}
            """;

    /** The same shop over two zones of eu-west-1 ({@code az1}, {@code az2}), its VMs web-1 and web-2. */
    public static final String SHOP_OVER_TWO_ZONES = """
            name: shop over two zones
            apps:
              - {name: shop, minRunning: 1}
            regions:
              - code: eu-west-1
                zones:
                  - id: az1
                    datacenters:
                      - id: dc1
                        hosts:
                          - {id: h1, hypervisor: type1, cores: 8, memoryGiB: 32, storageGiB: 500,
                             vms: [{id: web-1, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}]}
                  - id: az2
                    datacenters:
                      - id: dc2
                        hosts:
                          - {id: h2, hypervisor: type1, cores: 8, memoryGiB: 32, storageGiB: 500,
                             vms: [{id: web-2, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}]}
            """;

    private Layouts() {
    }

    public static Layout yaml(String text) {
        try {
            return LayoutReader.read(text, Documents.Format.YAML, SOURCE, RegionCatalog.builtIn());
        } catch (InputException e) {
            return fail("expected a valid layout, got: " + e.getMessage());
        }
    }

    public static Layout json(String text) {
        try {
            return LayoutReader.read(text, Documents.Format.JSON, "layout.json", RegionCatalog.builtIn());
        } catch (InputException e) {
            return fail("expected a valid layout, got: " + e.getMessage());
        }
    }

    /** The message of a YAML layout that must be refused. */
    public static String yamlError(String text) {
        return assertThrows(InputException.class,
                () -> LayoutReader.read(text, Documents.Format.YAML, SOURCE, RegionCatalog.builtIn())).getMessage();
    }

    public static String jsonError(String text) {
        return assertThrows(InputException.class,
                () -> LayoutReader.read(text, Documents.Format.JSON, "layout.json", RegionCatalog.builtIn())).getMessage();
    }

    /**
     * One catalog region, one zone {@code z1}, one data center {@code dc1} and one host {@code h1}
     * with the given fields and VMs (each a YAML flow mapping); the app {@code shop} is declared.
     */
    public static String oneHost(String hostFields, String... vms) {
        return """
                apps:
                  - {name: shop, minRunning: 1}
                regions:
                  - code: us-east-1
                    zones:
                      - id: z1
                        datacenters:
                          - id: dc1
                            hosts:
                              - {id: h1, %s, vms: [%s]}
                """.formatted(hostFields, String.join(", ", vms));
    }
}
