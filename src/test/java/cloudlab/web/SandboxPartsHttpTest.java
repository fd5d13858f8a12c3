package cloudlab.web;

import cloudlab.page.Parts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cloudlab.web.SandboxHttpTest.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An htmx answer renders only the parts an action can change and sends, of them, those that
 * changed: one host's card and one group of table rows when one VM changes, the whole drawing when
 * a host comes or goes. Followed as the page's script follows it, every answer leaves the page
 * holding what a fresh page would show.
 */
class SandboxPartsHttpTest {
    /** Every part in a page or an answer, containers and the parts inside them alike. */
    static final Pattern PART = Pattern.compile("<(?:div|tbody) id=\"(part-[A-Za-z0-9._-]+)\" class=\"part\" data-key=\"([0-9a-f]+)\"( data-hx-swap-oob)?");
    @TempDir
    static Path folder;
    static TestServer server;
    static WebClient alice;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
        alice = WebClient.learner(server);
        assertEquals(200, alice.get("/sandboxes").statusCode());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** The page as its script holds it: each part's key, the part it sits in, and which parts show the last action's message. */
    static final class Page {
        /** Opening and closing tags of what a part can be, the parts' own wrappers among them, and a shown message. */
        static final Pattern TOKEN = Pattern.compile("<(/?)(div|tbody)\\b([^>]*)>|data-said");
        final Map<String, String> keys = new LinkedHashMap<>();
        final Map<String, String> parent = new HashMap<>();
        final Set<String> said = new HashSet<>();

        Page(String html) {
            read(html);
        }

        /** Reads parts with their nesting: a part opened at the top of an answer is swapped in with all inside it. */
        private void read(String html) {
            Deque<String> open = new ArrayDeque<>(); // the part id of each open element, or "" for a plain one
            Matcher m = TOKEN.matcher(html);
            while (m.find()) {
                if (m.group(0).equals("data-said")) {
                    open.stream().filter(id -> !id.isEmpty()).findFirst().ifPresent(said::add);
                } else if (m.group(1).isEmpty()) {
                    Matcher p = PART.matcher(m.group(0));
                    String id = p.find() ? p.group(1) : "";
                    if (!id.isEmpty()) {
                        String in = open.stream().filter(x -> !x.isEmpty()).findFirst().orElse(null);
                        if (in == null) forget(id); // swapped in whole: what it held goes with it
                        keys.put(id, p.group(2));
                        said.remove(id);
                        if (in != null) parent.put(id, in);
                    }
                    open.push(id);
                } else {
                    open.pop();
                }
            }
        }

        private void forget(String id) {
            for (String child : List.copyOf(parent.keySet())) {
                if (id.equals(parent.get(child))) {
                    forget(child);
                    keys.remove(child);
                    parent.remove(child);
                    said.remove(child);
                }
            }
        }

        /** The header as static/js/sandbox.js makes it: a part that shows a message goes without its key. */
        String header() {
            StringBuilder out = new StringBuilder();
            keys.forEach((id, key) -> out.append(out.isEmpty() ? "" : ",").append(id).append('=').append(said.contains(id) ? "" : key));
            return out.toString();
        }

        /** Swaps an answer in, as htmx does. */
        void swap(String answer) {
            read(answer.replace("<template>", "").replace("</template>", ""));
        }
    }

    HttpResponse<String> act(String id, Page page, String path, String form) {
        HttpResponse<String> r = alice.postForm("/sandboxes/" + id + path, form, "HX-Request", "true", Parts.HEADER, page.header());
        page.swap(r.body());
        return r;
    }

    /** After the answer, the page holds every part as a fresh page draws it, but for the message and the form that shows one. */
    static void upToDate(String id, Page page, String after) {
        Page fresh = new Page(alice.get("/sandboxes/" + id).body());
        fresh.keys.forEach((part, key) -> {
            // the form just used shows its message, and its card stays open, until the next answer
            if (part.equals("part-messages") || page.said.contains(part) || page.said.stream().anyMatch(x -> part.equals(page.parent.get(x)))) return;
            assertEquals(key, page.keys.get(part), part + " is up to date after " + after);
        });
        assertEquals(fresh.keys.keySet(), page.keys.keySet(), "the page holds the parts a fresh page has, after " + after);
    }

