package cloudlab.bench;

import cloudlab.web.App;
import cloudlab.web.Services;
import cloudlab.server.Settings;
import io.javalin.Javalin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP benchmarks of the real server, in process, on 127.0.0.1 (a JMH-free harness; client and
 * server share the machine's cores, so every figure includes the client's own cost, and the plain
 * {@code /healthz} "hello" endpoint measured in the same run is the yardstick).
 *
 * <p>Set-up: a fresh SQLite database, one instructor, one workshop of every lesson (all open) whose
 * start layout is {@code examples/web-shop.yaml}, and {@code learners} learners (default 200) who
 * joined it with the join code, each with their workshop sandbox.
 *
 * <p>Part A, saturation (closed loop, {@code clients} concurrent clients, no think time; a warm-up
 * pass over every scenario, then each one alone: warm-up, then a fixed measured window): hello ({@code GET /healthz}),
 * a lesson page as a workshop learner who has answered nothing ({@code GET /lessons/{slug}}; the
 * first visit is recorded), the same pages for learners outside the workshop who have answered
 * every question (each question then shows their own answer; they all answer alike, so learners
 * who drew the same variant share its kept markup, the best case for answered questions),
 * a sandbox action ({@code POST /sandboxes/{id}/do} with {@code HX-Request: true} and the part keys
 * the page holds in {@code X-Parts}, as the page's script sends them: command validated by the core,
 * event stored, the parts that changed re-rendered; add a VM, then remove it, in turn) and
 * the instructor's live grid ({@code GET /instructor/workshops/{id}/grid}, all 200 learners).
 * Each client owns its own learners, so a learner's add and remove never cross.
 *
 * <p>Part B, the workshop: all {@code learners} learners at once, each in a loop of a lesson page
 * then three sandbox actions with a think time between requests uniform in [T/2, 3T/2] for a
 * mean T of {@code thinkMs} (default 1000 ms, so the room offers about 200 requests a second), the
 * instructor's screen asking for the grid every {@code pollMs} (default 3000 ms, as the room page's
 * htmx does), and a hello probe every 100 ms; latency of each kind under that load.
 *
 * <p>Every answer must be 200 (a wrong answer counts as an error and is reported). Bounded: each
 * window has a fixed length, the client times out a request after 30 s. Run from the checkout
 * with {@code bench/http.sh} (extra arguments are JVM options), e.g. {@code bench/http.sh -DthinkMs=3000};
 * options: {@code -Dlearners=200 -Dclients=16 -Dwarmup=3 -Dseconds=10 -DworkshopSeconds=30
 * -DthinkMs=1000 -DpollMs=3000 -Donly=lesson -Dmode=all|saturation|workshop -Dbase=http://127.0.0.1:PORT -Dgzip=true}
 * (gzip: the learners ask for gzipped answers, as a browser does).
 */
public final class HttpBench {
    /** The CSRF token this server signed for the visitor it gave the bench's first page (used before a session exists). */
    String CSRF;
    /** That visitor's cookie value. */
    String VISITOR;
    /** Each session cookie's CSRF token, as the server signed it for that session. */
    private final java.util.concurrent.ConcurrentHashMap<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    static final String PASSWORD = "bench-password-123";
    static final int LEARNERS = Integer.getInteger("learners", 200);
    static final int CLIENTS = Integer.getInteger("clients", 16);
    static final int WARMUP_S = Integer.getInteger("warmup", 3);
    static final int SECONDS = Integer.getInteger("seconds", 10);
    static final int WORKSHOP_S = Integer.getInteger("workshopSeconds", 30);
    /** Part B's mean think time between a learner's requests; each pause is uniform in [mean/2, 3 mean/2]. */
    static final int THINK_MS = Integer.getInteger("thinkMs", 1000);
    /** Part B: how often the instructor's screen asks for the grid (htmx in the room page: every 3 s). */
    static final int POLL_MS = Integer.getInteger("pollMs", 3000);
    /** Whether the bench's learners ask for gzip as a browser does ({@code -Dgzip=true}) and unpack what comes; off by default, as the figures so far were taken. */
    static final boolean GZIP = Boolean.getBoolean("gzip");
    /** A text answer, unpacked when it came gzipped. */
    static final HttpResponse.BodyHandler<String> TEXT = info -> info.headers().firstValue("Content-Encoding").orElse("").equals("gzip")
            ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), HttpBench::gunzip)
            : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    private static final Pattern SANDBOX = Pattern.compile("href=\"/sandboxes/([a-z0-9]+)\"[^>]*id=\"my-sandbox\"");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final String instructorCookie;
    final String workshopId;
    final List<LearnerSession> learners = new ArrayList<>();
    /** One learner per client, outside the workshop, who has answered every quiz question of every lesson (see {@link #answerAll}). */
    final List<String> answeredCookies = new ArrayList<>();
    final List<String> slugs = new ArrayList<>();

    /**
     * A learner as a browser holds them: their cookie, their sandbox, a counter for VM ids, and the
     * parts of their sandbox page with the keys the page holds, as static/js/sandbox.js keeps them.
     */
    static final class LearnerSession {
        final String cookie;
        final String sandbox;
        /** Their learner id, as the room's rows and live events name them. */
        String id;
        int actions;
        /** Each part the page holds, id to key; an empty key for a part that shows the last action's message (the page asks for it again). */
        final Map<String, String> parts = new LinkedHashMap<>();

        LearnerSession(String cookie, String sandbox) {
            this.cookie = cookie;
            this.sandbox = sandbox;
        }

        /** The page's parts, or an answer's (its out-of-band parts and the parts inside them), over what the page held. */
        void hold(String html) {
            Matcher m = PART.matcher(html);
            while (m.find()) parts.put(m.group(2), m.group(3));
            Matcher said = SAID.matcher(html);
            while (said.find()) if (said.group(2).contains("data-said")) parts.put(said.group(1), "");
        }

        /** The X-Parts header, as the page's script sends it. */
        String held() {
            StringBuilder out = new StringBuilder();
            parts.forEach((k, v) -> out.append(out.isEmpty() ? "" : ",").append(k).append('=').append(v));
            return out.toString();
        }
    }

    /** A part's wrapper as web pages place it: its tag, id and key. */
    private static final Pattern PART = Pattern.compile("<(div|tbody) id=\"(part-[A-Za-z0-9._-]+)\" class=\"part\" data-key=\"([0-9a-f]+)\"");
    /** A form's message part (it holds no div of its own) and its inside. */
    private static final Pattern SAID = Pattern.compile("<div id=\"(part-said-[A-Za-z0-9._-]+)\" class=\"part\" data-key=\"[0-9a-f]+\"[^>]*>(.*?)</div>", Pattern.DOTALL);

    /**
     * Sets up the workshop over HTTP on a running server that already has the instructor
     * {@code bench} (password {@link #PASSWORD}).
     */
    HttpBench(String base) throws Exception {
        this.base = base;
        HttpResponse<Void> first = http.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(), HttpResponse.BodyHandlers.discarding());
        CSRF = cookieOf(first, "cl_csrf");
        VISITOR = cookieOf(first, "cl_visitor");
        if (CSRF == null || VISITOR == null) throw new IllegalStateException("the home page set no cl_csrf or cl_visitor cookie");
        HttpResponse<String> in = post("/instructor/sign-in", form("name", "bench", "password", PASSWORD), null, false);
        instructorCookie = cookieOf(in, "cl_instructor");
        if (cookieOf(in, "cl_csrf") != null) CSRF = cookieOf(in, "cl_csrf"); // signing in may sign the token again
        if (cookieOf(in, "cl_visitor") != null) VISITOR = cookieOf(in, "cl_visitor");
        if (instructorCookie == null) throw new IllegalStateException("sign-in failed: " + in.statusCode());
        Matcher lessons = Pattern.compile("name=\"lesson\" value=\"([^\"]+)\"").matcher(get("/instructor/workshops", "cl_instructor=" + instructorCookie, false).body());
        while (lessons.find()) if (!slugs.contains(lessons.group(1))) slugs.add(lessons.group(1));
        if (slugs.isEmpty()) throw new IllegalStateException("no lessons offered on /instructor/workshops");
        List<String> pairs = new ArrayList<>(List.of("title", "Benchmark workshop", "layout", Files.readString(Path.of(System.getProperty("layout", "examples/web-shop.yaml")))));
        for (String s : slugs) {
            pairs.add("lesson");
            pairs.add(s);
        }
        HttpResponse<String> created = post("/instructor/workshops", form(pairs.toArray(new String[0])), "cl_instructor=" + instructorCookie, false);
        if (created.statusCode() != 303) throw new IllegalStateException("workshop not created: " + created.statusCode() + " " + created.body());
        String room = created.headers().firstValue("Location").orElseThrow();
        workshopId = room.substring(room.lastIndexOf('/') + 1);
        Matcher code = Pattern.compile("id=\"join-code\">([A-Z0-9]+)<").matcher(get(room, "cl_instructor=" + instructorCookie, false).body());
        if (!code.find()) throw new IllegalStateException("no join code on " + room);
        check(post("/instructor/workshops/" + workshopId + "/pace", form("unlock", "all"), "cl_instructor=" + instructorCookie, false), 303);
        for (int i = 0; i < LEARNERS; i++) {
            HttpResponse<String> j = post("/join", form("code", code.group(1), "name", "Learner " + i), null, false);
            check(j, 303);
            String cookie = cookieOf(j, "cl_learner");
            HttpResponse<String> home = get("/workshop", "cl_learner=" + cookie, false);
            Matcher m = SANDBOX.matcher(home.body());
            if (!m.find()) throw new IllegalStateException("no sandbox link on /workshop for learner " + i);
            LearnerSession l = new LearnerSession(cookie, m.group(1));
            HttpResponse<String> page = get("/sandboxes/" + l.sandbox, "cl_learner=" + cookie, false);
            check(page, 200);
            l.hold(page.body()); // the browser reads the page once; its script keeps the keys from then on
            if (l.parts.isEmpty()) throw new IllegalStateException("no parts on the sandbox page of learner " + i);
            learners.add(l);
        }
        Matcher ids = Pattern.compile("/learners/([^\"/]+)\">Learner (\\d+)</a>")
                .matcher(get("/instructor/workshops/" + workshopId + "/grid", "cl_instructor=" + instructorCookie, true).body());
        while (ids.find()) learners.get(Integer.parseInt(ids.group(2))).id = ids.group(1);
        for (int c = 0; c < CLIENTS; c++) answeredCookies.add(answerAll());
    }

    private static final Pattern QUESTION = Pattern.compile("(?s)<section class=\"question\" id=\"q-[^\"]+\" data-type=\"([a-z]+)\"(.*?)</section>");
    private static final Pattern ACTION = Pattern.compile("action=\"(/lessons/[^\"]+/quiz/[^\"]+)\"");
    private static final Pattern SEED = Pattern.compile("name=\"seed\" value=\"([0-9a-f]+)\"");
    private static final Pattern SELECT = Pattern.compile("<select name=\"((?:match|position)-\\d+)\"");

    /**
     * A new learner (not in the workshop) who answers every question of every lesson once, with a
     * well-formed answer whether right or wrong, so that each question on their pages shows their
     * own answer. Every such learner gives the same answers, so those who drew the same variant of
     * a question are in the same state and share its markup. Returns their cookie.
     */
    String answerAll() throws Exception {
        // a GET creates no learner, only a signed visitor id; the first answer makes it a learner
        String visitor = cookieOf(http.send(HttpRequest.newBuilder(URI.create(base + "/lessons/" + slugs.get(0))).GET().build(),
                HttpResponse.BodyHandlers.discarding()), "cl_visitor"); // a new reader: no cookies at all
        if (visitor == null) throw new IllegalStateException("no visitor cookie from a lesson page");
        String cookie = null;
        int answered = 0;
        for (String slug : slugs) {
            Matcher q = QUESTION.matcher(get("/lessons/" + slug, cookie == null ? "cl_visitor=" + visitor : "cl_learner=" + cookie, false).body());
            while (q.find()) {
                String type = q.group(1);
                String html = q.group(2);
                Matcher action = ACTION.matcher(html);
                Matcher seed = SEED.matcher(html);
                if (type.equals("challenge") || !action.find() || !seed.find()) continue;
                List<String> pairs = new ArrayList<>(List.of("seed", seed.group(1)));
                switch (type) {
                    case "single", "multiple" -> pairs.addAll(List.of("choice", "0"));
                    case "truefalse" -> pairs.addAll(List.of("answer", "true"));
                    case "numeric" -> pairs.addAll(List.of("answer", "1"));
                    case "predict" -> pairs.addAll(List.of("answer", html.contains("name=\"answer\" value=\"true\"") ? "true" : "1"));
                    default -> { // matching and ordering: every select, positions as a permutation
                        Matcher sel = SELECT.matcher(html);
                        int position = 1;
                        while (sel.find()) pairs.addAll(List.of(sel.group(1), sel.group(1).startsWith("match") ? "0" : String.valueOf(position++)));
                    }
                }
                HttpResponse<String> r = post(action.group(1), form(pairs.toArray(new String[0])), cookie == null ? "cl_visitor=" + visitor : "cl_learner=" + cookie, false);
                if (r.statusCode() != 303) throw new IllegalStateException("answering " + action.group(1) + ": " + r.statusCode());
                if (cookie == null) cookie = cookieOf(r, "cl_learner");
                if (cookie == null) throw new IllegalStateException("no learner cookie after the first answer");
                answered++;
            }
        }
        if (answered < 20) throw new IllegalStateException("only " + answered + " questions answered");
        return cookie;
    }

    /**
     * In process by default (a fresh server on a free port); with {@code -Dbase=http://127.0.0.1:P}
     * against a running server instead, which must already have the instructor {@code bench}.
     * {@code -Dmode=workshop} runs part B only (the 200-learner load, as bench/startup.sh uses it).
     */
    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("mode", "all");
        String external = System.getProperty("base");
        Services services = null;
        Javalin app = null;
        String base = external;
        if (external == null) {
            Path dir = Files.createTempDirectory("cloudlab-httpbench");
            Path root = Path.of("").toAbsolutePath();
            Settings settings = new Settings(0, dir.resolve("bench.db"), root.resolve("templates"), root.resolve("static"), root.resolve("lessons"));
            services = Services.open(settings);
            services.instructors().add("bench", PASSWORD.toCharArray());
            app = App.create(services).start("127.0.0.1", 0);
            base = "http://127.0.0.1:" + app.port();
        }
        try {
            long t0 = System.nanoTime();
            HttpBench b = new HttpBench(base);
            System.out.printf("# server %s (%s); set-up: 1 workshop of %d lessons, %d learners joined with sandboxes, in %.1f s%n", base,
                    external == null ? "in process" : "external", b.slugs.size(), LEARNERS, (System.nanoTime() - t0) / 1e9);
            System.out.printf("# machine: %d cores, max heap %d MB, JDK %s%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
            if (!mode.equals("workshop")) b.saturation();
            if (!mode.equals("saturation")) b.workshop(services);
        } finally {
            if (app != null) app.stop();
            if (services != null) services.close();
        }
    }

    // ---- part A ----

    void saturation() throws Exception {
        System.out.printf("%n## A. saturation: %d clients, closed loop; a %d s warm-up of every scenario, then per scenario %d s warm-up + %d s measured%n",
                CLIENTS, WARMUP_S, WARMUP_S, SECONDS);
        System.out.println(Stats.HEADER);
        Map<String, Request> scenarios = new LinkedHashMap<>();
        scenarios.put("hello GET /healthz", (c, n) -> get("/healthz", null, true));
        scenarios.put("lesson GET /lessons/{slug}", (c, n) -> {
            LearnerSession l = learnerOf(c, n);
            return get("/lessons/" + slugs.get(n % slugs.size()), "cl_learner=" + l.cookie, true);
        });
        scenarios.put("lesson, all answered GET /lessons/{slug}", (c, n) ->
                get("/lessons/" + slugs.get(n % slugs.size()), "cl_learner=" + answeredCookies.get(c), true));
        scenarios.put("sandbox POST /sandboxes/{id}/do", (c, n) -> action(learnerOf(c, n)));
        scenarios.put("dashboard GET .../grid", (c, n) -> get("/instructor/workshops/" + workshopId + "/grid", "cl_instructor=" + instructorCookie, true));
        scenarios.put("hello GET /healthz (again)", (c, n) -> get("/healthz", null, true));
        String only = System.getProperty("only", "");
        scenarios.keySet().removeIf(k -> !k.startsWith(only) && !k.startsWith("hello"));
        for (Request r : scenarios.values()) closedLoop(r, CLIENTS, WARMUP_S, null); // warm every path up first
        for (Map.Entry<String, Request> s : scenarios.entrySet()) {
            closedLoop(s.getValue(), CLIENTS, WARMUP_S, null);
            Stats st = new Stats(s.getKey());
            closedLoop(s.getValue(), CLIENTS, SECONDS, st);
            System.out.println(st.line(SECONDS));
        }
    }

    /** The learner a client uses for its n-th request: client c owns learners c, c + clients, c + 2 clients... */
    LearnerSession learnerOf(int client, int n) {
        int owned = (learners.size() - client + CLIENTS - 1) / CLIENTS;
        return learners.get(client + CLIENTS * (n % Math.max(1, owned)));
    }

    /**
     * Adds a VM with first-fit, or removes the one added before: one accepted command either way.
     * As a browser with the page's script asks: with the part keys the page holds ({@code X-Parts}),
     * so the answer carries only the parts that changed, which then update what the page holds.
     */
    HttpResponse<String> action(LearnerSession l) throws Exception {
        int k = l.actions++;
        String form = k % 2 == 0
                ? form("op", "add-vm", "form", "add-vm", "id", "bench-" + (k / 2), "vcpus", "1", "memoryGiB", "1", "diskGiB", "5", "policy", "first-fit")
                : form("op", "remove-vm", "form", "tree", "id", "bench-" + (k / 2));
        String path = "/sandboxes/" + l.sandbox + "/do";
        String cookie = "cl_learner=" + l.cookie;
        HttpResponse<String> r = http.send(request(path, cookie, true).header("X-Parts", l.held())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + sessionToken(cookie))).build(),
                TEXT);
        if (r.statusCode() == 200) l.hold(r.body());
        return r;
    }

    interface Request {
        HttpResponse<String> send(int client, int n) throws Exception;
    }

    /** {@code clients} threads sending back to back for {@code seconds}; latencies into stats when given. */
    void closedLoop(Request r, int clients, int seconds, Stats stats) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                Recorder rec = new Recorder();
                int n = 0;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    boolean ok;
                    try {
                        ok = r.send(client, n++).statusCode() == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    rec.add(System.nanoTime() - s, ok);
                }
                if (stats != null) stats.merge(rec);
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
    }

    // ---- part B ----

    void workshop(Services services) throws Exception {
        System.out.printf("%n## B. workshop: %d learners at once (a lesson page, then 3 sandbox actions, think time %.1f-%.1f s), "
                + "the instructor's grid every %.1f s, a hello probe every 100 ms; %d s measured after %d s warm-up%n",
                learners.size(), THINK_MS / 2000.0, THINK_MS * 1.5 / 1000, POLL_MS / 1000.0, WORKSHOP_S, WARMUP_S);
        System.out.println(Stats.HEADER);
        Stats lesson = new Stats("lesson page (200 learners)");
        Stats sandbox = new Stats("sandbox action (200 learners)");
        Stats grid = new Stats("dashboard grid (instructor)");
        Stats hello = new Stats("hello /healthz (probe)");
        Stats live = new Stats("action to its row on the room's stream");
        Stats afterAnswer = new Stats("the action's answer to its row (0: before)");
        long start = System.nanoTime();
        long measureFrom = start + WARMUP_S * 1_000_000_000L;
        long end = measureFrom + WORKSHOP_S * 1_000_000_000L;
        // learner id -> their earliest sandbox action not yet seen on the room's stream
        Map<String, Pending> pending = new java.util.concurrent.ConcurrentHashMap<>();
        HttpResponse<java.util.stream.Stream<String>> stream = http.send(request("/instructor/workshops/" + workshopId + "/live",
                "cl_instructor=" + instructorCookie, false).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        Thread watcher = new Thread(() -> {
            Recorder r = new Recorder();
            Recorder ra = new Recorder();
            try {
                for (java.util.Iterator<String> it = stream.body().iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (!line.startsWith("event: row-")) continue;
                    long t = System.nanoTime();
                    Pending p = pending.remove(line.substring("event: row-".length()).strip());
                    if (p == null || p.started < measureFrom || t > end) continue;
                    r.add(t - p.started, true);
                    long answered = p.answered;
                    ra.add(answered == 0 ? 0 : Math.max(0, t - answered), true);
                }
            } catch (RuntimeException e) {
                // the stream was closed at the end of the run
            }
            live.merge(r);
            afterAnswer.merge(ra);
        });
        watcher.start();
        List<Thread> threads = new ArrayList<>();
        for (LearnerSession l : learners) {
            threads.add(new Thread(() -> {
                Recorder rl = new Recorder();
                Recorder rs = new Recorder();
                int n = ThreadLocalRandom.current().nextInt(4);
                sleep(ThreadLocalRandom.current().nextLong(THINK_MS + 1)); // do not all start at once
                while (System.nanoTime() < end) {
                    boolean page = n++ % 4 == 0;
                    long s = System.nanoTime();
                    Pending p = page || l.id == null ? null : pending.computeIfAbsent(l.id, k -> new Pending(s));
                    boolean ok;
                    try {
                        ok = (page ? get("/lessons/" + slugs.get(n % slugs.size()), "cl_learner=" + l.cookie, true) : action(l)).statusCode() == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long t = System.nanoTime();
                    if (p != null && p.answered == 0) p.answered = t;
                    if (s >= measureFrom && t <= end) (page ? rl : rs).add(t - s, ok);
                    sleep(THINK_MS / 2 + ThreadLocalRandom.current().nextLong(THINK_MS + 1));
                }
                lesson.merge(rl);
                sandbox.merge(rs);
            }));
        }
        threads.add(new Thread(() -> {
            Recorder r = new Recorder();
            while (System.nanoTime() < end) {
                long s = System.nanoTime();
                boolean ok;
                try {
                    ok = get("/instructor/workshops/" + workshopId + "/grid", "cl_instructor=" + instructorCookie, true).statusCode() == 200;
                } catch (Exception e) {
                    ok = false;
                }
                long t = System.nanoTime();
                if (s >= measureFrom && t <= end) r.add(t - s, ok);
                sleep(Math.max(0, POLL_MS - (t - s) / 1_000_000));
            }
            grid.merge(r);
        }));
        threads.add(new Thread(() -> {
            Recorder r = new Recorder();
            while (System.nanoTime() < end) {
                long s = System.nanoTime();
                boolean ok;
                try {
                    ok = get("/healthz", null, true).statusCode() == 200;
                } catch (Exception e) {
                    ok = false;
                }
                long t = System.nanoTime();
                if (s >= measureFrom && t <= end) r.add(t - s, ok);
                sleep(100);
            }
            hello.merge(r);
        }));
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        sleep(1000); // the last actions' rows are still on their way
        stream.body().close();
        watcher.join(5000);
        for (Stats s : List.of(lesson, sandbox, grid, hello, live, afterAnswer)) System.out.println(s.line(WORKSHOP_S));
        if (services != null) System.out.println(rowUpdates(services).line(WORKSHOP_S));
    }

    /**
     * A learner's earliest sandbox action whose row the room's stream has not shown yet: when it was
     * sent, and when its answer came back (0 until then; the row may come first).
     */
    static final class Pending {
        final long started;
        volatile long answered;

        Pending(long started) {
            this.started = started;
        }
    }

    /**
     * Server time per room update, in process: what the live stream does for one learner's event
     * (that learner's row alone from the workshop feature, rendered as the row fragment), for
     * every learner of the workshop after the load, three rounds.
     */
    Stats rowUpdates(Services services) {
        cloudlab.workshop.Rooms rooms = new cloudlab.workshop.Rooms(services.workshops(), services.progress(), services.sandboxes(),
                () -> services.course().course(), services.catalog(), cloudlab.sim.grade.Goals::describe, java.time.Clock.systemUTC());
        cloudlab.workshop.Workshop w = services.workshops().byId(workshopId).orElseThrow();
        Stats stats = new Stats("row update, server (per learner event)");
        Recorder r = new Recorder();
        for (int round = 0; round < 3; round++) {
            for (LearnerSession l : learners) {
                long s = System.nanoTime();
                var row = rooms.row(w, l.id).orElseThrow();
                String html = cloudlab.page.RoomRows.row(w.id(), row, CSRF);
                long t = System.nanoTime();
                r.add(t - s, !html.isEmpty());
            }
        }
        stats.merge(r);
        return stats;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- HTTP ----

    HttpResponse<String> get(String path, String cookie, boolean htmx) throws IOException, InterruptedException {
        return http.send(request(path, cookie, htmx).GET().build(), TEXT);
    }

    HttpResponse<String> post(String path, String form, String cookie, boolean htmx) throws IOException, InterruptedException {
        return http.send(request(path, cookie, htmx).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.isEmpty() ? "_csrf=" + sessionToken(cookie) : form + "&_csrf=" + sessionToken(cookie))).build(),
                TEXT);
    }

    private static String gunzip(byte[] body) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path, String cookie, boolean htmx) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (GZIP) b.header("Accept-Encoding", "gzip");
        if (htmx && !path.equals("/healthz") && !path.startsWith("/lessons/")) b.header("HX-Request", "true");
        b.header("Cookie", "cl_csrf=" + sessionToken(cookie) + (visitorSession(cookie) ? "; cl_visitor=" + VISITOR : "")
                + (cookie == null ? "" : "; " + cookie));
        return b;
    }

    /**
     * The CSRF token of a session (the server binds each to its learner or visitor): the home
     * page's for the visitor it gave, else the one a page read with that cookie sets.
     */
    private String sessionToken(String cookie) {
        return visitorSession(cookie) ? CSRF : tokenOf(cookie);
    }

    /** An instructor's requests come from the browser that signed in: the same visitor, so the same token. */
    private static boolean visitorSession(String cookie) {
        return cookie == null || cookie.startsWith("cl_instructor=");
    }

    private String tokenOf(String cookie) {
        if (cookie == null || cookie.equals("cl_visitor=" + VISITOR)) return CSRF;
        return tokens.computeIfAbsent(cookie, c -> {
            try {
                return cookieOf(http.send(HttpRequest.newBuilder(URI.create(base + "/join")).header("Cookie", c).GET().build(),
                        HttpResponse.BodyHandlers.discarding()), "cl_csrf");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    static String form(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            parts.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    static String cookieOf(HttpResponse<?> r, String name) {
        for (String h : r.headers().allValues("Set-Cookie")) {
            if (h.startsWith(name + "=")) return h.substring(name.length() + 1, h.contains(";") ? h.indexOf(';') : h.length());
        }
        return null;
    }

    static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) throw new IllegalStateException("expected " + status + ", got " + r.statusCode() + " for " + r.uri());
    }

    // ---- figures ----

    /** One thread's latencies (ns) and error count. */
    static final class Recorder {
        long[] ns = new long[1024];
        int n;
        int errors;

        void add(long latency, boolean ok) {
            if (n == ns.length) ns = Arrays.copyOf(ns, n * 2);
            ns[n++] = latency;
            if (!ok) errors++;
        }
    }

    /** Merged latencies of one scenario. */
    static final class Stats {
        static final String HEADER = String.format("%-40s %9s %9s %9s %9s %9s %7s", "scenario", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors");
        final String name;
        long[] all = new long[0];
        final AtomicLong errors = new AtomicLong();

        Stats(String name) {
            this.name = name;
        }

        synchronized void merge(Recorder r) {
            int old = all.length;
            all = Arrays.copyOf(all, old + r.n);
            System.arraycopy(r.ns, 0, all, old, r.n);
            errors.addAndGet(r.errors);
        }

        String line(int seconds) {
            long[] s = all.clone();
            Arrays.sort(s);
            return String.format("%-40s %9d %9.1f %9.2f %9.2f %9.2f %7d", name, s.length, s.length / (double) seconds,
                    pct(s, 0.50), pct(s, 0.99), s.length == 0 ? 0 : s[s.length - 1] / 1e6, errors.get());
        }

        static double pct(long[] sorted, double p) {
            if (sorted.length == 0) return 0;
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }
}
