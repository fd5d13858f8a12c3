package cloudlab.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The database: a small pool of connections to one SQLite file in WAL mode with a busy timeout,
 * and the versioned schema migrations every feature's tables come from. Features call
 * {@link #transaction} or {@link #read} with plain, portable SQL.
 */
public final class Database implements AutoCloseable {
    /** The migrations in order; each runs once, recorded in {@code schema_version}. */
    private static final List<String> MIGRATIONS = List.of("001-learners-and-progress.sql", "002-sandboxes.sql", "003-attempt-details.sql", "004-instructors.sql", "005-workshops.sql", "006-sandbox-version.sql",
            "007-workshop-live.sql", "008-step-actor.sql", "009-sandbox-delete.sql", "010-stored-bytes.sql", "011-workshop-results.sql",
            "012-room-events-cursor.sql");

    private final HikariDataSource pool;
    private final String description;
    private final boolean sqlite;

    private Database(HikariDataSource pool, String description, boolean sqlite) {
        this.pool = pool;
        this.description = description;
        this.sqlite = sqlite;
    }

    /**
     * Opens the database a setting names: a JDBC URL of PostgreSQL ({@code jdbc:postgresql://host/db?user=..&password=..}),
     * or an SQLite file (a path, or {@code jdbc:sqlite:PATH}).
     */
    public static Database open(String setting) {
        if (setting.startsWith("jdbc:postgresql:")) return openPostgres(setting);
        if (setting.startsWith("jdbc:sqlite:")) return openSqlite(Path.of(setting.substring("jdbc:sqlite:".length())));
        if (setting.startsWith("jdbc:")) throw new IllegalArgumentException("only PostgreSQL and SQLite databases are supported (got " + setting.replaceAll("password=[^&]*", "password=...") + ")");
        return openSqlite(Path.of(setting));
    }

    /** Whether a setting names a database file (not a server URL). */
    public static boolean isFile(String setting) {
        return !setting.startsWith("jdbc:") || setting.startsWith("jdbc:sqlite:");
    }

    /** Opens a PostgreSQL database with a pool of connections and brings its schema up to date. */
    public static Database openPostgres(String url) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        String user = System.getenv("CLOUDLAB_DB_USER");
        String password = System.getenv("CLOUDLAB_DB_PASSWORD");
        if (user != null && !url.contains("user=")) hc.setUsername(user);
        if (password != null && !url.contains("password=")) hc.setPassword(password);
        hc.setPoolName("cloud-lab-postgres");
        hc.setMaximumPoolSize(16);
        hc.setMinimumIdle(2);
        hc.setAutoCommit(true);
        Database db = new Database(new HikariDataSource(hc), "PostgreSQL " + url.replaceAll("password=[^&]*", "password=..."), false);
        db.migrate();
        return db;
    }

    /** True for SQLite, false for PostgreSQL. */
    public boolean sqlite() {
        return sqlite;
    }

    /** Opens (creating if needed) the SQLite file and brings its schema up to date. */
    public static Database openSqlite(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(10_000);
        // Every transaction takes the write lock when it begins (BEGIN IMMEDIATE), so it waits its
        // turn under the busy timeout. A deferred transaction that reads and then writes cannot
        // wait: if another connection committed since its read, SQLite answers SQLITE_BUSY at once
        // (the busy timeout does not apply), which failed answers and sandbox steps under load.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(sqlite);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(ds);
        hc.setPoolName("cloud-lab-sqlite");
        hc.setMaximumPoolSize(4);
        hc.setMinimumIdle(1);
        hc.setAutoCommit(true);
        Database db = new Database(new HikariDataSource(hc), "SQLite " + file, true);
        db.migrate();
        return db;
    }

    public String description() {
        return description;
    }

    /** Work that reads or writes inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs the work in one transaction: all of it is stored, or none of it. */
    public <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs read-only work on a connection in autocommit mode. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The schema version now (the number of migrations applied). */
    public int schemaVersion() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * Writes a consistent copy of the whole database to a new file while the lab keeps running
     * (SQLite's VACUUM INTO). The file must not exist yet.
     */
    public void backupTo(Path file) {
        if (!sqlite) throw new UnsupportedOperationException("backup copies SQLite files; for PostgreSQL use pg_dump");
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) throw new IllegalArgumentException(file + " already exists; choose a new file name");
        try {
            if (target.getParent() != null) Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        }
        read(c -> {
            try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toString());
                ps.execute();
            }
            return null;
        });
    }

    /** The result of SQLite's integrity check: "ok" when the file is sound. */
    public String integrityCheck() {
        if (!sqlite) return "ok";
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                return rs.next() ? rs.getString(1) : "no answer";
            }
        });
    }

    /** "2026-11-27T16:00:00Z": how every timestamp is stored. */
    public static String now() {
        return STAMP.format(Instant.now());
    }

    /** A moment as the store writes it (see {@link #now}). */
    public static String stamp(Instant at) {
        return STAMP.format(at);
    }

    /** Fixed width (always milliseconds), so that timestamps sort as text in time order. */
    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private void migrate() {
        transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
            }
            int current = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (rs.next()) current = rs.getInt(1);
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                String name = MIGRATIONS.get(v - 1);
                for (String statement : statements(load(name))) {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate(statement);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, name);
                    ps.setString(3, now());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static String load(String name) {
        try (InputStream in = Database.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) throw new IllegalStateException("migration " + name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a migration file on semicolons at line ends, dropping comment lines. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.strip().startsWith("--")) continue;
            sb.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String st = sb.toString().strip();
                out.add(st.substring(0, st.length() - 1));
                sb.setLength(0);
            }
        }
        if (!sb.toString().isBlank()) out.add(sb.toString().strip());
        return out;
    }

    @Override
    public void close() {
        pool.close();
    }
}
