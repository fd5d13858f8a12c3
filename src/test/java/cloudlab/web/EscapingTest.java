package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cloudlab.web.HostileInputTest.MARKUP;
import static cloudlab.web.HostileInputTest.assertNoRawMarkup;
import static cloudlab.web.HostileInputTest.segment;
import static cloudlab.web.HostileInputTest.shortBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Learner-entered text is escaped on every page that shows it: names in the instructor's room,
 * learner detail, summary and results (CSV: no formula injection), sandbox titles, layout and
 * user names, refused ids echoed in messages, typed resume codes, quiz answers, query values.
 */
class EscapingTest {
    static final String IMG = MARKUP.get(0);
    static final String IMG_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x\",\"a\")", "+1+2", "-2+3", "@SUM(A1:A9)");

    @TempDir
    static Path folder;
    static TestServer server;
    static String instructor;
    static String workshopId;
    static WebClient marked;
    static String markedId;
    static final Map<String, WebClient> formulaLearners = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
        instructor = HostileInputTest.instructor(server, "eve", "eve-has-a-long-password");
        workshopId = HostileInputTest.workshop(server, instructor, "Room " + SCRIPT, HostileInputTest.TWO_ZONES, 2);
        String code = HostileInputTest.joinCode(server, "eve", workshopId);
        marked = join(code, IMG);
        markedId = HostileInputTest.learnerId(server, marked);
        for (String f : FORMULAS) formulaLearners.put(f, join(code, f));
        // everyone answers a question, so that they have rows in the results
        Lesson first = Course1.first();
        Question q = first.quiz().questions().stream().filter(x -> x.type() != Question.Type.CHALLENGE).findFirst().orElseThrow();
        List<WebClient> all = new ArrayList<>(formulaLearners.values());
        all.add(marked);
        for (WebClient l : all) {
            HttpResponse<String> r = l.postForm("/lessons/" + first.slug() + "/quiz/" + q.id(), Course1.wrongForm(q));
            assertEquals(303, r.statusCode(), r.body());
        }
        // the marked learner names things in their workshop sandbox with markup too
        String sandbox = server.services().workshops().member(workshopId, markedId).orElseThrow().sandboxId();
        act(marked, sandbox, 303, "op", "set-name", "name", SCRIPT);
        act(marked, sandbox, 303, "op", "place-user", "name", IMG, "lat", "59.33", "lon", "18.07");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static WebClient join(String code, String name) {
        WebClient c = WebClient.browser(server);
        HttpResponse<String> r = c.postForm("/join", WebClient.form("code", code, "name", name));
        assertEquals(303, r.statusCode(), r.body());
        return c;
    }

    static HttpResponse<String> act(WebClient learner, String sandbox, int status, String... form) {
        HttpResponse<String> r = learner.postForm("/sandboxes/" + sandbox + "/do", WebClient.form(form));
        assertEquals(status, r.statusCode(), String.join(" ", form) + ": " + shortBody(r));
        return r;
    }

    static String asInstructor(String path) {
        HttpResponse<String> r = WebClient.cookieless(server).get(path, "Cookie", instructor);
        assertEquals(200, r.statusCode(), path + ": " + shortBody(r));
        return r.body();
    }

    // ---- workshop names --------------------------------------------------------------------------

    @Test
    void aLearnerNameWithMarkupIsEscapedInTheRoomTheGridTheDetailAndTheSummary() {
        String base = "/instructor/workshops/" + workshopId;
        for (String path : List.of(base, base + "/grid", base + "/learners/" + markedId, base + "/summary", "/instructor", "/instructor/workshops",
                "/instructor/regrade")) {
            String html = asInstructor(path);
            assertNoRawMarkup(html, path);
            if (!path.equals("/instructor") && !path.equals("/instructor/workshops") && !path.equals("/instructor/regrade")) {
                assertTrue(html.contains(IMG_ESCAPED), path + " shows the name, escaped");
            }
        }
        String grid = asInstructor(base + "/grid");
        String htmx = WebClient.cookieless(server).get(base, "Cookie", instructor, "HX-Request", "true").body();
        assertNoRawMarkup(htmx, "the room as an htmx fragment");
        assertTrue(grid.contains(IMG_ESCAPED));
    }

    @Test
    void theLearnersOwnWorkshopPageShowsTheirNameAndTheTitleEscaped() {
        HttpResponse<String> r = marked.get("/workshop");
        assertEquals(200, r.statusCode());
        assertNoRawMarkup(r.body(), "/workshop");
        assertTrue(r.body().contains(IMG_ESCAPED), "the name is shown, escaped");
        assertTrue(r.body().contains(SCRIPT_ESCAPED), "the workshop title is shown, escaped");
    }

    @Test
    void theNoticeAfterResettingALearnerWithAMarkupNameIsEscaped() {
        String base = "/instructor/workshops/" + workshopId;
        HttpResponse<String> ask = WebClient.cookieless(server).postForm(base + "/learners/" + markedId + "/reset", "", "Cookie", instructor);
        assertNoRawMarkup(ask.body(), "the confirm step before the reset");
        HttpResponse<String> r = WebClient.cookieless(server).postForm(base + "/learners/" + markedId + "/reset", "confirm=yes", "Cookie", instructor);
        assertEquals(303, r.statusCode(), r.body());
        String room = asInstructor(r.headers().firstValue("Location").orElseThrow());
        assertNoRawMarkup(room, "the room after the reset");
        assertTrue(room.contains("Gave " + IMG_ESCAPED), "the notice names the learner, escaped");
    }

    @Test
    void theResultsAndGradebookCsvDefuseFormulasAndQuoteMarkup() {
        for (String path : List.of("/instructor/workshops/" + workshopId + "/results.csv", "/instructor/gradebook.csv")) {
            HttpResponse<String> r = WebClient.cookieless(server).get(path, "Cookie", instructor);
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), path + " is a download");
            List<String> names = new ArrayList<>();
            for (String line : r.body().split("\r\n")) names.add(secondField(line));
            for (String f : FORMULAS) {
                assertTrue(names.stream().noneMatch(n -> n.equals(f)), path + ": the formula " + f + " is not defused:\n" + r.body());
                // the workshop's results name the learners; the course gradebook may not
                if (path.contains("results")) assertTrue(names.contains("'" + f), path + ": " + f + " shows as text ('" + f + ")\n" + r.body());
            }
            if (path.contains("results")) assertTrue(names.contains(IMG), path + ": the markup name is kept as plain text in the CSV");
            for (String n : names) assertTrue(n.isEmpty() || "=+-@".indexOf(n.charAt(0)) < 0, path + ": a cell starts with a formula sign: " + n);
        }
    }

    /** The second field of a CSV line (RFC 4180 quoting). */
    static String secondField(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString());
        return fields.size() > 1 ? fields.get(1) : "";
    }

    @Test
    void aWorkshopTitleWithMarkupIsEscapedInTheRoomItsQrCodeAndTheList() {
        String room = asInstructor("/instructor/workshops/" + workshopId);
        assertNoRawMarkup(room, "the room");
        assertTrue(room.contains("<title>Join link for Room " + SCRIPT_ESCAPED + "</title>"), "the QR code's title is escaped");
        assertNoRawMarkup(asInstructor("/instructor/workshops"), "the workshop list");
    }

    // ---- sandboxes ---------------------------------------------------------------------------------

    @Test
    void aSandboxTitleLayoutNameUserNameAndAppNameWithMarkupAreEscapedOnEveryView() {
        WebClient learner = HostileInputTest.learner(server);
        HttpResponse<String> made = learner.postForm("/sandboxes", WebClient.form("title", IMG));
        assertEquals(303, made.statusCode());
        String id = made.headers().firstValue("Location").orElseThrow().replaceFirst("^/sandboxes/", "");
        act(learner, id, 303, "op", "add-region", "code", "us-east-1");
        act(learner, id, 303, "op", "place-user", "name", SCRIPT, "lat", "40.7", "lon", "-74");
        act(learner, id, 303, "op", "place-user", "name", MARKUP.get(2), "lat", "41.7", "lon", "-74");
        act(learner, id, 303, "op", "place-user", "name", MARKUP.get(3), "lat", "42.7", "lon", "-74");
        HttpResponse<String> app = learner.postForm("/sandboxes/" + id + "/do", WebClient.form("op", "add-app", "name", IMG, "minRunning", "1"));
        assertNoRawMarkup(app.body(), "add-app with a markup name (" + app.statusCode() + ")");
        act(learner, id, 303, "op", "set-name", "name", MARKUP.get(4));
        String page = learner.get("/sandboxes/" + id).body();
        assertNoRawMarkup(page, "the sandbox page");
        assertTrue(page.contains(IMG_ESCAPED), "the title is shown, escaped");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the user name is shown, escaped");
        assertNoRawMarkup(learner.get("/sandboxes/" + id, "HX-Request", "true").body(), "the sandbox fragment");
        assertNoRawMarkup(learner.get("/sandboxes").body(), "the sandbox list");
        HttpResponse<String> undo = learner.postForm("/sandboxes/" + id + "/undo", "", "HX-Request", "true");
        assertNoRawMarkup(undo.body(), "the workspace after undo");
    }

    @Test
    void idsWithOddCharactersAreRefusedAndEchoedEscaped() {
        WebClient learner = HostileInputTest.learner(server);
        String id = HostileInputTest.importSandbox(learner, HostileInputTest.TWO_ZONES);
        List<String[]> forms = List.of(
                new String[] {"op", "add-zone", "region", "us-east-1", "id", IMG},
                new String[] {"op", "rename", "id", "h1", "newId", SCRIPT},
                new String[] {"op", "remove-vm", "id", MARKUP.get(2)},
                new String[] {"op", "add-vm", "id", MARKUP.get(3), "vcpus", "1", "memoryGiB", "1", "diskGiB", "1"},
                new String[] {"op", "add-region", "code", "custom", "customCode", IMG, "lat", "1", "lon", "1"},
                new String[] {"op", "fail", "id", MARKUP.get(4)},
                new String[] {"op", IMG},
                new String[] {"op", "add-host", "datacenter", "dc1", "id", "h9", "hypervisor", IMG, "cores", SCRIPT, "memoryGiB", IMG, "storageGiB", "1"});
        String before = HostileInputTest.fingerprint(server, learner, id);
        for (String[] form : forms) {
            for (boolean htmx : new boolean[] {false, true}) {
                HttpResponse<String> r = htmx ? learner.postForm("/sandboxes/" + id + "/do", WebClient.form(form), "HX-Request", "true")
                        : learner.postForm("/sandboxes/" + id + "/do", WebClient.form(form));
                String what = String.join(" ", form);
                assertTrue(r.statusCode() == 400 || r.statusCode() == 422, what + ": " + r.statusCode());
                HostileInputTest.assertExplained(r, what);
                assertNoRawMarkup(r.body(), what);
            }
        }
        assertEquals(before, HostileInputTest.fingerprint(server, learner, id), "nothing was changed");
    }

    @Test
    void aPastedLayoutWithMarkupNamesOpensEscapedAndABrokenOneIsEchoedEscaped() {
        WebClient learner = HostileInputTest.learner(server);
        String good = "name: \"" + SCRIPT + "\"\nusers:\n  - {name: \"" + IMG + "\", lat: 1, lon: 2}\n";
        HttpResponse<String> r = learner.postForm("/sandboxes/import", WebClient.form("layout", good));
        assertEquals(303, r.statusCode(), shortBody(r));
        String page = learner.get(r.headers().firstValue("Location").orElseThrow()).body();
        assertNoRawMarkup(page, "the imported sandbox");
        assertTrue(page.contains(SCRIPT_ESCAPED), "the layout name is the title, escaped");
        HttpResponse<String> bad = learner.postForm("/sandboxes/import", WebClient.form("layout", "name: x\n" + MARKUP.get(4) + ": [" + IMG));
        assertEquals(400, bad.statusCode());
        assertNoRawMarkup(bad.body(), "the refused paste, echoed back in the textarea");
        assertTrue(bad.body().contains("&lt;/textarea&gt;"), "the pasted text is kept, escaped");
    }

    // ---- learner forms -------------------------------------------------------------------------------

    @Test
    void aResumeCodeTypedWithMarkupIsEchoedEscaped() {
        for (String code : MARKUP) {
            HttpResponse<String> r = HostileInputTest.learner(server).postForm("/progress/resume", WebClient.form("code", code));
            assertEquals(400, r.statusCode());
            assertNoRawMarkup(r.body(), "resume code " + code);
        }
        HttpResponse<String> r = HostileInputTest.learner(server).postForm("/progress/resume", WebClient.form("code", IMG));
        assertTrue(r.body().contains("&lt;img src=x onerror"), "the typed code is kept, escaped");
    }

    @Test
    void aQuizAnswerTypedWithMarkupIsEchoedEscaped() {
        WebClient learner = HostileInputTest.learner(server);
        for (Lesson l : Course1.course().lessons()) {
            if (l.quiz() == null) continue;
            for (Question q : l.quiz().questions()) {
                for (String p : List.of(IMG, SCRIPT)) {
                    String path = "/lessons/" + l.slug() + "/quiz/" + q.id();
                    String form = WebClient.form("answer", p, "choice", p, "match-0", p, "position-0", p, "seed", p);
                    assertNoRawMarkup(learner.postForm(path, form).body(), path + " with " + p);
                    assertNoRawMarkup(learner.postForm(path, form, "HX-Request", "true").body(), path + " (htmx) with " + p);
                    assertNoRawMarkup(learner.postForm(path + "/hint", WebClient.form("hint", p), "HX-Request", "true").body(), path + "/hint " + p);
                }
            }
        }
    }

    @Test
    void aRefusedJoinEchoesTheTypedNameAndCodeEscaped() {
        for (String p : MARKUP) {
            HttpResponse<String> r = WebClient.browser(server).postForm("/join", WebClient.form("code", p, "name", p));
            assertEquals(400, r.statusCode());
            assertNoRawMarkup(r.body(), "join with " + p);
        }
    }

    @Test
    void valuesInAddressesAndQueriesAreEscapedWhereverTheyAreShown() {
        WebClient learner = HostileInputTest.learner(server);
        String id = HostileInputTest.importSandbox(learner, HostileInputTest.TWO_ZONES);
        for (String p : MARKUP) {
            String q = segment(p);
            for (String path : List.of("/sandboxes/" + id + "?shared=" + q, "/lessons/" + Course1.first().slug() + "?variant=" + q, "/join?code=" + q,
                    "/join/" + q, "/progress?resumed=" + q, "/sandboxes/" + q, "/shared/" + q, "/lessons/" + q, "/" + q, "/static/" + q,
                    "/sandboxes/" + q + "/export.json")) {
                HttpResponse<String> r = learner.get(path);
                assertTrue(r.statusCode() < 500, path + ": " + r.statusCode());
                assertNoRawMarkup(r.body(), path);
            }
            String room = asInstructor("/instructor/workshops/" + workshopId + "?notice=" + q);
            assertNoRawMarkup(room, "the room with a notice " + p);
        }
    }
}
