package cloudlab.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: a design with a zone its region does not have (euw1-az9 in eu-west-1) passed the
 * capstone. A lesson challenge's check now scores it 0 and says why; the sandbox itself accepts the
 * zone (the contract's section 1 allows any zone id).
 */
class LessonChallengeZonesHttpTest {
    static final String CAPSTONE = "shop-survives-zone-failure";
    static final String WHY = "zone euw1-az9 is not an availability zone of eu-west-1: AWS lists euw1-az1, euw1-az2, euw1-az3"
            + " (region catalog, read 2026-12)";

    @TempDir
    static Path folder;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theCapstoneCheckRefusesAMadeUpZoneThatTheSandboxAccepted() {
        WebClient learner = WebClient.browser(server);
        assertEquals(200, learner.get("/lessons/putting-it-together").statusCode());
        HttpResponse<String> open = learner.postForm("/lessons/putting-it-together/challenges/" + CAPSTONE, "");
        assertEquals(303, open.statusCode(), open.body());
        String sandbox = open.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> added = learner.postForm(sandbox + "/do", WebClient.form("op", "add-zone", "region", "eu-west-1", "id", "euw1-az9"));
        assertTrue(added.statusCode() == 200 || added.statusCode() == 303, added.statusCode() + " " + Html.text(added.body()));
        String workspace = Html.text(learner.get(sandbox).body());
        assertTrue(workspace.contains("Allowed here, but not real: " + WHY), "the sandbox accepts the zone and warns: " + workspace);

        HttpResponse<String> checked = learner.postForm(sandbox + "/check", "");
        String page = checked.statusCode() == 303 ? learner.get(checked.headers().firstValue("Location").orElseThrow()).body() : checked.body();
        String text = Html.text(page);
        assertTrue(text.contains(WHY), text);
        assertTrue(text.contains("Score: 0% of the goals"), text);
        assertFalse(text.contains("✓ passed"), "no goal is shown as passed beside a refused design: " + text);
    }

    @Test
    void theGradeApiRefusesItForALessonChallengeButNotForAChallengeGivenInline() {
        String layout = """
                {"apps": [{"name": "shop", "minRunning": 1}], "regions": [{"code": "eu-west-1", "zones": [{"id": "euw1-az9",
                 "datacenters": [{"id": "dc", "hosts": [{"id": "h", "hypervisor": "type1", "cores": 8, "memoryGiB": 32, "storageGiB": 500,
                 "vms": [{"id": "w", "vcpus": 4, "memoryGiB": 8, "diskGiB": 40, "app": "shop"}]}]}]}]}]}""";
        WebClient api = WebClient.cookieless(server);
        HttpResponse<String> byId = api.postJson("/api/v1/grade", "{\"challenge\": \"" + CAPSTONE + "\", \"layout\": " + layout + "}");
        assertEquals(200, byId.statusCode(), byId.body());
        assertTrue(byId.body().contains("\"score\":0.0,\"checks\":[{\"goal\":\"valid\",\"passed\":false,\"message\":\"" + WHY + "\"}]"),
                byId.body());
        HttpResponse<String> inline = api.postJson("/api/v1/grade",
                "{\"challenge\": {\"id\": \"up\", \"goals\": [{\"appAvailable\": \"shop\"}]}, \"layout\": " + layout + "}");
        assertEquals(200, inline.statusCode(), inline.body());
        assertTrue(inline.body().contains("\"passed\":true"), "the contract's grader accepts any zone id: " + inline.body());
    }
}
