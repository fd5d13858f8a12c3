package cloudlab.web;

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

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cloudlab.web.HostileInputTest.MARKUP;
import static cloudlab.web.HostileInputTest.assertExplained;
import static cloudlab.web.HostileInputTest.assertNoRawMarkup;
import static cloudlab.web.HostileInputTest.fingerprint;
import static cloudlab.web.HostileInputTest.garbage;
import static cloudlab.web.HostileInputTest.learnerId;
import static cloudlab.web.HostileInputTest.segment;
import static cloudlab.web.HostileInputTest.shortBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sandbox form fuzzed: each action of /do with random and malformed field values, the
 * history buttons, creating and importing (random YAML, deep nesting, alias bombs, tags). An
 * answer is never a 5xx, a refusal says why, a refusal leaves the sandbox (or the list of
 * sandboxes) exactly as it was, and no page ever shows the hostile text unescaped.
 */
class HostileSandboxFormsTest {
    static final List<String> OPS = List.of("set-name", "add-app", "set-min-running", "remove-app", "add-region", "move-region",
            "remove-region", "add-zone", "remove-zone", "add-datacenter", "remove-datacenter", "add-host", "change-host", "remove-host",
            "add-vm", "resize-vm", "remove-vm", "start-vm", "stop-vm", "migrate-vm", "set-vm-app", "rename", "fail", "restore",
            "place-user", "remove-user");
    static final List<String> FIELDS = List.of("name", "minRunning", "app", "code", "customCode", "lat", "lon", "id", "region", "zone",
            "datacenter", "hypervisor", "cores", "memoryGiB", "storageGiB", "cpuOvercommit", "memoryOvercommit", "vcpus", "diskGiB",
            "host", "policy", "state", "newId", "form");
    /** Words of the layout, for the generated documents. */
    static final List<String> PLAUSIBLE = List.of("h1", "h2", "h9", "shop-1", "shop-2", "vm-9", "use1-az1", "use1-az2", "z9", "dc1", "dc2",
            "dc9", "us-east-1", "eu-west-1", "custom", "lab-x", "shop", "blog", "anna", "bo", "1", "2", "4", "8", "16", "32", "0.5", "1.5",
            "45.5", "-73.2", "type1", "type2", "running", "stopped", "first-fit", "best-fit", "spread", "add-vm", "app", "user", "tree");

    static Path folder;
    static TestServer server;
    static WebClient owner;
    static String sandbox;
    static WebClient creator;
    static WebClient importer;

    @BeforeContainer
    static void start() {
        folder = HostileInputTest.tempFolder("hostile-sandbox");
        server = TestServer.startIn(folder);
        owner = HostileInputTest.learner(server);
        sandbox = HostileInputTest.importSandbox(owner, HostileInputTest.TWO_ZONES);
        creator = HostileInputTest.learner(server);
        importer = HostileInputTest.learner(server);
    }

    @AfterContainer
    static void stop() {
        if (server != null) server.close();
        HostileInputTest.delete(folder);
    }

    /** The fields each action reads; a few optional ones are added at random. */
    static final Map<String, List<String>> NEEDS = Map.ofEntries(
            Map.entry("set-name", List.of("name")), Map.entry("add-app", List.of("name", "minRunning")),
            Map.entry("set-min-running", List.of("app", "minRunning")), Map.entry("remove-app", List.of("name")),
            Map.entry("add-region", List.of("code", "customCode", "lat", "lon")), Map.entry("move-region", List.of("id", "lat", "lon")),
            Map.entry("remove-region", List.of("id")), Map.entry("add-zone", List.of("region", "id")), Map.entry("remove-zone", List.of("id")),
            Map.entry("add-datacenter", List.of("zone", "id")), Map.entry("remove-datacenter", List.of("id")),
            Map.entry("add-host", List.of("datacenter", "id", "hypervisor", "cores", "memoryGiB", "storageGiB", "cpuOvercommit")),
            Map.entry("change-host", List.of("id", "hypervisor", "cores", "memoryGiB", "storageGiB", "memoryOvercommit")),
            Map.entry("remove-host", List.of("id")), Map.entry("add-vm", List.of("id", "vcpus", "memoryGiB", "diskGiB", "app", "host", "policy", "state")),
            Map.entry("resize-vm", List.of("id", "vcpus", "memoryGiB", "diskGiB")), Map.entry("remove-vm", List.of("id")),
            Map.entry("start-vm", List.of("id")), Map.entry("stop-vm", List.of("id")), Map.entry("migrate-vm", List.of("id", "host")),
            Map.entry("set-vm-app", List.of("id", "app")), Map.entry("rename", List.of("id", "newId")), Map.entry("fail", List.of("id")),
            Map.entry("restore", List.of("id")), Map.entry("place-user", List.of("name", "lat", "lon")), Map.entry("remove-user", List.of("name")));

