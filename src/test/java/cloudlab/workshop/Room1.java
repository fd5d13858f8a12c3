package cloudlab.workshop;

import cloudlab.sim.Layouts;
import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.progress.Progress;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.document.Documents;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.RegionCatalog;
import cloudlab.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A real workshop feature for the workshop's unit tests: a SQLite file of the test's own, the
 * progress and sandbox features on it, and a course of two of the checkout's lessons (the first,
 * with a quiz; the last, with a quiz and a challenge), read from a copy so loading stays quick.
 */
final class Room1 implements AutoCloseable {
    static final String TWO_ZONES = Layouts.SHOP_IN_TWO_ZONES;
    static final RegionCatalog CATALOG = RegionCatalog.builtIn();

    final Database db;
    final Workshops workshops;
    final Progress progress;
    final Sandboxes sandboxes;
    final Course course;
    final Rooms rooms;

    Room1(Path folder) {
        Path lessons = folder.resolve("lessons");
        try {
            Files.createDirectories(lessons);
            List<Path> all;
            try (var files = Files.list(Path.of("lessons"))) {
                all = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
            }
            for (Path f : List.of(all.get(0), all.get(all.size() - 1))) Files.copy(f, lessons.resolve(f.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        course = Course.load(lessons, CATALOG);
        if (course.lessons().size() != 2) throw new IllegalStateException("the test course did not read: " + course.problems());
        db = cloudlab.store.TestDatabases.open(folder, "room");
        workshops = new Workshops(db);
        progress = new Progress(db);
        sandboxes = new Sandboxes(db, CATALOG);
        rooms = rooms(Clock.systemUTC());
        try {
            new Instructors(db).add("ada", "correct-horse-battery".toCharArray());
        } catch (Instructors.Refused e) {
            throw new IllegalStateException(e);
        }
    }

    /** The feature with its clock moved on by that much: what the room shows later. */
    Rooms later(Duration by) {
        return rooms(Clock.offset(Clock.systemUTC(), by));
    }

    private Rooms rooms(Clock clock) {
        return new Rooms(workshops, progress, sandboxes, () -> course, CATALOG, g -> g.name(), clock);
    }

    Lesson quizLesson() {
        return course.lessons().get(0);
    }

    Lesson challengeLesson() {
        return course.lessons().get(1);
    }

    /** A workshop of both lessons made through the feature, with the layout (or none). */
    Workshop workshop(String layout) {
        Steering.Created c = rooms.steering().create("ada", "Class", List.of(quizLesson().slug(), challengeLesson().slug()), layout);
        if (c.refusal() != null) throw new IllegalStateException(c.refusal());
        return c.workshop();
    }

    /** Re-reads the workshop (after pacing or a push). */
    Workshop fresh(Workshop w) {
        return workshops.ofInstructor("ada", w.id()).orElseThrow();
    }

    /** A new learner who joined the workshop under that name; their id. */
    String joined(Workshop w, String name) {
        String id = progress.newLearner().learner().id();
        rooms.joining().join(w, id, name);
        return id;
    }

    Member member(Workshop w, String learnerId) {
        return workshops.member(w.id(), learnerId).orElseThrow();
    }

    /** The learner's current workshop sandbox's state. */
    Layout sandboxState(Workshop w, String learnerId) {
        return sandboxes.get(learnerId, member(w, learnerId).sandboxId()).history().state();
    }

    Room.LearnerRow row(Room room, String learnerId) {
        return room.rows().stream().filter(r -> r.learnerId().equals(learnerId)).findFirst().orElseThrow();
    }

    static Layout layout(String text) {
        try {
            return LayoutReader.read(text, Documents.formatOf("", text), "", CATALOG);
        } catch (InputException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
