package cloudlab.web;

import cloudlab.workshop.Member;
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

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static cloudlab.web.HostileInputTest.assertExplained;
import static cloudlab.web.HostileInputTest.assertNoRawMarkup;
import static cloudlab.web.HostileInputTest.cut;
import static cloudlab.web.HostileInputTest.garbage;
import static cloudlab.web.HostileInputTest.shortBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instructor's forms fuzzed with a signed-in instructor: signing in, creating a workshop,
 * pacing, pushing a layout, the chaos button, resetting a learner, regrading. Never a 5xx; a
 * refusal says why and leaves the workshop, its learners' sandboxes and the gradebook as they were.
 */
class HostileInstructorFormsTest {
    static Path folder;
    static TestServer server;
    static String cookie;
    static String workshopId;
    static List<String> learnerIds;

    @BeforeContainer
    static void start() {
        folder = HostileInputTest.tempFolder("hostile-instructor");
        server = TestServer.startIn(folder);
        cookie = HostileInputTest.instructor(server, "uma", "uma-has-a-long-password");
        workshopId = HostileInputTest.workshop(server, cookie, "Fuzzed workshop", HostileInputTest.TWO_ZONES, 4);
        String code = HostileInputTest.joinCode(server, "uma", workshopId);
        learnerIds = new ArrayList<>();
        for (String name : List.of("Ada", "Bo")) {
            WebClient learner = WebClient.browser(server);
            HttpResponse<String> r = learner.postForm("/join", WebClient.form("code", code, "name", name));
            assertEquals(303, r.statusCode(), r.body());
            learnerIds.add(HostileInputTest.learnerId(server, learner));
        }
    }

    @AfterContainer
    static void stop() {
        if (server != null) server.close();
        HostileInputTest.delete(folder);
    }

    static HttpResponse<String> post(String path, String form) {
        return WebClient.cookieless(server).postForm(path, form, "Cookie", cookie);
    }

    /** The workshop, its members and every member's sandbox, as the lab holds them. */
    static String workshopState(String id) {
        StringBuilder out = new StringBuilder(server.services().workshops().ofInstructor("uma", id).orElseThrow().toString());
        for (Member m : server.services().workshops().members(id)) {
            out.append('\n').append(m.learnerId()).append(' ').append(m.displayName()).append(' ').append(m.sandboxId());
            if (m.sandboxId() != null) {
                var s = server.services().sandboxes().get(m.learnerId(), m.sandboxId());
                out.append(' ').append(cloudlab.sim.document.LayoutWriter.toJson(s.history().state())).append(" at ").append(s.history().position());
            }
            out.append(" sandboxes=").append(server.services().sandboxes().of(m.learnerId()).size());
        }
        return out.toString();
    }

    // ---- signing in ---------------------------------------------------------------------------------