    /** A value of the right kind for the field, so that many actions go through and the fuzzing walks through many states. */
    static Arbitrary<String> plausible(String field) {
        List<String> ids = List.of("h1", "h2", "h3", "shop-1", "shop-2", "vm-3", "use1-az1", "use1-az2", "z3", "dc1", "dc2", "dc3", "us-east-1");
        return switch (field) {
            case "minRunning", "cores", "vcpus" -> Arbitraries.of("1", "2", "4", "8", "3");
            case "memoryGiB", "storageGiB", "diskGiB" -> Arbitraries.of("1", "4", "16", "100", "0.5", "2.25");
            case "cpuOvercommit", "memoryOvercommit" -> Arbitraries.of("1", "1.5", "2", "4");
            case "lat" -> Arbitraries.of("59.33", "-33.87", "0", "51.5");
            case "lon" -> Arbitraries.of("18.07", "151.21", "-0.12", "0");
            case "hypervisor" -> Arbitraries.of("type1", "type2");
            case "code" -> Arbitraries.of("us-east-1", "eu-west-1", "ap-southeast-2", "custom");
            case "customCode" -> Arbitraries.of("lab-x", "lab-y");
            case "policy" -> Arbitraries.of("first-fit", "best-fit", "spread");
            case "state" -> Arbitraries.of("running", "stopped");
            case "name", "app" -> Arbitraries.of("shop", "blog", "anna", "bo", "my lab");
            case "region" -> Arbitraries.of("us-east-1", "eu-west-1");
            case "zone" -> Arbitraries.of("use1-az1", "use1-az2", "z3");
            case "datacenter" -> Arbitraries.of("dc1", "dc2", "dc3");
            case "host" -> Arbitraries.of("h1", "h2", "h3");
            default -> Arbitraries.of(ids);
        };
    }

