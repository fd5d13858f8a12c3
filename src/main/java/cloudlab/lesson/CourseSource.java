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
import java.util.stream.Stream;

/**
 * Where the course comes from, kept fresh: a lessons folder on disk is read again when a file in
 * it changes, so an author sees an edit on reload; the course packed in the jar is read once.
 */
public final class CourseSource {
    private final Path folder;
    private final boolean watch;
    private final RegionCatalog catalog;
    private volatile Read read;

    /** The course and the state of the folder's files it was read from. */
    private record Read(List<FileStamp> fingerprint, Course course) {
    }

    /** A file as last seen: its name, modification time and size (one stat). */
    private record FileStamp(Path name, FileTime modified, long size) {
    }

    public CourseSource(Path folder, boolean watch, RegionCatalog catalog) {
        this.folder = folder;
        this.watch = watch;
        this.catalog = catalog;
    }

    public Path folder() {
        return folder;
    }

    /**
     * The course as the folder holds it now. Looking costs a listing of the folder and one stat per
     * file, outside any lock; only reading the course again is done by one request at a time.
     */
    public Course course() {
        Read r = read;
        if (r != null && (!watch || r.fingerprint().equals(fingerprint()))) return r.course();
        synchronized (this) {
            r = read;
            List<FileStamp> now = r == null || watch ? fingerprint() : r.fingerprint();
            if (r == null || !now.equals(r.fingerprint())) {
                r = new Read(now, Course.load(folder, catalog));
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
