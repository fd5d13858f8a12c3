package cloudlab.web;

import cloudlab.page.Parts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cloudlab.web.SandboxHttpTest.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox loop over HTTP: an htmx answer carries only the parts the page does not already
 * hold, a double-sent undo takes back one step, a sandbox is deleted after a confirm step (and its
 * share link says so), and a returning learner is shown where they left off.
 */
class SandboxLoopHttpTest {
    static final Pattern PART = Pattern.compile("<div id=\"(part-[a-z-]+)\" class=\"part\" data-key=\"([0-9a-f]+)\"");
    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");
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
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** The part keys a page holds, as the page's script sends them. */
    static String held(String page) {
        StringBuilder out = new StringBuilder();
        for (Matcher m = PART.matcher(page); m.find(); ) out.append(out.isEmpty() ? "" : ",").append(m.group(1)).append('=').append(m.group(2));
        return out.toString();
    }

    static String version(String page) {
        Matcher m = VERSION.matcher(page);
        assertTrue(m.find(), "the page carries its version");
        return m.group(1);
    }

    @Test
    void anHtmxAnswerCarriesOnlyThePartsThatChanged() {
        String id = SandboxHttpTest.lab(alice);
        String page = alice.get("/sandboxes/" + id).body();
        HttpResponse<String> r = alice.postForm("/sandboxes/" + id + "/do", form("add-app", "name", "api"), "HX-Request", "true",
                Parts.HEADER, held(page));
        assertEquals(200, r.statusCode());
        String body = r.body();
        assertTrue(body.contains("id=\"part-history\"") && body.contains("id=\"part-messages\"") && body.contains("id=\"part-f-app\""),
                "the history, the message and the apps form changed");
        assertFalse(body.contains("id=\"part-map\""), "the map did not change, so it is not sent again");
        assertFalse(body.contains("id=\"part-f-add-region\""), "nor the add-region form");
        assertFalse(body.contains("<path id=\"world-land\""), "the land is sent once, with the page");
        assertTrue(body.length() < page.length() / 3, "a fraction of the page: " + body.length() + " of " + page.length());
        // without the keys (no script), every part comes, so a page that knows nothing is brought up to date
        HttpResponse<String> all = alice.postForm("/sandboxes/" + id + "/do", form("start-vm", "id", "vm-1"), "HX-Request", "true");
        assertTrue(all.body().contains("id=\"part-map\"") && all.body().contains("id=\"part-io\""));
    }

