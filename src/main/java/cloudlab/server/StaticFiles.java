package cloudlab.server;

import cloudlab.common.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The lab's style sheets, scripts and icons under {@code /static}, each with an address that
 * carries a hash of its content ({@code /static/css/lab.css?v=1a2b3c4d5e6f}). A browser may keep
 * such an address for a year: a new file gets a new address. The hashes are taken once at start;
 * files from a folder given in the settings (a checkout being edited) are hashed again when their
 * modification time or size changes, so an edit reaches the next page. The plain address keeps
 * the short caching it always had.
 */
public final class StaticFiles {
    /** How long a plain address (or one whose hash is no longer the file's) may be kept before it is checked again. */
    public static final String PLAIN = "public, max-age=600";
    private static final String HOSTED = "/static/";
    private static final int HASH_DIGITS = 12;

    private final Path root;
    private final boolean watched;
    private final Map<String, Version> versions = new ConcurrentHashMap<>();

    private StaticFiles(Path root, boolean watched) {
        this.root = root;
        this.watched = watched;
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                String name = root.relativize(f).toString().replace('\\', '/');
                versions.put(name, Version.of(f));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the static files in " + root, e);
        }
    }

    /** The files of the given folder, or the ones packed in the build when it is null. */
    public static StaticFiles in(Path folder) {
        return folder != null ? new StaticFiles(folder.toAbsolutePath().normalize(), true) : new StaticFiles(Settings.packaged("static"), false);
    }

    /** The folder on disk the files come from, or null when they are the build's own. */
    public Path folder() {
        return watched ? root : null;
    }

    /**
     * The fingerprinted address of a file, named as under the static folder ({@code css/lab.css}).
     *
     * @throws IllegalArgumentException when there is no such file, so that a template linking a
     *                                  missing file fails where it is rendered
     */
    public String address(String name) {
        Version v = current(name);
        if (v == null) throw new IllegalArgumentException("no static file " + name + " in " + root);
        return HOSTED + name + "?v=" + v.hash;
    }

    /**
     * The Cache-Control for a request of the file at {@code path} (as requested, starting
     * {@code /static/}) with the given {@code v}: a year when {@code v} is the file's hash now,
     * otherwise {@link #PLAIN}.
     */
    public String cacheControl(String path, String v) {
        if (v == null || !path.startsWith(HOSTED)) return PLAIN;
        String name = path.substring(HOSTED.length());
        Version now = versions.containsKey(name) ? current(name) : null;
        return now != null && now.hash.equals(v) ? Serving.FOREVER : PLAIN;
    }

    private Version current(String name) {
        if (!watched) return versions.get(name);
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root)) return null;
        return versions.compute(name, (n, known) -> known != null && known.sameAs(file) ? known : Version.of(file));
    }

    /** A file's content hash and, to notice a change without reading it, its modification time and size. */
    private record Version(String hash, FileTime modified, long size) {
        static Version of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                if (!a.isRegularFile()) return null;
                return new Version(Tokens.sha256Hex(Files.readAllBytes(file)).substring(0, HASH_DIGITS), a.lastModifiedTime(), a.size());
            } catch (IOException e) {
                return null;
            }
        }

        boolean sameAs(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return a.lastModifiedTime().equals(modified) && a.size() == size;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
