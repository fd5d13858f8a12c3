package cloudlab.web;

import cloudlab.server.Settings;
import io.javalin.Javalin;

import java.net.URI;
import java.nio.file.Path;

/**
 * The real lab on a free port of 127.0.0.1, built through {@link App#create} with a SQLite file of
 * the test's own and the checkout's templates, static files and lessons. It can be stopped and
 * started again on the same database file.
 */
final class TestServer implements AutoCloseable {
    private final String database;
    private Services services;
    private Javalin app;

    private TestServer(String database) {
        this.database = database;
    }

    /** A server with a fresh database in the given (temporary) folder, already started. */
    static TestServer startIn(Path folder) {
        TestServer s = new TestServer(cloudlab.store.TestDatabases.fresh(folder, "cloud-lab"));
        s.start();
        return s;
    }

    /** A server on an existing database setting (a second instance beside another), already started. */
    static TestServer startOn(String database) {
        TestServer s = new TestServer(database);
        s.start();
        return s;
    }

    /** The signing secret of every test server, so that a test client can hold a token it signed ({@link WebClient#CSRF}). */
    static final String SECRET = "test-server-secret-0123456789";

    static Settings settings(String database) {
        Path root = Path.of("").toAbsolutePath();
        return new Settings(0, database, root.resolve("templates"), root.resolve("static"), root.resolve("lessons"), SECRET,
                java.util.Set.of("127.0.0.2"));
    }

    void start() {
        if (app != null) throw new IllegalStateException("already running");
        services = Services.open(settings(database));
        try {
            app = App.create(services).start("127.0.0.1", 0);
        } catch (RuntimeException e) {
            services.close();
            services = null;
            throw e;
        }
    }

    void stop() {
        try {
            if (app != null) app.stop();
        } finally {
            app = null;
            if (services != null) services.close();
            services = null;
        }
    }

    /** Stops and starts again on the same database file (a new port may be chosen). */
    void restart() {
        stop();
        start();
    }

    Services services() {
        return services;
    }

    /** The database setting: an SQLite file path, or a PostgreSQL URL when the suite runs against one. */
    String database() {
        return database;
    }

    String base() {
        if (app == null) throw new IllegalStateException("not running");
        return "http://127.0.0.1:" + app.port();
    }

    String url(String path) {
        return base() + path;
    }

    URI uri(String path) {
        return URI.create(url(path));
    }

    @Override
    public void close() {
        stop();
    }
}
