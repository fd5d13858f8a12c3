package cloudlab.web;

import cloudlab.lesson.CourseSource;
import cloudlab.server.Settings;
import cloudlab.server.StaticFiles;
import cloudlab.progress.Progress;
import cloudlab.sandbox.Sandboxes;
import cloudlab.workshop.Instructors;
import cloudlab.workshop.Workshops;
import cloudlab.sim.RegionCatalog;
import cloudlab.store.Database;

import java.nio.file.Path;

/** Everything a handler needs, made once at start-up and handed to {@link App#create}. */
public record Services(Settings settings, Database database, Progress progress, Sandboxes sandboxes, Instructors instructors,
                       Workshops workshops,
                       CourseSource course, Renderer renderer, RegionCatalog catalog) implements AutoCloseable {

    /** Opens the database, finds the content and reads the course. */
    public static Services open(Settings settings) {
        RegionCatalog catalog = RegionCatalog.builtIn();
        Path lessons = settings.lessons() != null ? settings.lessons() : Settings.packaged("lessons");
        CourseSource course = new CourseSource(lessons, settings.lessons() != null, catalog);
        // Reading the course (every question variant answered by the core) takes a good part of
        // start-up: it runs beside opening the database and starting the server. course() is
        // synchronized, so whoever asks first waits for this read instead of starting another.
        Thread reader = new Thread(() -> {
            try {
                course.course();
            } catch (RuntimeException e) {
                // nothing kept: the first request reads the course again and reports what is wrong
            }
        }, "course-reader");
        reader.setDaemon(true);
        reader.start();
        Database db = Database.open(settings.database());
        return new Services(settings, db, new Progress(db), new Sandboxes(db, catalog), new Instructors(db), new Workshops(db), course, new Renderer(settings.templates(), StaticFiles.in(settings.staticFiles())), catalog);
    }

    @Override
    public void close() {
        database.close();
    }
}
