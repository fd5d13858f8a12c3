package cloudlab.web;

import cloudlab.lesson.LessonChallenge;
import cloudlab.sim.document.LayoutWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON API of contract section 6 against the real server: answers, refusals, and no state. */
class ApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Numbers compare by value: 12 and 12.0 are the same. */
    static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.equals(b)) return 0;
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
        return 1;
    };

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

    static ObjectNode resource(String name) {
        try (InputStream in = ApiTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("no test resource " + name);
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode shop() {
        return resource("shop-layout.json");
    }

    /** The contract's worked example: shop.yaml, zone use1-az1 failed, a user in Sydney. */
    static ObjectNode shopRequest() {
        ObjectNode body = JSON.createObjectNode();
        body.set("layout", shop());
        body.putArray("fail").add("use1-az1");
        body.putArray("users").addObject().put("name", "sydney").put("lat", -33.87).put("lon", 151.21);
        return body;
    }

    static JsonNode read(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    static HttpResponse<String> post(String path, Object body) {
        return WebClient.cookieless(server).postJson(path, body.toString());
    }

    /** A refusal: the status, a JSON body of exactly one non-empty "error", and no cookie. */
    static String refused(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode body = read(r);
        assertTrue(body.isObject() && body.size() == 1 && body.path("error").isTextual(), r.body());
        String error = body.get("error").textValue();
        assertFalse(error.isBlank());
        assertFalse(error.contains("Exception") || error.contains("\tat "), error);
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty());
        return error;
    }

    static JsonNode ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), "the API sets no cookie");
        return read(r);
    }

    @Test
    void regionsListsTheWholeCatalog() {
        JsonNode regions = ok(WebClient.cookieless(server).get("/api/v1/regions"));
        assertTrue(regions.isArray());
        assertEquals(34, regions.size());
        Set<String> codes = new HashSet<>();
        for (JsonNode r : regions) {
            List<String> fields = new ArrayList<>();
            r.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("code", "name", "city", "lat", "lon", "azs"), fields, r.toString());
            assertTrue(r.get("code").isTextual() && r.get("name").isTextual() && r.get("city").isTextual(), r.toString());
            assertTrue(r.get("lat").isNumber() && Math.abs(r.get("lat").doubleValue()) <= 90, r.toString());
            assertTrue(r.get("lon").isNumber() && Math.abs(r.get("lon").doubleValue()) <= 180, r.toString());
            assertTrue(r.get("azs").isInt() && r.get("azs").intValue() >= 1, r.toString());
            assertTrue(codes.add(r.get("code").textValue()), "codes are unique");
        }
        assertTrue(codes.containsAll(List.of("us-east-1", "eu-west-1", "ap-southeast-2")), codes.toString());
    }

    @Test
    void simulateAnswersTheContractsWorkedExample() {
        JsonNode report = ok(post("/api/v1/simulate", shopRequest()));

        assertEquals("[\"use1-az1\"]", report.get("failed").toString());
        assertFalse(find(report.get("hosts"), "id", "h1").get("up").booleanValue(), "h1 is down");
        assertTrue(find(report.get("hosts"), "id", "h2").get("up").booleanValue());
        assertEquals("down", find(report.get("vms"), "id", "web-1").get("status").textValue());
        assertEquals("running", find(report.get("vms"), "id", "web-3").get("status").textValue());
        assertEquals("stopped", find(report.get("vms"), "id", "spare").get("status").textValue());
        JsonNode shop = find(report.get("apps"), "name", "shop");
        assertFalse(shop.get("available").booleanValue(), "the shop is unavailable");
        assertEquals(1, shop.get("running").intValue());
        JsonNode sydney = find(report.get("users"), "name", "sydney");
        assertEquals(0, sydney.at("/rttMs/us-east-1").decimalValue().compareTo(new java.math.BigDecimal("237.1")), sydney.toString());
        assertEquals("us-east-1", sydney.at("/nearestServing/region").textValue());
        assertEquals(237.1, sydney.at("/nearestServing/rttMs").doubleValue());

        JsonNode expected = resource("shop-report.json");
        assertTrue(expected.equals(BY_VALUE, report), "the whole report matches shop.report.json:\n" + report.toPrettyString());
    }

    @Test
    void simulateWithOnlyALayoutFailsNothing() {
        ObjectNode body = JSON.createObjectNode();
        body.set("layout", shop());
        JsonNode report = ok(post("/api/v1/simulate", body));
        assertEquals(0, report.get("failed").size());
        assertTrue(find(report.get("apps"), "name", "shop").get("available").booleanValue());
        assertFalse(report.has("users"), "users only when some are given");
    }

    static JsonNode find(JsonNode list, String key, String value) {
        for (JsonNode n : list) if (value.equals(n.path(key).textValue())) return n;
        throw new AssertionError("no " + key + "=" + value + " in " + list);
    }

    static ObjectNode with(Function<ObjectNode, ObjectNode> change) {
        return change.apply(shopRequest());
    }

    static Stream<Arguments> badSimulateBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"layout\": {", "the body is not valid JSON"),
                Arguments.of("trailing garbage", shopRequest() + " }", "the body is not valid JSON"),
                Arguments.of("an array", "[]", "the body must be a JSON object"),
                Arguments.of("a string", "\"layout\"", "the body must be a JSON object"),
                Arguments.of("null", "null", "the body must be a JSON object"),
                Arguments.of("no layout", "{}", "missing required field layout"),
                Arguments.of("unknown field", with(b -> b.put("fails", "x")).toString(), "fails: unknown field"),
                Arguments.of("unknown fail id", with(b -> {
                    b.putArray("fail").add("nowhere-1");
                    return b;
                }).toString(), "fail[0]"),
                Arguments.of("a VM cannot fail", with(b -> {
                    b.putArray("fail").add("web-1");
                    return b;
                }).toString(), "fail[0]"),
                Arguments.of("fail not a list", with(b -> b.put("fail", "use1-az1")).toString(), "fail"),
                Arguments.of("a user without lon", with(b -> {
                    b.putArray("users").addObject().put("name", "x").put("lat", 1);
                    return b;
                }).toString(), "users[0]"),
                Arguments.of("a user off the globe", with(b -> {
                    b.putArray("users").addObject().put("name", "x").put("lat", 91).put("lon", 0);
                    return b;
                }).toString(), "users[0].lat"),
                Arguments.of("layout not an object", with(b -> b.put("layout", 3)).toString(), "layout"),
                Arguments.of("a duplicate key", "{\"layout\": {}, \"layout\": {}}", "the body is not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSimulateBodies")
    void simulateRefusesBadBodiesWith400AndAMessage(String what, String body, String start) {
        String error = refused(WebClient.cookieless(server).postJson("/api/v1/simulate", body), 400);
        assertTrue(error.startsWith(start), what + ": " + error);
    }

    @Test
    void simulateNamesTheUnknownFailId() {
        ObjectNode body = shopRequest();
        body.putArray("fail").add("use1-az9");
        String error = refused(post("/api/v1/simulate", body), 400);
        assertTrue(error.contains("use1-az9"), error);
    }

    @Test
    void anInvalidLayoutIsA400NamingThePlaceFromLayout() {
        ObjectNode body = shopRequest();
        ((ObjectNode) body.at("/layout/regions/0/zones/0/datacenters/0/hosts/0")).put("cores", -4);
        String error = refused(post("/api/v1/simulate", body), 400);
        assertTrue(error.startsWith("layout.regions[0].zones[0].datacenters[0].hosts[0].cores"), error);
        assertFalse(error.contains(".yaml") || error.contains(".json"), "no file name: " + error);
    }

    @Test
    void aLayoutBreakingARuleIsA400NamingThePlace() {
        ObjectNode body = shopRequest();
        ArrayNode vms = (ArrayNode) body.at("/layout/regions/0/zones/1/datacenters/0/hosts/0/vms");
        vms.addObject().put("id", "web-1").put("vcpus", 1).put("memoryGiB", 1).put("diskGiB", 1);
        String error = refused(post("/api/v1/simulate", body), 400);
        assertTrue(error.startsWith("layout."), error);
        assertTrue(error.contains("web-1"), "names the duplicate id: " + error);
    }

    @Test
    void aLayoutWithAnUnknownFieldIsA400NamingIt() {
        ObjectNode body = shopRequest();
        ((ObjectNode) body.get("layout")).put("colour", "blue");
        String error = refused(post("/api/v1/simulate", body), 400);
        assertTrue(error.startsWith("layout."), error);
        assertTrue(error.contains("colour"), error);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415() {
        WebClient web = WebClient.cookieless(server);
        String body = shopRequest().toString();
        refused(web.post("/api/v1/simulate", "text/plain", HttpRequest.BodyPublishers.ofString(body)), 415);
        refused(web.post("/api/v1/grade", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString("a=b")), 415);
        refused(web.post("/api/v1/simulate", null, HttpRequest.BodyPublishers.ofString(body)), 415);
    }

    @Test
    void jsonWithACharsetIsAccepted() {
        HttpResponse<String> r = WebClient.cookieless(server).post("/api/v1/simulate", "application/json; charset=utf-8",
                HttpRequest.BodyPublishers.ofString(shopRequest().toString()));
        ok(r);
    }

    @Test
    void anEmptyBodyIsA400() {
        String error = refused(WebClient.cookieless(server).post("/api/v1/simulate", "application/json", HttpRequest.BodyPublishers.noBody()), 400);
        assertTrue(error.contains("empty"), error);
        refused(WebClient.cookieless(server).postJson("/api/v1/grade", "  \n"), 400);
    }

    static String overOneMiB() {
        ObjectNode body = shopRequest();
        body.put("padding", "x".repeat(1024 * 1024 + 10));
        return body.toString();
    }

    @Test
    void aBodyOverOneMiBIsRefusedWith413() {
        byte[] big = overOneMiB().getBytes(StandardCharsets.UTF_8);
        refused(WebClient.cookieless(server).post("/api/v1/simulate", "application/json", HttpRequest.BodyPublishers.ofByteArray(big)), 413);
        refused(WebClient.cookieless(server).post("/api/v1/grade", "application/json", HttpRequest.BodyPublishers.ofByteArray(big)), 413);
    }

    @Test
    void aChunkedBodyOverOneMiBIsRefusedWith413() {
        byte[] big = overOneMiB().getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big));
        refused(WebClient.cookieless(server).post("/api/v1/simulate", "application/json", chunked), 413);
    }

    @Test
    void aBodyJustUnderOneMiBIsRead() {
        ObjectNode body = shopRequest();
        String base = body.toString();
        // JSON allows spaces; pad with them so the document stays valid and the size stays under the limit
        String padded = base.substring(0, base.length() - 1) + " ".repeat(1024 * 1024 - base.length() - 10) + "}";
        assertTrue(padded.getBytes(StandardCharsets.UTF_8).length < 1024 * 1024);
        ok(WebClient.cookieless(server).postJson("/api/v1/simulate", padded));
    }

    @Test
    void unknownApiAddressesAnswerJson404() {
        refused(WebClient.cookieless(server).get("/api/v1/nothing"), 404);
    }

    static ObjectNode grade(JsonNode challenge, JsonNode layout) {
        ObjectNode body = JSON.createObjectNode();
        body.set("challenge", challenge);
        body.set("layout", layout);
        return body;
    }

    @Test
    void gradeWithAnInlineChallengeAnswersTheResult() {
        JsonNode result = ok(post("/api/v1/grade", grade(resource("shop-challenge.json"), shop())));
        assertFalse(result.has("layout"), "no layout key over HTTP");
        assertEquals("shop-survives-a-zone", result.get("challenge").textValue());
        assertFalse(result.get("passed").booleanValue());
        assertEquals(1.0 / 3, result.get("score").doubleValue(), 1e-9);
        JsonNode checks = result.get("checks");
        assertEquals(3, checks.size());
        assertEquals("survivesZoneFailure", checks.get(0).get("goal").textValue());
        assertEquals("shop", checks.get(0).get("argument").textValue());
        assertFalse(checks.get(0).get("passed").booleanValue());
        assertTrue(checks.get(0).get("message").textValue().contains("use1-az1"), checks.get(0).toString());
        assertEquals("maxHosts", checks.get(1).get("goal").textValue());
        assertEquals(4, checks.get(1).get("argument").intValue());
        assertTrue(checks.get(1).get("passed").booleanValue());
        assertEquals("allHostsHypervisor", checks.get(2).get("goal").textValue());
        assertTrue(checks.get(2).get("message").textValue().contains("h2"), checks.get(2).toString());
    }

    static LessonChallenge lessonSevenChallenge() {
        var lesson = Course1.course().lesson("putting-it-together");
        assertEquals(1, lesson.challenges().size(), "the capstone lesson holds one challenge");
        return lesson.challenges().get(0);
    }

    static JsonNode tree(cloudlab.sim.Layout layout) {
        try {
            return JSON.readTree(LayoutWriter.toJson(layout));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void gradeByLessonSevensChallengeId() {
        LessonChallenge c = lessonSevenChallenge();
        assertEquals("shop-survives-zone-failure", c.id(), "the id written in lessons/08-putting-it-together.md");

        JsonNode start = ok(post("/api/v1/grade", grade(JSON.getNodeFactory().textNode(c.id()), tree(c.start()))));
        assertFalse(start.has("layout"));
        assertEquals(c.id(), start.get("challenge").textValue());
        assertFalse(start.get("passed").booleanValue(), "the start layout fails");
        assertEquals(c.challenge().goals().size(), start.get("checks").size());
        assertTrue(start.get("score").doubleValue() < 1.0);

        JsonNode solved = ok(post("/api/v1/grade", grade(JSON.getNodeFactory().textNode(c.id()), tree(c.solution()))));
        assertTrue(solved.get("passed").booleanValue(), solved.toString());
        assertEquals(1.0, solved.get("score").doubleValue());
    }

    @Test
    void gradeByAnUnknownChallengeIdIs404() {
        String error = refused(post("/api/v1/grade", grade(JSON.getNodeFactory().textNode("no-such-challenge"), shop())), 404);
        assertTrue(error.startsWith("challenge"), error);
        assertTrue(error.contains("no-such-challenge"), error);
    }

    static Stream<Arguments> malformedChallenges() {
        ObjectNode noGoals = resource("shop-challenge.json");
        noGoals.remove("goals");
        ObjectNode emptyGoals = resource("shop-challenge.json");
        emptyGoals.putArray("goals");
        ObjectNode unknownGoal = resource("shop-challenge.json");
        ((ArrayNode) unknownGoal.get("goals")).addObject().put("makesCoffee", "shop");
        ObjectNode badArgument = resource("shop-challenge.json");
        ((ArrayNode) badArgument.get("goals")).addObject().put("maxHosts", "many");
        return Stream.of(Arguments.of("no goals", noGoals), Arguments.of("empty goals", emptyGoals),
                Arguments.of("unknown goal", unknownGoal), Arguments.of("bad argument", badArgument),
                Arguments.of("a number", JSON.getNodeFactory().numberNode(7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedChallenges")
    void aMalformedChallengeIs400(String what, JsonNode challenge) {
        String error = refused(post("/api/v1/grade", grade(challenge, shop())), 400);
        assertTrue(error.startsWith("challenge"), what + ": " + error);
    }

    @Test
    void gradeRefusesBadBodies() {
        refused(post("/api/v1/grade", JSON.createObjectNode().set("layout", shop())), 400);
        refused(post("/api/v1/grade", JSON.createObjectNode().set("challenge", resource("shop-challenge.json"))), 400);
        ObjectNode extra = grade(resource("shop-challenge.json"), shop());
        extra.put("fail", "use1-az1");
        assertTrue(refused(post("/api/v1/grade", extra), 400).startsWith("fail"));
        refused(WebClient.cookieless(server).postJson("/api/v1/grade", "{\"challenge\": "), 400);
    }

    @Test
    void anInvalidLayoutGradesZeroWithOneValidCheck() {
        ObjectNode layout = shop();
        ((ObjectNode) layout.at("/regions/0/zones/0/datacenters/0/hosts/0")).put("cores", -4);
        JsonNode result = ok(post("/api/v1/grade", grade(resource("shop-challenge.json"), layout)));
        assertFalse(result.get("passed").booleanValue());
        assertEquals(0.0, result.get("score").doubleValue());
        assertEquals(1, result.get("checks").size(), result.toString());
        JsonNode check = result.get("checks").get(0);
        assertEquals("valid", check.get("goal").textValue());
        assertFalse(check.get("passed").booleanValue());

        ObjectNode simulate = JSON.createObjectNode();
        simulate.set("layout", layout);
        String simulateError = refused(post("/api/v1/simulate", simulate), 400);
        assertEquals(simulateError, check.get("message").textValue(), "the same message simulate gives");
    }

    @Test
    void theApiReadsNoCookieAndSetsNone() {
        WebClient learner = WebClient.learner(server);
        learner.get("/lessons/" + Course1.first().slug());
        assertNotNull(learner.learnerCookie());
        String cookie = "cl_learner=" + learner.learnerCookie();
        WebClient anonymous = WebClient.cookieless(server);

        HttpResponse<String> with = anonymous.postJson("/api/v1/simulate", shopRequest().toString(), "Cookie", cookie);
        HttpResponse<String> without = anonymous.postJson("/api/v1/simulate", shopRequest().toString());
        assertEquals(ok(without), ok(with), "the cookie changes nothing");
        ok(anonymous.get("/api/v1/regions", "Cookie", cookie));
        ok(anonymous.postJson("/api/v1/grade", grade(resource("shop-challenge.json"), shop()).toString(), "Cookie", cookie));
        refused(anonymous.postJson("/api/v1/simulate", "{}", "Cookie", cookie), 400);

        String row = Html.progressRow(learner.get("/progress").body(), Course1.first().slug());
        assertTrue(row.endsWith("—"), "API calls store nothing for the learner: " + row);
    }

    @Test
    void theApiNeverAnswers500ToOddBodies() {
        List<String> odd = List.of("{\"layout\": null}", "{\"layout\": []}", "{\"layout\": {\"regions\": null}}",
                "{\"layout\": {\"regions\": [{}]}}", "{\"layout\": {\"regions\": [{\"code\": \"\"}]}}",
                "{\"layout\": {\"apps\": [{\"name\": \"a\", \"minRunning\": 1e999}]}}",
                "{\"layout\": {}, \"fail\": [null]}", "{\"layout\": {}, \"users\": [null]}",
                "{\"layout\": {}, \"users\": [{\"name\": \"a\", \"lat\": \"1\", \"lon\": 2}]}",
                "{\"layout\": {\"regions\": [{\"code\": \"us-east-1\", \"zones\": [{\"id\": \"x\", \"datacenters\": "
                        + "[{\"id\": \"d\", \"hosts\": [{\"id\": \"h\", \"cores\": 99999999999999999999999}]}]}]}]}}",
                "\uFEFF{\"layout\": {}}", "{\"layout\": {}} trailing", "{\"layout\": {\"name\": \"\\ud800\"}}");
        for (String body : odd) {
            for (String path : List.of("/api/v1/simulate", "/api/v1/grade")) {
                String sent = path.endsWith("grade") && body.startsWith("{\"layout\"") ? body.replaceFirst("\\{", "{\"challenge\": \"x\", ") : body;
                HttpResponse<String> r = WebClient.cookieless(server).postJson(path, sent);
                assertTrue(r.statusCode() < 500, path + " " + sent + " -> " + r.statusCode() + " " + r.body());
                if (r.statusCode() != 200) refused(r, r.statusCode());
            }
        }
    }

    static void assertNoFieldsBut(JsonNode node, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            assertTrue(allowed.contains(f), "unexpected field " + f);
        }
    }

    @Test
    void theApiStoresNothingOnDisk() throws IOException {
        List<Long> before = sizes();
        for (int i = 0; i < 5; i++) ok(post("/api/v1/simulate", shopRequest()));
        ok(post("/api/v1/grade", grade(resource("shop-challenge.json"), shop())));
        JsonNode result = ok(post("/api/v1/grade", grade(resource("shop-challenge.json"), shop())));
        assertNoFieldsBut(result, "challenge", "passed", "score", "checks");
        assertEquals(before, sizes(), "the database and its journal did not change");
    }

    /** The sizes of the database file and of its write-ahead log and journal (-1 when absent). */
    static List<Long> sizes() throws IOException {
        List<Long> out = new ArrayList<>();
        for (String suffix : List.of("", "-wal", "-journal")) {
            Path p = Path.of(server.database() + suffix);
            out.add(Files.exists(p) ? Files.size(p) : -1L);
        }
        return out;
    }
}
