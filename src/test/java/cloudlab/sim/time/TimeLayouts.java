package cloudlab.sim.time;

import cloudlab.sim.document.Documents;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.RegionCatalog;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Layouts for the time tests, written as a learner would write them. */
final class TimeLayouts {
    private TimeLayouts() {
    }

    /** One data center holding the given hosts (YAML list items, indented as in {@link #NOISY}). */
    static String oneDatacenter(String hosts) {
        return """
                apps:
                  - name: shop
                  - name: batch
                regions:
                  - code: us-east-1
                    zones:
                      - id: z1
                        datacenters:
                          - id: dc1
                            hosts:
                """ + hosts.indent(14);
    }

    /**
     * h1 (8 cores, CPU overcommit 2): web-1 wants 60 % of 4 vCPUs, web-2 alternates 30 % and 90 % every
     * 10 s, crunch wants all 8 of its vCPUs but holds 2000 shares against their 4000 each.
     */
    static final String NOISY = oneDatacenter("""
            - id: h1
              hypervisor: type1
              cores: 8
              memoryGiB: 34
              storageGiB: 1000
              cpuOvercommit: 2
              memoryOvercommit: 1.5
              vms:
                - {id: web-1, vcpus: 4, memoryGiB: 16, diskGiB: 20, app: shop, cpuDemand: 60, activeMemoryGiB: 12}
                - {id: web-2, vcpus: 4, memoryGiB: 16, diskGiB: 20, app: shop, cpuDemand: {pattern: [30, 90], every: 10}, activeMemoryGiB: 8}
                - {id: crunch, vcpus: 8, memoryGiB: 8, diskGiB: 20, app: batch, cpuDemand: 100, activeMemoryGiB: 8, shares: 2000}
            """);

    static Layout read(String yaml) throws InputException {
        return LayoutReader.read(yaml, Documents.Format.YAML, "test.yaml", RegionCatalog.builtIn());
    }

    /** The message of the refusal a document gets. */
    static String refusal(String yaml) {
        return assertThrows(InputException.class, () -> read(yaml)).getMessage();
    }
}
