package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cloudlab.web.SandboxHttpTest.form;
import static cloudlab.web.SandboxHttpTest.lab;
import static cloudlab.web.SandboxHttpTest.node;
import static cloudlab.web.SandboxHttpTest.timeline;
import static cloudlab.web.SandboxHttpTest.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's forms over HTTP as a learner meets them: "Change a host" starts from the chosen
 * host and changes only what was changed, add forms keep what was typed, a placed VM's message
 * says where it went and why, and a failure never reads as a success.
 */
class SandboxFormsHttpTest {
    @TempDir
    static Path folder;
    static TestServer server;
    static WebClient ada;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
        ada = WebClient.browser(server);
        assertEquals(200, ada.get("/sandboxes").statusCode());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String formHtml(String body, String id) {
        Matcher m = Pattern.compile("(?s)<form[^>]*id=\"" + id + "\".*?</form>").matcher(body);
        assertTrue(m.find(), "a form " + id);
        return m.group();
    }

    /** The value attribute of the named input in the form's markup. */
    static String value(String form, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(form);
        assertTrue(m.find(), "an input " + name + " in " + form);
        Matcher v = Pattern.compile("value=\"([^\"]*)\"").matcher(m.group());
        return v.find() ? v.group(1) : null;
    }

    static String selected(String form, String name) {
        Matcher m = Pattern.compile("(?s)<select[^>]*name=\"" + Pattern.quote(name) + "\".*?</select>").matcher(form);
        assertTrue(m.find(), "a select " + name);
        Matcher s = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(m.group());
        return s.find() ? s.group(1) : "(first)";
    }

    static HttpResponse<String> hx(String id, String body) {
        return ada.postForm("/sandboxes/" + id + "/do", body, "HX-Request", "true");
    }

    @Test
    void changeAHostStartsFromThatHostAndAFieldLeftAsItWasChangesNothing() {
        String id = lab(ada);
        // h2 becomes smaller than h1, so the two hosts' values differ
        assertEquals(303, ada.postForm("/sandboxes/" + id + "/do", form("change-host", "id", "h2", "hypervisor", "type1",
                "cores", "4", "memoryGiB", "16", "storageGiB", "250")).statusCode());

        String page = ada.get("/sandboxes/" + id + "?id=h2").body();
        String asked = formHtml(page, "form-change-host");
        assertEquals("h2", selected(asked, "id"));
        assertEquals("4", value(asked, "cores"), "the fields show the chosen host's values");
        assertEquals("16", value(asked, "memoryGiB"));
        assertEquals("250", value(asked, "storageGiB"));

        // the page as first drawn shows h1 (8 cores, 32 GiB, 500 GiB); without JavaScript the learner picks
        // h2 and changes only the hypervisor: the other fields go back as they started, and change nothing
        String first = formHtml(ada.get("/sandboxes/" + id).body(), "form-change-host");
        assertEquals("h1", selected(first, "id"));
        assertEquals("8", value(first, "cores"));
        HttpResponse<String> r = hx(id, form("change-host", "id", "h2", "hypervisor", "type2",
                "cores", value(first, "cores"), "memoryGiB", value(first, "memoryGiB"), "storageGiB", value(first, "storageGiB"),
                "cpuOvercommit", value(first, "cpuOvercommit"), "memoryOvercommit", value(first, "memoryOvercommit"),
                "was-hypervisor", value(first, "was-hypervisor"), "was-cores", value(first, "was-cores"),
                "was-memoryGiB", value(first, "was-memoryGiB"), "was-storageGiB", value(first, "was-storageGiB"),
                "was-cpuOvercommit", value(first, "was-cpuOvercommit"), "was-memoryOvercommit", value(first, "was-memoryOvercommit")));
        assertEquals(200, r.statusCode(), Html.text(r.body()));
        JsonNode h2 = node(tree(ada, id), "h2");
        assertEquals("type2", h2.path("hypervisor").asText());
        assertEquals(4, h2.path("cores").asInt(), "not resized to the 8 cores the fields showed");
        assertEquals(16, h2.path("memoryGiB").asInt());
        assertEquals(250, h2.path("storageGiB").asInt());
        assertTrue(timeline(ada, id).contains("Changed host h2: type2, 4 cores, 16 GiB, 250 GiB storage"), timeline(ada, id));
        String after = formHtml(r.body(), "form-change-host");
        assertEquals("h2", selected(after, "id"), "the form stays on the host just changed");
        assertEquals("type2", selected(after, "hypervisor"));
    }

