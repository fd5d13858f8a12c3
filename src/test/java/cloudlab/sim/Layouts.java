package cloudlab.sim;

import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** Builds layouts from literal documents for tests, and reads the message of one that is refused. */
public final class Layouts {
    public static final String SOURCE = "layout.yaml";

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
