package cloudlab.workshop;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.sandbox.Caps;
import cloudlab.sandbox.Describe;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.Command;
import cloudlab.sim.Decision;
import cloudlab.sim.document.Documents;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.sim.Node;
import cloudlab.sim.Region;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Zone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an instructor does to a workshop: create it, pace its lessons, push a layout to every
 * learner, reset one learner's sandbox, fail or restore a zone or region everywhere (chaos), and
 * close it. Sandboxes change only through the sandbox feature, so every change is a step the core
 * decided. Each action answers with a notice for the room or a refusal naming the field.
 */
public final class Steering {
    /** The longest workshop title. */
    public static final int MAX_TITLE = 120;
    private final Workshops workshops;
    private final Sandboxes sandboxes;
    private final WorkshopSandboxes given;
    private final Supplier<Course> course;
    private final RegionCatalog catalog;
    private final Activity activity;
    private final Clock clock;
    /** The longest announcement line. */
    public static final int MAX_ANNOUNCEMENT = 200;
    /** The longest timer, in minutes. */
    public static final int MAX_TIMER_MINUTES = 180;
    /** What a learner's open page of their old workshop sandbox is told after a reset or a push. */
    static final String RESET = "Your sandbox was reset: your instructor gave you a fresh one, linked from your workshop page.";
    static final String PUSHED = "Your instructor pushed a new layout: your fresh sandbox is linked from your workshop page.";
    /** The refusal every change to a closed workshop gets. */
    public static final String CLOSED = "workshop: this workshop is closed; reopen it to change anything";

    Steering(Workshops workshops, Sandboxes sandboxes, WorkshopSandboxes given, Supplier<Course> course, RegionCatalog catalog,
             Activity activity, Clock clock) {
        this.activity = activity;
        this.clock = clock;
        this.workshops = workshops;
        this.sandboxes = sandboxes;
        this.given = given;
        this.course = course;
        this.catalog = catalog;
    }

    /** What an action did: a notice for the room, or a refusal that names the field and the rule. */
    public record Outcome(String notice, String refusal) {
        static Outcome done(String notice) {
            return new Outcome(notice, null);
        }

        static Outcome refused(String refusal) {
            return new Outcome(null, refusal);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    /** A new workshop, or why the form cannot make one. */
    public record Created(Workshop workshop, String refusal) {
    }

    /**
     * Creates a workshop with a title, lessons chosen from the course (kept in course order) and an
     * optional start layout (YAML or JSON; blank for an empty sandbox).
     */
    public Created create(String instructor, String title, List<String> chosen, String layoutText) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) return new Created(null, "title: give the workshop a title (1 to " + MAX_TITLE + " characters)");
        List<String> lessons = new ArrayList<>();
        for (Lesson l : course.get().lessons()) if (chosen.contains(l.slug())) lessons.add(l.slug());
        if (lessons.isEmpty()) return new Created(null, "lesson: choose at least one lesson");
        if (chosen.size() != lessons.size()) return new Created(null, "lesson: choose lessons from the course");
        String layoutJson = null;
        if (layoutText != null && !layoutText.isBlank()) {
            try {
                layoutJson = LayoutWriter.toJson(read(layoutText));
            } catch (InputException e) {
                return new Created(null, "layout: " + e.getMessage());
            }
        }
        return new Created(workshops.create(instructor, t, lessons, layoutJson), null);
    }

    /** Opens the next lesson, closes the last open one, or opens them all ("next", "previous", "all"). */
    public Outcome pace(Workshop w, String step) {
        if (!w.open()) return Outcome.refused(CLOSED);
        Optional<Pacing.Step> s = Pacing.Step.named(step);
        if (s.isEmpty()) return Outcome.refused("unlock: choose next, previous or all");
        int unlocked = Pacing.unlockedAfter(w, s.get());
        workshops.pace(w.id(), unlocked);
        activity.changed(w.id());
        return Outcome.done(unlocked < 0 ? "Every lesson is open." : unlocked + " of " + w.lessons().size() + " lessons are open.");
    }

    /**
     * Makes the layout the workshop's start layout and gives every learner a fresh sandbox from it;
     * their old sandboxes stay theirs. A learner at a cap (as many sandboxes or bytes as they may
     * keep) is skipped and named, and everyone else still gets the layout.
     */
    public Outcome push(Workshop w, String layoutText) {
        if (!w.open()) return Outcome.refused(CLOSED);
        Layout layout;
        try {
            if (layoutText == null || layoutText.isBlank()) throw new InputException("paste a layout document (YAML or JSON)");
            layout = read(layoutText);
        } catch (InputException e) {
            return Outcome.refused("layout: " + e.getMessage());
        }
        workshops.setStartLayout(w.id(), LayoutWriter.toJson(layout));
        int n = 0;
        List<String> skipped = new ArrayList<>();
        for (Member m : workshops.members(w.id())) {
            try {
                given.give(w, m.learnerId(), layout, layout.name() != null ? layout.name() : "Pushed layout");
            } catch (Caps.Reached full) {
                skipped.add(m.displayName() + " (" + full.getMessage() + ")");
                continue;
            }
            if (m.sandboxId() != null) activity.instructed(w.id(), m.learnerId(), m.sandboxId(), PUSHED);
            n++;
        }
        activity.changed(w.id());
        return Outcome.done("Pushed the layout to " + n + (n == 1 ? " sandbox." : " sandboxes.")
                + (skipped.isEmpty() ? "" : " Skipped, at a cap: " + String.join("; ", skipped) + "."));
    }

