package cloudlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database a test runs on: an SQLite file in the test's folder, or, when the system property
 * {@code cloudlab.test.postgres} holds a PostgreSQL JDBC URL, a fresh schema of its own on that
 * server. The suite runs the store tests and the key HTTP flows both ways.
 */
public final class TestDatabases {
    public static final String PROPERTY = "cloudlab.test.postgres";

    private TestDatabases() {
    }

    /** Whether this run is against PostgreSQL. */
    public static boolean postgres() {
        String url = System.getProperty(PROPERTY);
        return url != null && !url.isBlank();
    }

    /** A database setting for a fresh, empty database: an SQLite file in the folder, or a new PostgreSQL schema. */
    public static String fresh(Path folder, String name) {
        if (!postgres()) return folder.resolve(name + ".db").toString();
        String base = System.getProperty(PROPERTY);
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + base + ": " + e.getMessage(), e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Opens a fresh database (see {@link #fresh}). */
    public static Database open(Path folder, String name) {
        return Database.open(fresh(folder, name));
    }
}
