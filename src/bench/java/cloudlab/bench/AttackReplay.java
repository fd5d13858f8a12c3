package cloudlab.bench;

import cloudlab.sandbox.LargeLayouts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays, on loopback and bounded in time, each attack of issue 16 on a running lab, one phase
 * after another, while two probes run throughout: {@code /healthz} every 50 ms and a normal
 * learner adding an app to their sandbox every 100 ms. Prints per phase the p99 of both, the 5xx
 * count and what the attack got; then checks that every app the normal learner was told was added
 * is in their export. A third argument, when given, runs only the attacks whose phase name contains
 * it (after the warm-up and quiet phases), to look at one attack before and after a change.
 * {@code integrity DB} runs SQLite's integrity check on a stopped lab's file.
 * Run by bench/attack.sh, which starts the jar with -Xmx256m and prints the heap during a soak.
 */
public final class AttackReplay {
    private static final Pattern SANDBOX = Pattern.compile("/sandboxes/(s[a-z0-9]+)");
    /** A 2 MiB form, made once: the client shares the machine with the server it measures. */
    private static final String BIG_FORM = "layout=" + "x".repeat(2 << 20);
    private final String base;
    private final int phaseSeconds;
    /** When not empty, only the phases whose name contains it run (besides warm-up and quiet). */
    private final String only;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    /** How the phase's attack requests ended (a status, "closed"), when the phase tells; printed with it. */
    private final Map<String, Integer> ends = new ConcurrentHashMap<>();

