package cloudlab.bench;

import cloudlab.server.Settings;
import cloudlab.web.App;
import cloudlab.web.Services;
import io.javalin.Javalin;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client asking in turn, for a lesson page's server time without a crowd: the in-process
 * server of {@link HttpBench}, set up the same way (a workshop of every lesson, its learners joined),
 * then every learner's first view of every lesson once (the cold case), a warm-up of every case, and for each case a warm-up and a measured window of requests one after another: hello, one
 * workshop learner reading every lesson in turn, every learner reading every lesson in turn (their
 * questions in their own variants and orders), and a learner who answered everything. Prints the
 * mean and median time a request took, as the client saw it, and the JVM's CPU time per request
 * (client and server together; on a busy machine the steadier figure). With {@code -Djfr=/tmp/x.jfr} the
 * lesson cases are recorded from the first one's measured window on with JFR's profile settings (the set-up is not).
 * Run with {@code java -cp "$(bench/classpath.sh)" cloudlab.bench.LessonLoop}; options
 * {@code -Dlearners=40 -Dclients=1 -Dwarmup=3 -Dseconds=10}.
 */
public final class LessonLoop {
    /** The JVM's CPU time (server, client and GC together): on a busy machine a steadier measure than the clock. */
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private LessonLoop() {
    }

    /** One request of a case, numbered from 0. */
    private interface Call {
        HttpResponse<String> send(int n) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("learners") == null) System.setProperty("learners", "40"); // before HttpBench reads them
        if (System.getProperty("clients") == null) System.setProperty("clients", "1");
        Path dir = Files.createTempDirectory("cloudlab-lessonloop");
        Path root = Path.of("").toAbsolutePath();
        Settings settings = new Settings(0, dir.resolve("bench.db"), root.resolve("templates"), root.resolve("static"), root.resolve("lessons"));
        Services services = Services.open(settings);
        services.instructors().add("bench", HttpBench.PASSWORD.toCharArray());
        Javalin app = App.create(services).start("127.0.0.1", 0);
        try {
            HttpBench b = new HttpBench("http://127.0.0.1:" + app.port());
            List<String> slugs = b.slugs;
            String one = "cl_learner=" + b.learners.get(0).cookie;
            int everyone = b.learners.size() * slugs.size();
            System.out.printf("# %d lessons, %d learners; one client; %d s warm-up + %d s measured per case%n",
                    slugs.size(), b.learners.size(), HttpBench.WARMUP_S, HttpBench.SECONDS);
            String jfr = System.getProperty("jfr");
            Recording rec = jfr == null ? null : new Recording(Configuration.getConfiguration("profile"));
            Map<String, Call> cases = new LinkedHashMap<>();
            cases.put("hello GET /healthz", n -> b.get("/healthz", null, true));
            cases.put("lesson, one learner", n -> b.get("/lessons/" + slugs.get(n % slugs.size()), one, true));
            cases.put("lesson, every learner", n -> b.get("/lessons/" + slugs.get(n % slugs.size()),
                    "cl_learner=" + b.learners.get((n / slugs.size()) % b.learners.size()).cookie, true));
            cases.put("lesson, all answered", n -> b.get("/lessons/" + slugs.get(n % slugs.size()), "cl_learner=" + b.answeredCookies.get(0), true));
            cases.put("hello again", cases.get("hello GET /healthz"));
            firstViews(cases.get("lesson, every learner"), everyone);
            for (Call c : cases.values()) loop(c, HttpBench.WARMUP_S, null); // every path compiled before any is measured
            for (Map.Entry<String, Call> c : cases.entrySet()) run(c.getKey(), c.getValue(), c.getKey().startsWith("lesson") ? rec : null);
            System.out.printf("# every learner's every lesson: %d pages, so the first pass over them is the cold case%n", everyone);
            if (rec != null) {
                rec.stop();
                rec.dump(Path.of(jfr));
                rec.close();
            }
        } finally {
            app.stop();
            services.close();
        }
    }

    /** Sends the case's requests one after another for that many seconds; their times go to {@code times} when given. */
    private static void loop(Call call, int seconds, List<Long> times) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int n = 0; System.nanoTime() < end; n++) {
            long t = System.nanoTime();
            check(call.send(n));
            if (times != null) times.add(System.nanoTime() - t);
        }
    }

    /** Each learner's first view of each lesson, once (nothing of theirs kept yet; the JIT not warm either): the cold case. */
    private static void firstViews(Call call, int pages) throws Exception {
        long cpu0 = CPU.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int n = 0; n < pages; n++) check(call.send(n));
        System.out.printf("%-28s %7d requests  mean %8.0f µs  CPU %6.0f µs a request%n", "lesson, first views (cold)", pages,
                (System.nanoTime() - t0) / 1000.0 / pages, (CPU.getProcessCpuTime() - cpu0) / 1000.0 / pages);
    }

    private static void run(String name, Call call, Recording rec) throws Exception {
        loop(call, HttpBench.WARMUP_S, null);
        List<Long> times = new ArrayList<>();
        long cpu0 = CPU.getProcessCpuTime();
        if (rec != null && rec.getState() != jdk.jfr.RecordingState.RUNNING) rec.start();
        loop(call, HttpBench.SECONDS, times);
        double cpuPer = (CPU.getProcessCpuTime() - cpu0) / 1000.0 / times.size();
        Collections.sort(times);
        double mean = times.stream().mapToLong(Long::longValue).average().orElse(0) / 1000;
        System.out.printf("%-28s %7d requests  mean %8.0f µs  p50 %8.0f µs  p90 %8.0f µs  CPU %6.0f µs a request%n", name, times.size(),
                mean, times.get(times.size() / 2) / 1000.0, times.get(times.size() * 9 / 10) / 1000.0, cpuPer);
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) throw new IllegalStateException("status " + r.statusCode() + ": " + r.body());
    }
}
