package cloudlab.workshop;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.progress.Progress;
import cloudlab.progress.ScopedWork;
import cloudlab.quiz.Gradebook;
import cloudlab.store.Database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Results as the gradebook lists them: a workshop's (every member, every item of its lessons, only
 * the work done in it, under its policy), an instructor's (their workshops'), and the server-wide
 * one an admin and the {@code gradebook} command see: each workshop's results, then self-study.
 * A learner in two workshops has a block of rows in each, told apart by the workshop columns.
 */
public final class Results {
    private final Workshops workshops;
    private final Progress progress;
    private final Supplier<Course> course;

    public Results(Database db, Supplier<Course> course) {
        this(new Workshops(db), new Progress(db), course);
    }

    Results(Workshops workshops, Progress progress, Supplier<Course> course) {
        this.workshops = workshops;
        this.progress = progress;
        this.course = course;
    }

    /** The workshop's rows, each marked with the workshop (its id and title). */
    public List<Gradebook.Row> of(Workshop w) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Member m : workshops.members(w.id())) names.put(m.learnerId(), m.displayName());
        // every member and every item of the workshop's lessons, with 0 for what was not tried
        return Gradebook.rows(lessons(course.get(), w), names, id -> progress.of(id, Progress.Scope.workshop(w.id()))).stream()
                .map(r -> r.in(w.id(), w.title())).toList();
    }

    /** An instructor's gradebook: their workshops' results one after another; an admin's is {@link #serverWide}. */
    public List<Gradebook.Row> gradebook(String instructor) {
        if (new Instructors(workshops.db()).admin(instructor)) return serverWide();
        List<Gradebook.Row> out = new ArrayList<>();
        for (Workshop w : workshops.ofInstructor(instructor)) out.addAll(of(w));
        return out;
    }

    /**
     * Every workshop's results where any work was done, then every learner's self-study. A workshop
     * since deleted, or any workshop when there is no course to read, lists the work done in it alone.
     */
    public List<Gradebook.Row> serverWide() {
        Course c = course.get();
        List<Gradebook.Row> out = new ArrayList<>();
        for (String id : new ScopedWork(workshops.db()).workshops()) {
            Optional<Workshop> w = workshops.byId(id);
            if (w.isPresent() && c != null) out.addAll(of(w.get()));
            else out.addAll(Gradebook.rows(c, progress, Progress.Scope.workshop(id)).stream()
                    .map(r -> r.in(id, w.map(Workshop::title).orElse(null))).toList());
        }
        out.addAll(Gradebook.rows(c, progress, Progress.Scope.SELF_STUDY));
        return out;
    }

    /** The workshop's lessons in its order, as worked there (under its attempt policy). */
    static List<Lesson> lessons(Course c, Workshop w) {
        if (c == null) return List.of();
        return w.lessons().stream().map(c::lesson).filter(Objects::nonNull).map(l -> w.asWorkedHere(c, l)).toList();
    }
}
