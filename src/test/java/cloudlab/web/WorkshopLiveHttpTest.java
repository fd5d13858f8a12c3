package cloudlab.web;

import cloudlab.workshop.Instructors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static cloudlab.web.WorkshopHttpTest.Instructor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live workshop over HTTP: the room's event stream, confirm steps, a closed workshop's refusals, the signed-out fragment, the projector. */
class WorkshopLiveHttpTest {
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

    @Test
    void theRoomStreamSendsTheLearnersRowAfterTheyAct() throws Exception {
        String id = ada.create("Live", WorkshopHttpTest.TWO_ZONES, 1, 2);
        WebClient ana = WorkshopHttpTest.joined(server, ada.code(id), "Ana");
        String anaId = WorkshopHttpTest.learnerId(server, ana);
        String sandbox = WorkshopHttpTest.sandboxOf(ana);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(server.url("/instructor/workshops/" + id + "/live")))
                .header("Cookie", ada.cookie).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        // the reader is closed through the stream, never through the BufferedReader: a reader still
        // blocked in readLine holds the BufferedReader's lock, and its close would wait forever
        BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        try {
            assertEquals(": connected", in.readLine());
            WorkshopHttpTest.act(ana, sandbox, "op", "fail", "id", "use1-az1");
            CompletableFuture<String> row = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.equals("event: row-" + anaId)) return in.readLine();
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String data = row.get(20, TimeUnit.SECONDS);
            assertTrue(data.startsWith("data: <tr"), data);
            assertTrue(data.contains("Ana") && data.contains("use1-az1 failed"), data);
        } finally {
            stream.body().close();
        }
    }

    @Test
    void aStreamIsRefusedToAnotherInstructorAndToNobody() {
        String id = ada.create("Mine", null, 1);
        assertEquals(403, bob.get("/instructor/workshops/" + id + "/live").statusCode(), "not bob's (issue 15: refused, not hidden)");
        assertEquals(401, WebClient.cookieless(server).get("/instructor/workshops/" + id + "/live").statusCode());
        assertEquals(404, WebClient.browser(server).get("/workshop/live").statusCode(), "a learner in no workshop has no stream");
    }

    @Test
    void closeResetFailAndPushAskFirstWithAFormThatConfirmsAndChangeNothingUntilThen() {
        String id = ada.create("Careful", WorkshopHttpTest.TWO_ZONES, 1, 2);
        WebClient ana = WorkshopHttpTest.joined(server, ada.code(id), "Ana");
        String anaId = WorkshopHttpTest.learnerId(server, ana);
        String w = "/instructor/workshops/" + id;
        for (String[] p : List.of(new String[] {w + "/close", ""}, new String[] {w + "/learners/" + anaId + "/reset", ""},
                new String[] {w + "/chaos", WebClient.form("id", "use1-az1", "action", "fail")},
                new String[] {w + "/push", WebClient.form("layout", WorkshopHttpTest.TWO_ZONES)}, new String[] {w + "/delete", ""})) {
            HttpResponse<String> r = ada.post(p[0], p[1]);
            assertEquals(200, r.statusCode(), p[0]);
            assertTrue(r.body().contains("id=\"confirm-question\""), p[0]);
            assertTrue(r.body().contains("name=\"confirm\" value=\"yes\""), p[0] + " carries the second form");
        }
        assertTrue(ada.workshop(id).open());
        assertEquals(WorkshopHttpTest.sandboxOf(ana), server.services().workshops().member(id, anaId).orElseThrow().sandboxId());
        assertTrue(WorkshopHttpTest.export(ana, WorkshopHttpTest.sandboxOf(ana)).toString().contains("use1-az1"));
        assertFalse(WorkshopHttpTest.export(ana, WorkshopHttpTest.sandboxOf(ana)).path("failed").toString().contains("use1-az1"), "not failed");
        assertTrue(ada.post(w + "/delete", "").body().contains("id=\"confirm-results\""), "delete offers the results first");
        assertEquals(303, ada.post(w + "/delete", "confirm=yes").statusCode());
        assertEquals(404, ada.get(w).statusCode());
    }

    @Test
    void aClosedWorkshopRefusesEveryControlOnTheServer() {
        String id = ada.create("Closed", WorkshopHttpTest.TWO_ZONES, 1, 2);
        WebClient ana = WorkshopHttpTest.joined(server, ada.code(id), "Ana");
        String anaId = WorkshopHttpTest.learnerId(server, ana);
        String w = "/instructor/workshops/" + id;
        assertEquals(303, ada.post(w + "/close", "confirm=yes").statusCode());
        String before = ada.get(w).body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
        for (String[] p : List.of(new String[] {w + "/pace", WebClient.form("unlock", "all")},
                new String[] {w + "/chaos", WebClient.form("id", "use1-az1", "action", "fail", "confirm", "yes")},
                new String[] {w + "/chaos", WebClient.form("id", "use1-az1", "action", "restore")},
                new String[] {w + "/push", WebClient.form("layout", "name: x\n", "confirm", "yes")},
                new String[] {w + "/learners/" + anaId + "/reset", "confirm=yes"}, new String[] {w + "/rename", WebClient.form("title", "Other")},
                new String[] {w + "/lessons", WebClient.form("lesson", WorkshopHttpTest.lesson(1).slug())},
                new String[] {w + "/board", WebClient.form("announcement", "hi", "minutes", "5")},
                new String[] {w + "/instructors", WebClient.form("name", "bob")}, new String[] {w + "/close", "confirm=yes"})) {
            HttpResponse<String> r = ada.post(p[0], p[1]);
            assertEquals(400, r.statusCode(), p[0] + " " + p[1]);
            assertTrue(r.body().contains("workshop: this workshop is"), p[0] + " names the rule");
        }
        assertEquals(before, ada.get(w).body().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""), "nothing changed");
        assertTrue(bob.get(w).statusCode() == 403, "bob was not added");
        assertEquals(303, ada.post(w + "/reopen", "").statusCode());
        assertTrue(ada.workshop(id).open());
    }

    @Test
    void anHtmxRequestAfterTheSessionEndedGetsASignInLinkNotAPage() {
        String id = ada.create("Session", null, 1);
        HttpResponse<String> r = WebClient.cookieless(server).get("/instructor/workshops/" + id + "/grid", "HX-Request", "true");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("id=\"signed-out\"") && r.body().contains("href=\"/instructor\""), r.body());
        assertFalse(r.body().contains("<html"), "a fragment, not a page");
    }

    @Test
    void aCoInstructorSteersAndTheProjectorShowsCountsAndTheBoardButNoNames() {
        String id = ada.create("Together", WorkshopHttpTest.TWO_ZONES, 1, 2);
        WebClient zelda = WorkshopHttpTest.joined(server, ada.code(id), "Zelda Quux");
        String w = "/instructor/workshops/" + id;
        assertEquals(403, bob.get(w).statusCode());
        assertEquals(303, ada.post(w + "/instructors", WebClient.form("name", "bob")).statusCode());
        assertEquals(200, bob.get(w).statusCode());
        assertEquals(303, bob.post(w + "/board", WebClient.form("announcement", "Lunch at noon", "minutes", "15")).statusCode());
        HttpResponse<String> projector = ada.get(w + "/projector");
        assertEquals(200, projector.statusCode());
        String body = projector.body();
        assertTrue(body.contains("id=\"projector-code\""));
        assertTrue(body.contains("Lunch at noon") && body.contains("15 min left"), body);
        assertTrue(body.contains(WorkshopHttpTest.lesson(1).title()));
        assertFalse(body.contains("Zelda Quux"), "no names on the projector");
        assertFalse(body.contains("<form"), "no buttons on the projector");
        assertTrue(body.contains("data-sse-connect"));
        assertTrue(ada.get(w).body().contains("id=\"projector-link\""));
        String home = zelda.get("/workshop").body();
        assertTrue(home.contains("id=\"workshop-announcement\"") && home.contains("Lunch at noon"), "the learners see the board too");
    }
}