    AttackReplay(String base, int phaseSeconds, String only) {
        this.base = base;
        this.phaseSeconds = phaseSeconds;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("integrity")) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[1]); ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                System.out.println("integrity_check: " + rs.getString(1));
                if (!"ok".equals(rs.getString(1))) System.exit(1);
            }
            return;
        }
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:7105";
        int phase = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        System.exit(new AttackReplay(base, phase, args.length > 2 ? args[2] : "").run() ? 0 : 1);
    }

    /** One browser: the cookies the lab gave it (visitor, learner, CSRF), sent back as a browser does. */
    final class Session {
        final Map<String, String> cookies = new ConcurrentHashMap<>();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            if (!cookies.containsKey("cl_csrf")) get("/join");
            String token = cookies.get("cl_csrf");
            return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("X-CSRF-Token", token)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                cookies.forEach((k, v) -> pairs.add(k + "=" + v));
                b.header("Cookie", String.join("; ", pairs));
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String h : r.headers().allValues("Set-Cookie")) {
                String v = h.contains(";") ? h.substring(0, h.indexOf(';')) : h;
                int eq = v.indexOf('=');
                if (eq > 0 && eq < v.length() - 1) cookies.put(v.substring(0, eq), v.substring(eq + 1));
                else if (eq > 0) cookies.remove(v.substring(0, eq));
            }
            if (r.statusCode() >= 500) serverErrors.incrementAndGet();
            return r;
        }
    }

    /** Latencies in ns, thread-safe enough for one writer. */
    static final class Probe {
        final List<Long> ns = new CopyOnWriteArrayList<>();
        /** The statuses of answers that were not the expected one, in order. */
        final List<Integer> failed = new CopyOnWriteArrayList<>();

        void fail(int status) {
            failed.add(status);
        }

        synchronized String p99AndReset() {
            long[] a = ns.stream().mapToLong(Long::longValue).toArray();
            ns.clear();
            String f = failed.isEmpty() ? "" : ", " + failed.size() + " failed: " + failed;
            failed.clear();
            if (a.length == 0) return "no answers" + f;
            Arrays.sort(a);
            return String.format("p99 %.1f ms (n=%d%s)", a[Math.min(a.length - 1, (int) Math.ceil(a.length * 0.99) - 1)] / 1e6, a.length, f);
        }
    }

    boolean run() throws Exception {
        Session normal = new Session();
        HttpResponse<String> made = normal.post("/sandboxes/import", "layout=" + enc(LargeLayouts.json(2, 0)));
        Matcher m = SANDBOX.matcher(made.headers().firstValue("Location").orElse(""));
        if (!m.find()) throw new IllegalStateException("the normal learner got no sandbox: " + made.statusCode());
        String sandbox = m.group(1);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Probe health = new Probe();
        Probe action = new Probe();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread healthProbe = loop(running, 50, () -> {
            long t = System.nanoTime();
            HttpResponse<String> r = new Session().get("/healthz");
            if (r.statusCode() == 200) health.ns.add(System.nanoTime() - t);
            else health.fail(r.statusCode());
        });
        AtomicInteger next = new AtomicInteger();
        Thread learnerProbe = loop(running, 100, () -> {
            String name = "a" + next.incrementAndGet();
            long t = System.nanoTime();
            HttpResponse<String> r = normal.post("/sandboxes/" + sandbox + "/do", "op=add-app&name=" + name);
            if (r.statusCode() == 303 || r.statusCode() == 200) {
                action.ns.add(System.nanoTime() - t);
                acknowledged.add(name);
            } else {
                action.fail(r.statusCode());
            }
        });
        // the server's first seconds: its code still interpreted and loading, so the first actions are slow;
        // reported as a phase of its own so that the quiet phase after it is the steady state
        phase("warm-up (the server's first seconds, no attack)", health, action, 0, () -> { });
        phase("quiet", health, action, 0, () -> { });
        phase("slow bodies (200 connections, a byte every 2 s)", health, action, 1, this::slowBodies);
        phase("big bodies (2 MiB posts)", health, action, 4, this::bigBody);
        Session hoarder = new Session();
        phase("many sandboxes (one learner, past the cap)", health, action, 2, () -> hoarder.post("/sandboxes", "title=hoard"));
        phase("many learners (a new browser per write)", health, action, 4, () -> new Session().post("/sandboxes", "title=new"));
        String huge = LargeLayouts.json(2000, 6000);
        Session importer = new Session();
        phase("huge imports (" + huge.length() / 1024 + " KB, 2,000 hosts) and undo", health, action, 2, () -> {
            HttpResponse<String> r = importer.post("/sandboxes/import", "layout=" + enc(huge));
            Matcher s = SANDBOX.matcher(r.headers().firstValue("Location").orElse(""));
            if (s.find()) importer.post("/sandboxes/" + s.group(1) + "/undo", "");
        });
        phase("tiny numbers (lat 1e-999999999)", health, action, 2, () -> new Session().post("/sandboxes/import",
                "layout=" + enc("users: [{name: u, lat: 1e-999999999, lon: 1}]\n")));
        phase("sign-in guessing (wrong passwords for one name)", health, action, 4, () -> new Session().post("/instructor/sign-in",
                "name=teacher&password=guess" + System.nanoTime()));
        phase("bad charsets", health, action, 2, () -> new Session().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/simulate"))
                .header("Content-Type", "application/json; charset=bogus").POST(HttpRequest.BodyPublishers.ofString("{\"layout\": {}}"))));
        running.set(false);
        healthProbe.join();
        learnerProbe.join();

        String export = normal.get("/sandboxes/" + sandbox + "/export.json").body();
        long missing = acknowledged.stream().filter(a -> !export.contains("\"" + a + "\"")).count();
        System.out.printf("acknowledged writes: %d, missing after the attacks: %d%n", acknowledged.size(), missing);
        System.out.printf("5xx answers: %d; failed requests (no answer): %d%n", serverErrors.get(), failures.get());
        return missing == 0 && serverErrors.get() == 0;
    }

    /** Runs the attack on {@code threads} threads for the phase's seconds, then prints the probes' p99 and the attack's answers. */
    private void phase(String name, Probe health, Probe action, int threads, Attack attack) throws InterruptedException {
        if (threads > 0 && !name.contains(only)) return;
        health.p99AndReset();
        action.p99AndReset();
        int errorsBefore = serverErrors.get();
        AtomicBoolean on = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        List<Thread> attackers = new ArrayList<>();
        for (int i = 0; i < threads; i++) attackers.add(loop(on, 0, () -> {
            attack.run();
            sent.incrementAndGet();
        }));
        Thread.sleep(phaseSeconds * 1000L);
        on.set(false);
        for (Thread t : attackers) t.join(60_000);
        System.out.printf("%-55s healthz %s; learner action %s; attack requests %d; 5xx %d%s%n", name, health.p99AndReset(),
                action.p99AndReset(), sent.get(), serverErrors.get() - errorsBefore, ends.isEmpty() ? "" : "; ended " + new java.util.TreeMap<>(ends));
        ends.clear();
    }

    /**
     * A new browser posts a 2 MiB form. The lab refuses it: with a 413, or, as it may for a body far
     * over the limit, by closing the connection while the client is still sending (the 413 went out
     * first, but a client busy sending may not read it). Either is a refusal; the phase's line
     * counts each way the posts ended, so anything else shows there (and a 5xx in its count).
     */
    private void bigBody() throws Exception {
        Session browser = new Session();
        browser.get("/join");
        String end;
        try {
            end = String.valueOf(browser.post("/sandboxes/import", BIG_FORM).statusCode());
        } catch (IOException closed) {
            end = "closed";
        }
        ends.merge(end, 1, Integer::sum);
    }

    /** 200 connections that announce a 100,000-byte body and send a byte every 2 s; for one phase. */
    private void slowBodies() throws Exception {
        int port = URI.create(base).getPort();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.getOutputStream().write(("POST /progress/resume HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 100000\r\n\r\nc").getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
            }
            for (Socket s : sockets) s.setSoTimeout(20);
            for (int second = 0; second < phaseSeconds; second += 2) {
                for (Socket s : sockets) {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write('x');
                    } catch (IOException closed) {
                        // the lab cut this one off
                    }
                }
                Thread.sleep(2000);
            }
            for (Socket s : sockets) ends.merge("trickle " + end(s), 1, Integer::sum);
        } finally {
            for (Socket s : sockets) s.close();
        }
    }

    /** How a trickling connection ended: the status the lab answered, "closed", or "still open". */
    private static String end(Socket s) {
        try {
            byte[] head = new byte[12];
            int n = s.getInputStream().readNBytes(head, 0, head.length);
            return n == head.length ? new String(head, 9, 3, StandardCharsets.US_ASCII) : "closed";
        } catch (java.net.SocketTimeoutException quiet) {
            return "still open";
        } catch (IOException reset) {
            return "closed";
        }
    }

    interface Attack {
        void run() throws Exception;
    }

    private Thread loop(AtomicBoolean on, long pauseMs, Attack body) {
        Thread t = new Thread(() -> {
            while (on.get()) {
                try {
                    body.run();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                if (pauseMs > 0) {
                    try {
                        Thread.sleep(pauseMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
