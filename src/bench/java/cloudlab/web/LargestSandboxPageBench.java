package cloudlab.web;

import cloudlab.progress.Progress;
import cloudlab.sandbox.Caps;
import cloudlab.sandbox.LargeLayouts;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the page of the largest sandbox the caps allow ({@link Caps#MAX_HOSTS} hosts,
 * {@link Caps#MAX_VMS} VMs) takes to render, whole and as the htmx fragment, and how big it is
 * (the size is also asserted by LargestSandboxPageTest; the time is only reported here). Runs the
 * lab in-process on a temporary database, as the tests do, after the start-up warm-up that
 * {@code serve} runs ({@link App#warmUp}); with a second argument {@code cold}, without it. Run by
 * bench/largest-page.sh.
 */
public final class LargestSandboxPageBench {
    /** The CPU time this JVM has used, all threads (the compilers' too): on a shared machine, steadier than the wall clock. */
    private static long cpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean cold = args.length > 1 && args[1].equals("cold");
        Path folder = Files.createTempDirectory("largest-page");
        try (TestServer server = TestServer.startIn(folder)) {
            Progress.Started learner = server.services().progress().newLearner();
            String id = server.services().sandboxes().importLayout(learner.learner().id(),
                    LargeLayouts.json(Caps.MAX_HOSTS, Caps.MAX_VMS), "largest.json").id();
            if (!cold) { // as `serve` does in the background once it listens
                long t = System.nanoTime();
                int bytes = App.warmUp(server.services()).length();
                System.out.printf("start-up warm-up (a %d-character page, never stored): %d ms%n", bytes, (System.nanoTime() - t) / 1_000_000);
            }
            WebClient browser = WebClient.browser(server);
            browser.adoptLearnerCookie(learner.token());
            for (String kind : new String[] {"page", "fragment"}) {
                for (int i = 0; i <= rounds; i++) {
                    long t = System.nanoTime();
                    long cpu = cpuMillis();
                    String round = i == 0 ? (cold ? "first (cold)" : "first (after the warm-up)") : "round " + i;
                    try {
                        HttpResponse<String> r = kind.equals("page") ? browser.get("/sandboxes/" + id) : browser.get("/sandboxes/" + id, "HX-Request", "true");
                        System.out.printf("%s %s: %d, %d bytes, %d ms (the JVM's CPU meanwhile: %d ms)%n", kind, round, r.statusCode(),
                                r.body().getBytes(StandardCharsets.UTF_8).length, (System.nanoTime() - t) / 1_000_000, cpuMillis() - cpu);
                    } catch (java.io.UncheckedIOException e) {
                        System.out.printf("%s %s: no answer after %d ms (%s)%n", kind, round, (System.nanoTime() - t) / 1_000_000, e.getCause());
                    }
                }
            }
        }
    }
}
