package cloudlab.ops;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real {@code cloud-lab serve} in a JVM of its own, on a free port of loopback and a given
 * SQLite file, started from the test's class path in the checkout (so the templates, static files
 * and lessons on disk are found). It can be killed with SIGKILL, as a crash would, or stopped.
 */
final class ServerProcess {
    private static final Pattern LISTENING = Pattern.compile("at http://localhost:(\\d+)/");
    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server on the database file and waits until {@code /healthz} answers. */
    static ServerProcess start(Path database, Path log, String classPath) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classPath, "cloudlab.cli.Main", "serve", "--port", "0", "--db", database.toAbsolutePath().toString());
        pb.directory(Path.of("").toAbsolutePath().toFile());
        pb.environment().put("CLOUDLAB_SECRET", "ops-test-secret-kept-across-restarts"); // as servers that restart must share one
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        int port = -1;
        while (port < 0) {
            if (!p.isAlive()) throw new IllegalStateException("the server exited with " + p.exitValue() + ":\n" + tail(log, logStart));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("the server did not start in 40 s:\n" + tail(log, logStart));
            }
            Matcher m = LISTENING.matcher(tail(log, logStart));
            if (m.find()) port = Integer.parseInt(m.group(1));
            else Thread.sleep(50);
        }
        ServerProcess s = new ServerProcess(p, log, port);
        s.awaitHealthy(deadline);
        return s;
    }

    /**
     * The class path for the server: the test's own ({@code java.class.path}; under surefire the
     * test class path, or a manifest-only booter jar whose Class-Path lists it), with the build's
     * class folders copied into {@code folder} first, so a rebuild of the checkout while the test
     * runs cannot hand a restarted server half-written classes.
     */
    static String snapshotClassPath(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                Path copy = folder.resolve("classes-" + n++);
                try (Stream<Path> all = Files.walk(p)) {
                    for (Path f : (Iterable<Path>) all::iterator) {
                        Path to = copy.resolve(p.relativize(f).toString());
                        if (Files.isDirectory(f)) Files.createDirectories(to);
                        else Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                out.add(copy.toString());
            } else {
                out.add(entry);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private void awaitHealthy(long deadline) throws InterruptedException {
        HttpClient http = Browser.client(null);
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/healthz")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().equals("ok")) return;
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("/healthz did not answer ok in time");
            Thread.sleep(50);
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. Answers the exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) throw new IllegalStateException("the server survived SIGKILL");
        return process.exitValue();
    }

    /** SIGTERM: the shutdown hook stops the server and closes the database. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
    }

    String log() {
        return tail(log, 0);
    }

    private static String tail(Path log, long from) {
        try {
            byte[] all = Files.readAllBytes(log);
            int start = (int) Math.min(from, all.length);
            return new String(all, start, all.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
