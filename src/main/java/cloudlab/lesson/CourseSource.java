package cloudlab.lesson;

import cloudlab.sim.RegionCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private List<String> fingerprint;
    private Course course;

    public CourseSource(Path folder, boolean watch, RegionCatalog catalog) {
        this.folder = folder;
        this.watch = watch;
        this.catalog = catalog;
    }

    public Path folder() {
        return folder;
    }

    /** The course as the folder holds it now. */
    public synchronized Course course() {
        if (course == null) {
            fingerprint = fingerprint();
            course = Course.load(folder, catalog);
        } else if (watch) {
            List<String> now = fingerprint();
            if (!now.equals(fingerprint)) {
                fingerprint = now;
                course = Course.load(folder, catalog);
            }
        }
        return course;
    }

    private List<String> fingerprint() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                FileTime t = Files.getLastModifiedTime(p);
                out.add(p.getFileName() + "@" + t.toMillis() + ":" + Files.size(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