    /** Gives one learner a fresh sandbox from the start layout; empty when they are not in the workshop. */
    public Optional<Outcome> reset(Workshop w, String learnerId) {
        Optional<Member> m = workshops.member(w.id(), learnerId);
        if (m.isEmpty()) return Optional.empty();
        if (!w.open()) return Optional.of(Outcome.refused(CLOSED));
        try {
            given.give(w, m.get().learnerId(), given.start(w), "Workshop sandbox");
        } catch (Caps.Reached full) {
            return Optional.of(Outcome.refused("Skipped " + m.get().displayName() + ", at a cap: " + full.getMessage()));
        }
        if (m.get().sandboxId() != null) activity.instructed(w.id(), learnerId, m.get().sandboxId(), RESET);
        else activity.touched(w.id(), learnerId);
        return Optional.of(Outcome.done("Gave " + m.get().displayName() + " a fresh sandbox from the start layout."));
    }

    /**
     * The chaos button: fails ("fail") or restores ("restore") a zone or region, by its id in the
     * workshop's start layout, in every learner's workshop sandbox that has it, as an instructor's
     * step the core decides: the learner's undo passes over it and their redo survives it, and a
     * restore brings back only what the instructor failed. Each learner's open sandbox page is told.
     * A sandbox that no longer has it is counted, not changed.
     */
    public Outcome chaos(Workshop w, String id, String action) {
        if (!w.open()) return Outcome.refused(CLOSED);
        Node target = id == null ? null : given.start(w).node(id);
        if (!(target instanceof Zone) && !(target instanceof Region)) {
            return Outcome.refused("id: choose a zone or region of the workshop's start layout");
        }
        if (!"fail".equals(action) && !"restore".equals(action)) return Outcome.refused("action: fail or restore");
        Command command = action.equals("fail") ? new Command.Fail(id) : new Command.Restore(id);
        String notice = Describe.instructor(command);
        int done = 0;
        int without = 0;
        for (Member m : workshops.members(w.id())) {
            if (m.sandboxId() == null) continue;
            try {
                Decision d = sandboxes.instruct(m.learnerId(), m.sandboxId(), command);
                if (d.accepted()) {
                    done++;
                    activity.instructed(w.id(), m.learnerId(), m.sandboxId(), notice);
                }
                else if (sandboxes.get(m.learnerId(), m.sandboxId()).history().state().node(id) == null) without++;
            } catch (Sandboxes.NotFound e) {
                without++;
            }
        }
        activity.changed(w.id());
        return Outcome.done((action.equals("fail") ? "Failed " : "Restored ") + id + " in " + done + (done == 1 ? " sandbox" : " sandboxes")
                + (without > 0 ? "; " + without + " no longer have it" : "") + ".");
    }

    /** Closes the workshop: no new joins, no changes, lessons no longer locked, results kept. */
    public Outcome close(Workshop w) {
        if (!w.open()) return Outcome.refused("workshop: this workshop is already closed");
        workshops.close(w.id());
        activity.changed(w.id());
        return Outcome.done("The workshop is closed: no new joins or changes; results are kept.");
    }

    /**
     * Sets the attempt policy of every quiz the workshop covers ({@code kind} "quiz" gives each quiz
     * its own back); every score of the workshop counts under it from then on, earlier answers included.
     */
    public Outcome policy(Workshop w, String kind, String maxAttempts, String penalty) {
        if (!w.open()) return Outcome.refused(CLOSED);
        cloudlab.quiz.AttemptPolicy p = null;
        if (!"quiz".equals(kind)) {
            try {
                p = cloudlab.quiz.AttemptPolicy.parse(kind, maxAttempts, penalty);
            } catch (IllegalArgumentException e) {
                return Outcome.refused(e.getMessage());
            }
        }
        workshops.setPolicy(w.id(), p);
        activity.changed(w.id());
        return Outcome.done(p == null ? "Each quiz counts under its own policy." : "Every quiz counts as: " + p.label() + ".");
    }

    /** Folds the second learner's row into the first's (one person on two devices): both must be members, and different. */
    public Outcome merge(Workshop w, String keepId, String dropId) {
        Optional<Member> keep = keepId == null ? Optional.empty() : workshops.member(w.id(), keepId);
        Optional<Member> drop = dropId == null ? Optional.empty() : workshops.member(w.id(), dropId);
        if (keep.isEmpty() || drop.isEmpty()) return Outcome.refused("merge: choose two learners of this workshop");
        if (keepId.equals(dropId)) return Outcome.refused("merge: choose two different learners");
        workshops.merge(w.id(), keepId, dropId);
        activity.changed(w.id());
        return Outcome.done(drop.get().displayName() + "'s work is now " + keep.get().displayName() + "'s.");
    }