    @Test
    void aDoubleSentUndoTakesBackOneStep() {
        String id = SandboxHttpTest.lab(alice);
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("stop-vm", "id", "vm-1")).statusCode());
        assertEquals(303, alice.postForm("/sandboxes/" + id + "/do", form("start-vm", "id", "vm-s")).statusCode());
        String version = version(alice.get("/sandboxes/" + id).body());
        HttpResponse<String> first = alice.postForm("/sandboxes/" + id + "/undo", WebClient.form("version", version), "HX-Request", "true");
        HttpResponse<String> second = alice.postForm("/sandboxes/" + id + "/undo", WebClient.form("version", version), "HX-Request", "true");
        assertTrue(Html.text(first.body()).contains("Undone: Started VM vm-s"), Html.text(first.body()));
        assertTrue(Html.text(second.body()).contains("Nothing changed: the sandbox had already moved on"), Html.text(second.body()));
        String timeline = SandboxHttpTest.timeline(alice, id);
        assertTrue(timeline.contains("[current] 1 Stopped VM vm-1") || timeline.matches("(?s).*\\[current\\][^\\[]*Stopped VM vm-1.*"),
                "one step back, not two: " + timeline);
        assertEquals(400, alice.postForm("/sandboxes/" + id + "/undo", WebClient.form("version", "many"), "HX-Request", "true").statusCode());
    }

    @Test
    void aSandboxIsDeletedAfterAConfirmStepAndItsShareLinkSaysSo() {
        String id = SandboxHttpTest.importLayout(alice, SandboxHttpTest.LAB.replace("name: http lab", "name: to delete"));
        HttpResponse<String> shared = alice.postForm("/sandboxes/" + id + "/share", "");
        String token = shared.headers().firstValue("Location").orElseThrow().replaceAll(".*shared=([a-z0-9]+).*", "$1");

        HttpResponse<String> confirm = alice.get("/sandboxes/" + id + "/delete");
        assertEquals(200, confirm.statusCode());
        assertTrue(Html.text(confirm.body()).contains("Delete “to delete”?"), "a confirm step names the sandbox");
        assertEquals(200, alice.get("/sandboxes/" + id).statusCode(), "a GET deletes nothing");
        assertEquals(404, bob.postForm("/sandboxes/" + id + "/delete", "").statusCode(), "only its owner may delete it");

        HttpResponse<String> deleted = alice.postForm("/sandboxes/" + id + "/delete", "");
        assertEquals(303, deleted.statusCode());
        String list = alice.get(deleted.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(Html.text(list).contains("Deleted the sandbox to delete"), Html.text(list));
        assertFalse(list.contains("/sandboxes/" + id + "\""), "gone from the list");
        assertEquals(404, alice.get("/sandboxes/" + id).statusCode());
        HttpResponse<String> link = bob.get("/shared/" + token);
        assertEquals(200, link.statusCode());
        assertTrue(Html.text(link.body()).contains("Its owner deleted the sandbox “to delete”"), Html.text(link.body()));
        assertEquals(404, bob.postForm("/shared/" + token, "").statusCode(), "no copy of a deleted sandbox");
    }

    @Test
    void aReturningLearnerIsShownTheirLatestSandboxAndAVisitorNothing() {
        WebClient carol = WebClient.learner(server);
        assertEquals(200, carol.get("/sandboxes").statusCode());
        String id = SandboxHttpTest.importLayout(carol, SandboxHttpTest.LAB.replace("name: http lab", "name: carol's lab"));
        String box = carol.get("/continue").body();
        assertTrue(box.contains("href=\"/sandboxes/" + id + "\"") && Html.text(box).contains("carol's lab"), box);

        WebClient visitor = WebClient.cookieless(server);
        HttpResponse<String> none = visitor.get("/continue");
        assertEquals(200, none.statusCode());
        assertFalse(none.body().contains("Continue where you left off"));
        assertTrue(WebClient.learnerCookieOf(none).isEmpty(), "a visitor's look makes no learner");
    }

    @Test
    void theHomePageShowsWhereALearnerLeftOffWithoutJavaScriptAndALessonPageLinksThere() {
        WebClient dan = WebClient.learner(server);
        assertEquals(200, dan.get("/sandboxes").statusCode());
        String id = SandboxHttpTest.importLayout(dan, SandboxHttpTest.LAB.replace("name: http lab", "name: dan's lab"));
        String home = dan.get("/").body(); // read as plain HTTP: no script runs
        assertTrue(Html.text(home).contains("Continue where you left off"), Html.text(home));
        assertTrue(home.contains("id=\"continue-sandbox\"") && home.contains("href=\"/sandboxes/" + id + "\""), "the panel links the sandbox");
        assertFalse(home.contains("data-hx-get=\"/continue\""), "the home page has nothing left to load");
        assertFalse(Html.text(WebClient.cookieless(server).get("/").body()).contains("Continue where you left off"), "a visitor has nothing to go back to");

        Matcher first = Pattern.compile("href=\"(/lessons/[^\"#]+)\"").matcher(home);
        assertTrue(first.find(), "the home page links a lesson");
        String lesson = dan.get(first.group(1)).body();
        assertTrue(lesson.contains("data-hx-get=\"/continue\""), "the lesson page loads the panel after it is shown");
        assertTrue(lesson.matches("(?s).*<noscript>.*href=\"/sandboxes\".*</noscript>.*"), "and links the sandboxes for a browser without scripts");
    }
}
