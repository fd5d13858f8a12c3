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
import java.util.List;

/**
 * One client asking in turn, for a lesson page's server time without a crowd: the in-process
 * server of {@link HttpBench}, set up the same way (a workshop of every lesson, its learners joined),
 * then for each case a warm-up and a measured window of requests one after another: hello, one
 * workshop learner reading every lesson in turn, every learner reading every lesson in turn (their
 * questions in their own variants and orders), and a learner who answered everything. Prints the
 * mean and median time a request took, as the client saw it. With {@code -Djfr=/tmp/x.jfr} the
 * lesson cases are recorded from the first one's measured window on with JFR's profile settings (the set-up is not).
 * Run with {@code java -cp "$(bench/classpath.sh)" cloudlab.bench.LessonLoop}; options
 * {@code -Dlearners=40 -Dclients=1 -Dwarmup=3 -Dseconds=10}.
 */
public final class LessonLoop {
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
            run("hello GET /healthz", n -> b.get("/healthz", null, true), null);
            run("lesson, one learner", n -> b.get("/lessons/" + slugs.get(n % slugs.size()), one, true), rec);
            run("lesson, every learner", n -> b.get("/lessons/" + slugs.get(n % slugs.size()),
                    "cl_learner=" + b.learners.get((n / slugs.size()) % b.learners.size()).cookie, true), rec);
            run("lesson, all answered", n -> b.get("/lessons/" + slugs.get(n % slugs.size()), "cl_learner=" + b.answeredCookies.get(0), true), rec);
            run("hello again", n -> b.get("/healthz", null, true), null);
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

    private static void run(String name, Call call, Recording rec) throws Exception {
        int n = 0;
        long end = System.nanoTime() + HttpBench.WARMUP_S * 1_000_000_000L;
        while (System.nanoTime() < end) check(call.send(n++));
        List<Long> times = new ArrayList<>();
        if (rec != null && rec.getState() != jdk.jfr.RecordingState.RUNNING) rec.start();
        end = System.nanoTime() + HttpBench.SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            check(call.send(n++));
            times.add(System.nanoTime() - t);
        }
        Collections.sort(times);
        double mean = times.stream().mapToLong(Long::longValue).average().orElse(0) / 1000;
        System.out.printf("%-28s %7d requests  mean %8.0f µs  p50 %8.0f µs  p90 %8.0f µs%n", name, times.size(), mean,
                times.get(times.size() / 2) / 1000.0, times.get(times.size() * 9 / 10) / 1000.0);
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) throw new IllegalStateException("status " + r.statusCode() + ": " + r.body());
    }
}
