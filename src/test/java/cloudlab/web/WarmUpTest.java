package cloudlab.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The start-up warm-up ({@link App#warmUp}) renders a whole sandbox page and stores nothing: no learner, no sandbox, no row. */
class WarmUpTest {
    @TempDir
    static Path folder;

    @Test
    void theWarmUpRendersAWholeSandboxPageAndWritesNoRow() throws Exception {
        try (TestServer server = TestServer.startIn(folder)) {
            Path file = folder.resolve("cloud-lab.db");
            assumeTrue(Files.exists(file), "rows are counted in the SQLite file");
            Map<String, Long> before = rows(file);
            String page = App.warmUp(server.services());
            assertTrue(page.contains("</html>") && page.contains("<svg"), "a whole sandbox page with its drawings");
            assertEquals(before, rows(file), "no row written");
        }
    }

    /** The rows in each table of the database. */
    private static Map<String, Long> rows(Path file) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
