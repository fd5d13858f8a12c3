package cloudlab.ops;

import cloudlab.lesson.Lesson;
import cloudlab.progress.LearnerProgress;
import cloudlab.progress.Progress;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.History;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.store.Database;
import cloudlab.web.App;
import cloudlab.web.Services;
import cloudlab.server.Settings;
import cloudlab.workshop.Workshops;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workshop of 200 learners on loopback against the real server (in this JVM, on a SQLite file
 * of its own). An instructor signs in, creates a workshop of three lessons with a start layout
 * and opens every lesson. Each learner has a browser and a cookie of their own: they join with
 * the code, open their workshop page, then round after round read a lesson, answer a quiz
 * question and, in their workshop sandbox, add a host and then a VM on it (the answer and the
 * sandbox actions posted as htmx does, each answered with the fragment it swaps in). The
 * instructor's live grid is polled all the while. Learners run on a bounded pool of client
 * threads, one request at a time each, interleaved round by round.
 *
 * <p>It asserts zero errors (no 5xx, no unexpected status, no failed request) and zero lost writes:
 * after the server is stopped, the file passes {@code PRAGMA integrity_check} and holds every
 * acknowledged answer, every lesson opened and every sandbox step, exactly. It prints requests,
 * throughput and p50/p99 latency for each kind of request.
 *
 * <p>Bounded by default (200 learners, 3 rounds). A larger run is one command:
 * {@code mvn -B -q test -Dtest=LoadTest -Dload.learners=200 -Dload.rounds=30}
 * (also {@code -Dload.clients=N} concurrent client threads, default 32, and
 * {@code -Dload.pollMillis=N} between grid polls, default 1000). The report is in
 * {@code target/surefire-reports/cloudlab.ops.LoadTest-output.txt}. More than 600 learners
 * would meet the join limit of one workshop (600 a minute), by design.
 */
class LoadTest {
    static final int LEARNERS = Integer.getInteger("load.learners", 200);
    static final int ROUNDS = Integer.getInteger("load.rounds", 3);
    static final int CLIENTS = Integer.getInteger("load.clients", 32);
    static final int POLL_MILLIS = Integer.getInteger("load.pollMillis", 1000);
    static final String INSTRUCTOR = "load-lead";
    static final String PASSWORD = "a-long-enough-password";
    static final String LAYOUT = """
            name: workshop start
            regions:
              - code: us-east-1
                zones:
                  - id: use1-az1
                    datacenters:
                      - id: dc1
            """;
    static final List<String> KINDS = List.of("join", "workshop page", "lesson page", "answer", "sandbox action", "grid poll");

    @TempDir
    Path folder;

    final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    final AtomicInteger errorCount = new AtomicInteger();

    /** One learner's browser and what the server acknowledged to them. Used by one task at a time. */
    static final class Learner {
        final int number;
        final Browser browser;
        String sandbox;
        final Set<String> opened = new LinkedHashSet<>();
        final Map<String, Integer> answers = new HashMap<>();
        final List<String> steps = new ArrayList<>();

        Learner(int number, Browser browser) {
            this.number = number;
            this.browser = browser;
        }