    @Test
    void everyAnswerLeavesThePageAsAFreshPageWouldShowIt() {
        String id = SandboxHttpTest.lab(alice);
        Page page = new Page(alice.get("/sandboxes/" + id).body());
        String[][] steps = {
                {"/do", form("add-vm", "id", "vm-2", "vcpus", "1", "memoryGiB", "1", "diskGiB", "1", "policy", "first-fit", "state", "running")},
                {"/do", form("fail", "id", "az1")},
                {"/do", form("place-user", "name", "oslo", "lat", "59.9", "lon", "10.7")},
                {"/do", form("add-vm", "id", "vm-3", "vcpus", "999", "memoryGiB", "1", "diskGiB", "1", "policy", "first-fit", "state", "running")},
                {"/undo", ""},
                {"/do", form("add-app", "name", "api")},
                {"/do", form("add-host", "datacenter", "dc2", "id", "h3", "hypervisor", "type1", "cores", "4", "memoryGiB", "8", "storageGiB", "100")},
                {"/do", form("remove-vm", "id", "vm-s")},
                {"/do", form("remove-host", "id", "h3")},
                {"/redo", ""},
                {"/do", form("restore", "id", "az1")},
        };
        for (String[] step : steps) {
            HttpResponse<String> r = act(id, page, step[0], step[1]);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 422, r.statusCode() + " " + step[1]);
            upToDate(id, page, step[0] + " " + step[1]);
        }
    }

    @Test
    void aChangeToOneVmSendsItsHostsCardAndRowsAndAHostAddedSendsTheWholeDrawing() {
        String id = SandboxHttpTest.lab(alice);
        Page page = new Page(alice.get("/sandboxes/" + id).body());
        String added = act(id, page, "/do", form("start-vm", "id", "vm-s")).body();
        assertTrue(added.contains("id=\"part-card-h2\""), "the card of the VM's host");
        assertFalse(added.contains("id=\"part-card-h1\"") || added.contains("id=\"part-hosts-diagram\""), "not the other host, nor the drawing");
        assertTrue(added.contains("<template><tbody id=\"part-rows-h2\""), "the host's rows, in a template since a tbody cannot stand alone");
        assertFalse(added.contains("id=\"part-tree\"") || added.contains("id=\"part-map\"") || added.contains("id=\"part-f-user\""),
                "neither the whole table, nor a map that did not change, nor a form the action cannot change");

        String refused = act(id, page, "/do", form("add-vm", "id", "vm-9", "vcpus", "999", "memoryGiB", "1", "diskGiB", "1", "policy", "first-fit", "state", "running")).body();
        assertEquals(Set.of("part-messages", "part-f-add-vm", "part-said-add-vm", "part-said-tree"), Set.copyOf(PART.matcher(refused).results().map(m -> m.group(1)).toList()),
                "a refusal touches its message and its form, and takes away the table's message of the step before, alone");

        String host = act(id, page, "/do", form("add-host", "datacenter", "dc2", "id", "h3", "hypervisor", "type1", "cores", "4", "memoryGiB", "8",
                "storageGiB", "100")).body();
        assertTrue(host.contains("id=\"part-hosts-diagram\"") && host.contains("id=\"part-card-h3\"") && host.contains("id=\"part-tree\""),
                "a new host re-sends the drawing and the table, with its card and rows inside");

        // a page that sends no keys (no script) gets every part, as before
        HttpResponse<String> all = alice.postForm("/sandboxes/" + id + "/do", form("stop-vm", "id", "vm-s"), "HX-Request", "true");
        assertTrue(all.body().contains("id=\"part-io\"") && all.body().contains("id=\"part-f-add-region\""));
    }

    @Test
    void aPageLeftBehindByAnotherTabGetsTheWholeDrawingAndTableItNoLongerHolds() {
        String id = SandboxHttpTest.lab(alice);
        Page first = new Page(alice.get("/sandboxes/" + id).body());
        Page second = new Page(alice.get("/sandboxes/" + id).body());
        act(id, second, "/do", form("add-host", "datacenter", "dc2", "id", "h3", "hypervisor", "type1", "cores", "4", "memoryGiB", "8",
                "storageGiB", "100"));
        // the first tab still holds the drawing and the table without h3; one VM of h2 changes there
        HttpResponse<String> r = act(id, first, "/do", form("start-vm", "id", "vm-s"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("id=\"part-hosts-diagram\"") && r.body().contains("id=\"part-card-h3\"")
                && r.body().contains("id=\"part-card-h1\"") && r.body().contains("id=\"part-tree\""), "the drawing and the table whole, every card drawn");
        assertFalse(r.body().contains(Parts.KEPT), "no child left out of a container that travels whole");
        Page fresh = new Page(alice.get("/sandboxes/" + id).body());
        for (String part : List.of("part-hosts-diagram", "part-card-h1", "part-card-h2", "part-card-h3", "part-tree")) {
            assertEquals(fresh.keys.get(part), first.keys.get(part), part + " as a fresh page draws it");
        }
    }
}
