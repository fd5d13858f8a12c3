package cloudlab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sandbox action over plain HTTP against the real server: each {@code op} of the action form
 * with good input and with bad input, history moves, share links, import and export, and what
 * another learner (or a guesser) can reach. "Nothing changed" is always checked the same way: the
 * JSON export and the timeline before and after are equal.
 */
class SandboxHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new YAMLMapper();
    static final String LAB = """
            name: http lab
            apps:
              - {name: shop, minRunning: 1}
            regions:
              - code: eu-west-1
                zones:
                  - id: az1
                    datacenters:
                      - id: dc1
                        hosts:
                          - id: h1
                            hypervisor: type1
                            cores: 8
                            memoryGiB: 32
                            storageGiB: 500
                            vms:
                              - {id: vm-1, vcpus: 2, memoryGiB: 4, diskGiB: 20, app: shop}
                  - id: az2
                    datacenters:
                      - id: dc2
                        hosts:
                          - id: h2
                            hypervisor: type1
                            cores: 8
                            memoryGiB: 32
                            storageGiB: 500
                            vms:
                              - {id: vm-s, vcpus: 2, memoryGiB: 4, diskGiB: 20, state: stopped}
              - code: lab-north
                location: {lat: 59.33, lon: 18.07}
            failed: [lab-north]
            users:
              - {name: dublin, lat: 53.35, lon: -6.26}
            """;

    @TempDir
    static Path folder;
    static TestServer server;
    static WebClient alice;
    static WebClient bob;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
        alice = WebClient.learner(server);
        bob = WebClient.learner(server);
        assertEquals(200, alice.get("/sandboxes").statusCode());
        assertEquals(200, bob.get("/sandboxes").statusCode());
        assertNotNull(alice.learnerCookie());
        assertNotNull(bob.learnerCookie());
        assertNotEquals(alice.learnerCookie(), bob.learnerCookie());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Imports the layout as a new sandbox of the client's learner; its id. */
    static String importLayout(WebClient client, String layout) {
        HttpResponse<String> r = client.postForm("/sandboxes/import", WebClient.form("layout", layout));
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/sandboxes/s[a-z0-9]{12}"), location);
        return location.substring("/sandboxes/".length());
    }

    static String lab(WebClient client) {
        return importLayout(client, LAB);
    }

    static String exportJson(WebClient client, String id) {
        HttpResponse<String> r = client.get("/sandboxes/" + id + "/export.json");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    static JsonNode tree(WebClient client, String id) {
        try {
            return JSON.readTree(exportJson(client, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The timeline as text: every step, and which one is current. */
    static String timeline(WebClient client, String id) {
        HttpResponse<String> r = client.get("/sandboxes/" + id);
        assertEquals(200, r.statusCode());
        Matcher m = Pattern.compile("(?s)<ol class=\"timeline\".*?</ol>").matcher(r.body());
        assertTrue(m.find(), "a timeline on the page");
        return m.group().replaceAll("<li class=\"[^\"]*is-current[^\"]*\"[^>]*>", "[current] ").transform(Html::text);
    }

    /** Everything a learner can see change: the state (as its JSON export) and the timeline. */
    static String snapshot(WebClient client, String id) {
        return exportJson(client, id) + "\n---\n" + timeline(client, id);
    }

    static int sandboxCount(WebClient client) {
        HttpResponse<String> r = client.get("/sandboxes");
        assertEquals(200, r.statusCode());
        Matcher m = Pattern.compile("href=\"/sandboxes/s[a-z0-9]{12}\"").matcher(r.body());
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** The hidden {@code form} field each op's form in the sandbox page sends; null for ops with no form there. */
    static String formKey(String op) {
        return switch (op) {
            case "add-vm", "add-host", "change-host", "migrate-vm", "add-region", "add-zone", "add-datacenter" -> op;
            case "add-app", "set-min-running", "set-vm-app" -> "app";
            case "place-user", "remove-user" -> "user";
            case "fail", "restore" -> "break";
            case "start-vm", "stop-vm", "remove-vm", "remove-region", "remove-zone", "remove-datacenter", "remove-host" -> "tree";
            default -> null;
        };
    }

    /** An action form as the sandbox page would post it. */
    static String form(String op, String... pairs) {
        List<String> all = new ArrayList<>(List.of("op", op));
        if (formKey(op) != null) all.addAll(List.of("form", formKey(op)));
        all.addAll(Arrays.asList(pairs));
        return WebClient.form(all.toArray(String[]::new));
    }

    /** The object in the exported tree whose id (or code, for a region) is the given one, or a missing node. */
    static JsonNode node(JsonNode tree, String id) {
        if (tree.isObject()) {
            if (id.equals(tree.path("id").asText(null)) || id.equals(tree.path("code").asText(null))) return tree;
        }
        for (JsonNode child : tree) {
            JsonNode found = node(child, id);
            if (!found.isMissingNode()) return found;
        }
        return MissingNode.getInstance();
    }

    static JsonNode named(JsonNode array, String name) {
        for (JsonNode n : array) if (name.equals(n.path("name").asText())) return n;
        return MissingNode.getInstance();
    }

    static String hostOf(JsonNode tree, String vmId) {
        for (JsonNode r : tree.path("regions")) for (JsonNode z : r.path("zones")) for (JsonNode d : z.path("datacenters")) {
            for (JsonNode h : d.path("hosts")) for (JsonNode v : h.path("vms")) if (vmId.equals(v.path("id").asText())) return h.path("id").asText();
        }
        return null;
    }

    static java.util.Set<String> failed(JsonNode tree) {
        java.util.Set<String> s = new java.util.TreeSet<>();
        tree.path("failed").forEach(n -> s.add(n.asText()));
        return s;
    }

    // ---- every op with good input ----------------------------------------------------------------

    /** An action with good input; {@code setup}, when not null, is an action made first (its result is the "before"). */
    record Good(String op, String[] pairs, Predicate<JsonNode> after, String what, String[] setup) {
        @Override
        public String toString() {
            return op + " " + String.join(" ", pairs);
        }
    }

    static Good good(String op, String what, Predicate<JsonNode> after, String... pairs) {
        return new Good(op, pairs, after, what, null);
    }

    /** h2 made a type 2 host first: only a type 2 host runs a host OS of its own. */
    static final String[] H2_TYPE2 = {"op", "change-host", "id", "h2", "hypervisor", "type2"};

    static Stream<Good> goodActions() {
        return Stream.of(
                good("set-name", "the layout is renamed", t -> t.path("name").asText().equals("renamed lab"), "name", "renamed lab"),
                good("set-name", "an empty name clears it", t -> !t.has("name"), "name", ""),
                good("add-app", "api needs 2", t -> named(t.path("apps"), "api").path("minRunning").asInt() == 2,
                        "name", "api", "minRunning", "2"),
                good("set-min-running", "shop needs 3", t -> named(t.path("apps"), "shop").path("minRunning").asInt() == 3,
                        "app", "shop", "minRunning", "3"),
                good("remove-app", "shop is gone", t -> named(t.path("apps"), "shop").isMissingNode(), "name", "shop"),
                good("add-region", "a catalog region", t -> !node(t, "us-east-1").isMissingNode(), "code", "us-east-1"),
                good("add-region", "a custom region with its location", t -> node(t, "lab-south").path("location").path("lat").asDouble() == -33.5,
                        "code", "custom", "customCode", "lab-south", "lat", "-33.5", "lon", "151"),
                good("move-region", "lab-north moves", t -> node(t, "lab-north").path("location").path("lon").asDouble() == 20.5,
                        "id", "lab-north", "lat", "60", "lon", "20.5"),
                good("remove-region", "lab-north is gone", t -> node(t, "lab-north").isMissingNode(), "id", "lab-north"),
                good("add-zone", "az3 in eu-west-1", t -> !node(node(t, "eu-west-1"), "az3").isMissingNode(), "region", "eu-west-1", "id", "az3"),
                good("remove-zone", "az2 and its host are gone", t -> node(t, "az2").isMissingNode() && node(t, "h2").isMissingNode(), "id", "az2"),
                good("add-datacenter", "dc3 in az2", t -> !node(node(t, "az2"), "dc3").isMissingNode(), "zone", "az2", "id", "dc3"),
                good("remove-datacenter", "dc2 is gone", t -> node(t, "dc2").isMissingNode(), "id", "dc2"),
                good("add-host", "h3 in dc2", t -> node(node(t, "dc2"), "h3").path("hypervisor").asText().equals("type2"),
                        "datacenter", "dc2", "id", "h3", "hypervisor", "type2", "cores", "4", "memoryGiB", "8", "storageGiB", "100",
                        "cpuOvercommit", "1.5", "memoryOvercommit", "1.0"),
                good("change-host", "h2 becomes type 2 with 16 cores", t -> node(t, "h2").path("cores").asInt() == 16
                                && node(t, "h2").path("hypervisor").asText().equals("type2"),
                        "id", "h2", "hypervisor", "type2", "cores", "16", "memoryGiB", "32", "storageGiB", "500"),
                good("remove-host", "h2 is gone", t -> node(t, "h2").isMissingNode(), "id", "h2"),
                good("add-vm", "vm-2 on h2", t -> "h2".equals(hostOf(t, "vm-2")),
                        "id", "vm-2", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20", "app", "shop", "state", "running", "host", "h2",
                        "policy", "first-fit"),
                good("add-vm", "vm-2 placed by best-fit", t -> hostOf(t, "vm-2") != null && node(t, "vm-2").path("state").asText().equals("stopped"),
                        "id", "vm-2", "vcpus", "1", "memoryGiB", "1.5", "diskGiB", "10", "app", "", "state", "stopped", "host", "",
                        "policy", "best-fit"),
                good("resize-vm", "vm-1 grows", t -> node(t, "vm-1").path("vcpus").asInt() == 4 && node(t, "vm-1").path("diskGiB").asInt() == 40,
                        "id", "vm-1", "vcpus", "4", "memoryGiB", "8", "diskGiB", "40"),
                good("remove-vm", "vm-1 is gone", t -> node(t, "vm-1").isMissingNode(), "id", "vm-1"),
                good("start-vm", "vm-s runs", t -> node(t, "vm-s").path("state").asText().equals("running"), "id", "vm-s"),
                good("stop-vm", "vm-1 stops", t -> node(t, "vm-1").path("state").asText().equals("stopped"), "id", "vm-1"),
                good("migrate-vm", "vm-1 moves to h2", t -> "h2".equals(hostOf(t, "vm-1")), "id", "vm-1", "host", "h2"),
                good("set-vm-app", "vm-s serves shop", t -> node(t, "vm-s").path("app").asText().equals("shop"), "id", "vm-s", "app", "shop"),
                good("set-vm-app", "vm-1 serves nothing", t -> !node(t, "vm-1").has("app"), "id", "vm-1", "app", ""),
                new Good("set-host-os-load", new String[] {"id", "h2", "hostOsLoad", "30"},
                        t -> !node(t, "h2").path("hostOsLoad").isMissingNode(),
                        "h2 (made type 2 first) gets a host OS load of 30 %", H2_TYPE2),
                good("set-vm-load", "vm-1 wants 80 % under a 1-core limit", t -> node(t, "vm-1").path("cpuDemand").asInt() == 80
                        && node(t, "vm-1").path("limit").asInt() == 1, "id", "vm-1", "cpuDemand", "80", "shares", "2000",
                        "reservation", "0", "limit", "1", "activeMemoryGiB", "3"),
                good("rename", "h2 is h2b", t -> node(t, "h2").isMissingNode() && !node(t, "h2b").isMissingNode(), "id", "h2", "newId", "h2b"),
                good("fail", "az1 fails", t -> failed(t).contains("az1"), "id", "az1"),
                good("restore", "lab-north is back", t -> !failed(t).contains("lab-north"), "id", "lab-north"),
                good("place-user", "a user in Sydney", t -> !named(t.path("users"), "sydney").isMissingNode(),
                        "name", "sydney", "lat", "-33.87", "lon", "151.21"),
                good("remove-user", "dublin is gone", t -> named(t.path("users"), "dublin").isMissingNode(), "name", "dublin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodActions")
    void everyActionWithGoodInputIsAcceptedStoredAndAddsOneStep(Good g) {
        String id = lab(alice);
        if (g.setup() != null) assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", WebClient.form(g.setup())).statusCode(), "the set-up step");
        JsonNode before = tree(alice, id);
        assertFalse(g.after().test(before), "the check must not already hold: " + g.what());

        HttpResponse<String> r = alice.postForm("/sandboxes/" + id + "/do", form(g.op(), g.pairs()));
        assertEquals(303, r.statusCode(), Html.text(r.body()));
        // back to the page, at the form that was used (without script, the answer returns to where the learner was)
        String location = r.headers().firstValue("Location").orElse("");
        assertTrue(location.matches("/sandboxes/" + id + "(#part-[a-z-]+)?"), location);

        JsonNode after = tree(alice, id);
        assertTrue(g.after().test(after), g.what() + ":\n" + after.toPrettyString());
        String steps = timeline(alice, id);
        assertTrue(steps.contains("Start layout"), steps);
        assertTrue(steps.matches(".*\\[current\\][^\\[]*$") && !steps.endsWith("[current] Start layout"), "the new step is current: " + steps);
        // and undo brings the start back exactly
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/undo", "").statusCode());
        assertEquals(before, tree(alice, id));
    }

    @Test
    void everyOpOfTheFormsIsCoveredByAGoodAndABadCase() {
        java.util.Set<String> covered = new java.util.TreeSet<>();
        goodActions().forEach(g -> covered.add(g.op()));
        java.util.Set<String> ops = new java.util.TreeSet<>();
        try {
            String src = java.nio.file.Files.readString(Path.of("src/main/java/cloudlab/sandbox/CommandForm.java"));
            Matcher m = Pattern.compile("case \"([a-z-]+)\" ->").matcher(src);
            while (m.find()) ops.add(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(28, ops.size(), ops.toString());
        assertEquals(ops, covered, "a good case for every op");
        java.util.Set<String> refused = new java.util.TreeSet<>();
        badActions().forEach(b -> refused.add(b.op()));
        assertTrue(refused.containsAll(ops), "a bad case for every op; missing: "
                + ops.stream().filter(o -> !refused.contains(o)).toList());
    }

    // ---- every op with bad input ---------------------------------------------------------------------

    record Bad(String op, int status, String message, String[] pairs) {
        @Override
        public String toString() {
            return op + " " + String.join(" ", pairs) + " → " + status;
        }
    }

    static Bad bad(String op, int status, String message, String... pairs) {
        return new Bad(op, status, message, pairs);
    }

    static final String LONG = "x".repeat(201);

    static Stream<Bad> badActions() {
        return Stream.of(
                bad("explode", 400, "op: unknown action \"explode\""),
                bad("", 400, "op: fill this in"),
                bad("set-name", 422, "the name must be at most 200 characters", "name", LONG),
                bad("add-app", 422, "minRunning must be a whole number from 1 to 100000 (got -1)", "name", "api", "minRunning", "-1"),
                bad("add-app", 400, "minRunning: must be a whole number, like 4 (got \"two\")", "name", "api", "minRunning", "two"),
                bad("add-app", 422, "there is already an app named shop", "name", "shop"),
                bad("add-app", 422, "the app name must be 1 to 64 letters", "name", "no spaces"),
                bad("set-min-running", 422, "there is no app named nope", "app", "nope", "minRunning", "2"),
                bad("set-min-running", 422, "minRunning must be a whole number from 1 to 100000 (got 999999)", "app", "shop", "minRunning", "999999"),
                bad("set-min-running", 400, "minRunning: must be a whole number", "app", "shop", "minRunning", "1.5"),
                bad("set-min-running", 400, "minRunning: must be a whole number", "app", "shop", "minRunning", "99999999999"),
                bad("remove-app", 422, "there is no app named nope", "name", "nope"),
                bad("add-region", 422, "the id eu-west-1 is taken", "code", "eu-west-1"),
                bad("add-region", 422, "nowhere-1 is not in the region catalog", "code", "nowhere-1"),
                bad("add-region", 400, "lat: must be a number", "code", "custom", "customCode", "lab-x", "lat", "north", "lon", "1"),
                bad("add-region", 422, "lat must be from -90 to 90 (got 91)", "code", "custom", "customCode", "lab-x", "lat", "91", "lon", "1"),
                bad("add-region", 400, "lat: fill this in", "code", "custom", "customCode", "lab-x"),
                bad("move-region", 422, "eu-west-1 is a catalog region", "id", "eu-west-1", "lat", "1", "lon", "1"),
                bad("move-region", 422, "lon must be from -180 to 180 (got -999)", "id", "lab-north", "lat", "1", "lon", "-999"),
                bad("move-region", 400, "lat: that number is far too large", "id", "lab-north", "lat", "1e12", "lon", "1"),
                bad("remove-region", 422, "there is no region nope", "id", "nope"),
                bad("remove-region", 422, "az1 is a zone, not a region", "id", "az1"),
                bad("add-zone", 422, "there is no region nope", "region", "nope", "id", "az9"),
                bad("add-zone", 422, "the id h1 is taken", "region", "eu-west-1", "id", "h1"),
                bad("add-zone", 400, "id: fill this in", "region", "eu-west-1", "id", "  "),
                bad("add-zone", 400, "id: must be at most 200 characters", "region", "eu-west-1", "id", LONG),
                bad("remove-zone", 422, "dc1 is a data center, not a zone", "id", "dc1"),
                bad("add-datacenter", 422, "there is no zone nope", "zone", "nope", "id", "dc9"),
                bad("remove-datacenter", 422, "there is no data center nope", "id", "nope"),
                bad("add-host", 422, "h3: cores must be a whole number from 1 to 4096 (got -4)",
                        "datacenter", "dc1", "id", "h3", "hypervisor", "type1", "cores", "-4", "memoryGiB", "8", "storageGiB", "100"),
                bad("add-host", 422, "h3: cores must be a whole number from 1 to 4096 (got 999999)",
                        "datacenter", "dc1", "id", "h3", "hypervisor", "type1", "cores", "999999", "memoryGiB", "8", "storageGiB", "100"),
                bad("add-host", 400, "cores: must be a whole number, like 4 (got \"four\")",
                        "datacenter", "dc1", "id", "h3", "hypervisor", "type1", "cores", "four", "memoryGiB", "8", "storageGiB", "100"),
                bad("add-host", 400, "memoryGiB: that number is far too large",
                        "datacenter", "dc1", "id", "h3", "hypervisor", "type1", "cores", "4", "memoryGiB", "1e12", "storageGiB", "100"),
                bad("add-host", 422, "h3: memoryGiB must be above 0 and at most 10000000 (got 100000000)",
                        "datacenter", "dc1", "id", "h3", "hypervisor", "type1", "cores", "4", "memoryGiB", "1e8", "storageGiB", "100"),
                bad("add-host", 422, "h3: storageGiB must be from 0 to 10000000 (got -100)",
                        "datacenter", "dc1", "id", "h3", "hypervisor", "type1", "cores", "4", "memoryGiB", "8", "storageGiB", "-100"),
                bad("add-host", 400, "hypervisor: must be type1 or type2",
                        "datacenter", "dc1", "id", "h3", "hypervisor", "type3", "cores", "4", "memoryGiB", "8", "storageGiB", "100"),
                bad("add-host", 422, "there is no data center nope",
                        "datacenter", "nope", "id", "h3", "hypervisor", "type1", "cores", "4", "memoryGiB", "8", "storageGiB", "100"),
                bad("add-host", 422, "h3: cpuOvercommit must be from 1.0 to 16.0 (got 0.5)",
                        "datacenter", "dc1", "id", "h3", "hypervisor", "type1", "cores", "4", "memoryGiB", "8", "storageGiB", "100",
                        "cpuOvercommit", "0.5"),
                bad("add-host", 422, "h3: cores must be more than the 1 core a type2 hypervisor keeps for itself (got 1)",
                        "datacenter", "dc1", "id", "h3", "hypervisor", "type2", "cores", "1", "memoryGiB", "8", "storageGiB", "100"),
                bad("add-host", 400, "storageGiB: fill this in",
                        "datacenter", "dc1", "id", "h3", "hypervisor", "type1", "cores", "4", "memoryGiB", "8"),
                bad("change-host", 422, "h1's running VMs use 2 vCPUs; the new size leaves room for 1",
                        "id", "h1", "hypervisor", "type1", "cores", "1", "memoryGiB", "32", "storageGiB", "500"),
                bad("change-host", 422, "there is no host nope",
                        "id", "nope", "hypervisor", "type1", "cores", "8", "memoryGiB", "32", "storageGiB", "500"),
                bad("change-host", 400, "memoryGiB: must be a number, like 16 or 0.5 (got \"lots\")",
                        "id", "h1", "hypervisor", "type1", "cores", "8", "memoryGiB", "lots", "storageGiB", "500"),
                bad("remove-host", 422, "vm-1 is a VM, not a host", "id", "vm-1"),
                bad("add-vm", 422, "vm-2: vcpus must be a whole number from 1 to 4096 (got -2)",
                        "id", "vm-2", "vcpus", "-2", "memoryGiB", "4", "diskGiB", "20", "host", "h2"),
                bad("add-vm", 422, "vm-2: vcpus must be a whole number from 1 to 4096 (got 999999)",
                        "id", "vm-2", "vcpus", "999999", "memoryGiB", "4", "diskGiB", "20", "host", "h2"),
                bad("add-vm", 400, "memoryGiB: that number is far too large",
                        "id", "vm-2", "vcpus", "2", "memoryGiB", "1e12", "diskGiB", "20", "host", "h2"),
                bad("add-vm", 422, "vm-2: memoryGiB must be above 0 and at most 10000000 (got -4)",
                        "id", "vm-2", "vcpus", "2", "memoryGiB", "-4", "diskGiB", "20", "host", "h2"),
                bad("add-vm", 400, "diskGiB: must be a number, like 16 or 0.5 (got \"NaN\")",
                        "id", "vm-2", "vcpus", "2", "memoryGiB", "4", "diskGiB", "NaN", "host", "h2"),
                bad("add-vm", 400, "vcpus: must be a whole number, like 4 (got \"2.5\")",
                        "id", "vm-2", "vcpus", "2.5", "memoryGiB", "4", "diskGiB", "20", "host", "h2"),
                bad("add-vm", 400, "state: must be running or stopped",
                        "id", "vm-2", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20", "host", "h2", "state", "paused"),
                bad("add-vm", 400, "policy: must be first-fit, best-fit or spread",
                        "id", "vm-2", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20", "policy", "worst-fit"),
                bad("add-vm", 422, "there is no host nope", "id", "vm-2", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20", "host", "nope"),
                bad("add-vm", 422, "there is no app named nope; add it first",
                        "id", "vm-2", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20", "host", "h2", "app", "nope"),
                bad("add-vm", 422, "the id vm-1 is taken by a VM", "id", "vm-1", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20", "host", "h2"),
                bad("add-vm", 422, "h2 has 8 of the 64 vCPUs this VM needs",
                        "id", "vm-2", "vcpus", "64", "memoryGiB", "4", "diskGiB", "20", "host", "h2"),
                bad("add-vm", 422, "h1 is down (az1 failed)", "id", "vm-2", "vcpus", "1", "memoryGiB", "1", "diskGiB", "1", "host", "h1",
                        "_fail_first", "az1"),
                bad("resize-vm", 422, "there is no VM nope", "id", "nope", "vcpus", "1", "memoryGiB", "1", "diskGiB", "1"),
                bad("resize-vm", 422, "vm-1: vcpus must be a whole number from 1 to 4096 (got 0)",
                        "id", "vm-1", "vcpus", "0", "memoryGiB", "1", "diskGiB", "1"),
                bad("resize-vm", 400, "memoryGiB: must be a number", "id", "vm-1", "vcpus", "1", "memoryGiB", "abc", "diskGiB", "1"),
                bad("resize-vm", 422, "h1 has 30 GiB of the 1000 GiB of memory this VM needs (the hypervisor keeps 2 GiB)",
                        "id", "vm-1", "vcpus", "1", "memoryGiB", "1000", "diskGiB", "1"),
                bad("remove-vm", 422, "h1 is a host, not a VM", "id", "h1"),
                bad("start-vm", 422, "vm-1 is already running", "id", "vm-1"),
                bad("stop-vm", 422, "vm-s is already stopped", "id", "vm-s"),
                bad("migrate-vm", 422, "vm-1 is already on h1", "id", "vm-1", "host", "h1"),
                bad("migrate-vm", 422, "there is no host nope", "id", "vm-1", "host", "nope"),
                bad("migrate-vm", 422, "there is no VM nope", "id", "nope", "host", "h2"),
                bad("migrate-vm", 400, "host: fill this in", "id", "vm-1"),
                bad("set-vm-app", 422, "there is no app named nope", "id", "vm-1", "app", "nope"),
                bad("set-vm-app", 422, "vm-1 already serves shop", "id", "vm-1", "app", "shop"),
                bad("set-host-os-load", 422, "h1: only a type2 host runs a host OS; a type1 hypervisor runs on the bare metal",
                        "id", "h1", "hostOsLoad", "20"),
                bad("set-vm-load", 422, "vm-1: activeMemoryGiB must be a number from 0 to 4", "id", "vm-1", "cpuDemand", "80",
                        "shares", "2000", "reservation", "0", "limit", "1", "activeMemoryGiB", "5"),
                bad("rename", 422, "the id h1 is taken by a host", "id", "h2", "newId", "h1"),
                bad("rename", 422, "a region's code cannot change", "id", "eu-west-1", "newId", "eu-x"),
                bad("rename", 422, "the new id must be 1 to 64 letters", "id", "h2", "newId", "h 2"),
                bad("fail", 422, "vm-1 is a VM; only regions, zones, data centers and hosts can fail", "id", "vm-1"),
                bad("fail", 422, "there is no region, zone, data center, host or VM with the id nope", "id", "nope"),
                bad("fail", 422, "lab-north has already failed", "id", "lab-north"),
                bad("restore", 422, "az1 has not failed, so there is nothing to restore", "id", "az1"),
                bad("place-user", 422, "lat must be from -90 to 90 (got -100)", "name", "x", "lat", "-100", "lon", "1"),
                bad("place-user", 400, "lon: must be a number", "name", "x", "lat", "1", "lon", "east"),
                bad("place-user", 400, "name: fill this in", "name", "", "lat", "1", "lon", "1"),
                bad("remove-user", 422, "there is no user named nobody", "name", "nobody"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badActions")
    void everyActionWithBadInputIsRefusedWithItsReasonAndChangesNothing(Bad b) {
        String id = lab(alice);
        List<String> pairs = new ArrayList<>(Arrays.asList(b.pairs()));
        int fail = pairs.indexOf("_fail_first");
        if (fail >= 0) {
            // a precondition step: the refusal is then measured against this state
            assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("fail", "id", pairs.get(fail + 1))).statusCode());
            pairs.remove(fail + 1);
            pairs.remove(fail);
        }
        String before = snapshot(alice, id);
        HttpResponse<String> r = alice.postForm("/sandboxes/" + id + "/do", form(b.op(), pairs.toArray(String[]::new)));
        assertEquals(b.status(), r.statusCode(), Html.text(r.body()));
        String text = Html.text(r.body());
        assertTrue(text.contains(b.message()), "expected «" + b.message() + "» in the answer:\n" + text);
        assertTrue(r.body().contains("<html"), "a plain form post gets a whole page back");
        assertFalse(Html.leaksInternals(r.body()));
        assertEquals(before, snapshot(alice, id));
    }

    @Test
    void aRefusalIsShownInTheFormItCameFrom() {
        String id = lab(alice);
        HttpResponse<String> r = alice.postForm("/sandboxes/" + id + "/do", WebClient.form("op", "add-vm", "form", "add-vm",
                "id", "vm-2", "vcpus", "64", "memoryGiB", "4", "diskGiB", "20", "host", "h2"));
        assertEquals(422, r.statusCode());
        Matcher m = Pattern.compile("(?s)<form[^>]*id=\"form-add-vm\".*?</form>").matcher(r.body());
        assertTrue(m.find());
        assertTrue(Html.text(m.group()).contains("h2 has 8 of the 64 vCPUs this VM needs"), m.group());
        assertTrue(r.body().matches("(?s).*<details class=\"form-card\" open=\"open\">\\s*<summary>Add a VM</summary>.*"),
                "the add-VM card is open so the reason is seen");
    }

    @Test
    void aRefusalFromAFormThatIsNoLongerDrawnIsShownAtTheTop() {
        // a stale page: the learner removed both hosts in another tab, then sends "Add a VM" from this one
        String id = lab(alice);
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("remove-host", "id", "h1")).statusCode());
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("remove-host", "id", "h2")).statusCode());
        String before = snapshot(alice, id);
        HttpResponse<String> r = alice.postForm("/sandboxes/" + id + "/do", form("add-vm",
                "id", "vm-2", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20", "host", "h2"), "HX-Request", "true");
        assertEquals(422, r.statusCode());
        assertFalse(r.body().contains("id=\"form-add-vm\""), "the add-VM form is not drawn without hosts");
        assertTrue(r.body().matches("(?s).*<p class=\"notice notice--bad\" role=\"alert\">there is no host h2</p>.*"),
                Html.text(r.body()));
        assertEquals(before, snapshot(alice, id));
    }

    @Test
    void aRefusalWithAnUnknownFormKeyIsShownAtTheTop() {
        String id = lab(alice);
        HttpResponse<String> r = alice.postForm("/sandboxes/" + id + "/do", WebClient.form("op", "stop-vm", "form", "made-up", "id", "vm-s"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("role=\"alert\">vm-s is already stopped</p>"), Html.text(r.body()));
    }

    @Test
    void checkingASandboxWithoutAChallengeIs400AndSaysSo() {
        String id = lab(alice);
        String before = snapshot(alice, id);
        HttpResponse<String> r = alice.postForm("/sandboxes/" + id + "/check", "");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("role=\"alert\">This sandbox has no challenge to check.</p>"), Html.text(r.body()));
        assertEquals(before, snapshot(alice, id));
    }

    // ---- HX-Request ----------------------------------------------------------------------------------

    @Test
    void withHxRequestAnActionAnswersOnlyTheChangedPartsOutOfBand() {
        String id = lab(alice);
        HttpResponse<String> ok = alice.postForm("/sandboxes/" + id + "/do", form("stop-vm", "id", "vm-1"), "HX-Request", "true");
        assertEquals(200, ok.statusCode());
        assertWorkspaceOnly(ok.body());
        assertTrue(ok.body().contains("Stopped VM vm-1"), "the notice names the step");
        assertEquals("stopped", node(tree(alice, id), "vm-1").path("state").asText());

        String before = snapshot(alice, id);
        HttpResponse<String> refused = alice.postForm("/sandboxes/" + id + "/do", form("stop-vm", "id", "vm-1"), "HX-Request", "true");
        assertEquals(422, refused.statusCode());
        assertWorkspaceOnly(refused.body());
        assertTrue(Html.text(refused.body()).contains("vm-1 is already stopped"));
        HttpResponse<String> malformed = alice.postForm("/sandboxes/" + id + "/do", form("add-app", "name", "x", "minRunning", "many"),
                "HX-Request", "true");
        assertEquals(400, malformed.statusCode());
        assertWorkspaceOnly(malformed.body());
        assertEquals(before, snapshot(alice, id));

        for (String action : List.of("undo", "redo", "reset")) {
            HttpResponse<String> h = alice.postForm("/sandboxes/" + id + "/" + action, "", "HX-Request", "true");
            assertEquals(200, h.statusCode(), action);
            assertWorkspaceOnly(h.body());
        }
        HttpResponse<String> step = alice.postForm("/sandboxes/" + id + "/step", WebClient.form("step", "1"), "HX-Request", "true");
        assertEquals(200, step.statusCode());
        assertWorkspaceOnly(step.body());
        HttpResponse<String> badStep = alice.postForm("/sandboxes/" + id + "/step", WebClient.form("step", "7"), "HX-Request", "true");
        assertEquals(400, badStep.statusCode());
        assertWorkspaceOnly(badStep.body());
    }

    /** An htmx answer: parts of the workspace to swap in out of band, never the whole page. */
    static void assertWorkspaceOnly(String body) {
        String b = body.strip();
        assertTrue(b.startsWith("<div id=\"part-") && b.contains("data-hx-swap-oob=\"true\""), b.substring(0, Math.min(200, b.length())));
        assertFalse(b.contains("<html"), "no whole page");
        assertFalse(b.contains("<head>") || b.contains("<head "), "no head");
        assertFalse(b.contains("site-header"), "no chrome");
    }

    // ---- history -----------------------------------------------------------------------------------

    @Test
    void undoRedoResetAndStepMoveThroughTheHistory() {
        String id = lab(alice);
        JsonNode s0 = tree(alice, id);
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("stop-vm", "id", "vm-1")).statusCode());
        JsonNode s1 = tree(alice, id);
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("remove-user", "name", "dublin")).statusCode());
        JsonNode s2 = tree(alice, id);

        assertEquals(303, alice.postForm("/sandboxes/" + id + "/undo", "").statusCode());
        assertEquals(s1, tree(alice, id));
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/redo", "").statusCode());
        assertEquals(s2, tree(alice, id));
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/reset", "").statusCode());
        assertEquals(s0, tree(alice, id));
        assertTrue(timeline(alice, id).startsWith("[current] Start layout"), "reset keeps the steps for redo");
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/step", WebClient.form("step", "2")).statusCode());
        assertEquals(s2, tree(alice, id));
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/step", WebClient.form("step", "1")).statusCode());
        assertEquals(s1, tree(alice, id));

        // a new step after going back drops the later one
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("set-name", "name", "branch")).statusCode());
        String steps = timeline(alice, id);
        assertFalse(steps.contains("Removed user dublin"), steps);
        assertTrue(steps.endsWith("[current] Named the layout \"branch\" you are here"), steps);
    }

    @Test
    void undoAtTheStartAndRedoAtTheEndChangeNothing() {
        String id = lab(alice);
        String start = snapshot(alice, id);
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/undo", "").statusCode());
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/redo", "").statusCode());
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/reset", "").statusCode());
        assertEquals(start, snapshot(alice, id));
        HttpResponse<String> hx = alice.postForm("/sandboxes/" + id + "/undo", "", "HX-Request", "true");
        assertTrue(hx.body().contains("Nothing to undo"));
        assertEquals(start, snapshot(alice, id));
    }

    @ParameterizedTest(name = "step={0}")
    @MethodSource("badSteps")
    void aBadStepNumberIsRefusedWith400AndChangesNothing(String step) {
        String id = lab(alice);
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("stop-vm", "id", "vm-1")).statusCode());
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/undo", "").statusCode());
        String before = snapshot(alice, id);
        HttpResponse<String> r = alice.postForm("/sandboxes/" + id + "/step", step == null ? "" : WebClient.form("step", step));
        assertEquals(400, r.statusCode());
        String text = Html.text(r.body());
        assertTrue(text.contains("step: must be"), text);
        assertFalse(Html.leaksInternals(r.body()));
        assertEquals(before, snapshot(alice, id));
    }

    static Stream<String> badSteps() {
        return Stream.of("-1", "2", "99", "2147483648", "one", "1.0", "", null);
    }

    // ---- other learners and guessed ids -------------------------------------------------------------

    @Test
    void anotherLearnersSandboxIs404ForEveryRouteAndNothingChanges() {
        String id = lab(alice);
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("stop-vm", "id", "vm-1")).statusCode());
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("remove-user", "name", "dublin")).statusCode());
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/undo", "").statusCode());
        String before = snapshot(alice, id);
        int bobs = sandboxCount(bob);

        for (WebClient stranger : List.of(bob, WebClient.cookieless(server))) {
            assertNotFound(stranger.get("/sandboxes/" + id));
            assertNotFound(stranger.get("/sandboxes/" + id + "/export.json"));
            assertNotFound(stranger.get("/sandboxes/" + id + "/export.yaml"));
            assertNotFound(stranger.postForm("/sandboxes/" + id + "/do", form("remove-vm", "id", "vm-1")));
            assertNotFound(stranger.postForm("/sandboxes/" + id + "/do", form("remove-vm", "id", "vm-1"), "HX-Request", "true"));
            assertNotFound(stranger.postForm("/sandboxes/" + id + "/undo", ""));
            assertNotFound(stranger.postForm("/sandboxes/" + id + "/redo", ""));
            assertNotFound(stranger.postForm("/sandboxes/" + id + "/reset", ""));
            assertNotFound(stranger.postForm("/sandboxes/" + id + "/step", WebClient.form("step", "0")));
            assertNotFound(stranger.postForm("/sandboxes/" + id + "/share", ""));
            assertNotFound(stranger.postForm("/sandboxes/" + id + "/check", ""));
        }
        assertEquals(before, snapshot(alice, id));
        assertEquals(bobs, sandboxCount(bob), "bob got nothing out of it");
        assertFalse(bob.get("/sandboxes").body().contains(id));
    }

    @Test
    void guessedSandboxIdsAre404() {
        String id = lab(alice);
        String before = snapshot(alice, id);
        String near = id.substring(0, id.length() - 1) + (id.endsWith("a") ? "b" : "a");
        for (String guess : List.of(near, "s000000000000", "1", "..%2F..%2Fetc", "' OR '1'='1", id.toUpperCase())) {
            String path = "/sandboxes/" + java.net.URLEncoder.encode(guess, java.nio.charset.StandardCharsets.UTF_8).replace("%25", "%");
            assertNotFound(alice.get(path));
            assertNotFound(alice.postForm(path + "/do", form("remove-vm", "id", "vm-1")));
            assertNotFound(alice.postForm(path + "/undo", ""));
            assertNotFound(alice.get(path + "/export.json"));
        }
        assertEquals(before, snapshot(alice, id));
    }

    static void assertNotFound(HttpResponse<String> r) {
        assertEquals(404, r.statusCode(), r.uri() + ": " + Html.text(r.body()));
        assertFalse(Html.leaksInternals(r.body()));
    }

    // ---- share links ---------------------------------------------------------------------------------

    @Test
    void aShareLinkGivesAnotherLearnerTheirOwnCopyOfTheSameState() {
        String id = lab(alice);
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("migrate-vm", "id", "vm-1", "host", "h2")).statusCode());
        JsonNode shared = tree(alice, id);

        HttpResponse<String> r = alice.postForm("/sandboxes/" + id + "/share", "");
        assertEquals(303, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("^/sandboxes/" + id + "\\?shared=([a-z0-9]{24})#share$").matcher(location);
        assertTrue(m.find(), location);
        String token = m.group(1);
        HttpResponse<String> page = alice.get("/sandboxes/" + id + "?shared=" + token);
        // the link is absolute, from the address the learner reached the lab by, in a field to copy
        String url = server.url("/shared/" + token);
        assertTrue(page.body().contains("href=\"" + url + "\"") && page.body().contains("value=\"" + url + "\" readonly")
                || page.body().contains("readonly value=\"" + url + "\""), "the page shows the link: " + url);

        // alice changes on after sharing; the link keeps the state at sharing time
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("remove-vm", "id", "vm-s")).statusCode());

        HttpResponse<String> preview = bob.get("/shared/" + token);
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("action=\"/shared/" + token + "\""), "a button to open a copy");
        int bobs = sandboxCount(bob);
        HttpResponse<String> copy = bob.postForm("/shared/" + token, "");
        assertEquals(303, copy.statusCode());
        String copyId = copy.headers().firstValue("Location").orElseThrow().substring("/sandboxes/".length());
        assertNotEquals(id, copyId);
        assertEquals(shared, tree(bob, copyId));
        assertEquals(bobs + 1, sandboxCount(bob));
        assertTrue(Html.text(bob.get("/sandboxes/" + copyId).body()).contains("Copy of"));

        // the copy is bob's own: his change does not touch alice's, and alice cannot open his
        JsonNode alicesNow = tree(alice, id);
        assertEquals(303, bob.postForm("/sandboxes/" + copyId + "/do", form("remove-vm", "id", "vm-1")).statusCode());
        assertEquals(alicesNow, tree(alice, id));
        assertNotFound(alice.get("/sandboxes/" + copyId));

        // the link works again and makes a second, separate copy
        HttpResponse<String> again = bob.postForm("/shared/" + token, "");
        String second = again.headers().firstValue("Location").orElseThrow().substring("/sandboxes/".length());
        assertNotEquals(copyId, second);
        assertEquals(shared, tree(bob, second));
    }

    @Test
    void anUnknownShareTokenIs404AndMakesNoSandbox() {
        int bobs = sandboxCount(bob);
        for (String token : List.of("abcdefghjkmnpqrstvwxyz23", "nope", "%27")) {
            assertNotFound(bob.postForm("/shared/" + token, ""));
            assertNotFound(bob.get("/shared/" + token));
        }
        assertEquals(bobs, sandboxCount(bob));
    }

    // ---- import and export -----------------------------------------------------------------------------

    @Test
    void theYamlAndJsonExportsHoldTheSameStateAndImportBackToIt() throws IOException {
        String id = lab(alice);
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("fail", "id", "az2")).statusCode());
        HttpResponse<String> yaml = alice.get("/sandboxes/" + id + "/export.yaml");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.headers().firstValue("Content-Type").orElse("").startsWith("application/yaml"));
        // the download is named after the sandbox (its title as a slug), not its id
        assertEquals("attachment; filename=\"http-lab.yaml\"", yaml.headers().firstValue("Content-Disposition").orElse(null));
        HttpResponse<String> json = alice.get("/sandboxes/" + id + "/export.json");
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode fromYaml = YAML.readTree(yaml.body());
        JsonNode fromJson = JSON.readTree(json.body());
        assertEquals(fromJson, fromYaml, "the same document in two formats");
        assertTrue(failed(fromJson).contains("az2"));

        for (String doc : List.of(yaml.body(), json.body())) {
            String copy = importLayout(alice, doc);
            assertEquals(fromJson, tree(alice, copy));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badImports")
    void importingABadDocumentIs400NamingTheProblemAndMakesNoSandbox(String doc, String problem) {
        int before = sandboxCount(alice);
        HttpResponse<String> r = alice.postForm("/sandboxes/import", WebClient.form("layout", doc));
        assertEquals(400, r.statusCode());
        String text = Html.text(r.body());
        assertTrue(text.contains(problem), "expected «" + problem + "» in:\n" + text);
        assertTrue(r.body().contains("id=\"import-error\""), "the error sits by the import field");
        assertFalse(Html.leaksInternals(r.body()));
        assertEquals(before, sandboxCount(alice));
    }

    static Stream<Arguments> badImports() {
        return Stream.of(
                Arguments.of("", "layout: paste a layout document (YAML or JSON) or choose a file"),
                Arguments.of("regions: [", "layout: line 1, column 11: malformed YAML"),
                Arguments.of("regions:\n  - code: eu-west-1\n    zonez: []\n", "regions[0].zonez: unknown field zonez"),
                Arguments.of("apps:\n  - {name: shop, minRunning: 0}\n", "apps[0].minRunning: must be a whole number from 1 to 100000 (got 0)"),
                Arguments.of("regions:\n  - code: eu-west-1\n    zones:\n      - id: a\n      - id: a\n", "duplicate id a"),
                Arguments.of("regions:\n  - code: lab-x\n", "lab-x is not in the region catalog, so it must carry a location"),
                Arguments.of("{\"regions\": 5}", "regions: must be a list, not a number (5)"));
    }
}
