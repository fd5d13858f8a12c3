package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

import static cloudlab.web.HostileInputTest.assertExplained;
import static cloudlab.web.HostileInputTest.shortBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stateless API fuzzed with random JSON: wrong types, deep nesting, huge and tiny numbers,
 * duplicate keys, markup in strings, oversized bodies. The answer is a 200, or a 4xx with a JSON
 * {"error"}, never a 5xx, always quickly, and it never sets a cookie.
 */
class HostileApiTest {
    static Path folder;
    static TestServer server;
    static List<String> quizIds;
    static List<String> questionIds;
    static List<String> numericQuestions;

    @BeforeContainer
    static void start() {
        folder = HostileInputTest.tempFolder("hostile-api");
        server = TestServer.startIn(folder);
        quizIds = new ArrayList<>();
        questionIds = new ArrayList<>();
        numericQuestions = new ArrayList<>();
        for (Lesson l : Course1.course().lessons()) {
            if (l.quiz() == null) continue;
            quizIds.add(l.quiz().id());
            for (Question q : l.quiz().questions()) {
                questionIds.add(q.id());
                if (q.answersNumber() && !q.hasVariants()) numericQuestions.add(l.quiz().id() + "/" + q.id());
            }
        }
    }

    @AfterContainer
    static void stop() {
        if (server != null) server.close();
        HostileInputTest.delete(folder);
    }

