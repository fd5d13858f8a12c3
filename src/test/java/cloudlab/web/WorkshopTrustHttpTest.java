package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.sim.document.Json;
import cloudlab.workshop.Instructors;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cloudlab.web.WorkshopHttpTest.Instructor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grades you can trust over HTTP: API tokens guard graded scores, and every page and file shows one score per learner. */
class WorkshopTrustHttpTest {
    @TempDir
    static Path folder;
    static TestServer server;
    static Instructor ada;
    static Instructor bob;

    @BeforeAll
    static void start() throws Instructors.Refused {
        server = TestServer.startIn(folder);
        ada = Instructor.added(server, "ada", WorkshopHttpTest.PASSWORD);
        bob = Instructor.added(server, "bob", "bobs-own-long-password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Question> plainQuestions() {
        return Course1.first().quiz().questions().stream().filter(q -> !q.hasVariants() && q.type() != Question.Type.CHALLENGE).toList();
    }

    static void answer(WebClient learner, Question q, boolean right) {
        Lesson l = Course1.first();
        HttpResponse<String> r = learner.postForm("/lessons/" + l.slug() + "/quiz/" + q.id(), right ? Course1.rightForm(q) : Course1.wrongForm(q));
        assertEquals(303, r.statusCode(), r.body());
    }

    /** A token made on the instructor's tokens page; its secret, shown once. */
    static String token(Instructor who, String scope) {
        HttpResponse<String> r = who.post("/instructor/tokens", WebClient.form("name", "ci " + scope, "scope", scope));
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("id=\"secret\">(clt_[A-Za-z0-9_-]+)<").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    static HttpResponse<String> results(String workshopId, String... headers) {
        return WebClient.cookieless(server).get("/api/v1/workshops/" + workshopId + "/results", headers);
    }

    @Test
    void theResultsApiNeedsATokenOfTheRightScopeForAWorkshopItsInstructorTeaches() {
        String id = bob.create("Bob's API", null, 1);
        String adas = ada.create("Ada's API", null, 1);
        HttpResponse<String> none = results(id);
        assertEquals(401, none.statusCode());
        assertTrue(none.body().contains("Authorization"), none.body());
        assertEquals(401, results(id, "Authorization", "Bearer clt_made-up").statusCode());

        String read = token(bob, "read");
        assertEquals(200, results(id, "Authorization", "Bearer " + read).statusCode());
        assertEquals(403, results(adas, "Authorization", "Bearer " + read).statusCode(), "not bob's workshop");
        HttpResponse<String> regrade = WebClient.cookieless(server).postJson("/api/v1/regrade", "{\"apply\": true}", "Authorization", "Bearer " + read);
        assertEquals(403, regrade.statusCode());
        assertTrue(regrade.body().contains("scope"), regrade.body());
        String regrader = token(bob, "regrade");
        HttpResponse<String> dry = WebClient.cookieless(server).postJson("/api/v1/regrade", "{}", "Authorization", "Bearer " + regrader);
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(dry.body().contains("\"wouldChange\":0"), dry.body());

        HttpResponse<String> page = bob.get("/instructor/tokens");
        assertTrue(!page.body().contains(read), "the token is shown once, never listed");
        Matcher m = Pattern.compile("action=\"/instructor/tokens/(t[a-z0-9]+)/revoke\"").matcher(page.body());
        assertTrue(m.find());
        while (true) { // revoke every token bob has
            assertEquals(303, bob.post("/instructor/tokens/" + m.group(1) + "/revoke", "").statusCode());
            if (!m.find()) break;
        }
        HttpResponse<String> revoked = results(id, "Authorization", "Bearer " + read);
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.body().contains("revoked"), revoked.body());
        assertEquals(404, ada.post("/instructor/tokens/tnothere/revoke", "").statusCode());
    }

    @Test
    void everyPageAndFileShowsTheSameScoreForEveryLearnerAndOnlyTheWorkDoneInTheWorkshop() {
        List<Question> qs = plainQuestions();
        assertTrue(qs.size() >= 2, "the first lesson has two plain questions");
        String elsewhere = ada.create("Ada's morning", null, 1);
        String id = bob.create("Bob's afternoon", null, 1);
        WebClient ana = WorkshopHttpTest.joined(server, ada.code(elsewhere), "Ana");
        answer(ana, qs.get(0), true);
        answer(ana, qs.get(1), true);
        WorkshopHttpTest.join(ana, bob.code(id), "Ana");
        answer(ana, qs.get(0), false);
        answer(ana, qs.get(1), true);
        WebClient ben = WorkshopHttpTest.joined(server, bob.code(id), "Ben");
        answer(ben, qs.get(0), true);
        Map<String, WebClient> learners = new LinkedHashMap<>();
        learners.put("Ana", ana);
        learners.put("Ben", ben);

        String token = token(bob, "read");
        JsonNode api = json(results(id, "Authorization", "Bearer " + token).body());
        String csv = bob.get("/instructor/workshops/" + id + "/results.csv").body();
        String gradebook = bob.get("/instructor/gradebook.csv").body();
        String room = bob.get("/instructor/workshops/" + id).body();
        String summary = bob.get("/instructor/workshops/" + id + "/summary").body();
        for (Map.Entry<String, WebClient> e : learners.entrySet()) {
            String learnerId = WorkshopHttpTest.learnerId(server, e.getValue());
            double fromApi = 0;
            for (JsonNode row : api) if (row.get("learnerId").asText().equals(learnerId)) fromApi += row.get("score").asDouble();
            double fromCsv = total(csv, learnerId);
            double fromGradebook = total(gradebook, learnerId);
            double fromRoom = first(room, "data-learner=\"" + learnerId + "\".*?class=\"total\"[^>]*>([0-9.]+)/");
            double fromSummary = first(summary, "<th scope=\"row\">" + e.getKey() + "</th>.*?class=\"total\">([0-9.]+)/");
            double fromProgress = first(e.getValue().get("/progress").body(), "([0-9.]+) / [0-9]+ \\(");
            String all = e.getKey() + ": api " + fromApi + ", csv " + fromCsv + ", gradebook " + fromGradebook + ", room " + fromRoom
                    + ", summary " + fromSummary + ", progress " + fromProgress;
            for (double other : List.of(fromCsv, fromGradebook, fromRoom, fromSummary, fromProgress)) assertEquals(fromApi, other, 1e-9, all);
        }
        String anaId = WorkshopHttpTest.learnerId(server, ana);
        assertEquals(1.0, total(csv, anaId), 1e-9, "only Ana's work in Bob's workshop counts there");
        assertNotEquals(total(csv, anaId), total(ada.get("/instructor/workshops/" + elsewhere + "/results.csv").body(), anaId));
    }

    @Test
    void theSummaryShowsEachQuestionsFirstTryRateAndCommonestWrongAnswerAndTheCsvHoldsThem() {
        Question q = plainQuestions().get(0);
        String id = bob.create("Question hour", null, 1);
        WebClient cal = WorkshopHttpTest.joined(server, bob.code(id), "Cal");
        answer(cal, q, false);
        answer(cal, q, true);
        answer(WorkshopHttpTest.joined(server, bob.code(id), "Dee"), q, true);

        String summary = bob.get("/instructor/workshops/" + id + "/summary").body();
        Matcher row = Pattern.compile("(?s)data-item=\"" + Course1.first().quiz().id() + "/" + q.id() + "\">(.*?)</tr>").matcher(summary);
        assertTrue(row.find(), summary);
        assertTrue(row.group(1).contains("<td>2</td>\n      <td>3</td>"), "2 learners, 3 attempts: " + row.group(1));
        assertTrue(row.group(1).contains("1 of 2 (50%)"), "Dee alone was right on her first try: " + row.group(1));
        assertTrue(row.group(1).contains("(1 learner)"), "Cal's wrong answer, named: " + row.group(1));
        assertTrue(bob.get("/instructor/workshops/" + id).body().contains("/summary#question-rates"), "the room links to the rates");
        assertTrue(!bob.get("/instructor/workshops/" + id + "/projector").body().contains("Cal"), "the projector shows no names");

        HttpResponse<String> csv = bob.get("/instructor/workshops/" + id + "/questions.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        assertTrue(csv.body().startsWith("\uFEFF\"lesson\""), csv.body());
        assertTrue(csv.body().contains("\"" + Course1.first().quiz().id() + "/" + q.id() + "\",\"" + q.prompt().replace("\"", "\"\"") + "\",\"3\",\"2\",\"1\",\"50\""),
                csv.body());
    }

