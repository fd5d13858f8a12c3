package cloudlab.web;

import cloudlab.workshop.Instructors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static cloudlab.web.WorkshopHttpTest.JSON;
import static cloudlab.web.WorkshopHttpTest.TWO_ZONES;
import static cloudlab.web.WorkshopHttpTest.act;
import static cloudlab.web.WorkshopHttpTest.appsClass;
import static cloudlab.web.WorkshopHttpTest.export;
import static cloudlab.web.WorkshopHttpTest.gridRow;
import static cloudlab.web.WorkshopHttpTest.joined;
import static cloudlab.web.WorkshopHttpTest.learnerId;
import static cloudlab.web.WorkshopHttpTest.sandboxOf;
import static cloudlab.web.WorkshopHttpTest.vmIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chaos button over HTTP: failing a zone in every learner's sandbox takes down an app that
 * lives only in that zone and leaves an app spread over two zones up; restoring brings both back.
 */
class WorkshopChaosTest {
    @TempDir
    static Path folder;
    static TestServer server;
    static WorkshopHttpTest.Instructor ada;

    @BeforeAll
    static void start() throws Instructors.Refused {
        server = TestServer.startIn(folder);
        server.services().instructors().add("ada", WorkshopHttpTest.PASSWORD.toCharArray());
        ada = WorkshopHttpTest.Instructor.signIn(server, "ada", WorkshopHttpTest.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The simulator's report of the learner's sandbox as exported, through the public API. */
    static JsonNode report(WebClient learner, String sandboxId) {
        ObjectNode body = JSON.createObjectNode();
        body.set("layout", export(learner, sandboxId));
        HttpResponse<String> r = WebClient.cookieless(server).postJson("/api/v1/simulate", body.toString());
        assertEquals(200, r.statusCode(), r.body());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode find(JsonNode list, String key, String value) {
        for (JsonNode n : list) if (value.equals(n.path(key).textValue())) return n;
        throw new AssertionError("no " + key + "=" + value + " in " + list);
    }

    @Test
    void failingAZoneTakesDownASingleZoneAppWhileAMultiZoneAppStaysUp() {
        String id = ada.create("Chaos day", TWO_ZONES, 1, 2);
        String code = ada.code(id);
        WebClient multi = joined(server, code, "Multi");
        WebClient single = joined(server, code, "Single");
        String multiBox = sandboxOf(multi);
        String singleBox = sandboxOf(single);
        act(single, singleBox, "op", "remove-vm", "id", "shop-2");
        assertEquals(List.of("shop-1", "shop-2"), vmIds(export(multi, multiBox)));
        assertEquals(List.of("shop-1"), vmIds(export(single, singleBox)), "Single's shop now lives in use1-az1 only");
        String multiId = learnerId(server, multi);
        String singleId = learnerId(server, single);

        String before = ada.get("/instructor/workshops/" + id + "/grid").body();
        assertEquals("apps is-up", appsClass(gridRow(before, multiId)));
        assertEquals("apps is-up", appsClass(gridRow(before, singleId)), "one VM is enough while nothing has failed");

        assertEquals("Failed use1-az1 in 2 sandboxes.",
                ada.noticeAfter(ada.post("/instructor/workshops/" + id + "/chaos", WebClient.form("id", "use1-az1", "action", "fail", "confirm", "yes"))));
        String during = ada.get("/instructor/workshops/" + id + "/grid").body();
        String multiRow = gridRow(during, multiId);
        String singleRow = gridRow(during, singleId);
        assertEquals("apps is-up", appsClass(multiRow), multiRow);
        assertEquals("apps is-down", appsClass(singleRow), singleRow);
        assertTrue(Html.text(multiRow).contains("1/1 apps up · use1-az1 failed"), multiRow);
        assertTrue(Html.text(singleRow).contains("0/1 apps up · use1-az1 failed"), singleRow);
        assertTrue(Html.text(during).contains("2 learners · 1 with every app up"), Html.text(during));

        assertEquals("[\"use1-az1\"]", export(multi, multiBox).get("failed").toString(), "the failure is in the learner's own sandbox");
        assertEquals("[\"use1-az1\"]", export(single, singleBox).get("failed").toString());
        JsonNode multiReport = report(multi, multiBox);
        assertEquals("down", find(multiReport.get("vms"), "id", "shop-1").get("status").textValue());
        assertEquals("running", find(multiReport.get("vms"), "id", "shop-2").get("status").textValue());
        assertTrue(find(multiReport.get("apps"), "name", "shop").get("available").booleanValue(), "the multi-zone shop stays up");
        JsonNode singleReport = report(single, singleBox);
        assertEquals("down", find(singleReport.get("vms"), "id", "shop-1").get("status").textValue(), "Single's only shop VM is down");
        assertFalse(find(singleReport.get("apps"), "name", "shop").get("available").booleanValue(), "the single-zone shop is down");
        assertTrue(Html.text(ada.get("/instructor/workshops/" + id + "/learners/" + singleId).body()).contains("shop: DOWN"));
        assertTrue(Html.text(ada.get("/instructor/workshops/" + id + "/learners/" + multiId).body()).contains("shop: available"));

        assertEquals("Restored use1-az1 in 2 sandboxes.",
                ada.noticeAfter(ada.post("/instructor/workshops/" + id + "/chaos", WebClient.form("id", "use1-az1", "action", "restore"))));
        String after = ada.get("/instructor/workshops/" + id + "/grid").body();
        assertEquals("apps is-up", appsClass(gridRow(after, multiId)));
        assertEquals("apps is-up", appsClass(gridRow(after, singleId)));
        assertEquals(0, export(single, singleBox).get("failed").size());
        assertTrue(find(report(single, singleBox).get("apps"), "name", "shop").get("available").booleanValue());
    }

    @Test
    void failingItAgainOrRestoringWhatIsUpChangesNoSandbox() {
        String id = ada.create("Chaos twice", TWO_ZONES, 1);
        WebClient ana = joined(server, ada.code(id), "Ana");
        String box = sandboxOf(ana);
        assertEquals("Restored use1-az2 in 0 sandboxes.",
                ada.noticeAfter(ada.post("/instructor/workshops/" + id + "/chaos", WebClient.form("id", "use1-az2", "action", "restore"))));
        assertEquals("Failed use1-az2 in 1 sandbox.",
                ada.noticeAfter(ada.post("/instructor/workshops/" + id + "/chaos", WebClient.form("id", "use1-az2", "action", "fail", "confirm", "yes"))));
        int steps = server.services().sandboxes().get(learnerId(server, ana), box).history().position();
        assertEquals("Failed use1-az2 in 0 sandboxes.",
                ada.noticeAfter(ada.post("/instructor/workshops/" + id + "/chaos", WebClient.form("id", "use1-az2", "action", "fail", "confirm", "yes"))));
        assertEquals(steps, server.services().sandboxes().get(learnerId(server, ana), box).history().position(), "no second failure recorded");
        assertEquals("[\"use1-az2\"]", export(ana, box).get("failed").toString());
    }
}