    static String quote(String s) {
        try {
            return HostileInputTest.JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "0.5", "1e400", "-1e400", "1e-400", "1e999999999", "1e-99999999",
            "-1e-999999999", "123456789012345678901234567890", "2147483648", "9223372036854775808", "1.0000000000000000000001", "16", "59.33",
            "18.07", "4", "NaN", "Infinity", "01", "1.", ".5", "0x10", "1" + "0".repeat(1200));

    static final List<String> KEYS = List.of("layout", "fail", "users", "challenge", "answers", "learner", "question", "answer", "seed", "hints",
            "attempt", "name", "apps", "regions", "zones", "datacenters", "hosts", "vms", "code", "id", "lat", "lon", "cores", "memoryGiB",
            "storageGiB", "hypervisor", "vcpus", "diskGiB", "minRunning", "goals", "type", "choices", "truth", "number", "matches",
            "positions", "title", "<script>alert(1)</script>", "", "__proto__", "constructor");

    /** Random JSON text, with duplicate keys, odd numbers and markup mixed in. Some of it is not valid JSON on purpose. */
    static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(NUMBERS)),
                Tuple.of(2, Arbitraries.of("null", "true", "false", "\"\"", "[]", "{}")),
                Tuple.of(3, Arbitraries.of(KEYS).map(HostileApiTest::quote)),
                Tuple.of(2, Arbitraries.of("us-east-1", "type1", "type2", "shop", "h1", "z1", "anna", "running").map(HostileApiTest::quote)),
                Tuple.of(2, HostileInputTest.garbage().map(HostileApiTest::quote)));
        if (depth == 0) return scalar;
        Arbitrary<String> arrays = json(depth - 1).list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> objects = Combinators.combine(Arbitraries.of(KEYS), json(depth - 1)).as((k, v) -> quote(k) + ":" + v).list().ofMaxSize(5)
                .map(l -> "{" + String.join(",", l) + "}");
        return Arbitraries.frequencyOf(Tuple.of(2, scalar), Tuple.of(2, arrays), Tuple.of(3, objects));
    }

    static Arbitrary<String> body(String... keys) {
        Arbitrary<String> known = Combinators.combine(Arbitraries.of(keys), json(3)).as((k, v) -> quote(k) + ":" + v).list().ofMinSize(1).ofMaxSize(3)
                .map(l -> "{" + String.join(",", l) + "}");
        return Arbitraries.frequencyOf(Tuple.of(6, known), Tuple.of(2, json(3)),
                Tuple.of(1, HostileInputTest.garbage()), Tuple.of(1, Arbitraries.of("{", "{\"layout\":", "{\"layout\": {}} {}", "{'layout': {}}",
                        "{\"layout\": {},}", "\uFEFF{\"layout\": {}}", "/* x */ {\"layout\": {}}", "{\"layout\": {}, \"layout\": {}}")));
    }

    static void assertApiAnswer(HttpResponse<String> r, String what, long startedNanos) {
        long ms = (System.nanoTime() - startedNanos) / 1_000_000;
        Statistics.label("status").collect(r.statusCode());
        assertTrue(ms < 5_000, what + " took " + ms + " ms");
        assertExplained(r, what);
        assertTrue(r.statusCode() == 200 || (r.statusCode() >= 400 && r.statusCode() < 500), what + ": " + r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what + ": not JSON");
        HostileInputTest.readJson(r.body());
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), what + ": the API set a cookie");
    }

    static HttpResponse<String> post(String path, String body) {
        return WebClient.cookieless(server).postJson(path, body);
    }

    /** A value for one place of a layout: mostly of the right kind, now and then anything at all. */
    static Arbitrary<String> slot(String... typed) {
        return Arbitraries.frequencyOf(Tuple.of(14, Arbitraries.of(typed)), Tuple.of(1, json(1)));
    }

    /** A layout-shaped JSON document with hostile values here and there. */
    static Arbitrary<String> layoutJson() {
        List<Arbitrary<String>> slots = List.of(slot("\"my lab\"", quote(HostileInputTest.MARKUP.get(0)), "\"Zoë\""), slot("1", "2"),
                slot(quote("anna"), quote(HostileInputTest.MARKUP.get(1))), slot("59.33", "-33.87"), slot("18.07", "151.2"),
                slot("\"us-east-1\"", "\"eu-west-1\""), slot("\"z1\"", "\"use1-az1\""), slot("\"type1\"", "\"type2\""), slot("8", "16"),
                slot("32", "64.5"), slot("2", "4"), slot("20", "0"));
        return Combinators.combine(slots).as(v -> "{\"name\":" + v.get(0) + ",\"apps\":[{\"name\":\"shop\",\"minRunning\":" + v.get(1)
                + "}],\"users\":[{\"name\":" + v.get(2) + ",\"lat\":" + v.get(3) + ",\"lon\":" + v.get(4) + "}],\"regions\":[{\"code\":" + v.get(5)
                + ",\"zones\":[{\"id\":" + v.get(6) + ",\"datacenters\":[{\"id\":\"dc1\",\"hosts\":[{\"id\":\"h1\",\"hypervisor\":" + v.get(7)
                + ",\"cores\":" + v.get(8) + ",\"memoryGiB\":" + v.get(9) + ",\"storageGiB\":100,\"vms\":[{\"id\":\"vm-1\",\"vcpus\":" + v.get(10)
                + ",\"memoryGiB\":1,\"diskGiB\":" + v.get(11) + ",\"app\":\"shop\"}]}]}]}]}]}");
    }

    @Provide
    Arbitrary<String> simulateBodies() {
        Arbitrary<String> fail = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("", ",\"fail\":[\"z1\"]", ",\"fail\":[\"h1\",\"dc1\"]",
                ",\"fail\":[]")), Tuple.of(1, json(2).map(j -> ",\"fail\":" + j)));
        Arbitrary<String> users = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("", ",\"users\":[{\"name\":\"bo\",\"lat\":1,\"lon\":2}]")),
                Tuple.of(1, json(2).map(j -> ",\"users\":" + j)));
        Arbitrary<String> shaped = Combinators.combine(layoutJson(), fail, users).as((l, f, u) -> "{\"layout\":" + l + f + u + "}");
        return Arbitraries.frequencyOf(Tuple.of(1, shaped), Tuple.of(1, body("layout", "fail", "users")));
    }

    @Property(tries = 100)
    void simulateAnswersAnyJsonWithAResultOrAnError(@ForAll("simulateBodies") String body) {
        long t = System.nanoTime();
        assertApiAnswer(post("/api/v1/simulate", body), "simulate " + cut(body), t);
    }

    @Provide
    Arbitrary<String> gradeBodies() {
        List<String> challenges = Course1.course().lessons().stream().flatMap(l -> l.challenges().stream()).map(c -> quote(c.id())).toList();
        Arbitrary<String> challenge = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(challenges)), Tuple.of(1, json(2)));
        Arbitrary<String> shaped = Combinators.combine(challenge, layoutJson()).as((c, l) -> "{\"challenge\":" + c + ",\"layout\":" + l + "}");
        return Arbitraries.frequencyOf(Tuple.of(1, shaped), Tuple.of(1, body("challenge", "layout")));
    }

    @Property(tries = 80)
    void gradeAnswersAnyJsonWithAResultOrAnError(@ForAll("gradeBodies") String body) {
        long t = System.nanoTime();
        assertApiAnswer(post("/api/v1/grade", body), "grade " + cut(body), t);
    }

    @Provide
    Arbitrary<String> quizPaths() {
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(quizIds)),
                Tuple.of(1, HostileInputTest.garbage().map(g -> g.replace("\u0000", "")).filter(g -> !g.isEmpty() && g.length() <= 200)
                        .map(HostileInputTest::segment)))
                .map(id -> "/api/v1/quizzes/" + id + "/grade");
    }

    @Provide
    Arbitrary<String> quizBodies() {
        Arbitrary<String> answer = Combinators.combine(Arbitraries.of(questionIds), Arbitraries.of("choices", "truth", "number", "matches", "positions"),
                        json(2), Arbitraries.of("", ",\"seed\":\"0123456789abcdef\"", ",\"hints\":[0]", ",\"attempt\":1", ",\"hints\":[-1,99]",
                                ",\"seed\":" + quote("<script>")))
                .as((q, k, v, extra) -> "{\"question\":" + quote(q) + ",\"answer\":{" + quote(k) + ":" + v + "}" + extra + "}");
        Arbitrary<String> shaped = Combinators.combine(answer.list().ofMaxSize(4), Arbitraries.of("", ",\"learner\":\"l1\"", ",\"learner\":5"))
                .as((l, learner) -> "{\"answers\":[" + String.join(",", l) + "]" + learner + "}");
        return Arbitraries.frequencyOf(Tuple.of(5, shaped), Tuple.of(2, body("answers", "learner")));
    }

    @Property(tries = 100)
    void quizGradingAnswersAnyJsonWithAResultOrAnError(@ForAll("quizPaths") String path, @ForAll("quizBodies") String body) {
        long t = System.nanoTime();
        assertApiAnswer(post(path, body), cut(path) + " " + cut(body), t);
    }

    static String cut(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    // ---- examples the generators rarely reach -------------------------------------------------------

    static final List<String> ENDPOINTS = List.of("/api/v1/simulate", "/api/v1/grade", "/api/v1/quizzes/" + Course1.first().quiz().id() + "/grade");

    @Example
    void tenThousandLevelsOfNestingAreRefusedWithAnError() {
        List<String> deep = List.of("{\"layout\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "{\"layout\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}",
                "{\"answers\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "[".repeat(100_000) + "]".repeat(100_000));
        for (String endpoint : ENDPOINTS) {
            for (String body : deep) {
                long t = System.nanoTime();
                HttpResponse<String> r = post(endpoint, body);
                assertApiAnswer(r, endpoint + " with deep nesting", t);
                assertEquals(400, r.statusCode(), shortBody(r));
            }
        }
    }

    @Example
    void aBodyOverOneMebibyteIsRefusedWithAnErrorWithOrWithoutALength() {
        String big = "{\"layout\": {\"name\": \"" + "x".repeat(Api.MAX_BODY + 100) + "\"}}";
        for (String endpoint : ENDPOINTS) {
            long t = System.nanoTime();
            HttpResponse<String> r = post(endpoint, big);
            assertApiAnswer(r, endpoint + " with 1 MiB", t);
            assertEquals(413, r.statusCode(), shortBody(r));
            t = System.nanoTime();
            HttpResponse<String> chunked = WebClient.cookieless(server).post(endpoint, "application/json", chunked(big));
            assertApiAnswer(chunked, endpoint + " with 1 MiB, chunked", t);
            assertEquals(413, chunked.statusCode(), shortBody(chunked));
        }
    }

    /** A body sent in chunks, with no Content-Length. */
    static HttpRequest.BodyPublisher chunked(String text) {
        HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofString(text);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };
    }

    @Example
    void duplicateKeysAndTrailingGarbageAreRefusedWithAnError() {
        for (String body : List.of("{\"layout\": {}, \"layout\": {}}", "{\"layout\": {\"name\": \"a\", \"name\": \"b\"}}", "{\"layout\": {}} x",
                "{\"layout\": {\"apps\": [{\"name\": \"a\", \"name\": \"a\"}]}}")) {
            long t = System.nanoTime();
            HttpResponse<String> r = post("/api/v1/simulate", body);
            assertApiAnswer(r, body, t);
            assertEquals(400, r.statusCode(), body + ": " + shortBody(r));
        }
    }

    @Example
    void aNumberAnswerWithAHugeExponentIsRefusedQuickly() {
        String[] qn = numericQuestions.get(0).split("/");
        for (String n : List.of("1e-99999999", "1e99999999", "-1e-999999999", "0." + "0".repeat(900) + "1")) {
            String body = "{\"answers\": [{\"question\": " + quote(qn[1]) + ", \"answer\": {\"number\": " + n + "}}]}";
            long t = System.nanoTime();
            HttpResponse<String> r = post("/api/v1/quizzes/" + qn[0] + "/grade", body);
            assertApiAnswer(r, "number " + cut(n), t);
            assertEquals(400, r.statusCode(), shortBody(r));
        }
    }

    @Example
    void wrongContentTypesEmptyBodiesAndBrokenBytesAreRefusedWithAnError() {
        for (String endpoint : ENDPOINTS) {
            for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "application/xml"}) {
                long t = System.nanoTime();
                HttpResponse<String> r = WebClient.cookieless(server).post(endpoint, type, HttpRequest.BodyPublishers.ofString("{\"layout\": {}}"));
                assertApiAnswer(r, endpoint + " as " + type, t);
                assertTrue(r.statusCode() == 415 || r.statusCode() == 400, endpoint + " as " + type + ": " + r.statusCode());
            }
            for (String body : List.of("", " ", "null", "[]", "\"layout\"", "42", "{}")) {
                long t = System.nanoTime();
                HttpResponse<String> r = post(endpoint, body);
                assertApiAnswer(r, endpoint + " with " + body, t);
                assertEquals(400, r.statusCode(), endpoint + " with '" + body + "': " + shortBody(r));
            }
            byte[] broken = {'{', '"', 'l', 'a', 'y', 'o', 'u', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
            long t = System.nanoTime();
            HttpResponse<String> r = WebClient.cookieless(server).post(endpoint, "application/json", HttpRequest.BodyPublishers.ofByteArray(broken));
            assertApiAnswer(r, endpoint + " with broken UTF-8", t);
            assertEquals(400, r.statusCode(), shortBody(r));
        }
    }

    @Example
    void markupInAnApiErrorComesBackAsJsonTextNotAsAPage() {
        HttpResponse<String> r = post("/api/v1/simulate", "{\"layout\": {\"apps\": [{\"name\": \"<script>alert(1)</script>\", \"minRunning\": \"x\"}]}}");
        assertEquals(400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        JsonNode error = HostileInputTest.readJson(r.body()).get("error");
        assertTrue(error.isTextual(), r.body());
        HttpResponse<String> unknown = post("/api/v1/quizzes/" + HostileInputTest.segment("<img src=x onerror=alert(1)>") + "/grade", "{\"answers\": []}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(new String(unknown.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("error"));
    }
}
