package cloudlab.ops;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.progress.LearnerProgress;
import cloudlab.progress.Progress;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.App;
import cloudlab.sim.RegionCatalog;
import cloudlab.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Durability under kill -9. The real server runs as a JVM of its own on a SQLite file; several
 * scripted learners open lessons, answer quiz questions by form post, create sandboxes and post
 * sandbox actions, each remembering every write the server acknowledged (a 200 for a lesson
 * opened, a 303 for an answer, a sandbox or a step). At a random moment the server gets SIGKILL;
 * it is started again on the same file, and every acknowledged write must be there (seen both
 * over HTTP by the restarted server and in the file itself), nothing that was never sent may be
 * there, and {@code PRAGMA integrity_check} must say ok. Several kill and restart cycles.
 *
 * <p>Bounded by default (a few seconds of workload per cycle). A longer run:
 * {@code mvn -B -q test -Dtest=CrashTest -Dcrash.cycles=10 -Dcrash.learners=16 -Dcrash.maxKillMillis=5000};
 * {@code -Dcrash.seed=N} repeats a run's kill moments (the seed is printed).
 */
class CrashTest {
    static final int LEARNERS = Integer.getInteger("crash.learners", 6);
    static final int CYCLES = Integer.getInteger("crash.cycles", 3);
    static final int MAX_KILL_MILLIS = Integer.getInteger("crash.maxKillMillis", 2000);

    @TempDir
    Path folder;

    /** What one scripted learner was told, and what it sent. Touched by one thread at a time. */
    static final class Learner {
        final int number;
        final Browser browser;
        final Set<String> openedAcked = new LinkedHashSet<>();
        final Map<String, Integer> answersSent = new HashMap<>();
        final Map<String, Integer> answersAcked = new HashMap<>();
        final Set<String> sandboxesAcked = new LinkedHashSet<>();
        final Map<String, Set<String>> appsSent = new HashMap<>();
        final Map<String, Set<String>> appsAcked = new HashMap<>();
        String sandbox;
        int steps;
        int nextApp;

