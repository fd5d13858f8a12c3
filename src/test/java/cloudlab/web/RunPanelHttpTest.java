package cloudlab.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The sandbox's "Run for a minute" panel over HTTP: the chart, table and story of a chosen second,
 * a load edited through the panel's form (and kept in the export), a type 2 host's own OS load, the
 * sandbox's Undo held to the page's version, a lesson sandbox's task checklist, and bad input
 * answered with the field and the rule.
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
        assertEquals("/sandboxes/" + id + "/run?policy=fair&host=host-1&second=25#load-batch", r.headers().firstValue("Location").orElseThrow(),
                "back to the view the form came from, at the form used");
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

    /** The sandbox version the page's Undo button holds to. */
    static String version(String page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(page);
        assertTrue(m.find(), "the Undo form carries the page's version");
        return m.group(1);
    }

    private static HttpResponse<String> setLoad(String id, String vm, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "id";
        all[1] = vm;
        System.arraycopy(fields, 0, all, 2, fields.length);
        return ada.postForm("/sandboxes/" + id + "/run/load", WebClient.form(all), "HX-Request", "true");
    }

    @Test
    void undoOnTheRunPageTakesBackOneStepAndARepeatedClickNoMore() {
        String id = SandboxHttpTest.importLayout(ada, NOISY);
        setLoad(id, "batch", "cpuDemand", "100", "was-cpuDemand", "100", "shares", "8000", "reservation", "0", "limit", "5", "activeMemoryGiB", "0");
        String page = setLoad(id, "web-1", "cpuDemand", "75", "shares", "4000", "reservation", "0", "limit", "4", "activeMemoryGiB", "0").body();
        assertTrue(page.contains("batch wanted 8 cores at second 0 but got 5"), page);
        String version = version(page);
        String form = WebClient.form("version", version, "policy", "fair", "host", "host-1", "second", "0");

        HttpResponse<String> undone = ada.postForm("/sandboxes/" + id + "/run/undo", form, "HX-Request", "true");
        assertEquals(200, undone.statusCode(), undone.body());
        assertTrue(undone.body().contains("Undone: Set VM web-1"), undone.body());
        assertTrue(undone.body().contains("<td>1</td>"), "web-1 wants 25 % of 4 cores again: " + undone.body());

        HttpResponse<String> again = ada.postForm("/sandboxes/" + id + "/run/undo", form, "HX-Request", "true");
        assertTrue(again.body().contains("Nothing changed: the sandbox had already moved on"), again.body());
        assertTrue(again.body().contains("batch wanted 8 cores at second 0 but got 5"), "the limit set before stays: " + again.body());

        HttpResponse<String> plain = ada.postForm("/sandboxes/" + id + "/run/undo", WebClient.form("version", version(again.body()),
                "policy", "fair", "host", "host-1", "second", "0"));
        assertEquals(303, plain.statusCode(), "without JavaScript the answer is the page again, at the Undo button");
        assertTrue(plain.headers().firstValue("Location").orElseThrow().endsWith("#undo"));
        assertFalse(ada.get("/sandboxes/" + id + "/run").body().contains("but got 5"), "and the limit is undone too");
    }

    @Test
    void redoOnTheRunPageBringsBackWhatUndoTookAndARepeatedClickNoMore() {
        String id = SandboxHttpTest.importLayout(ada, NOISY);
        String page = setLoad(id, "batch", "cpuDemand", "100", "was-cpuDemand", "100", "shares", "8000", "reservation", "0", "limit", "5",
                "activeMemoryGiB", "0").body();
        java.util.regex.Matcher redo = java.util.regex.Pattern.compile("<button[^>]*id=\"redo\"[^>]*>").matcher(page);
        assertTrue(redo.find() && redo.group().contains("disabled"), "nothing to redo yet: Redo is disabled: " + page);
        HttpResponse<String> undone = ada.postForm("/sandboxes/" + id + "/run/undo",
                WebClient.form("version", version(page), "policy", "fair", "host", "host-1", "second", "0"), "HX-Request", "true");
        assertFalse(undone.body().contains("but got 5"), undone.body());
        String form = WebClient.form("version", version(undone.body()), "policy", "fair", "host", "host-1", "second", "0");

        HttpResponse<String> redone = ada.postForm("/sandboxes/" + id + "/run/redo", form, "HX-Request", "true");
        assertEquals(200, redone.statusCode(), redone.body());
        assertTrue(redone.body().contains("batch wanted 8 cores at second 0 but got 5"), "the limit is back: " + redone.body());
        HttpResponse<String> again = ada.postForm("/sandboxes/" + id + "/run/redo", form, "HX-Request", "true");
        assertTrue(again.body().contains("Nothing changed: the sandbox had already moved on"), again.body());

        HttpResponse<String> bad = ada.postForm("/sandboxes/" + id + "/run/redo", WebClient.form("version", "two"), "HX-Request", "true");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("version: must be a whole number"), bad.body());
    }

    @Test
    void aLessonSandboxsRunPageCarriesItsTaskAndTicksIt() {
        HttpResponse<String> opened = ada.postForm("/lessons/sharing-a-host-fairly/sandboxes/0", "");
        assertEquals(303, opened.statusCode(), opened.body());
        String id = opened.headers().firstValue("Location").orElseThrow().replaceFirst("^/sandboxes/([^?#/]+).*$", "$1");
        String page = ada.get("/sandboxes/" + id + "/run?second=20").body();
        assertTrue(page.contains("id=\"task\"") && page.contains("0 of 2 steps done"), page);
        String limited = setLoad(id, "batch", "cpuDemand", "100", "was-cpuDemand", "100", "shares", "8000", "reservation", "0", "limit", "2",
                "activeMemoryGiB", "0", "second", "20").body();
        assertTrue(limited.contains("1 of 2 steps done"), "the first step ticks on the Run page: " + limited);
    }

    static final String HOSTED = """
            regions:
              - code: eu-west-1
                zones:
                  - id: euw1-az1
                    datacenters:
                      - id: dc1
                        hosts:
                          - {id: laptop, hypervisor: type2, cores: 8, memoryGiB: 32, storageGiB: 500, cpuOvercommit: 2, vms: [{id: dev, vcpus: 8, memoryGiB: 8, diskGiB: 20, cpuDemand: 100}]}
                          - {id: rack, hypervisor: type1, cores: 8, memoryGiB: 32, storageGiB: 500}
            """;

    @Test
    void aType2HostsOwnOsLoadTakesCoresFromItsVmsAndIsRefusedByField() {
        String id = SandboxHttpTest.importLayout(ada, HOSTED);
        String page = ada.get("/sandboxes/" + id + "/run").body();
        assertTrue(page.contains("id=\"os-laptop\"") && !page.contains("id=\"os-rack\""), "a form for the type 2 host only");
        assertTrue(page.contains("<td>7</td>"), "R1 keeps one of laptop's 8 cores for its OS: " + page);

        String os = "/sandboxes/" + id + "/run/os-load";
        HttpResponse<String> set = ada.postForm(os, WebClient.form("id", "laptop", "hostOsLoad", "50"), "HX-Request", "true");
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(set.body().contains("Set host laptop&#39;s own OS load") || set.body().contains("Set host laptop's own OS load"), set.body());
        assertTrue(set.body().contains("<td>4</td>"), "an OS wanting half of 8 cores leaves 4 to dev: " + set.body());
        assertTrue(SandboxHttpTest.exportJson(ada, id).contains("hostOsLoad"), "the load is the sandbox's");

        HttpResponse<String> typo = ada.postForm(os, WebClient.form("id", "laptop", "hostOsLoad", "lots"), "HX-Request", "true");
        assertEquals(400, typo.statusCode());
        assertTrue(typo.body().contains("hostOsLoad: must be a percent like 75"), typo.body());
        HttpResponse<String> bare = ada.postForm(os, WebClient.form("id", "rack", "hostOsLoad", "20"), "HX-Request", "true");
        assertEquals(422, bare.statusCode());
        assertTrue(bare.body().contains("rack: only a type2 host runs a host OS"), bare.body());

        HttpResponse<String> cleared = ada.postForm(os, WebClient.form("id", "laptop", "hostOsLoad", ""), "HX-Request", "true");
        assertTrue(cleared.body().contains("Cleared host laptop") && cleared.body().contains("<td>7</td>"), cleared.body());
    }
}
