package cloudlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;

import static cloudlab.web.ApiTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/run} against the real server: the run of {@code cloud-lab run}, refusals naming the field. */
class RunApiTest {
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

    static ObjectNode request() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set("layout", JSON.readTree("""
                {"regions": [{"code": "us-east-1", "zones": [{"id": "z1", "datacenters": [{"id": "dc1", "hosts": [
                  {"id": "h1", "hypervisor": "type1", "cores": 4, "memoryGiB": 16, "storageGiB": 100, "cpuOvercommit": 2,
                   "vms": [{"id": "a", "vcpus": 4, "memoryGiB": 4, "diskGiB": 10, "cpuDemand": 100},
                           {"id": "b", "vcpus": 4, "memoryGiB": 4, "diskGiB": 10, "cpuDemand": 100, "shares": 12000}]}]}]}]}]}
                """));
        body.put("seconds", 10);
        return body;
    }

    static java.net.http.HttpResponse<String> post(Object body) {
        return WebClient.cookieless(server).postJson("/api/v1/run", body.toString());
    }

    @Test
    void answersTheRun() throws Exception {
        JsonNode r = ApiTest.read(post(request()));
        // shares 4000 : 12000 split 4 cores 1 : 3
        JsonNode vms = r.get("timeline").get(0).get("hosts").get(0).get("vms");
        assertEquals(0, vms.get(0).get("receivedCores").decimalValue().compareTo(java.math.BigDecimal.ONE));
        assertEquals(0, vms.get(1).get("receivedCores").decimalValue().compareTo(java.math.BigDecimal.valueOf(3)));
        assertEquals(10, r.get("timeline").size());
        assertEquals(75, r.get("summary").get("vms").get(0).get("p95StealPercent").asInt());
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        ObjectNode body = request();
        body.put("seconds", 0);
        assertEquals("seconds: must be a whole number from 1 to 86400 (got 0)", ApiTest.refused(post(body), 400));
        body = request();
        body.put("policy", "fifo");
        assertEquals("policy: must be fair or proportional", ApiTest.refused(post(body), 400));
        body = request();
        ((ObjectNode) body.at("/layout/regions/0/zones/0/datacenters/0/hosts/0/vms/0")).put("shares", "many");
        assertEquals("layout.regions[0].zones[0].datacenters[0].hosts[0].vms[0].shares: must be a number, not text (\"many\")",
                ApiTest.refused(post(body), 400));
        body = request();
        body.remove("seconds");
        assertEquals("missing required field seconds", ApiTest.refused(post(body), 400));
        body = request();
        body.put("speed", 2);
        assertTrue(ApiTest.refused(post(body), 400).startsWith("speed: unknown field"));
    }

    @Test
    void aBodyOverOneMiBIsRefusedWith413() {
        byte[] big = new byte[Api.MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        ApiTest.refused(WebClient.cookieless(server).post("/api/v1/run", "application/json", HttpRequest.BodyPublishers.ofByteArray(big)), 413);
    }
}