    /** Takes a learner out of the workshop's room and results (their own work stays theirs). */
    public Optional<Outcome> remove(Workshop w, String learnerId) {
        Optional<Member> m = workshops.member(w.id(), learnerId);
        if (m.isEmpty()) return Optional.empty();
        workshops.remove(w.id(), learnerId);
        activity.changed(w.id());
        return Optional.of(Outcome.done(m.get().displayName() + " left the workshop."));
    }

    /** Opens a closed workshop again. */
    public Outcome reopen(Workshop w) {
        if (w.open()) return Outcome.refused("workshop: this workshop is already open");
        workshops.reopen(w.id());
        activity.changed(w.id());
        return Outcome.done("The workshop is open again.");
    }

    /** Gives the workshop a new title. */
    public Outcome rename(Workshop w, String title) {
        if (!w.open()) return Outcome.refused(CLOSED);
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) return Outcome.refused("title: give the workshop a title (1 to " + MAX_TITLE + " characters)");
        workshops.rename(w.id(), t);
        activity.changed(w.id());
        return Outcome.done("Renamed to " + t + ".");
    }

    /** Sets the lessons the workshop covers, chosen from the course (kept in course order). */
    public Outcome lessons(Workshop w, List<String> chosen) {
        if (!w.open()) return Outcome.refused(CLOSED);
        List<String> lessons = new ArrayList<>();
        for (Lesson l : course.get().lessons()) if (chosen.contains(l.slug())) lessons.add(l.slug());
        if (lessons.isEmpty()) return Outcome.refused("lesson: choose at least one lesson");
        if (chosen.size() != lessons.size()) return Outcome.refused("lesson: choose lessons from the course");
        workshops.setLessons(w.id(), lessons);
        activity.changed(w.id());
        return Outcome.done("The workshop now covers " + lessons.size() + (lessons.size() == 1 ? " lesson." : " lessons."));
    }

    /** Lets another instructor, by name, steer the workshop too. */
    public Outcome addInstructor(Workshop w, String name, Instructors instructors) {
        if (!w.open()) return Outcome.refused(CLOSED);
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || !instructors.exists(n)) return Outcome.refused("instructor: there is no instructor named " + (n.isEmpty() ? "(blank)" : n));
        if (n.equals(w.instructor())) return Outcome.refused("instructor: " + n + " already runs this workshop");
        workshops.addInstructor(w.id(), n);
        return Outcome.done(n + " can now steer this workshop too.");
    }

    /**
     * Puts an announcement line and a timer in front of the class (the projector and every
     * learner's page): a blank line clears it, 0 or blank minutes stop the timer.
     */
    public Outcome board(Workshop w, String announcement, String minutes) {
        if (!w.open()) return Outcome.refused(CLOSED);
        String a = announcement == null ? "" : announcement.strip();
        if (a.length() > MAX_ANNOUNCEMENT) return Outcome.refused("announcement: at most " + MAX_ANNOUNCEMENT + " characters");
        int m;
        try {
            m = minutes == null || minutes.isBlank() ? 0 : Integer.parseInt(minutes.strip());
        } catch (NumberFormatException e) {
            m = -1;
        }
        if (m < 0 || m > MAX_TIMER_MINUTES) return Outcome.refused("minutes: a whole number from 0 to " + MAX_TIMER_MINUTES);
        String ends = m == 0 ? null : clock.instant().plus(Duration.ofMinutes(m)).truncatedTo(ChronoUnit.SECONDS).toString();
        workshops.setBoard(w.id(), new Workshops.Board(a.isEmpty() ? null : a, ends));
        activity.changed(w.id());
        return Outcome.done(a.isEmpty() && ends == null ? "Cleared the announcement and the timer." : "The class sees it now.");
    }

    /** The announcement and the minutes left on the timer (rounded up; 0 once it ran out), for the class to see. */
    public Shown shown(Workshop w) {
        Workshops.Board b = workshops.board(w.id());
        Long left = null;
        if (b.timerEndsAt() != null) {
            long s = Duration.between(clock.instant(), Instant.parse(b.timerEndsAt())).getSeconds();
            left = Math.max(0, (s + 59) / 60);
        }
        return new Shown(b.announcement(), left, b.timerEndsAt());
    }

    /** What the class sees: the announcement (or null) and the minutes left (or null without a timer). */
    public record Shown(String announcement, Long minutesLeft, String timerEndsAt) {
    }

    /** Deletes the workshop; its learners' progress and sandboxes stay theirs (export the results first). */
    public void delete(Workshop w) {
        workshops.delete(w.id());
        activity.changed(w.id());
    }

    /** The regions and zones of the start layout, in order: what the chaos button can fail. */
    public List<String> chaosTargets(Workshop w) {
        List<String> out = new ArrayList<>();
        for (Region r : given.start(w).regions()) {
            out.add(r.code());
            for (Zone z : r.zones()) out.add(z.id());
        }
        return out;
    }

    private Layout read(String text) throws InputException {
        return LayoutReader.read(text, Documents.formatOf("", text), "", catalog);
    }
}