        Learner(int number, Browser browser) {
            this.number = number;
            this.browser = browser;
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashTest: seed " + seed + ", " + LEARNERS + " learners, " + CYCLES + " kill -9 cycles");
        Random random = new Random(seed);
        Path db = folder.resolve("crash.db");
        Path log = folder.resolve("server.log");
        Course course = Answerable.course();
        List<Lesson> lessons = course.lessons().subList(0, Math.min(3, course.lessons().size()));
        List<Answerable> questions = Answerable.of(lessons);
        ExecutorService httpPool = Executors.newFixedThreadPool(2);
        HttpClient http = Browser.client(httpPool);
        List<Learner> learners = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) learners.add(new Learner(i, new Browser(http, "http://127.0.0.1:1")));
        long t0 = System.nanoTime();
        String classPath = ServerProcess.snapshotClassPath(folder);
        System.out.println("CrashTest: server class path has " + classPath.split(java.io.File.pathSeparator).length + " entries");
        int totalAcked = 0;
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                ServerProcess server = ServerProcess.start(db, log, classPath);
                System.out.println(secs(t0) + " CrashTest: server up (pid " + server.pid() + ")");
                try {
                    if (cycle > 1) verify(learners, db, server, "after kill -9 number " + (cycle - 1));
                    for (Learner l : learners) l.browser.base(server.base());
                    Workload w = new Workload(learners, lessons, questions, server);
                    w.start();
                    // the kill comes at a random moment after the first acknowledged write (a slow, busy
                    // machine may take a few seconds to answer the first one)
                    long firstDeadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                    while (w.acked.get() == 0 && w.errors.isEmpty() && System.nanoTime() < firstDeadline) Thread.sleep(20);
                    int delay = random.nextInt(Math.max(1, MAX_KILL_MILLIS - 300));
                    Thread.sleep(delay);
                    int ackedBefore = w.acked.get();
                    w.killed = true;
                    int exit = server.kill();
                    w.join();
                    assertEquals(137, exit, "the server died of SIGKILL (128 + 9)");
                    assertTrue(w.errors.isEmpty(), "errors before the kill in cycle " + cycle + ": " + w.errors + "\n" + server.log());
                    assertTrue(ackedBefore > 0, "the workload had acknowledged writes before the kill in cycle " + cycle);
                    System.out.println(secs(t0) + " CrashTest: cycle " + cycle + ": killed pid " + server.pid() + " after " + delay + " ms, "
                            + w.acked.get() + " writes acknowledged, " + w.inFlightAtKill.get() + " requests cut off");
                    totalAcked += w.acked.get();
                } finally {
                    if (server.alive()) server.kill();
                }
            }
            ServerProcess last = ServerProcess.start(db, log, classPath);
            try {
                verify(learners, db, last, "after kill -9 number " + CYCLES);
            } finally {
                last.stop();
            }
            verify(learners, db, null, "with the server stopped");
            System.out.println(secs(t0) + " CrashTest: " + totalAcked + " acknowledged writes, all present after " + CYCLES + " kills");
        } finally {
            httpPool.shutdownNow();
        }
    }

    /** Every learner on a thread of its own, until the server is killed under them. */
    static final class Workload {
        final List<Thread> threads = new ArrayList<>();
        final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        final AtomicInteger acked = new AtomicInteger();
        final AtomicInteger inFlightAtKill = new AtomicInteger();
        volatile boolean killed;

        Workload(List<Learner> learners, List<Lesson> lessons, List<Answerable> questions, ServerProcess server) {
            for (Learner l : learners) {
                threads.add(new Thread(() -> run(l, lessons, questions), "crash-learner-" + l.number));
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        void join() throws InterruptedException {
            for (Thread t : threads) {
                t.join(30_000);
                if (t.isAlive()) fail(t.getName() + " did not stop after the kill");
            }
        }

        private void run(Learner l, List<Lesson> lessons, List<Answerable> questions) {
            try {
                while (!killed) {
                    int i = l.steps++;
                    String slug = lessons.get((i + l.number) % lessons.size()).slug();
                    Browser.Response r = l.browser.get("/lessons/" + slug);
                    if (!expect(r, 200, "GET /lessons/" + slug)) return;
                    if (l.browser.learnerCookie() != null) { // reading keeps a visit only for a learner (a visitor's makes no rows)
                        l.openedAcked.add(slug);
                        acked.incrementAndGet();
                    }

                    Answerable q = questions.get((i + l.number) % questions.size());
                    String key = q.quizId() + "/" + q.questionId();
                    l.answersSent.merge(key, 1, Integer::sum);
                    r = l.browser.post(q.action(), q.form());
                    if (!expect(r, 303, "POST " + q.action())) return;
                    l.answersAcked.merge(key, 1, Integer::sum);
                    acked.incrementAndGet();

                    if (l.sandbox == null || i % 4 == 0) {
                        r = l.browser.post("/sandboxes", Browser.form("title", "crash " + l.number + "." + i));
                        if (!expect(r, 303, "POST /sandboxes")) return;
                        String id = r.location().substring("/sandboxes/".length());
                        l.sandboxesAcked.add(id);
                        l.sandbox = id;
                        acked.incrementAndGet();
                    }
                    String app = "app-" + l.number + "-" + l.nextApp++;
                    l.appsSent.computeIfAbsent(l.sandbox, k -> new LinkedHashSet<>()).add(app);
                    r = l.browser.post("/sandboxes/" + l.sandbox + "/do", Browser.form("op", "add-app", "name", app, "minRunning", "1"));
                    if (!expect(r, 303, "POST /sandboxes/" + l.sandbox + "/do add-app " + app)) return;
                    l.appsAcked.computeIfAbsent(l.sandbox, k -> new LinkedHashSet<>()).add(app);
                    acked.incrementAndGet();
                }
            } catch (IOException e) {
                if (killed) inFlightAtKill.incrementAndGet();
                else errors.add("learner " + l.number + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean expect(Browser.Response r, int status, String what) {
            if (r.status() == status) return true;
            if (!killed) errors.add(what + " answered " + r.status() + ": " + r.body().substring(0, Math.min(300, r.body().length())));
            return false;
        }
    }

    /**
     * Checks that every acknowledged write is in the database and nothing unsent is: over HTTP
     * through the running server (when there is one), and in the file, with its integrity check.
     */
    static void verify(List<Learner> learners, Path dbFile, ServerProcess server, String when) throws Exception {
        if (server != null) {
            for (Learner l : learners) {
                if (l.browser.learnerCookie() == null) continue;
                Browser as = l.browser;
                as.base(server.base());
                Browser.Response progress = as.get("/progress");
                assertEquals(200, progress.status(), when + ": the learner's progress page");
                for (String slug : l.openedAcked) {
                    Matcher row = Pattern.compile("(?s)<tr([^>]*data-lesson=\"" + Pattern.quote(slug) + "\"[^>]*)>(.*?)</tr>").matcher(progress.body());
                    assertTrue(row.find(), when + ": progress has a row for " + slug);
                    assertFalse(row.group(1).contains("is-new"), when + ": learner " + l.number + " opened " + slug + " but /progress says " + row.group(1));
                    long distinct = l.answersAcked.keySet().stream().filter(k -> k.startsWith(quizOf(slug) + "/")).count();
                    Matcher n = Pattern.compile("\\((\\d+) answered[;)]").matcher(row.group(2));
                    long shown = n.find() ? Long.parseLong(n.group(1)) : 0;
                    assertTrue(shown >= distinct, when + ": /progress shows " + shown + " questions of " + slug + " answered, " + distinct + " were acknowledged");
                }
                for (String sandbox : l.sandboxesAcked) {
                    Browser.Response export = as.get("/sandboxes/" + sandbox + "/export.json");
                    assertEquals(200, export.status(), when + ": learner " + l.number + " still has sandbox " + sandbox);
                    for (String app : l.appsAcked.getOrDefault(sandbox, Set.of())) {
                        assertTrue(export.body().contains("\"" + app + "\""), when + ": sandbox " + sandbox + " holds acknowledged app " + app);
                    }
                }
            }
        }
        try (Database db = Database.openSqlite(dbFile)) {
            assertEquals("ok", db.integrityCheck(), when + ": PRAGMA integrity_check");
            Progress progress = new Progress(db);
            Sandboxes sandboxes = new Sandboxes(db, RegionCatalog.builtIn());
            Map<String, Map<String, Integer>> stored = new HashMap<>();
            for (Progress.StoredAttempt a : progress.allAttempts()) {
                stored.computeIfAbsent(a.learnerId(), k -> new HashMap<>()).merge(a.quizId() + "/" + a.questionId(), 1, Integer::sum);
            }
            int checked = 0;
            for (Learner l : learners) {
                if (l.browser.learnerCookie() == null) continue;
                String id = progress.bySessionToken(l.browser.learnerCookie())
                        .orElseThrow(() -> new AssertionError(when + ": learner " + l.number + "'s acknowledged cookie names no learner")).id();
                LearnerProgress lp = progress.of(id);
                for (String slug : l.openedAcked) assertTrue(lp.lesson(slug) != null, when + ": learner " + l.number + " opened " + slug);
                Map<String, Integer> mine = stored.getOrDefault(id, Map.of());
                for (Map.Entry<String, Integer> e : l.answersAcked.entrySet()) {
                    int have = mine.getOrDefault(e.getKey(), 0);
                    assertTrue(have >= e.getValue(), when + ": learner " + l.number + " was told " + e.getValue() + " answers to "
                            + e.getKey() + " were stored; the file holds " + have);
                    checked += e.getValue();
                }
                for (Map.Entry<String, Integer> e : mine.entrySet()) {
                    int sent = l.answersSent.getOrDefault(e.getKey(), 0);
                    assertTrue(e.getValue() <= sent, when + ": " + e.getValue() + " answers to " + e.getKey() + " stored, only " + sent + " sent");
                }
                for (String sandbox : l.sandboxesAcked) {
                    Set<String> apps = sandboxes.get(id, sandbox).history().state().apps().stream().map(App::name)
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                    Set<String> acked = l.appsAcked.getOrDefault(sandbox, Set.of());
                    assertTrue(apps.containsAll(acked), when + ": sandbox " + sandbox + " holds " + apps + " but was told " + acked);
                    assertTrue(l.appsSent.getOrDefault(sandbox, Set.of()).containsAll(apps), when + ": sandbox " + sandbox
                            + " holds apps never sent: " + apps);
                    checked += acked.size() + 1;
                }
            }
            System.out.println("CrashTest: " + when + ": integrity ok, " + checked + " acknowledged answers, sandboxes and steps present");
        }
    }

    static String secs(long t0) {
        return String.format("[%5.1f s]", (System.nanoTime() - t0) / 1e9);
    }

    private static final Map<String, String> QUIZ_OF = new java.util.concurrent.ConcurrentHashMap<>();

    /** The quiz id of a lesson, by its slug. */
    static String quizOf(String slug) {
        return QUIZ_OF.computeIfAbsent(slug, k -> {
            Lesson l = Answerable.course().lesson(k);
            return l == null || l.quiz() == null ? "" : l.quiz().id();
        });
    }
}
