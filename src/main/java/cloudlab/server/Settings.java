package cloudlab.server;

import cloudlab.common.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the lab listens, where it keeps progress and where its content comes from. Each content
 * folder ({@code templates}, {@code static}, {@code lessons}) is taken from disk when one exists in
 * the working folder or beside the jar (or one folder up, as in a checkout's {@code target/}),
 * else from inside the jar; a folder on disk is watched so edits show on reload.
 *
 * <p>{@code secret} signs what the server hands out and checks later (CSRF tokens): servers that
 * share one address must share it ({@code CLOUDLAB_SECRET}); without one, each start makes its
 * own. {@code trustedProxies} are the addresses of reverse proxies whose {@code X-Forwarded-For}
 * names the real client; from anyone else that header is ignored.
 */
public record Settings(int port, String database, Path templates, Path staticFiles, Path lessons, String secret,
                       Set<String> trustedProxies) {
    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_DATABASE = "data/cloud-lab.db";
    /** The environment variable that holds the signing secret shared by several servers. */
    public static final String SECRET_VARIABLE = "CLOUDLAB_SECRET";

    public Settings {
        if (secret == null || secret.length() < 16) throw new IllegalArgumentException("secret: at least 16 characters");
        Set<String> proxies = new LinkedHashSet<>();
        for (String p : trustedProxies == null ? Set.<String>of() : trustedProxies) {
            String ip = cloudlab.access.Addresses.ipLiteral(p);
            if (ip == null) throw new IllegalArgumentException("trusted proxy: " + p + " is not an IP address");
            proxies.add(ip);
        }
        trustedProxies = Set.copyOf(proxies);
    }

    /** With a secret of its own and no trusted proxy. */
    public Settings(int port, String database, Path templates, Path staticFiles, Path lessons) {
        this(port, database, templates, staticFiles, lessons, Tokens.random(32), Set.of());
    }

    /** With an SQLite file for the database. */
    public Settings(int port, Path database, Path templates, Path staticFiles, Path lessons) {
        this(port, database.toString(), templates, staticFiles, lessons);
    }

    /** The defaults with the given port and database (a file or a JDBC URL), content found as described above. */
    public static Settings resolve(int port, String database) {
        return resolve(port, database, List.of());
    }

    /**
     * As {@link #resolve(int, String)}, with the reverse proxies to trust, and the secret from
     * {@value #SECRET_VARIABLE} when it is set (else one made for this start).
     */
    public static Settings resolve(int port, String database, List<String> trustedProxies) {
        String env = System.getenv(SECRET_VARIABLE);
        String secret = env == null || env.isBlank() ? Tokens.random(32) : env.strip();
        if (secret.length() < 16) throw new IllegalArgumentException(SECRET_VARIABLE + ": at least 16 characters (a long random string)");
        Set<String> proxies = new LinkedHashSet<>();
        for (String p : trustedProxies) {
            if (p == null || p.isBlank()) continue;
            String ip = cloudlab.access.Addresses.ipLiteral(p);
            if (ip == null) throw new IllegalArgumentException("--trusted-proxy: " + p.strip() + " is not an IP address (like 127.0.0.1)");
            proxies.add(ip);
        }
        return new Settings(port, database, onDisk("templates"), onDisk("static"), onDisk("lessons"), secret, proxies);
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

    /** A folder packed in the jar (or on the class path of a build), as a path that can be listed. */
    public static Path packaged(String folder) {
        URL url = Settings.class.getClassLoader().getResource(folder);
        if (url == null) throw new IllegalStateException("the build holds no " + folder + " folder");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/" + folder);
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + folder + " in the build", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Without the secret, which must not reach a log. */
    @Override
    public String toString() {
        return "Settings[port=" + port + ", database=" + database + ", templates=" + templates + ", staticFiles=" + staticFiles
                + ", lessons=" + lessons + ", trustedProxies=" + trustedProxies + "]";
    }

    public Settings withPort(int newPort) {
        return new Settings(newPort, database, templates, staticFiles, lessons, secret, trustedProxies);
    }
}
