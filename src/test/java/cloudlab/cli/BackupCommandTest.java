package cloudlab.cli;

import cloudlab.progress.Progress;
import cloudlab.sandbox.Sandbox;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.App;
import cloudlab.sim.RegionCatalog;
import cloudlab.store.Database;
import cloudlab.web.Services;
import cloudlab.server.Settings;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cloud-lab backup FILE --db PATH}: a consistent online copy taken while the lab is
 * serving and a learner keeps writing, which passes the integrity check and holds everything
 * acknowledged before the backup began; and the refusals (a target that exists, a database that
 * does not, a file that is no database), each exit 2 with a message and nothing written.
 */
class BackupCommandTest {
    /** The CSRF token the lab under test gave this test (on its first post). */
    private static volatile String csrf;
    private static volatile String visitor;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void copiesTheDatabaseWhileTheLabTakesWrites() throws Exception {
        Path db = folder.resolve("live.db");
        Path root = Path.of("").toAbsolutePath();
        Services services = Services.open(new Settings(0, db, root.resolve("templates"), root.resolve("static"), root.resolve("lessons")));
        Javalin app = cloudlab.web.App.create(services).start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> acked = new CopyOnWriteArrayList<>();
        List<String> sent = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        try {
            // A learner with a sandbox, then a writer that keeps adding apps to it over HTTP.
            HttpResponse<String> r = send(base, "/sandboxes", "title=backup", null);
            assertEquals(303, r.statusCode(), r.body());
            String cookie = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("cl_learner=")).findFirst()
                    .map(h -> h.substring("cl_learner=".length(), h.indexOf(';'))).orElseThrow();
            String sandbox = r.headers().firstValue("Location").orElseThrow().substring("/sandboxes/".length());
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String name = "app-" + i;
                    sent.add(name);
                    try {
                        HttpResponse<String> w = send(base, "/sandboxes/" + sandbox + "/do", "op=add-app&name=" + name, cookie);
                        if (w.statusCode() == 303) acked.add(name);
                        else errors.add(name + ": " + w.statusCode() + " " + w.body());
                    } catch (IOException e) {
                        errors.add(name + ": " + e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "backup-writer");
            writer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acked.size() < 30 && System.nanoTime() < deadline && errors.isEmpty()) Thread.sleep(10);
            assertTrue(acked.size() >= 30, "the writer got going: " + acked.size() + " writes; " + errors);

            List<String> before = List.copyOf(acked);
            Path copy = folder.resolve("backups").resolve("copy.db");
            Cli.Result result = Cli.run("backup", copy, "--db", db);
            int during = acked.size() - before.size();
            Thread.sleep(200);
            stop.set(true);
            writer.join(10_000);
            assertFalse(writer.isAlive(), "the writer stopped");

            assertEquals(0, result.code(), () -> "exit code; stderr: " + result.err());
            assertEquals("", result.err());
            assertTrue(result.out().contains("integrity check: ok"), result.out());
            assertTrue(errors.isEmpty(), "the lab kept taking writes through the backup: " + errors);
            assertTrue(acked.size() > before.size(), "writes went on after the backup");
            System.out.println("BackupCommandTest: " + before.size() + " writes before the backup, " + during + " while it ran, "
                    + acked.size() + " in all");

            String learnerId = services.progress().bySessionToken(cookie).orElseThrow().id();
            try (Database c = Database.openSqlite(copy)) {
                assertEquals("ok", c.integrityCheck());
                assertEquals(services.database().schemaVersion(), c.schemaVersion(), "the copy has the live schema");
                Sandbox s = new Sandboxes(c, RegionCatalog.builtIn()).get(learnerId, sandbox);
                Set<String> apps = s.history().state().apps().stream().map(App::name).collect(Collectors.toSet());
                assertTrue(apps.containsAll(before), "the copy holds every write acknowledged before the backup; missing: "
                        + before.stream().filter(a -> !apps.contains(a)).toList());
                assertTrue(sent.containsAll(apps), "the copy holds nothing that was never sent");
                // One consistent moment: the apps are a prefix of what was sent, steps and position agree.
                assertEquals(sent.subList(0, apps.size()).stream().collect(Collectors.toSet()), apps, "a prefix of the writes, no gaps");
                assertEquals(apps.size(), s.history().position(), "the sandbox's position matches its stored steps");
                assertEquals(apps.size(), s.history().entries().size());
                assertTrue(new Progress(c).bySessionToken(cookie).isPresent(), "the learner and their session are in the copy");
            }
        } finally {
            stop.set(true);
            app.stop();
            services.close();
        }
    }

    @Test
    void refusesATargetThatExists() throws IOException {
        Path db = folder.resolve("live.db");
        try (Database d = Database.openSqlite(db)) {
            assertEquals("ok", d.integrityCheck());
        }
        Path target = Files.writeString(folder.resolve("taken.db"), "keep me", StandardCharsets.UTF_8);
        String err = Cli.run("backup", target, "--db", db).badInput();
        assertTrue(err.contains("already exists"), err);
        assertTrue(err.contains(target.toString()), err);
        assertEquals("keep me", Files.readString(target), "the existing file is untouched");
    }

    @Test
    void refusesADatabaseThatIsMissing() {
        Path db = folder.resolve("nowhere").resolve("missing.db");
        Path target = folder.resolve("copy.db");
        String err = Cli.run("backup", target, "--db", db).badInput();
        assertTrue(err.contains("no such database"), err);
        assertTrue(err.contains(db.toString()), err);
        assertFalse(Files.exists(db), "backup does not create the database it was asked to copy");
        assertFalse(Files.exists(target), "no copy is written");
    }

    @Test
    void refusesAFileThatIsNoDatabase() throws IOException {
        byte[] text = "this is a note, not a database\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        Path db = Files.write(folder.resolve("notes.db"), text);
        Path target = folder.resolve("copy.db");
        String err = Cli.run("backup", target, "--db", db).badInput();
        assertTrue(err.contains(db.toString()), err);
        assertFalse(Files.exists(target), "no copy is written");
        assertArrayEquals(text, Files.readAllBytes(db), "the file is untouched");
    }

    private static HttpResponse<String> send(String base, String path, String form, String learnerCookie)
            throws IOException, InterruptedException {
        if (csrf == null) { // a reader's visitor id and the CSRF token signed for it
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/join")).build(), HttpResponse.BodyHandlers.ofString());
            csrf = cookie(page, "cl_csrf");
            visitor = cookie(page, "cl_visitor");
        }
        String token = csrf;
        String cookies = "cl_csrf=" + token + (learnerCookie == null ? "; cl_visitor=" + visitor : "; cl_learner=" + learnerCookie);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + token)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String resigned = cookie(r, "cl_csrf"); // the first write makes the visitor a learner: the token is signed again for them
        if (resigned != null) csrf = resigned;
        return r;
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(name + "="))
                .map(h -> h.substring(name.length() + 1, h.indexOf(';'))).findFirst().orElse(null);
    }
}