        String name() {
            return String.format("Learner %03d", number);
        }
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aWorkshopOf200LearnersRunsWithoutErrorsOrLostWrites() throws Exception {
        Path db = folder.resolve("load.db");
        Path root = Path.of("").toAbsolutePath();
        Services services = Services.open(new Settings(0, db, root.resolve("templates"), root.resolve("static"), root.resolve("lessons")));
        Javalin app = App.create(services).start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        ExecutorService httpPool = Executors.newFixedThreadPool(4);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        HttpClient http = Browser.client(httpPool);
        List<Learner> learners = new ArrayList<>();
        String workshopId;
        List<Lesson> lessons = Answerable.course().lessons().subList(0, 3);
        List<Answerable> questions = Answerable.of(lessons);
        long wallNanos;
        int requests;
        int gridRows = 0;
        try {
            // The instructor: signed in, a workshop of three lessons with a start layout, all open.
            services.instructors().add(INSTRUCTOR, PASSWORD.toCharArray());
            Browser lead = new Browser(http, base);
            Browser.Response r = lead.post("/instructor/sign-in", Browser.form("name", INSTRUCTOR, "password", PASSWORD));
            assertEquals(303, r.status(), r.body());
            List<String> form = new ArrayList<>(List.of("title", "Load workshop", "layout", LAYOUT));
            for (Lesson l : lessons) {
                form.add("lesson");
                form.add(l.slug());
            }
            r = lead.post("/instructor/workshops", Browser.form(form.toArray(String[]::new)));
            assertEquals(303, r.status(), r.body());
            workshopId = r.location().substring("/instructor/workshops/".length());
            r = lead.post("/instructor/workshops/" + workshopId + "/pace", Browser.form("unlock", "all"));
            assertEquals(303, r.status(), r.body());
            String code = services.workshops().ofInstructor(INSTRUCTOR, workshopId).orElseThrow().code();

            for (int i = 0; i < LEARNERS; i++) learners.add(new Learner(i, new Browser(http, base)));
            CountDownLatch done = new CountDownLatch(LEARNERS);
            AtomicBoolean running = new AtomicBoolean(true);
            String gridPath = "/instructor/workshops/" + workshopId + "/grid";
            Thread poller = new Thread(() -> {
                while (running.get()) {
                    request(lead, "grid poll", 200, () -> lead.get(gridPath, "HX-Request", "true"));
                    try {
                        Thread.sleep(POLL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "instructor-poller");

            long start = System.nanoTime();
            poller.start();
            for (Learner l : learners) clients.execute(() -> step(l, 0, code, lessons, questions, clients, done));
            assertTrue(done.await(540, TimeUnit.SECONDS), "every learner finished; " + done.getCount() + " did not");
            running.set(false);
            poller.interrupt();
            poller.join(60_000);
            wallNanos = System.nanoTime() - start;
            requests = latencies.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum();

            // The room sees everybody.
            Browser.Response grid = lead.get(gridPath, "HX-Request", "true");
            assertEquals(200, grid.status());
            Matcher rows = Pattern.compile("data-learner=\"").matcher(grid.body());
            while (rows.find()) gridRows++;
        } finally {
            clients.shutdownNow();
            app.stop();
            services.close();
            httpPool.shutdownNow();
        }

        report(wallNanos, requests);
        assertEquals(0, errorCount.get(), () -> errorCount.get() + " errors, among them:\n" + String.join("\n", errors));
        assertEquals(LEARNERS, gridRows, "the instructor's grid shows a row per learner");

        // Zero lost writes: the stopped server's file holds exactly what the learners were told.
        int writes = 0;
        try (Database database = Database.openSqlite(db)) {
            assertEquals("ok", database.integrityCheck());
            Progress progress = new Progress(database);
            Sandboxes sandboxes = new Sandboxes(database, RegionCatalog.builtIn());
            assertEquals(LEARNERS, new Workshops(database).members(workshopId).size(), "every learner is a member");
            for (Learner l : learners) {
                String id = progress.bySessionToken(l.browser.learnerCookie()).orElseThrow().id();
                LearnerProgress lp = progress.of(id);
                for (String slug : l.opened) assertTrue(lp.lesson(slug) != null, l.name() + " opened " + slug);
                for (Map.Entry<String, Integer> e : l.answers.entrySet()) {
                    String[] key = e.getKey().split("/");
                    LearnerProgress.Answer a = lp.answer(key[0], key[1]);
                    assertTrue(a != null, l.name() + " answered " + e.getKey());
                    assertEquals(e.getValue(), a.attempts(), l.name() + "'s attempts at " + e.getKey());
                    writes += e.getValue();
                }
                History h = sandboxes.get(id, l.sandbox).history();
                assertEquals(l.steps.size(), h.position(), l.name() + "'s sandbox steps");
                assertEquals(l.steps.size(), h.entries().size());
                Layout state = h.state();
                for (String node : l.steps) assertTrue(state.node(node) != null, l.name() + "'s sandbox holds " + node);
                writes += l.steps.size() + l.opened.size();
            }
        }
        System.out.println("LoadTest: 0 lost writes: " + writes + " acknowledged answers, lessons opened and sandbox steps all stored; "
                + "integrity_check ok");
    }

    /** One learner's next step (joining, then round after round); queues the step after it. */
    private void step(Learner l, int round, String code, List<Lesson> lessons, List<Answerable> questions, ExecutorService clients,
                      CountDownLatch done) {
        boolean ok;
        try {
            ok = round == 0 ? join(l, code) : round(l, round - 1, lessons, questions);
        } catch (RuntimeException e) {
            error(l.name() + ": " + e);
            ok = false;
        }
        if (ok && round < ROUNDS) {
            clients.execute(() -> step(l, round + 1, code, lessons, questions, clients, done));
        } else {
            done.countDown();
        }
    }

    private boolean join(Learner l, String code) {
        Browser.Response r = request(l.browser, "join", 303, () -> l.browser.post("/join", Browser.form("code", code, "name", l.name())));
        if (r == null) return false;
        r = request(l.browser, "workshop page", 200, () -> l.browser.get("/workshop"));
        if (r == null) return false;
        Matcher m = Pattern.compile("href=\"/sandboxes/([^\"]+)\"[^>]*id=\"my-sandbox\"").matcher(r.body());
        if (!m.find()) {
            error(l.name() + ": no sandbox link on the workshop page");
            return false;
        }
        l.sandbox = m.group(1);
        return true;
    }

    private boolean round(Learner l, int round, List<Lesson> lessons, List<Answerable> questions) {
        String slug = lessons.get((l.number + round) % lessons.size()).slug();
        if (request(l.browser, "lesson page", 200, () -> l.browser.get("/lessons/" + slug)) == null) return false;
        l.opened.add(slug);

        Answerable q = questions.get((l.number + round) % questions.size());
        if (request(l.browser, "answer", 200, () -> l.browser.post(q.action(), q.form(), "HX-Request", "true")) == null) return false;
        l.answers.merge(q.quizId() + "/" + q.questionId(), 1, Integer::sum);

        String host = "h" + round;
        String action = "/sandboxes/" + l.sandbox + "/do";
        if (request(l.browser, "sandbox action", 200, () -> l.browser.post(action, Browser.form("op", "add-host", "form", "add-host",
                "datacenter", "dc1", "id", host, "hypervisor", "type1", "cores", "16", "memoryGiB", "64", "storageGiB", "1000"),
                "HX-Request", "true")) == null) {
            return false;
        }
        l.steps.add(host);
        String vm = "vm-" + round;
        if (request(l.browser, "sandbox action", 200, () -> l.browser.post(action, Browser.form("op", "add-vm", "form", "add-vm",
                "id", vm, "host", host, "vcpus", "2", "memoryGiB", "4", "diskGiB", "20"), "HX-Request", "true")) == null) {
            return false;
        }
        l.steps.add(vm);
        return true;
    }

    @FunctionalInterface
    interface Call {
        Browser.Response send() throws IOException, InterruptedException;
    }

    /** Sends, times and checks one request; null (and an error counted) when it failed or answered another status. */
    private Browser.Response request(Browser b, String kind, int expected, Call call) {
        Browser.Response r;
        try {
            r = call.send();
        } catch (IOException e) {
            error(kind + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(r.nanos());
        if (r.status() != expected) {
            String text = r.body().replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            error(kind + " answered " + r.status() + " (expected " + expected + "): " + text.substring(0, Math.min(300, text.length())));
            return null;
        }
        return r;
    }

    private void error(String message) {
        if (errorCount.incrementAndGet() <= 20) errors.add(message);
    }

    private void report(long wallNanos, int requests) {
        double seconds = wallNanos / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("LoadTest: %d learners x %d rounds, %d client threads, grid polled every %d ms%n", LEARNERS, ROUNDS, CLIENTS,
                POLL_MILLIS));
        sb.append(String.format("LoadTest: %d requests in %.1f s = %.0f req/s, %d errors%n", requests, seconds, requests / seconds,
                errorCount.get()));
        sb.append(String.format("LoadTest: %-15s %8s %9s %9s %9s%n", "kind", "requests", "p50 ms", "p99 ms", "max ms"));
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        for (String k : KINDS) byKind.put(k, new ArrayList<>(latencies.getOrDefault(k, new ConcurrentLinkedQueue<>())));
        for (Map.Entry<String, List<Long>> e : byKind.entrySet()) {
            List<Long> v = e.getValue();
            Collections.sort(v);
            sb.append(String.format("LoadTest: %-15s %8d %9.1f %9.1f %9.1f%n", e.getKey(), v.size(), percentile(v, 0.50), percentile(v, 0.99),
                    v.isEmpty() ? 0 : v.get(v.size() - 1) / 1e6));
        }
        System.out.print(sb);
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1)) / 1e6;
    }
}
