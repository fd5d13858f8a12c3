package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.workshop.Member;
import cloudlab.workshop.Workshop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cloudlab.web.HostileInputTest.assertExplained;
import static cloudlab.web.HostileInputTest.request;
import static cloudlab.web.HostileInputTest.send;
import static cloudlab.web.HostileInputTest.shortBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may reach what. Learner B cannot read or change learner A's sandbox, answers or progress,
 * whatever id they guess; a learner reaches no instructor page; instructor B cannot see
 * instructor A's workshops; every state-changing POST that a cookie authorises needs the CSRF
 * token (the routes are read from App.java, so a new one cannot be forgotten); the stateless API
 * needs no cookie or token and sets none.
 */
class AccessTest {
    static final cloudlab.lesson.Course COURSE = Course1.course();
    @TempDir
    static Path folder;
    static TestServer server;
    static WebClient a;
    static WebClient b;
    static String aId;
    static String bId;
    static String aSandbox;
    static String aShareToken;
    static String ann;
    static String ben;
    static String annWorkshop;
    static String annCode;
    static Lesson lesson;
    static Question answered;
    static Question hinted;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
        a = HostileInputTest.learner(server);
        b = HostileInputTest.learner(server);
        aId = HostileInputTest.learnerId(server, a);
        bId = HostileInputTest.learnerId(server, b);
        aSandbox = HostileInputTest.importSandbox(a, HostileInputTest.TWO_ZONES);
        HttpResponse<String> shared = a.postForm("/sandboxes/" + aSandbox + "/share", "");
        assertEquals(303, shared.statusCode());
        aShareToken = shared.headers().firstValue("Location").orElseThrow().replaceFirst(".*\\?shared=", "").replaceFirst("#.*", "");
        lesson = COURSE.lessons().get(0);
        answered = lesson.quiz().questions().stream().filter(q -> q.type() != Question.Type.CHALLENGE && !q.hasVariants()).findFirst().orElseThrow();
        assertEquals(303, a.postForm("/lessons/" + lesson.slug() + "/quiz/" + answered.id(), Course1.rightForm(answered)).statusCode());
        hinted = COURSE.lessons().stream().filter(l -> l.quiz() != null).flatMap(l -> l.quiz().questions().stream())
                .filter(q -> !q.hints().isEmpty()).findFirst().orElseThrow();
        ann = HostileInputTest.instructor(server, "ann", "ann-has-a-long-password");
        ben = HostileInputTest.instructor(server, "ben", "ben-has-a-long-password");
        annWorkshop = HostileInputTest.workshop(server, ann, "Ann's room", HostileInputTest.TWO_ZONES, 3);
        annCode = HostileInputTest.joinCode(server, "ann", annWorkshop);
        assertEquals(303, a.postForm("/join", WebClient.form("code", annCode, "name", "Ada")).statusCode());
        // B has opened the lesson before, so that looking at it again changes nothing of theirs
        assertEquals(200, b.get("/lessons/" + lesson.slug()).statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Everything a forged or foreign request could change: both learners' sandboxes and progress, both instructors' workshops. */
    static String world() {
        StringBuilder out = new StringBuilder();
        for (String learner : List.of(aId, bId)) {
            out.append(learner).append(' ').append(server.services().progress().of(learner)).append('\n');
            for (var s : server.services().sandboxes().of(learner)) {
                var h = server.services().sandboxes().get(learner, s.id()).history();
                out.append(s).append(' ').append(LayoutWriter.toJson(h.state())).append(" at ").append(h.position()).append('\n');
            }
            out.append(server.services().workshops().current(learner).map(Object::toString).orElse("no workshop")).append('\n');
            out.append(server.services().progress().hintsShown(learner, lesson(hinted).quiz().id(), hinted.id())).append('\n');
        }
        for (String name : List.of("ann", "ben")) {
            for (Workshop w : server.services().workshops().ofInstructor(name)) {
                out.append(w).append('\n');
                for (Member m : server.services().workshops().members(w.id())) out.append(m.learnerId()).append(' ').append(m.sandboxId()).append('\n');
            }
        }
        out.append("ann signed in: ").append(server.services().instructors().bySession(ann.substring(ann.indexOf('=') + 1)).isPresent());
        return out.toString();
    }

    static Lesson lesson(Question q) {
        return COURSE.lessons().stream().filter(l -> l.quiz() != null && l.quiz().questions().contains(q)).findFirst().orElseThrow();
    }

    // ---- learner against learner ---------------------------------------------------------------------

    /** Ids B might try for A's sandbox: A's own, and near misses of it. */
    static List<String> guessedSandboxIds() {
        Set<String> out = new LinkedHashSet<>(List.of(aSandbox, aSandbox.toUpperCase(), aSandbox + "0", aSandbox.substring(0, aSandbox.length() - 1),
                aSandbox.substring(0, aSandbox.length() - 1) + (aSandbox.endsWith("a") ? "b" : "a"), "s1", "1", "0", "s000000000000", aId, aShareToken,
                aSandbox + "%20", aSandbox + ";x", "..%2F" + aSandbox));
        out.remove("");
        return new ArrayList<>(out);
    }

    @Test
    void learnerBCannotReadOrChangeLearnerASandboxByAnyGuessedId() {
        String before = world();
        List<String> problems = new ArrayList<>();
        for (String id : guessedSandboxIds()) {
            for (String path : List.of("/sandboxes/" + id, "/sandboxes/" + id + "/export.yaml", "/sandboxes/" + id + "/export.json")) {
                HttpResponse<String> r = b.get(path);
                if (r.statusCode() != 404) problems.add("GET " + path + ": " + r.statusCode());
                if (r.body().contains("use1-az1")) problems.add("GET " + path + " shows A's layout");
            }
            for (String action : List.of("do", "undo", "redo", "reset", "step", "share", "check")) {
                String path = "/sandboxes/" + id + "/" + action;
                HttpResponse<String> r = b.postForm(path, WebClient.form("op", "remove-vm", "id", "shop-1", "step", "0"));
                if (r.statusCode() != 404) problems.add("POST " + path + ": " + r.statusCode());
                else assertExplained(r, "POST " + path);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(before, world(), "nothing of A's changed");
        assertFalse(b.get("/sandboxes").body().contains(aSandbox), "A's sandbox is not in B's list");
    }

    @Test
    void aShareLinkGivesACopyNeverTheOriginal() {
        String before = HostileInputTest.fingerprint(server, a, aSandbox);
        HttpResponse<String> copy = b.postForm("/shared/" + aShareToken, "");
        assertEquals(303, copy.statusCode(), copy.body());
        String copyId = copy.headers().firstValue("Location").orElseThrow().replaceFirst("^/sandboxes/", "");
        assertFalse(copyId.equals(aSandbox), "B gets a sandbox of their own");
        assertEquals(303, b.postForm("/sandboxes/" + copyId + "/do", WebClient.form("op", "remove-vm", "id", "shop-1")).statusCode());
        assertEquals(before, HostileInputTest.fingerprint(server, a, aSandbox), "A's sandbox is unchanged by B's copy");
        assertEquals(404, a.get("/sandboxes/" + copyId).statusCode(), "and A cannot open B's copy");
    }

    @Test
    void learnerBCannotSeeLearnerAProgressOrAnswersByAnyAddress() {
        String before = world();
        String resumeCode = Html.resumeCode(a.get("/progress").body());
        String mine = b.get("/progress").body();
        assertEquals("—", lastCell(mine), "B's own progress shows no answers");
        for (String query : List.of("?learner=" + aId, "?id=" + aId, "?learnerId=" + aId, "?code=" + resumeCode, "?resume=" + resumeCode)) {
            HttpResponse<String> r = b.get("/progress" + query);
            assertEquals(200, r.statusCode());
            assertEquals("—", lastCell(r.body()), "/progress" + query + " shows B's progress, not A's");
            assertFalse(r.body().contains(resumeCode), "/progress" + query + " does not show A's resume code");
            HttpResponse<String> page = b.get("/lessons/" + lesson.slug() + query);
            assertFalse(Html.questionTag(page.body(), answered.id()).contains("is-correct"), "/lessons" + query + " shows B's answers, not A's");
        }
        for (String path : List.of("/progress/" + aId, "/learners/" + aId, "/learner/" + aId, "/progress/" + resumeCode, "/api/v1/learners/" + aId,
                "/api/v1/progress/" + aId, "/lessons/" + lesson.slug() + "/quiz/" + answered.id(), "/sandboxes?learner=" + aId)) {
            HttpResponse<String> r = b.get(path);
            assertTrue(r.statusCode() == 404 || r.statusCode() == 405 || path.startsWith("/sandboxes?"), path + ": " + r.statusCode());
            assertFalse(r.body().contains(aSandbox), path + " names A's sandbox");
            // a 404 page repeats the address typed; beyond that, the code appears nowhere
            assertFalse(r.body().replace(path, "").contains(resumeCode), path + " shows A's resume code");
        }
        assertEquals(before, world());
    }

    /** The quiz cell of the first lesson's progress row. */
    static String lastCell(String progressHtml) {
        Matcher m = Pattern.compile("(?s)<tr[^>]*data-lesson=\"" + Pattern.quote(lesson.slug()) + "\"[^>]*>.*?<td[^>]*>.*?</td>\\s*<td[^>]*>(.*?)</td>")
                .matcher(progressHtml);
        assertTrue(m.find(), "no progress row");
        return Html.text(m.group(1));
    }

    @Test
    void aForgedLearnerCookieIsAStrangerNotTheLearnerItNames() {
        String resumeCode = Html.resumeCode(a.get("/progress").body());
        for (String forged : List.of(aId, resumeCode, aId.toLowerCase(), "", "x".repeat(300), a.learnerCookie() + "x")) {
            HttpResponse<String> r = WebClient.cookieless(server).get("/progress", "Cookie", "cl_learner=" + forged);
            assertEquals(200, r.statusCode());
            assertFalse(r.body().contains(resumeCode), "cl_learner=" + forged + " opens A's progress");
            HttpResponse<String> s = WebClient.cookieless(server).get("/sandboxes/" + aSandbox, "Cookie", "cl_learner=" + forged);
            assertEquals(404, s.statusCode(), "cl_learner=" + forged + " opens A's sandbox");
        }
    }

    @Test
    void answeringUnderAnotherLearnersVariantSeedIsRefusedAndChangesNothing() {
        Question v = COURSE.lessons().stream().filter(l -> l.quiz() != null).flatMap(l -> l.quiz().questions().stream())
                .filter(Question::hasVariants).findFirst().orElseThrow();
        Lesson l = lesson(v);
        String aSeed = Question.Seeds.of(aId, l.quiz().id(), v.id(), 1);
        String before = world();
        HttpResponse<String> r = b.postForm("/lessons/" + l.slug() + "/quiz/" + v.id(), WebClient.form("seed", aSeed, "answer", "1", "choice", "0"));
        assertEquals(400, r.statusCode(), shortBody(r));
        assertExplained(r, "an answer under A's seed");
        assertEquals(before, world());
    }

    // ---- instructors -------------------------------------------------------------------------------

    /** Every instructor address from App.java, with the workshop and learner filled in. */
    static List<String[]> instructorRoutes() {
        String w = "/instructor/workshops/" + annWorkshop;
        List<String[]> out = new ArrayList<>();
        for (String get : List.of("/instructor/regrade", "/instructor/gradebook.csv", "/instructor/gradebook.json", "/instructor/workshops", w, w + "/grid",
                w + "/learners/" + aId, w + "/results.csv", w + "/questions.csv", w + "/summary", w + "/projector")) {
            out.add(new String[] {"GET", get});
        }
        for (String post : List.of("/instructor/regrade", "/instructor/workshops", w + "/pace", w + "/push", w + "/chaos", w + "/close",
                w + "/learners/" + aId + "/reset", w + "/rename", w + "/lessons", w + "/instructors", w + "/board", w + "/reopen", w + "/delete",
                w + "/policy", w + "/merge", w + "/learners/" + aId + "/remove")) {
            out.add(new String[] {"POST", post});
        }
        return out;
    }

    static final String INSTRUCTOR_FORM = WebClient.form("mode", "replace", "title", "Mine now", "lesson", Course1.first().slug(), "unlock", "all",
            "layout", "name: pushed\n", "id", "use1-az1", "action", "fail",
            "confirm", "yes", "name", "bob", "announcement", "mine", "minutes", "5");

    @Test
    void everyInstructorRouteInAppJavaIsCoveredHere() throws IOException {
        Set<String> covered = new LinkedHashSet<>();
        for (String[] r : instructorRoutes()) covered.add(r[0] + " " + r[1].replace(annWorkshop, "{id}").replace(aId, "{learner}"));
        covered.addAll(List.of("GET /instructor", "POST /instructor/sign-in", "POST /instructor/sign-out"));
        // an instructor's own API tokens: no workshop in the address; WorkshopTrustHttpTest tries them
        covered.addAll(List.of("GET /instructor/tokens", "POST /instructor/tokens", "POST /instructor/tokens/{id}/revoke"));
        for (String[] route : routesInAppJava()) {
            if (!route[1].startsWith("/instructor")) continue;
            assertTrue(covered.contains(route[0] + " " + route[1]), route[0] + " " + route[1] + " is not tried by the access tests");
        }
    }

    @Test
    void aLearnerReachesNoInstructorPageAndChangesNothingThere() {
        String before = world();
        List<String> problems = new ArrayList<>();
        List<String> cookies = List.of("cl_learner=" + a.learnerCookie(), "cl_instructor=" + a.learnerCookie(), "cl_instructor=ann",
                "cl_instructor=" + annWorkshop, "cl_instructor=", "cl_instructor=" + "A".repeat(43));
        for (String cookie : cookies) {
            for (String[] route : instructorRoutes()) {
                HttpResponse<String> r = route[0].equals("GET") ? WebClient.cookieless(server).get(route[1], "Cookie", cookie)
                        : WebClient.cookieless(server).postForm(route[1], INSTRUCTOR_FORM, "Cookie", cookie);
                if (r.statusCode() != 401) problems.add(cookie + " " + route[0] + " " + route[1] + ": " + r.statusCode());
                else assertExplained(r, route[0] + " " + route[1]);
                if (r.body().contains(annCode)) problems.add(cookie + " " + route[0] + " " + route[1] + " shows the join code");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(before, world(), "nothing changed");
        HttpResponse<String> home = a.get("/instructor");
        assertEquals(200, home.statusCode(), "the sign-in page");
        assertFalse(home.body().contains(annCode));
    }

    @Test
    void instructorBCannotSeeOrChangeInstructorAWorkshops() {
        String before = world();
        List<String> problems = new ArrayList<>();
        for (String id : List.of(annWorkshop, annWorkshop.toUpperCase(), annCode, "w1", "1", annWorkshop + "0")) {
            for (String[] route : instructorRoutes()) {
                if (!route[1].contains(annWorkshop)) continue;
                String path = route[1].replace(annWorkshop, id);
                HttpResponse<String> r = route[0].equals("GET") ? WebClient.cookieless(server).get(path, "Cookie", ben)
                        : WebClient.cookieless(server).postForm(path, INSTRUCTOR_FORM, "Cookie", ben);
                int expected = id.equals(annWorkshop) ? 403 : 404; // issue 15: another's workshop is refused, a missing one not found
                if (r.statusCode() != expected) problems.add("ben " + route[0] + " " + path + ": " + r.statusCode());
                else assertExplained(r, route[0] + " " + path);
                if ((!id.equals(annCode) && r.body().contains(annCode)) || r.body().contains("Ada")) {
                    problems.add("ben " + route[0] + " " + path + " shows ann's room");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        for (String path : List.of("/instructor", "/instructor/workshops")) {
            String html = WebClient.cookieless(server).get(path, "Cookie", ben).body();
            assertFalse(html.contains(annWorkshop) || html.contains(annCode), path + " lists ann's workshop for ben");
        }
        assertEquals(before, world(), "nothing changed");
    }

    // ---- CSRF ------------------------------------------------------------------------------------------

    /** The routes App.java registers, as {method, path} with its placeholders. */
    static List<String[]> routesInAppJava() throws IOException {
        String source = Files.readString(Path.of("src/main/java/cloudlab/web/App.java"));
        Matcher m = Pattern.compile("config\\.routes\\.(get|post|put|patch|delete)\\(\"([^\"]+)\"").matcher(source);
        List<String[]> out = new ArrayList<>();
        while (m.find()) out.add(new String[] {m.group(1).toUpperCase(), m.group(2)});
        assertTrue(out.size() > 20, "read the routes of App.java");
        return out;
    }

    /** A concrete address and a form that, were the token not checked, would change something. */
    static String[] forged(String route) {
        Lesson withSandbox = COURSE.lessons().stream().filter(l -> !l.sandboxes().isEmpty()).findFirst().orElseThrow();
        Lesson withChallenge = COURSE.lessons().stream().filter(l -> !l.challenges().isEmpty()).findFirst().orElseThrow();
        String hintLesson = lesson(hinted).slug();
        String path = route.replace("{id}", route.startsWith("/instructor") ? annWorkshop : aSandbox).replace("{learner}", aId)
                .replace("{token}", aShareToken).replace("{index}", "0").replace("{challenge}", withChallenge.challenges().get(0).id())
                .replace("{question}", route.endsWith("/hint") ? hinted.id() : answered.id());
        if (route.startsWith("/lessons/{slug}/sandboxes")) path = path.replace("{slug}", withSandbox.slug());
        else if (route.startsWith("/lessons/{slug}/challenges")) path = path.replace("{slug}", withChallenge.slug());
        else if (route.endsWith("/hint")) path = path.replace("{slug}", hintLesson);
        else path = path.replace("{slug}", lesson.slug());
        String bCode = Html.resumeCode(b.get("/progress").body());
        String form = WebClient.form("op", "remove-vm", "id", route.contains("chaos") ? "use1-az1" : "shop-1", "step", "0", "hint", "0",
                "code", route.startsWith("/join") ? annCode : bCode, "name", route.startsWith("/instructor") ? "ann" : "Forged",
                "password", "ann-has-a-long-password", "title", "Forged", "lesson", lesson.slug(), "layout", "name: forged\n", "unlock", "all",
                "action", "fail", "mode", "replace", "fresh", "1") + "&" + Course1.rightForm(answered);
        return new String[] {path, form};
    }

    @Test
    void everyPostInAppJavaWithoutAValidTokenIsRefusedAndChangesNothing() throws IOException {
        List<String> problems = new ArrayList<>();
        int tried = 0;
        for (String[] route : routesInAppJava()) {
            if (!route[0].equals("POST") || route[1].startsWith("/api/")) continue;
            String[] f = forged(route[1]);
            String cookies = "cl_learner=" + (route[1].startsWith("/join") ? b.learnerCookie() : a.learnerCookie()) + "; "
                    + (route[1].startsWith("/instructor") ? ann + "; " : "");
            Map<String, HttpRequest> forgeries = new LinkedHashMap<>();
            HttpRequest.Builder base = request(server, f[0]).header("Content-Type", "application/x-www-form-urlencoded");
            forgeries.put("no token", base.copy().header("Cookie", cookies + "cl_csrf=" + WebClient.CSRF)
                    .POST(HttpRequest.BodyPublishers.ofString(f[1])).build());
            forgeries.put("a wrong htmx header", base.copy().header("Cookie", cookies + "cl_csrf=" + WebClient.CSRF).header("HX-Request", "true")
                    .header("X-CSRF-Token", "another-token-9876543210").POST(HttpRequest.BodyPublishers.ofString(f[1])).build());
            forgeries.put("a wrong form field", base.copy().header("Cookie", cookies + "cl_csrf=" + WebClient.CSRF)
                    .POST(HttpRequest.BodyPublishers.ofString(f[1] + "&_csrf=another-token-9876543210")).build());
            forgeries.put("a token but no token cookie", base.copy().header("Cookie", cookies.replaceFirst(";\\s*$", "")).header("X-CSRF-Token", WebClient.CSRF)
                    .POST(HttpRequest.BodyPublishers.ofString(f[1] + "&_csrf=" + WebClient.CSRF)).build());
            forgeries.put("an empty token", base.copy().header("Cookie", cookies + "cl_csrf=").header("X-CSRF-Token", "")
                    .POST(HttpRequest.BodyPublishers.ofString(f[1] + "&_csrf=")).build());
            for (var forgery : forgeries.entrySet()) {
                String before = world();
                HttpResponse<String> r = send(forgery.getValue());
                tried++;
                String what = "POST " + route[1] + " with " + forgery.getKey();
                if (r.statusCode() != 403) problems.add(what + ": " + r.statusCode());
                else assertExplained(r, what);
                if (r.headers().allValues("Set-Cookie").stream().anyMatch(h -> h.startsWith("cl_learner=") || h.startsWith("cl_instructor=")))
                    problems.add(what + " set a session cookie");
                String after = world();
                if (!before.equals(after)) problems.add(what + " changed something: " + firstDifference(before, after));
            }
        }
        assertTrue(tried >= 5 * 25, "tried every POST route: " + tried);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static String firstDifference(String before, String after) {
        String[] x = before.split("\n");
        String[] y = after.split("\n");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) return "\n  was " + HostileInputTest.cut(x[i]) + "\n  now " + HostileInputTest.cut(y[i]);
        }
        return "a line more or less";
    }

    @Test
    void theSameFormsWithTheTokenAreNotRefusedForIt() throws IOException {
        // the control for the test above: what it forges is refused for the token, not for its content
        for (String route : List.of("/sandboxes/{id}/do", "/lessons/{slug}/quiz/{question}", "/instructor/workshops/{id}/pace")) {
            String[] f = forged(route);
            HttpResponse<String> r = WebClient.cookieless(server).postForm(f[0], f[1], "Cookie", "cl_learner=" + a.learnerCookie() + "; " + ann);
            assertTrue(r.statusCode() == 303 || r.statusCode() == 200, route + ": " + r.statusCode() + " " + shortBody(r));
        }
    }

    // ---- the stateless API -------------------------------------------------------------------------

    @Test
    void theApiWorksWithoutCookieOrTokenReadsNoCookieAndSetsNone() {
        String quiz = "/api/v1/quizzes/" + lesson.quiz().id() + "/grade";
        String answers = "{\"answers\": []}";
        for (String cookie : new String[] {null, "cl_learner=" + a.learnerCookie() + "; cl_csrf=x; " + ann}) {
            List<HttpResponse<String>> rs = new ArrayList<>();
            String[] h = cookie == null ? new String[0] : new String[] {"Cookie", cookie};
            rs.add(WebClient.cookieless(server).postJson("/api/v1/simulate", "{\"layout\": {}}", h));
            rs.add(WebClient.cookieless(server).postJson("/api/v1/grade", "{\"challenge\": \"" + COURSE.lessons().stream()
                    .flatMap(l -> l.challenges().stream()).findFirst().orElseThrow().id() + "\", \"layout\": {}}", h));
            rs.add(WebClient.cookieless(server).postJson(quiz, answers, h));
            rs.add(WebClient.cookieless(server).get("/api/v1/regions", h));
            for (HttpResponse<String> r : rs) {
                assertEquals(200, r.statusCode(), r.uri() + " (cookie " + cookie + "): " + r.body());
                assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), r.uri() + " set a cookie: " + r.headers().allValues("Set-Cookie"));
            }
            assertEquals(rs.get(2).body(), WebClient.cookieless(server).postJson(quiz, answers).body(), "the answer does not depend on the cookie");
        }
        String before = world();
        HttpResponse<String> r = WebClient.cookieless(server).postJson(quiz, "{\"answers\": [{\"question\": \"" + answered.id()
                + "\", \"answer\": {\"choices\": [0]}}], \"learner\": \"" + bId + "\"}", "Cookie", "cl_learner=" + b.learnerCookie());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 400, r.body());
        assertEquals(before, world(), "grading through the API stores nothing");
    }
}