    /** An action with the fields it reads: mostly values of the right kind, some hostile ones, now and then an unknown action. */
    @Provide
    Arbitrary<List<String>> actions() {
        Arbitrary<List<String>> known = Arbitraries.of(OPS).flatMap(op -> {
            List<Arbitrary<List<String>>> parts = new ArrayList<>();
            for (String f : NEEDS.get(op)) {
                Arbitrary<String> v = Arbitraries.frequencyOf(Tuple.of(4, plausible(f)), Tuple.of(1, garbage()));
                parts.add(Arbitraries.frequencyOf(Tuple.of(9, v.map(x -> List.of(f, x))), Tuple.of(1, Arbitraries.just(List.<String>of()))));
            }
            parts.add(Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(List.<String>of())),
                    Tuple.of(1, Combinators.combine(Arbitraries.of(FIELDS), garbage()).as((f, x) -> List.of(f, x)))));
            return Combinators.combine(parts).as(l -> {
                List<String> pairs = new ArrayList<>(List.of("op", op));
                l.forEach(pairs::addAll);
                return pairs;
            });
        });
        Arbitrary<List<String>> unknown = Combinators.combine(garbage(), Arbitraries.maps(Arbitraries.of(FIELDS), garbage()).ofMaxSize(6))
                .as((op, m) -> {
                    List<String> pairs = new ArrayList<>(List.of("op", op));
                    m.forEach((k, v) -> {
                        pairs.add(k);
                        pairs.add(v);
                    });
                    return pairs;
                });
        return Arbitraries.frequencyOf(Tuple.of(9, known), Tuple.of(1, unknown));
    }

    @Property(tries = 150)
    void anyActionIsDoneOrRefusedWithAMessageAndARefusalChangesNothing(@ForAll("actions") List<String> pairs, @ForAll boolean htmx) {
        String before = fingerprint(server, owner, sandbox);
        String what = HostileInputTest.cut("POST /do " + pairs);
        HttpResponse<String> r = htmx
                ? owner.postForm("/sandboxes/" + sandbox + "/do", WebClient.form(pairs.toArray(String[]::new)), "HX-Request", "true")
                : owner.postForm("/sandboxes/" + sandbox + "/do", WebClient.form(pairs.toArray(String[]::new)));
        net.jqwik.api.statistics.Statistics.label("answer").collect(r.statusCode());
        assertExplained(r, what);
        assertNoRawMarkup(r.body(), what);
        if (r.statusCode() >= 400) {
            assertEquals(before, fingerprint(server, owner, sandbox), what + " was refused (" + r.statusCode() + ") but changed the sandbox");
        } else {
            assertTrue(r.statusCode() == 303 || r.statusCode() == 200, what + ": " + r.statusCode());
        }
        HttpResponse<String> page = owner.get("/sandboxes/" + sandbox);
        assertEquals(200, page.statusCode(), "the sandbox page after " + what + ":\n" + shortBody(page));
        assertNoRawMarkup(page.body(), "the sandbox page after " + what);
    }

    @Provide
    Arbitrary<String> historyRoutes() {
        return Arbitraries.of("undo", "redo", "reset", "step", "share", "check");
    }

    @Property(tries = 60)
    void theHistoryButtonsTakeAnyStepValueWithoutAFault(@ForAll("historyRoutes") String route, @ForAll("garbageValue") String value,
                                                        @ForAll boolean htmx) {
        String before = fingerprint(server, owner, sandbox);
        String form = WebClient.form("step", value, "fresh", value, "form", value);
        String what = HostileInputTest.cut("POST /" + route + " step=" + value);
        HttpResponse<String> r = htmx ? owner.postForm("/sandboxes/" + sandbox + "/" + route, form, "HX-Request", "true")
                : owner.postForm("/sandboxes/" + sandbox + "/" + route, form);
        assertExplained(r, what);
        assertNoRawMarkup(r.body(), what);
        if (r.statusCode() >= 400) assertEquals(before, fingerprint(server, owner, sandbox), what + " was refused but changed the sandbox");
    }

    @Provide
    Arbitrary<String> garbageValue() {
        return garbage();
    }

    @Property(tries = 60)
    void aSandboxOrLessonOrShareAddressWithAnyIdIsNotFoundWithAMessage(@ForAll("garbageValue") String id,
                                                                      @ForAll("routesWithAnId") String route) {
        String before = fingerprint(server, owner, sandbox);
        int count = server.services().sandboxes().of(learnerId(server, owner)).size();
        // a NUL in a path is refused by the container itself: HostileInputTest covers that case
        String clean = id.replace("\u0000", "");
        if (clean.length() > 1000) clean = clean.substring(0, 1000); // longer addresses are the container's to refuse
        String path = route.replace("{id}", segment(clean.isEmpty() ? "x" : clean));
        HttpResponse<String> r = route.startsWith("GET ") ? owner.get(path.substring(4)) : owner.postForm(path, WebClient.form("op", "set-name",
                "name", "x", "fresh", "1"));
        String what = HostileInputTest.cut(path);
        assertExplained(r, what);
        assertNoRawMarkup(r.body(), what);
        if (route.contains("/sandboxes/{id}") && route.startsWith("/lessons/") && isIndex(clean)) return; // "0", "+0", "00" name a real block
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, what + ": " + r.statusCode() + "\n" + shortBody(r));
        assertEquals(before, fingerprint(server, owner, sandbox));
        assertEquals(count, server.services().sandboxes().of(learnerId(server, owner)).size());
    }

    static boolean isIndex(String s) {
        try {
            int i = Integer.parseInt(s);
            return i >= 0 && i < Course1.first().sandboxes().size();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> routesWithAnId() {
        String slug = Course1.first().slug();
        return Arbitraries.of("/sandboxes/{id}/do", "/sandboxes/{id}/undo", "/sandboxes/{id}/step", "/sandboxes/{id}/share",
                "/sandboxes/{id}/check", "/shared/{id}", "/lessons/{id}/sandboxes/0", "/lessons/" + slug + "/sandboxes/{id}",
                "/lessons/" + slug + "/challenges/{id}", "/lessons/{id}/challenges/{id}", "GET /sandboxes/{id}",
                "GET /sandboxes/{id}/export.json", "GET /shared/{id}");
    }

    @Property(tries = 80)
    void aNewSandboxTakesAnyTitleAndShowsItEscaped(@ForAll("garbageValue") String title) {
        HttpResponse<String> r = creator.postForm("/sandboxes", WebClient.form("title", title));
        assertExplained(r, HostileInputTest.cut("POST /sandboxes title=" + title));
        assertEquals(303, r.statusCode(), shortBody(r));
        String id = r.headers().firstValue("Location").orElseThrow().replaceFirst("^/sandboxes/", "");
        HttpResponse<String> page = creator.get("/sandboxes/" + id);
        assertEquals(200, page.statusCode());
        assertNoRawMarkup(page.body(), HostileInputTest.cut("a sandbox titled " + title));
        String list = creator.get("/sandboxes").body();
        assertNoRawMarkup(list, HostileInputTest.cut("the list with a sandbox titled " + title));
        String stored = server.services().sandboxes().get(learnerId(server, creator), id).title();
        assertTrue(stored.length() <= 120, "the title is cut to 120 characters");
    }

    // ---- import ------------------------------------------------------------------------------------

    static final List<String> BOMBS = List.of(
            "a: &a [*a, *a]\n",
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                    + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                    + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
                    + "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n",
            "base: &base {name: x}\nregions:\n  - <<: *base\n    code: us-east-1\n",
            "name: !!java/object:java.net.URL [\"http://example.com\"]\n",
            "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]\n",
            "name: !<tag:yaml.org,2002:js/function> 'function(){}'\n",
            "name: !!binary aGVsbG8=\n",
            "name: a\n---\nname: b\n",
            "? [a, b]\n: c\n",
            "name: \"\\u0000\\ud800\"\n",
            "[".repeat(10_000) + "]".repeat(10_000),
            "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
            "a: {a: ".repeat(5_000) + "1" + "}".repeat(5_000),
            "name: x\nname: y\n",
            "{\"name\": \"x\", \"name\": \"y\"}",
            "regions:\n  - code: us-east-1\n    zones:\n      - id: z\n        datacenters:\n          - id: d\n            hosts:\n"
                    + "              - {id: h, hypervisor: type1, cores: 1e400, memoryGiB: 1e-99999999, storageGiB: -0}\n",
            "users:\n  - {name: \"" + MARKUP.get(0) + "\", lat: NaN, lon: .inf}\n",
            "apps:\n  - {name: shop, minRunning: 99999999999999999999}\n",
            "\t\tname: tabs\n",
            "%YAML 1.1\n---\nname: x\n",
            "name: &x a\n",
            "\uFEFFname: bom\n",
            "\"name\": \"" + "n".repeat(100_000) + "\"\n");

    /** Issue 16's documents, each with what its refusal must say: misspelt fields, numbers without bound, more than a sandbox may hold. */
    static final Map<String, String> ABUSIVE = Map.of(
            "regions:\n  - code: us-east-1\n    zones:\n      - id: z\n        datacenters:\n          - id: d\n            hosts:\n"
                    + "              - {id: h, hypervisor: type1, cores: 4, memmoryGiB: 8, storageGiB: 10}\n",
            "unknown field memmoryGiB (did you mean memoryGiB?)",
            "regions:\n  - code: us-east-1\n    zones:\n      - id: z\n        datacenters:\n          - id: d\n            hosst: []\n",
            "unknown field hosst (did you mean hosts?)",
            "regions:\n  - code: lab-x\n    location: {lat: 1e-999999999, lon: 1}\n", "regions[0].location.lat",
            "users:\n  - {name: u, lat: 1, lon: 1e400}\n", "users[0].lon",
            cloudlab.sandbox.LargeLayouts.json(cloudlab.sandbox.Caps.MAX_HOSTS + 1, 0), "hosts: a sandbox holds at most 80 hosts");

    @Provide
    Arbitrary<String> documents() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(BOMBS)), Tuple.of(4, yaml(3)), Tuple.of(2, garbage()),
                Tuple.of(4, layoutShaped()), Tuple.of(1, Arbitraries.of(List.copyOf(ABUSIVE.keySet()))));
    }

    /** Was: a tiny number poisoned a sandbox for good, imports passed the caps, and a typo read as a missing field. */
    @Example
    void issueSixteensDocumentsAreRefusedNamingTheFieldAndMakeNoSandbox() {
        String learner = learnerId(server, importer);
        int before = server.services().sandboxes().of(learner).size();
        ABUSIVE.forEach((document, says) -> {
            HttpResponse<String> r = importer.postForm("/sandboxes/import", WebClient.form("layout", document));
            assertEquals(400, r.statusCode(), says);
            assertExplained(r, says);
            assertTrue(r.body().contains(says), "the refusal says " + says + ": " + shortBody(r));
        });
        assertEquals(before, server.services().sandboxes().of(learner).size(), "no sandbox was made");
    }

    /** Random flow-style YAML from the layout's own words, with anchors, aliases and tags mixed in. */
    static Arbitrary<String> yaml(int depth) {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(PLAUSIBLE)), Tuple.of(2, Arbitraries.of(
                        "1e400", "-0", ".nan", ".inf", "~", "null", "yes", "0x1F", "0o17", "\"\\u0000\"", "&a x", "*a", "!!str 1", "!!int x",
                        "!!python/object:os.system x", "'<script>alert(1)</script>'", "\"<img src=x onerror=alert(1)>\"", "|\n  lit", "2001-12-14")),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)));
        if (depth == 0) return scalar;
        Arbitrary<String> key = Arbitraries.of("name", "apps", "users", "regions", "zones", "datacenters", "hosts", "vms", "code", "id",
                "lat", "lon", "cores", "memoryGiB", "storageGiB", "hypervisor", "vcpus", "diskGiB", "app", "minRunning", "failed", "<<", "&k key",
                "? x", "\"\"", "nope");
        Arbitrary<String> lists = yaml(depth - 1).list().ofMaxSize(4).map(l -> "[" + String.join(", ", l) + "]");
        Arbitrary<String> maps = Combinators.combine(key, yaml(depth - 1)).as((k, v) -> k + ": " + v).list().ofMaxSize(5)
                .map(l -> "{" + String.join(", ", l) + "}");
        return Arbitraries.oneOf(scalar, lists, maps);
    }

    /** A layout-shaped document: values of the right kind in most places, a hostile one here and there. */
    static Arbitrary<String> layoutShaped() {
        List<List<String>> slots = List.of(List.of("my lab", "\"" + MARKUP.get(0) + "\"", "Zoë"), List.of("shop", "blog"), List.of("1", "2"),
                List.of("us-east-1", "eu-west-1"), List.of("z1", "use1-az1"), List.of("dc1", "d.1"), List.of("h1", "host_1"), List.of("8", "16"),
                List.of("32", "64.5"), List.of("vm-1", "v1"), List.of("2", "4"), List.of("20", "0"));
        List<Arbitrary<String>> values = new ArrayList<>();
        for (List<String> slot : slots) {
            values.add(Arbitraries.frequencyOf(Tuple.of(14, Arbitraries.of(slot)), Tuple.of(1, Arbitraries.of(HostileInputTest.NASTY)
                    .map(x -> "\"" + x.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                            .replace("\t", "\\t").replace("\u0000", "\\0") + "\""))));
        }
        return Combinators.combine(values).as(l -> "name: " + l.get(0) + "\napps:\n  - {name: " + l.get(1) + ", minRunning: " + l.get(2)
                + "}\nregions:\n  - code: " + l.get(3) + "\n    zones:\n      - id: " + l.get(4) + "\n        datacenters:\n          - id: " + l.get(5)
                + "\n            hosts:\n              - {id: " + l.get(6) + ", hypervisor: type1, cores: " + l.get(7) + ", memoryGiB: " + l.get(8)
                + ", storageGiB: 100, vms: [{id: " + l.get(9) + ", vcpus: " + l.get(10) + ", memoryGiB: 1, diskGiB: " + l.get(11) + ", app: "
                + l.get(1) + "}]}\n");
    }

    @Property(tries = 100)
    void anImportedDocumentOpensOrIsRefusedWithAMessageAndARefusalMakesNoSandbox(@ForAll("documents") String document) {
        String learner = learnerId(server, importer);
        if (server.services().sandboxes().of(learner).size() > 150) {
            importer = HostileInputTest.learner(server);
            learner = learnerId(server, importer);
        }
        int before = server.services().sandboxes().of(learner).size();
        String what = "import of " + (document.length() > 300 ? document.substring(0, 300) + "…" : document);
        HttpResponse<String> r = importer.postForm("/sandboxes/import", WebClient.form("layout", document));
        net.jqwik.api.statistics.Statistics.label("answer").collect(r.statusCode());
        assertExplained(r, what);
        assertNoRawMarkup(r.body(), what);
        if (r.statusCode() >= 400) {
            assertEquals(before, server.services().sandboxes().of(learner).size(), what + " was refused but made a sandbox");
        } else {
            assertEquals(303, r.statusCode(), what);
            HttpResponse<String> page = importer.get(r.headers().firstValue("Location").orElseThrow());
            assertEquals(200, page.statusCode(), what + ": the new sandbox's page\n" + shortBody(page));
            assertNoRawMarkup(page.body(), "the page of the " + what);
        }
    }

    @Example
    void theBombsAndTagsAreAllRefusedNotRead() {
        int before = server.services().sandboxes().of(learnerId(server, importer)).size();
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14}) {
            String bomb = BOMBS.get(i);
            long t = System.nanoTime();
            HttpResponse<String> r = importer.postForm("/sandboxes/import", WebClient.form("layout", bomb));
            assertExplained(r, bomb);
            assertEquals(400, r.statusCode(), "refused: " + bomb.substring(0, Math.min(80, bomb.length())));
            assertTrue((System.nanoTime() - t) / 1_000_000 < 5_000, "answered quickly: " + bomb.substring(0, Math.min(80, bomb.length())));
        }
        assertEquals(before, server.services().sandboxes().of(learnerId(server, importer)).size());
    }
}
