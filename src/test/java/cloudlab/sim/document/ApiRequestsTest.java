package cloudlab.sim.document;

import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.time.CpuPolicy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a body of the JSON API may hold, and the message that names what it may not. */
class ApiRequestsTest {
    private static final RegionCatalog CATALOG = RegionCatalog.builtIn();
    private static final String LAYOUT = """
            {"regions": [{"code": "us-east-1", "zones": [{"id": "z1", "datacenters": [{"id": "dc1", "hosts": [
              {"id": "h1", "hypervisor": "type1", "cores": 4, "memoryGiB": 16, "storageGiB": 100,
               "vms": [{"id": "a", "vcpus": 2, "memoryGiB": 4, "diskGiB": 10}]}]}]}]}]}
            """;

    private static ObjectNode body(String fields) throws InputException {
        return ApiRequests.object("{\"layout\": " + LAYOUT + (fields.isEmpty() ? "" : ", " + fields) + "}");
    }

    private static String refusal(ThrowingRead read) {
        return assertThrows(InputException.class, read::run).getMessage();
    }

    interface ThrowingRead {
        void run() throws InputException;
    }

    @Test
    void aBodyMustBeAJsonObject() {
        assertEquals("the body is empty; send a JSON object", refusal(() -> ApiRequests.object("  ")));
        assertEquals("the body must be a JSON object", refusal(() -> ApiRequests.object("[]")));
        assertEquals("the body must be a JSON object", refusal(() -> ApiRequests.object("null")));
        assertTrue(refusal(() -> ApiRequests.object("{\"layout\": {")).startsWith("the body is not valid JSON at line 1"));
        assertTrue(refusal(() -> ApiRequests.object("{\"a\": 1, \"a\": 2}")).startsWith("the body is not valid JSON"),
                "a field given twice is refused by the strict reader");
    }

    @Test
    void simulateReadsTheLayoutTheFailuresAndTheUsers() throws InputException {
        ApiRequests.Simulate r = ApiRequests.simulate(body("\"fail\": [\"h1\"], \"users\": [{\"name\": \"ann\", \"lat\": 1, \"lon\": 2}]"),
                CATALOG);
        assertEquals(List.of("h1"), r.fail());
        assertEquals("ann", r.users().get(0).name());
        assertEquals(1, r.layout().hosts().size());
    }

    @Test
    void simulateNamesThePlaceOfEachProblem() {
        assertEquals("missing required field layout", refusal(() -> ApiRequests.simulate(ApiRequests.object("{}"), CATALOG)));
        assertEquals("fails: unknown field (did you mean fail?)", refusal(() -> ApiRequests.simulate(body("\"fails\": []"), CATALOG)));
        assertEquals("colour: unknown field (known fields: fail, layout, users)", refusal(() -> ApiRequests.simulate(body("\"colour\": []"), CATALOG)));
        assertTrue(refusal(() -> ApiRequests.simulate(body("\"fail\": [\"nowhere\"]"), CATALOG)).startsWith("fail[0]: "));
        assertTrue(refusal(() -> ApiRequests.simulate(body("\"fail\": \"h1\""), CATALOG)).startsWith("fail: must be a list"));
        assertTrue(refusal(() -> ApiRequests.simulate(body("\"users\": [{\"name\": \"x\", \"lat\": 91, \"lon\": 0}]"), CATALOG))
                .startsWith("users[0]"));
        assertTrue(refusal(() -> ApiRequests.simulate(ApiRequests.object("{\"layout\": {\"regions\": 3}}"), CATALOG))
                .startsWith("layout.regions: "), "a layout's places carry the layout. prefix");
    }

    @Test
    void gradeTellsANamedChallengeFromAGivenOne() throws InputException {
        ApiRequests.Grade named = ApiRequests.grade(body("\"challenge\": \"c-1\""));
        assertEquals("c-1", named.named());
        assertNull(named.given());
        assertEquals(1, named.layout(CATALOG).hosts().size());
        assertEquals("missing required field challenge", refusal(() -> ApiRequests.grade(body(""))));
        assertTrue(refusal(() -> ApiRequests.grade(body("\"challenge\": 7"))).startsWith("challenge"));
    }

    @Test
    void runReadsSecondsEveryAndPolicyWithTheirBounds() throws InputException {
        ApiRequests.Run r = ApiRequests.run(body("\"seconds\": 10, \"every\": 2, \"policy\": \"proportional\""), CATALOG);
        assertEquals(10, r.seconds());
        assertEquals(2, r.every());
        assertEquals(CpuPolicy.fromWord("proportional"), r.policy());
        assertEquals(CpuPolicy.FAIR, ApiRequests.run(body("\"seconds\": 10"), CATALOG).policy(), "fair unless asked");
        assertEquals("missing required field seconds", refusal(() -> ApiRequests.run(body(""), CATALOG)));
        assertEquals("seconds: must be a whole number from 1 to 86400 (got 0)", refusal(() -> ApiRequests.run(body("\"seconds\": 0"), CATALOG)));
        assertEquals("policy: must be fair or proportional",
                refusal(() -> ApiRequests.run(body("\"seconds\": 10, \"policy\": \"greedy\""), CATALOG)));
    }
}