    @Test
    void theAddVmFormKeepsWhatWasTypedAfterASuccessAndAfterARefusal() {
        String id = lab(ada);
        HttpResponse<String> ok = hx(id, form("add-vm", "id", "web-3", "vcpus", "1", "memoryGiB", "1.5", "diskGiB", "5", "app", "shop",
                "state", "running", "host", "", "policy", "best-fit"));
        assertEquals(200, ok.statusCode(), Html.text(ok.body()));
        String after = formHtml(ok.body(), "form-add-vm");
        assertEquals("1", value(after, "vcpus"));
        assertEquals("1.5", value(after, "memoryGiB"));
        assertEquals("5", value(after, "diskGiB"));
        assertEquals("best-fit", selected(after, "policy"));
        assertEquals("shop", selected(after, "app"));
        assertFalse("web-3".equals(value(after, "id")), "the id just used is taken: a free one is offered");

        HttpResponse<String> refused = hx(id, form("add-vm", "id", "web-4", "vcpus", "64", "memoryGiB", "1.5", "diskGiB", "5",
                "host", "h2", "policy", "spread"));
        assertEquals(422, refused.statusCode());
        String kept = formHtml(refused.body(), "form-add-vm");
        assertEquals("web-4", value(kept, "id"));
        assertEquals("64", value(kept, "vcpus"));
        assertEquals("h2", selected(kept, "host"));
        assertTrue(Html.text(kept).contains("h2 has 8 of the 64 vCPUs this VM needs"), Html.text(kept));
    }

    @Test
    void aPlacedVmsMessageSaysWhereItWentAndWhy() {
        String id = lab(ada);
        HttpResponse<String> r = hx(id, form("add-vm", "id", "web-3", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20", "host", "",
                "policy", "first-fit"));
        assertEquals(200, r.statusCode());
        assertTrue(Html.text(r.body()).contains("Added VM web-3 → h1 (first fit: the first host with room)"), Html.text(r.body()));
        HttpResponse<String> spread = hx(id, form("add-vm", "id", "web-4", "vcpus", "2", "memoryGiB", "4", "diskGiB", "20",
                "app", "shop", "host", "", "policy", "spread"));
        assertTrue(Html.text(spread.body()).contains("Added VM web-4 → h2 (spread: the zone running the fewest VMs of its app)"),
                Html.text(spread.body()));
        HttpResponse<String> chosen = hx(id, form("add-vm", "id", "web-5", "vcpus", "1", "memoryGiB", "1", "diskGiB", "1", "host", "h2"));
        assertTrue(Html.text(chosen.body()).contains("Added VM web-5 → h2 (the host you chose)"), Html.text(chosen.body()));
    }

    @Test
    void aFailureNeverShowsInAGreenBanner() {
        String id = lab(ada);
        HttpResponse<String> nothing = ada.postForm("/sandboxes/" + id + "/undo", "", "HX-Request", "true");
        assertTrue(nothing.body().contains("<p class=\"notice notice--warn\" role=\"status\" id=\"notice\">Nothing to undo</p>"),
                nothing.body());

        Lesson lesson = Course1.course().lesson("putting-it-together");
        LessonChallenge challenge = lesson.challenges().get(0);
        HttpResponse<String> open = ada.postForm("/lessons/" + lesson.slug() + "/challenges/" + challenge.id(), "");
        assertEquals(303, open.statusCode(), open.body());
        String sandbox = open.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> checked = ada.postForm(sandbox + "/check", "", "HX-Request", "true");
        assertEquals(200, checked.statusCode());
        assertTrue(checked.body().matches("(?s).*<p class=\"notice notice--warn\" role=\"status\" id=\"notice\">Checked: \\d+% of the goals</p>.*"),
                Html.text(checked.body()));
        assertFalse(checked.body().contains("notice--ok"), "a check that did not pass is not a success");

        HttpResponse<String> done = hx(id, form("stop-vm", "id", "vm-1"));
        assertTrue(done.body().contains("<p class=\"notice notice--ok\" role=\"status\" id=\"notice\">Stopped VM vm-1</p>"), done.body());

        // a failure the learner injected reads as one, in words, once: beside the form used, not in the banner
        HttpResponse<String> failed = hx(id, form("fail", "id", "h1"));
        assertEquals(200, failed.statusCode(), failed.body());
        assertFalse(failed.body().contains("id=\"notice\""), failed.body());
        assertTrue(failed.body().contains("<p class=\"notice form-notice notice--fail\" data-said role=\"status\"><strong>Failure injected: </strong>Failed h1</p>"),
                failed.body());
        assertEquals(1, failed.body().split("class=\"notice[^\"]*\"[^>]*>(<strong>[^<]*</strong>)?Failed h1<", -1).length - 1, "said once");
        assertFalse(failed.body().contains("notice--ok"), "not a success");
    }
}
