package cloudlab.lesson;

import cloudlab.sim.RegionCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Where the course comes from, kept fresh: a lessons folder on disk is read again when a file in
 * it changes, so an author sees an edit on reload (the folder is looked at once a second at most,
 * {@link #RECHECK_NANOS}, as templates are); the course packed in the jar is read once.
 */
public final class CourseSource {
    private final Path folder;
    private final boolean watch;
    private final RegionCatalog catalog;
    /** How long a look at the folder holds: an edit shows on the first ask this long after the last look, or sooner. */
    public static final long RECHECK_NANOS = 1_000_000_000L;
    private final LongSupplier nanos;
    private volatile Read read;

    /** The course, the state of the folder's files it was read from, and when the folder was last looked at. */
    private record Read(List<FileStamp> fingerprint, Course course, long lookedAt) {
    }

    /** A file as last seen: its name, modification time and size (one stat). */
    private record FileStamp(Path name, FileTime modified, long size) {
    }

    public CourseSource(Path folder, boolean watch, RegionCatalog catalog) {
        this(folder, watch, catalog, System::nanoTime);
    }

    /** As above, with the clock that decides when the folder is looked at again ({@link #RECHECK_NANOS}). */
    public CourseSource(Path folder, boolean watch, RegionCatalog catalog, LongSupplier nanos) {
        this.folder = folder;
        this.watch = watch;
        this.catalog = catalog;
        this.nanos = nanos;
    }

    public Path folder() {
        return folder;
    }

    /**
     * The course as the folder holds it now, or as it held it at the last look when that was less
     * than {@link #RECHECK_NANOS} ago: a look costs a listing of the folder and one stat per file
     * (a few per cent of a lesson page when done on every view), outside any lock; only reading the
     * course again is done by one request at a time.
     */
    public Course course() {
        Read r = read;
        if (r != null && !watch) return r.course();
        long now = nanos.getAsLong();
        if (r != null && now - r.lookedAt() < RECHECK_NANOS) return r.course();
        List<FileStamp> seen = watch ? fingerprint() : List.of();
        if (r != null && r.fingerprint().equals(seen)) {
            read = new Read(seen, r.course(), now);
            return r.course();
        }
        synchronized (this) {
            r = read;
            if (r == null || !seen.equals(r.fingerprint())) {
                r = new Read(seen, Course.load(folder, catalog), now);
                read = r;
            }
            return r.course();
        }
    }

    private List<FileStamp> fingerprint() {
        List<FileStamp> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                out.add(new FileStamp(p.getFileName(), a.lastModifiedTime(), a.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
