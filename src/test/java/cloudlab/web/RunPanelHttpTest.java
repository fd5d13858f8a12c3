package cloudlab.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's "Run for a minute" panel over HTTP: the chart, table and story of a chosen second,
 * a load edited through the panel's form (and kept in the export), and bad input answered with
 * the field and the rule.
 */
class RunPanelHttpTest {
    static final String NOISY = """
            name: noisy
            apps: [{name: shop}, {name: reports}]
            regions:
              - code: eu-west-1
                zones:
                  - id: euw1-az1
                    datacenters:
                      - id: dc1
                        hosts:
                          - id: host-1
                            hypervisor: type1
                            cores: 8
                            memoryGiB: 32
                            storageGiB: 500
                            cpuOvercommit: 2
                            vms:
                              - {id: web-1, vcpus: 4, memoryGiB: 8, diskGiB: 20, app: shop, cpuDemand: {steps: [{at: 0, percent: 25}, {at: 20, percent: 75}]}}
                              - {id: batch, vcpus: 8, memoryGiB: 8, diskGiB: 20, app: reports, cpuDemand: 100}
            """;

    @TempDir
    static Path folder;
    static TestServer server;
    static WebClient ada;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
        ada = WebClient.browser(server);
        assertEquals(200, ada.get("/sandboxes").statusCode());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theSecondChosenIsDrawnTabledAndToldInWords() {
        String id = SandboxHttpTest.importLayout(ada, NOISY);
        String page = ada.get("/sandboxes/" + id + "/run?second=25").body();
        assertTrue(page.contains("<svg") && page.contains("cld-timeline"), "the core's chart");
        assertTrue(page.contains("Host host-1 at second 25"), page);
        // web-1 wants 3, batch 8: 4000 and 8000 shares split the 8 cores 8/3 and 16/3
        assertTrue(page.contains("web-1 wanted 3 cores at second 25 but got 2.667: the VMs of host-1 wanted 11 cores, 8 were theirs to share;"
                + " its 4000 shares of the 12000 on the host set its slice."), page);
        assertTrue(page.contains("<td>2.667</td>"), "the table has what web-1 got");
        assertTrue(ada.get("/sandboxes/" + id + "/run?second=5&policy=proportional").body()
                .contains("batch wanted 8 cores at second 5 but got 7.111"), "the proportional policy cuts everyone by 8/9");
    }

    @Test
    void aLoadSetInThePanelIsTheSandboxsAndKeepsTheStepsWhenOnlyTheLimitChanges() {
        String id = SandboxHttpTest.importLayout(ada, NOISY);
        HttpResponse<String> r = ada.postForm("/sandboxes/" + id + "/run/load", WebClient.form("id", "batch", "policy", "fair",
                "host", "host-1", "second", "25", "was-cpuDemand", "100", "cpuDemand", "100", "shares", "8000", "reservation", "0",
                "limit", "5", "activeMemoryGiB", "2"));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/sandboxes/" + id + "/run?policy=fair&host=host-1&second=25", r.headers().firstValue("Location").orElseThrow());
        String page = ada.get("/sandboxes/" + id + "/run?second=25").body();
        assertTrue(page.contains("batch wanted 8 cores at second 25 but got 5: the VMs of host-1 wanted 11 cores, 8 were theirs to share;"
                + " its limit of 5 cores held it back."), page);
        assertTrue(!page.contains("web-1 wanted"), "web-1 gets its 3 cores beside a batch job capped at 5");
        String web = ada.postForm("/sandboxes/" + id + "/run/load", WebClient.form("id", "web-1", "was-cpuDemand", "25 from 0, 75 from 20",
                "cpuDemand", "25 from 0, 75 from 20", "shares", "6000", "reservation", "1", "limit", "4", "activeMemoryGiB", "0"),
                "HX-Request", "true").body();
        assertTrue(web.contains("Set VM web-1&#39;s load: CPU 25 % from 0 s, 75 % from 20 s, shares 6000")
                || web.contains("Set VM web-1's load: CPU 25 % from 0 s, 75 % from 20 s, shares 6000"), web);
        String export = SandboxHttpTest.exportJson(ada, id);
        assertTrue(export.contains("\"limit\" : 5") && export.contains("\"shares\" : 6000") && export.contains("\"at\" : 20"), export);
    }

    @Test
    void badInputNamesTheFieldAndTheRule() {
        String id = SandboxHttpTest.importLayout(ada, NOISY);
        HttpResponse<String> second = ada.get("/sandboxes/" + id + "/run?second=60");
        assertEquals(400, second.statusCode());
        assertTrue(second.body().contains("second: must be a whole number from 0 to 59"), second.body());
        HttpResponse<String> demand = ada.postForm("/sandboxes/" + id + "/run/load", WebClient.form("id", "batch", "cpuDemand", "lots",
                "shares", "8000", "reservation", "0", "limit", "8", "activeMemoryGiB", "0"));
        assertEquals(400, demand.statusCode());
        assertTrue(demand.body().contains("cpuDemand: must be a percent like 75"), demand.body());
        HttpResponse<String> limit = ada.postForm("/sandboxes/" + id + "/run/load", WebClient.form("id", "batch", "cpuDemand", "100",
                "shares", "8000", "reservation", "0", "limit", "9", "activeMemoryGiB", "0"));
        assertEquals(422, limit.statusCode());
        assertTrue(limit.body().contains("batch: limit must be a number from 0 to 8"), limit.body());
    }
}
