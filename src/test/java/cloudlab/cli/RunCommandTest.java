package cloudlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static cloudlab.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cloud-lab run}: the timeline and summary on stdout, bad input exits 2 with a sentence. */
class RunCommandTest {
    @TempDir
    Path dir;

    static final String LAYOUT = """
            apps: [{name: shop}]
            regions:
              - code: us-east-1
                zones:
                  - id: z1
                    datacenters:
                      - id: dc1
                        hosts:
                          - id: h1
                            hypervisor: type1
                            cores: 4
                            memoryGiB: 16
                            storageGiB: 100
                            cpuOvercommit: 2
                            vms:
                              - {id: web-1, vcpus: 4, memoryGiB: 4, diskGiB: 10, app: shop, cpuDemand: 50}
                              - {id: hog, vcpus: 4, memoryGiB: 4, diskGiB: 10, cpuDemand: {pattern: [0, 100], every: 30}}
            """;

    Path layout() throws IOException {
        Path f = dir.resolve("layout.yaml");
        Files.writeString(f, LAYOUT);
        return f;
    }

    @Test
    void printsATimelineAndASummary() throws IOException {
        JsonNode r = run("run", layout(), "--seconds", "60", "--every", "30").json();
        assertEquals(60, r.get("seconds").asInt());
        assertEquals("fair", r.get("policy").asText());
        assertEquals(2, r.get("timeline").size());
        // from second 30 the hog wants 4 cores beside web-1's 2, on 4: equal shares give web-1 its 2
        JsonNode second30 = r.get("timeline").get(1).get("hosts").get(0);
        assertEquals(0, new BigDecimal("2").compareTo(second30.get("vms").get(1).get("receivedCores").decimalValue()));
        JsonNode hog = r.get("summary").get("vms").get(1);
        assertEquals("hog", hog.get("id").asText());
        assertEquals(0, new BigDecimal("25").compareTo(hog.get("meanStealPercent").decimalValue()));
        assertEquals(50, hog.get("p95StealPercent").asInt());
    }

    @Test
    void theProportionalPolicyIsChosenByName() throws IOException {
        JsonNode r = run("run", layout(), "--seconds", "60", "--policy", "proportional").json();
        assertEquals("proportional", r.get("policy").asText());
        assertEquals(60, r.get("timeline").size());
        JsonNode web = r.get("summary").get("vms").get(0);
        assertTrue(web.get("maxStealPercent").decimalValue().signum() > 0, "under proportional web-1 waits too");
    }

    @Test
    void badArgumentsExitTwoWithTheRule() throws IOException {
        assertEquals("--seconds: must be a whole number of seconds from 1 to 86400 (got 0)", run("run", layout(), "--seconds", "0").badInput());
        assertEquals("--policy: must be fair or proportional (got fifo)", run("run", layout(), "--seconds", "5", "--policy", "fifo").badInput());
        assertTrue(run("run", layout(), "--seconds", "5", "--every", "6").badInput().startsWith("--every: must be a whole number of seconds from 1 to the run's 5"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, LAYOUT.replace("cpuDemand: 50", "cpuDemand: 150"));
        assertEquals(bad + ": regions[0].zones[0].datacenters[0].hosts[0].vms[0].cpuDemand: must be a number from 0 to 100"
                + " with at most 3 digits after the point (got 150)", run("run", bad, "--seconds", "5").badInput());
    }
}