    @Test
    void anAppliedRegradeIsAuditedAndListedOnTheWorkshopPageWhileADryRunWritesNothing() {
        Question q = plainQuestions().get(0);
        assertEquals(Question.Type.SINGLE, q.type());
        String id = ada.create("Regrade hour", null, 1);
        WebClient eve = WorkshopHttpTest.joined(server, ada.code(id), "Eve");
        int right = q.options().indexOf(q.options().stream().filter(Question.Option::correct).findFirst().orElseThrow());
        // a right answer stored with 0 under an older version of the question: what a fixed question leaves behind
        server.services().progress().answered(WorkshopHttpTest.learnerId(server, eve), Course1.first().quiz().id(), q.id(),
                new cloudlab.progress.Progress.Attempt(null, "{\"choices\":[" + right + "]}", null, "old"), 0.0, 1.0,
                cloudlab.progress.Progress.Scope.workshop(id));

        String dry = ada.get("/instructor/regrade").body();
        assertTrue(dry.contains("Keeping the higher score: 1 score would change: Regrade hour 1."), dry);
        assertTrue(!ada.get("/instructor/workshops/" + id).body().contains("id=\"regrades\""), "a dry run writes no audit row");

        String applied = ada.post("/instructor/regrade", WebClient.form("mode", "keep")).body();
        assertTrue(applied.contains("Applied: 1 score changed: Regrade hour 1 (higher score kept)."), applied);
        assertTrue(applied.contains("0 attempts score differently now."), "a second dry run finds nothing: " + applied);

        String room = ada.get("/instructor/workshops/" + id).body();
        Matcher audit = Pattern.compile("(?s)id=\"regrades\".*?<tbody><tr>(.*?)</tr>").matcher(room);
        assertTrue(audit.find(), room);
        String cells = audit.group(1);
        assertTrue(cells.matches("(?s)\\s*<td>\\d{4}-\\d\\d-\\d\\dT[^<]+</td><td>ada</td><td>keep higher</td>\\s*<td>1</td>.*"), cells);
        assertTrue(cells.contains("0.00 → 1.00"), "the workshop's total before and after: " + cells);
        assertTrue(cells.contains("Eve " + Course1.first().quiz().id() + "/" + q.id() + " attempt 1: 0 → 1"), cells);
    }

