package cloudlab.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of page the lab serves, and every fragment htmx or the live stream swaps into one,
 * passes the Nu Html Checker (npm's vnu-jar, installed by test.sh into target/npm) with no error.
 * A fragment is checked inside the smallest document that can hold it.
 */
class ValidHtmlTest {
    static final Path VNU = Path.of("target", "npm", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    @TempDir
    static Path folder;
    static TestServer server;
    static PageKinds tour;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isRegularFile(VNU), "the Nu Html Checker is not installed: run "
                + "npm install --prefix target/npm --ignore-scripts vnu-jar@26.9.27 (test.sh does)");
        server = TestServer.startIn(folder);
        tour = new PageKinds(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void everyPageKindAndEverySwappedFragmentHasNoHtmlError() throws Exception {
        Map<String, String> docs = new LinkedHashMap<>();
        tour.learnerPages.forEach((name, path) -> docs.put(name, page(tour.learner.get(path), path)));
        tour.visitorPages.forEach((name, path) -> docs.put(name, WebClient.cookieless(server).get(path).body()));
        tour.instructorPages.forEach((name, path) -> docs.put(name, page(tour.ada.get(path), path)));
        docs.put("learner's workshop page", page(tour.member.get("/workshop"), "/workshop"));
        String w = "/instructor/workshops/" + tour.workshop;
        docs.put("confirm closing", page(tour.ada.post(w + "/close", ""), w + "/close"));
        docs.put("wrong resume code (400)", WebClient.cookieless(server).postForm("/progress/resume", WebClient.form("code", "nope")).body());
        docs.put("form from another site (403)", WebClient.cookieless(server).postFormWithoutToken("/progress/resume", "code=x").body());

        String hx = "HX-Request";
        for (String[] a : PageKinds.answers()) {
            docs.put("answered " + a[0], fragment(tour.learner.postForm(a[0], a[1], hx, "true").body()));
        }
        String s = "/sandboxes/" + tour.sandbox;
        docs.put("sandbox action done", fragment(tour.learner.postForm(s + "/do",
                WebClient.form("op", "add-host", "datacenter", "dc1", "id", "h9", "hypervisor", "type1", "cores", "8", "memoryGiB", "32", "storageGiB", "500"), hx, "true").body()));
        docs.put("sandbox action refused", fragment(tour.learner.postForm(s + "/do", WebClient.form("op", "remove-vm", "id", "nope"), hx, "true").body()));
        docs.put("sandbox undo", fragment(tour.learner.postForm(s + "/undo", "", hx, "true").body()));
        String noisy = tour.learnerPages.get("lesson sandbox sharing-a-host-fairly 0") + "/run";
        docs.put("run page of a lesson sandbox (its task)", tour.learner.get(noisy + "?second=20").body());
        docs.put("run page with a type 2 host's OS load", tour.learner.get(tour.learnerPages.get("lesson sandbox hypervisor-types 0") + "/run").body());
        docs.put("run load set", fragment(tour.learner.postForm(noisy + "/load", WebClient.form("id", "batch", "cpuDemand", "100", "shares", "8000",
                "reservation", "0", "limit", "2", "activeMemoryGiB", "0"), hx, "true").body()));
        docs.put("run load refused", fragment(tour.learner.postForm(noisy + "/load", WebClient.form("id", "batch", "cpuDemand", "lots"), hx, "true").body()));
        docs.put("run undo", fragment(tour.learner.postForm(noisy + "/undo", "", hx, "true").body()));
        docs.put("sandbox checked", fragment(tour.learner.postForm(tour.challenge + "/check", "", hx, "true").body()));
        docs.put("room grid", fragment(tour.ada.get(w + "/grid", hx, "true").body()));
        docs.put("room row from the live stream", fragment(liveRow()));

        List<String> errors = check(docs);
        assertEquals(List.of(), errors, errors.size() + " HTML errors");
    }

    private static String page(HttpResponse<String> r, String path) {
        assertTrue(r.statusCode() < 500, path + ": " + r.statusCode());
        if (r.statusCode() == 303) return tour.learner.get(r.headers().firstValue("Location").orElseThrow()).body();
        return r.body();
    }

    /** A fragment inside the smallest valid document (a table row inside a table). */
    static String fragment(String html) {
        String body = html.stripLeading().startsWith("<tr") ? "<table><tbody>" + html + "</tbody></table>" : html;
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>fragment</title></head><body>"
                + body + "</body></html>";
    }

    /** The row the room's live stream sends after the member acts, as htmx receives it. */
    private static String liveRow() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(server.url("/instructor/workshops/" + tour.workshop + "/live")))
                .header("Cookie", tour.ada.cookie).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        try {
            assertEquals(": connected", in.readLine());
            WorkshopHttpTest.act(tour.member, tour.memberSandbox, "op", "restore", "id", "use1-az1");
            CompletableFuture<String> row = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.equals("event: row-" + tour.memberId)) return in.readLine();
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String data = row.get(20, TimeUnit.SECONDS);
            assertTrue(data != null && data.startsWith("data: <tr"), String.valueOf(data));
            return data.substring("data: ".length());
        } finally {
            stream.body().close();
        }
    }

    /** The checker's errors over all documents, each as "name: line:column: message". */
    static List<String> check(Map<String, String> docs) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "vnu-check"));
        Map<String, String> byFile = new LinkedHashMap<>();
        List<String> cmd = new ArrayList<>(List.of(javaCommand(), "-jar", VNU.toAbsolutePath().toString(), "--errors-only", "--format", "gnu",
                "--exit-zero-always"));
        int n = 0;
        for (Map.Entry<String, String> e : docs.entrySet()) {
            Path f = dir.resolve("doc-" + (n++) + ".html");
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            byFile.put(f.toAbsolutePath().toString(), e.getKey());
            cmd.add(f.toAbsolutePath().toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the checker finished");
        assertEquals(0, p.exitValue(), out);
        List<String> errors = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) continue;
            String named = line;
            for (Map.Entry<String, String> f : byFile.entrySet()) {
                named = named.replace("\"file:" + f.getKey() + "\"", f.getValue()).replace("\"" + f.getKey() + "\"", f.getValue())
                        .replace(f.getKey(), f.getValue());
            }
            errors.add(named);
        }
        return errors;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