    @Example
    void aHostileSignInIsRefusedWithAMessageAndGivesNoCookie() throws Exception {
        List<String[]> tries = List.of(new String[] {HostileInputTest.MARKUP.get(0), "x"}, new String[] {"uma", HostileInputTest.MARKUP.get(1)},
                new String[] {"uma' OR '1'='1", "' OR '1'='1"}, new String[] {"\u0000", "\u0000"}, new String[] {"y".repeat(100_000), "z".repeat(100_000)},
                new String[] {"UMA", "uma-has-a-long-password "}, new String[] {"😀", "1e400"}, new String[] {"", ""});
        ExecutorService pool = Executors.newFixedThreadPool(tries.size());
        try {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (String[] t : tries) {
                answers.add(CompletableFuture.supplyAsync(() -> WebClient.cookieless(server).postForm("/instructor/sign-in",
                        WebClient.form("name", t[0], "password", t[1])), pool));
            }
            for (int i = 0; i < tries.size(); i++) {
                HttpResponse<String> r = answers.get(i).get();
                String what = cut("sign in as " + tries.get(i)[0] + " / " + tries.get(i)[1]);
                assertExplained(r, what);
                assertNoRawMarkup(r.body(), what);
                assertTrue(r.statusCode() == 401 || r.statusCode() == 429 || r.statusCode() == 400, what + ": " + r.statusCode());
                assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(h -> h.startsWith("cl_instructor=")), what + " gave a cookie");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- creating workshops ------------------------------------------------------------------------

    @Provide
    Arbitrary<List<String>> createForms() {
        List<String> slugs = Course1.course().lessons().stream().map(l -> l.slug()).toList();
        Arbitrary<String> title = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("Tuesday", "Cloud 101", "Zoë's room")), Tuple.of(2, garbage()));
        Arbitrary<List<String>> lessons = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(slugs)), Tuple.of(1, garbage())).list().ofMaxSize(4);
        Arbitrary<String> layout = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("")), Tuple.of(2, Arbitraries.just(HostileInputTest.TWO_ZONES)),
                Tuple.of(1, Arbitraries.of(HostileSandboxFormsTest.BOMBS)), Tuple.of(1, HostileSandboxFormsTest.yaml(2)),
                Tuple.of(1, HostileSandboxFormsTest.layoutShaped()), Tuple.of(1, garbage()));
        return Combinators.combine(title, lessons, layout).as((t, ls, l) -> {
            List<String> pairs = new ArrayList<>(List.of("title", t, "layout", l));
            for (String s : ls) {
                pairs.add("lesson");
                pairs.add(s);
            }
            return pairs;
        });
    }

    @Property(tries = 60)
    void aNewWorkshopIsMadeOrRefusedWithAMessageAndARefusalMakesNone(@ForAll("createForms") List<String> form) {
        int before = server.services().workshops().ofInstructor("uma").size();
        String what = cut("create " + form);
        HttpResponse<String> r = post("/instructor/workshops", WebClient.form(form.toArray(String[]::new)));
        Statistics.label("answer").collect(r.statusCode());
        assertExplained(r, what);
        assertNoRawMarkup(r.body(), what);
        if (r.statusCode() >= 400) {
            assertEquals(before, server.services().workshops().ofInstructor("uma").size(), what + " was refused but made a workshop");
        } else {
            assertEquals(303, r.statusCode(), what);
            HttpResponse<String> room = WebClient.cookieless(server).get(r.headers().firstValue("Location").orElseThrow(), "Cookie", cookie);
            assertEquals(200, room.statusCode(), what + ": the new room\n" + shortBody(room));
            assertNoRawMarkup(room.body(), "the room after " + what);
            HttpResponse<String> list = WebClient.cookieless(server).get("/instructor/workshops", "Cookie", cookie);
            assertNoRawMarkup(list.body(), "the workshop list after " + what);
        }
    }

    // ---- acting on a workshop -----------------------------------------------------------------------

    /** A room action with its form: mostly values of the right kind, hostile ones mixed in. */
    @Provide
    Arbitrary<List<String>> roomActions() {
        Arbitrary<String> pace = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("next", "previous", "all")), Tuple.of(1, garbage()));
        Arbitrary<String> layout = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(HostileInputTest.TWO_ZONES, "name: small\napps: [{name: shop}]\n")),
                Tuple.of(2, HostileSandboxFormsTest.layoutShaped()), Tuple.of(1, Arbitraries.of(HostileSandboxFormsTest.BOMBS)), Tuple.of(1, garbage()));
        Arbitrary<String> target = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("use1-az1", "use1-az2", "us-east-1")),
                Tuple.of(1, Arbitraries.of("h1", "dc1", "shop-1")), Tuple.of(1, garbage()));
        Arbitrary<String> verb = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("fail", "restore")), Tuple.of(1, garbage()));
        Arbitrary<String> mode = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("keep", "replace")), Tuple.of(1, garbage()));
        return Arbitraries.oneOf(
                pace.map(v -> List.of("pace", "unlock", v)),
                layout.map(v -> List.of("push", "layout", v)),
                Combinators.combine(target, verb).as((t, v) -> List.of("chaos", "id", t, "action", v)),
                Arbitraries.of(0, 1).map(i -> List.of("reset", "learner", String.valueOf(i))),
                garbage().map(v -> List.of("reset-unknown", "learner", v)),
                mode.map(v -> List.of("regrade", "mode", v)));
    }

    @Property(tries = 100)
    void aRoomActionIsDoneOrRefusedWithAMessageAndARefusalChangesNothing(@ForAll("roomActions") List<String> act, @ForAll boolean htmx) {
        String before = workshopState(workshopId);
        String base = "/instructor/workshops/" + workshopId;
        String action = act.get(0);
        String path = switch (action) {
            case "reset" -> base + "/learners/" + learnerIds.get(Integer.parseInt(act.get(2))) + "/reset";
            case "reset-unknown" -> base + "/learners/" + HostileInputTest.segment(act.get(2).replace("\u0000", "").isEmpty() ? "x"
                    : cutTo(act.get(2).replace("\u0000", ""), 300)) + "/reset";
            case "regrade" -> "/instructor/regrade";
            default -> base + "/" + action;
        };
        String form = WebClient.form(act.subList(1, act.size()).toArray(String[]::new));
        String what = cut(path + " " + act);
        HttpResponse<String> r = htmx ? WebClient.cookieless(server).postForm(path, form, "Cookie", cookie, "HX-Request", "true") : post(path, form);
        Statistics.label("answer").collect(action + " " + r.statusCode());
        assertExplained(r, what);
        assertNoRawMarkup(r.body(), what);
        if (r.statusCode() >= 400) assertEquals(before, workshopState(workshopId), what + " was refused but changed the workshop");
        HttpResponse<String> room = WebClient.cookieless(server).get(base + (r.statusCode() == 303 ? r.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^" + base, "") : ""), "Cookie", cookie);
        assertEquals(200, room.statusCode(), "the room after " + what);
        assertNoRawMarkup(room.body(), "the room after " + what);
    }

    static String cutTo(String s, int n) {
        return s.length() > n ? s.substring(0, n) : s;
    }

    @Example
    void aRoomAddressWithAnyWorkshopOrLearnerIdIsNotFoundWithAMessage() {
        String before = workshopState(workshopId);
        for (String id : List.of(HostileInputTest.MARKUP.get(0), "w", "w1", "1", "..", "%", "😀", workshopId + "x", workshopId.toUpperCase())) {
            String seg = HostileInputTest.segment(id);
            for (String path : List.of("/instructor/workshops/" + seg, "/instructor/workshops/" + seg + "/grid", "/instructor/workshops/" + seg + "/summary",
                    "/instructor/workshops/" + seg + "/results.csv", "/instructor/workshops/" + workshopId + "/learners/" + seg)) {
                HttpResponse<String> r = WebClient.cookieless(server).get(path, "Cookie", cookie);
                assertExplained(r, "GET " + path);
                assertNoRawMarkup(r.body(), "GET " + path);
                assertEquals(404, r.statusCode(), "GET " + path);
            }
            for (String path : List.of("/instructor/workshops/" + seg + "/pace", "/instructor/workshops/" + seg + "/close",
                    "/instructor/workshops/" + workshopId + "/learners/" + seg + "/reset")) {
                HttpResponse<String> r = post(path, WebClient.form("unlock", "all", "confirm", "yes"));
                assertExplained(r, "POST " + path);
                assertNoRawMarkup(r.body(), "POST " + path);
                assertEquals(404, r.statusCode(), "POST " + path);
            }
        }
        assertEquals(before, workshopState(workshopId));
    }

    @Example
    void closingTwiceOrActingOnAClosedWorkshopIsNeverAFault() {
        String id = HostileInputTest.workshop(server, cookie, "To be closed", HostileInputTest.TWO_ZONES, 2);
        assertEquals(303, post("/instructor/workshops/" + id + "/close", "confirm=yes").statusCode());
        for (String action : List.of("close", "pace", "push", "chaos")) {
            HttpResponse<String> r = post("/instructor/workshops/" + id + "/" + action, WebClient.form("unlock", "next", "layout", "name: x",
                    "id", "use1-az1", "action", "fail"));
            assertExplained(r, action + " on a closed workshop");
        }
        HttpResponse<String> join = WebClient.browser(server).postForm("/join", WebClient.form("code",
                HostileInputTest.joinCode(server, "uma", id), "name", "Late"));
        assertEquals(400, join.statusCode());
        assertExplained(join, "joining a closed workshop");
        assertFalse(server.services().workshops().ofInstructor("uma", id).orElseThrow().open());
    }
}
