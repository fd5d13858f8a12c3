package cloudlab.cli;

import cloudlab.web.App;
import cloudlab.web.Services;
import cloudlab.server.Settings;
import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code cloud-lab serve [--port N] [--db PATH] [--trusted-proxy IP]}: the web app on its embedded defaults. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the lab in the browser.")
final class ServeCommand implements Callable<Integer> {
    /** How long after it listens the server warms the sandbox page: past its first pages, well before a learner opens a sandbox. */
    static final long WARM_UP_AFTER_MS = 3_000;

    @ParentCommand
    CloudLabCommand parent;

    @Option(names = "--port", paramLabel = "N", description = "The port to listen on (default 7070).", defaultValue = "7070")
    int port;

    @Mixin
    DatabaseOption db;

    @Option(names = "--trusted-proxy", paramLabel = "IP", split = ",",
            description = "A reverse proxy whose X-Forwarded-For names the real client, for per-address limits (repeatable or comma-separated; default none, or CLOUDLAB_TRUSTED_PROXY).",
            defaultValue = "${env:CLOUDLAB_TRUSTED_PROXY:-}")
    java.util.List<String> trustedProxies = new java.util.ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            parent.err.println("serve: --port must be from 0 to 65535 (got " + port + ")");
            return 2;
        }
        Settings settings;
        try {
            settings = Settings.resolve(port, db.location, trustedProxies);
        } catch (IllegalArgumentException e) {
            parent.err.println("serve: " + e.getMessage());
            return 2;
        }
        Services services;
        try {
            services = Services.open(settings);
        } catch (RuntimeException e) {
            parent.err.println("serve: cannot open the database " + db.location + ": " + e.getMessage());
            return 2;
        }
        Javalin app = App.create(services);
        try {
            app.start(port);
        } catch (RuntimeException e) {
            parent.err.println("serve: cannot listen on port " + port + ": " + e.getMessage());
            services.close();
            return 2;
        }
        Thread warmUp = new Thread(() -> {
            try {
                // after the first pages: started at once it takes the cores the first page needs (3.4–3.6 s against 2.8–3.2 s to it)
                Thread.sleep(WARM_UP_AFTER_MS);
                App.warmUp(services);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                parent.err.println("serve: warming up the sandbox page failed (the first sandbox view is slower): " + e);
            }
        }, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        for (String problem : services.course().course().problems()) parent.err.println("lesson problem: " + problem);
        parent.out.println("Cloud Lab is serving " + services.course().course().lessons().size() + " lessons at http://localhost:"
                + app.port() + "/  (progress in " + db.location + "; Ctrl+C stops)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            services.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
