package cloudlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static cloudlab.cli.Cli.assertSameByValue;
import static cloudlab.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cloud-lab simulate} on real files: the contract's example and every kind of bad input. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    static final String ONE_HOST = """
            regions:
              - code: us-east-1
                zones:
                  - id: z1
                    datacenters:
                      - id: dc1
                        hosts:
                          - id: h1
                            hypervisor: type1
                            cores: %s
                            memoryGiB: 64
                            storageGiB: 1000
                            vms:
                              - {id: web-1, vcpus: %s, memoryGiB: 4, diskGiB: 20}
            """;

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    Path host(String cores, String vcpus) throws IOException {
        return write("layout.yaml", ONE_HOST.formatted(cores, vcpus));
    }

    @Test
    void theContractsExamplePrintsTheExampleReport() throws IOException {
        Path shop = Cli.example(dir, "shop.yaml");
        JsonNode report = run("simulate", shop, "--fail", "use1-az1", "--user", "sydney=-33.87,151.21").json();
        assertSameByValue(Cli.resourceJson("shop.report.json"), report, "report");
    }

    @Test
    void withoutUsersTheReportHasNoUsersKeyAndFailedIsEmpty() throws IOException {
        JsonNode report = run("simulate", Cli.example(dir, "shop.yaml")).json();
        assertFalse(report.has("users"));
        assertTrue(report.get("failed").isArray() && report.get("failed").isEmpty());
        assertEquals("running", report.at("/vms/0/status").textValue());
        assertTrue(report.at("/apps/0/available").booleanValue());
    }

    @Test
    void failedListsTheDocumentsIdsThenTheCommandLinesEachOnce() throws IOException {
        Path f = write("layout.yaml", ONE_HOST.formatted("16", "2") + "failed: [dc1]\n");
        JsonNode report = run("simulate", f, "--fail", "h1", "--fail", "dc1", "--fail", "h1").json();
        assertEquals("[\"dc1\",\"h1\"]", report.get("failed").toString());
    }

    @Test
    void aJsonLayoutIsReadToo() throws IOException {
        Path f = write("layout.json", "{\"apps\": [{\"name\": \"a\"}]}");
        assertEquals("a", run("simulate", f).json().at("/apps/0/name").textValue());
    }

    @Test
    void failingAVmExitsTwoNamingTheFileAndTheRule() throws IOException {
        Path shop = Cli.example(dir, "shop.yaml");
        assertEquals(shop + ": --fail web-1: web-1 is a VM; only regions, zones, data centers and hosts can fail",
                run("simulate", shop, "--fail", "web-1").badInput());
    }

    @Test
    void failingAnUnknownIdOrAnAppExitsTwo() throws IOException {
        Path shop = Cli.example(dir, "shop.yaml");
        assertEquals(shop + ": --fail use1-az9: no region, zone, data center or host has the id \"use1-az9\"",
                run("simulate", shop, "--fail", "use1-az9").badInput());
        assertTrue(run("simulate", shop, "--fail", "shop").badInput().startsWith(shop + ": --fail shop: "));
    }

    @Test
    void anUnknownFieldExitsTwoNamingThePlace() throws IOException {
        Path f = write("layout.yaml", ONE_HOST.formatted("16", "2").replace("storageGiB: 1000", "storageGiB: 1000\n                colour: red"));
        String e = run("simulate", f).badInput();
        assertTrue(e.startsWith(f + ": regions[0].zones[0].datacenters[0].hosts[0].colour: unknown field colour"), e);
    }

    @Test
    void aDuplicateIdExitsTwo() throws IOException {
        Path f = write("layout.yaml", ONE_HOST.formatted("16", "2").replace("web-1", "h1"));
        assertEquals(f + ": regions[0].zones[0].datacenters[0].hosts[0].vms[0].id: duplicate id h1; every id is unique across the document",
                run("simulate", f).badInput());
    }

    @Test
    void negativeCoresExitTwo() throws IOException {
        Path f = host("-4", "2");
        assertEquals(f + ": regions[0].zones[0].datacenters[0].hosts[0].cores: must be a whole number from 1 to 4096 (got -4)",
                run("simulate", f).badInput());
    }

    @Test
    void aCapacityBreachNamesTheHostResourceAndBothNumbers() throws IOException {
        Path f = host("16", "18");
        String e = run("simulate", f).badInput();
        assertTrue(e.startsWith(f + ": regions[0].zones[0].datacenters[0].hosts[0]: host h1: vCPUs needed 18, available 16"), e);
    }

    @Test
    void aGarbageFileExitsTwo() throws IOException {
        Path bin = dir.resolve("garbage.yaml");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});
        assertEquals(bin + ": is not UTF-8 text", run("simulate", bin).badInput());
        Path text = write("garbage2.yaml", "{{{ ]: [\n");
        String e = run("simulate", text).badInput();
        assertTrue(e.startsWith(text + ": line 1, column 2: "), e);
        Path unclosed = write("garbage3.yaml", "apps: [{name: a}\n");
        String u = run("simulate", unclosed).badInput();
        assertTrue(u.startsWith(unclosed + ": line 2, column 1: malformed YAML: "), u);
        Path json = write("garbage.json", "{\"apps\": [}");
        assertTrue(run("simulate", json).badInput().startsWith(json + ": line 1, column "));
    }

    @Test
    void absurdNumbersAndDeepNestingAreBadInputNotACrash() throws IOException {
        Path huge = host("1e999999999", "2");
        assertEquals(huge + ": regions[0].zones[0].datacenters[0].hosts[0].cores: must be a number with a decimal exponent from -20 to 20 (got 1E+999999999)",
                run("simulate", huge).badInput());
        String digits = run("simulate", host("4", "2"), "--user", "far=1.234567890123456,1").badInput();
        assertTrue(digits.endsWith("--user far=1.234567890123456,1: lat must be a number of at most 15 significant digits (got 16)"), digits);
        Path deep = write("deep.yaml", "name: " + "[".repeat(3000) + "]".repeat(3000) + "\n");
        assertTrue(run("simulate", deep).badInput().endsWith("the document nests deeper than 64 levels"));
    }

    @Test
    void aMissingFileOrAFolderExitsTwo() {
        Path missing = dir.resolve("nope.yaml");
        assertEquals(missing + ": no such file", run("simulate", missing).badInput());
        assertEquals(dir + ": is a folder, not a file", run("simulate", dir).badInput());
    }

    @Test
    void aMalformedUserExitsTwoNamingTheFileAndTheArgument() throws IOException {
        Path shop = Cli.example(dir, "shop.yaml");
        assertEquals(shop + ": --user sydney: must look like NAME=LAT,LON, e.g. sydney=-33.87,151.21",
                run("simulate", shop, "--user", "sydney").badInput());
        assertEquals(shop + ": --user sydney=abc,1: must look like NAME=LAT,LON, e.g. sydney=-33.87,151.21",
                run("simulate", shop, "--user", "sydney=abc,1").badInput());
        assertEquals(shop + ": --user sydney=1..2,3: LAT and LON must be numbers, e.g. sydney=-33.87,151.21",
                run("simulate", shop, "--user", "sydney=1..2,3").badInput());
        assertEquals(shop + ": --user pole=91,0: lat must be from -90 to 90 (got 91)", run("simulate", shop, "--user", "pole=91,0").badInput());
        assertEquals(shop + ": --user a=1,1: there is already a user named a",
                run("simulate", shop, "--user", "a=1,1", "--user", "a=1,1").badInput());
    }

    @Test
    void malformedArgumentsExitTwo() {
        assertTrue(run("simulate").badInput().contains("LAYOUT"));
        assertTrue(run("simulate", "x.yaml", "--frobnicate").badInput().contains("--frobnicate"));
        assertTrue(run("simulate", "x.yaml", "--fail").badInput().contains("--fail"));
    }
}