    static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    /** Was: the join link (room, projector, QR) took X-Forwarded-Proto/Host from anyone, so a crafted header could point learners elsewhere. */
    @Test
    void anUntrustedPeersForwardedHostDoesNotReachTheJoinLink() {
        String id = ada.create("Ada's forwarded", null, 1);
        String own = "http://" + server.uri("/").getAuthority() + "/join/";
        for (String page : List.of("/instructor/workshops/" + id, "/instructor/workshops/" + id + "/projector")) {
            HttpResponse<String> r = ada.get(page, "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https");
            assertEquals(200, r.statusCode(), page);
            assertFalse(r.body().contains("evil.example"), page + " shows the forwarded host");
            assertTrue(r.body().contains(page.endsWith("projector") ? own.replace("/join/", "/join") : own + ada.code(id)), page + " shows the server's own address");
        }
    }

    /** The score on the learner's "total" line of a results CSV. */
    static double total(String csv, String learnerId) {
        for (String line : csv.replace("\"", "").split("\r\n")) {
            String[] cells = line.split(",");
            if (cells.length > 4 && cells[0].equals(learnerId) && cells[2].equals("total")) return Double.parseDouble(cells[4]);
        }
        throw new AssertionError("no total line for " + learnerId + " in\n" + csv);
    }

    static double first(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), regex + " not in\n" + html);
        return Double.parseDouble(m.group(1));
    }
}
