package cloudlab.web;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the lab listens, where it keeps progress and where its content comes from. Each content
 * folder ({@code templates}, {@code static}, {@code lessons}) is taken from disk when one exists in
 * the working folder or beside the jar (or one folder up, as in a checkout's {@code target/}),
 * else from inside the jar; a folder on disk is watched so edits show on reload.
 */
public record Settings(int port, String database, Path templates, Path staticFiles, Path lessons) {
    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_DATABASE = "data/cloud-lab.db";

    /** With an SQLite file for the database. */
    public Settings(int port, Path database, Path templates, Path staticFiles, Path lessons) {
        this(port, database.toString(), templates, staticFiles, lessons);
    }

    /** The defaults with the given port and database (a file or a JDBC URL), content found as described above. */
    public static Settings resolve(int port, String database) {
        return new Settings(port, database, onDisk("templates"), onDisk("static"), onDisk("lessons"));
    }

    /** A folder of that name on disk, or null to use the one packed in the jar. */
    static Path onDisk(String name) {
        for (Path base : candidates()) {
            Path p = base.resolve(name);
            if (Files.isDirectory(p)) return p.toAbsolutePath().normalize();
        }
        return null;
    }

    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        out.add(Path.of("").toAbsolutePath());
        try {
            Path jar = Path.of(Settings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar)) {
                out.add(jar.getParent());
                if (jar.getParent().getParent() != null) out.add(jar.getParent().getParent());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source to look beside: the working folder and the jar's own copies remain
        }
        return out;
    }

    public Settings withPort(int newPort) {
        return new Settings(newPort, database, templates, staticFiles, lessons);
    }
}
