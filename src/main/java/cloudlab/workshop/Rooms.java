package cloudlab.workshop;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.quiz.Completion;
import cloudlab.quiz.QuestionAnalytics;
import cloudlab.progress.ScopedWork;
import cloudlab.quiz.Scores;
import cloudlab.progress.LearnerProgress;
import cloudlab.progress.Progress;
import cloudlab.quiz.Gradebook;
import cloudlab.sandbox.Describe;
import cloudlab.sandbox.Sandbox;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.grade.Goal;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
import cloudlab.sim.History;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Report;
import cloudlab.sim.Simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The workshop feature's front door for what people see: the instructor's live room (as a
 * {@link Room}, or one learner's row alone), a learner's workshop page, one learner's sandbox read
 * only, and the results export. It also holds the room's rules: when a learner is stuck, which
 * lesson state a learner is in, and what fails for them.
 */
public final class Rooms {
    /** Wrong tries at one question, its latest answer still wrong, after which the room calls a learner stuck. */
    public static final int STUCK_AFTER_TRIES = 3;
    private final Workshops workshops;
    private final Progress progress;
    private final Sandboxes sandboxes;
    private final Supplier<Course> course;
    private final Function<Goal, String> goalWords;
    private final Clock clock;
    private final WorkshopSandboxes given;
    private final Steering steering;
    private final Joining joining;
    private final Activity activity;
    private final Regrading regrading;
    private final Results results;
    private final RegionCatalog catalog;

    /**
     * The workshop feature over its store and the features it reads. {@code goalWords} says a
     * challenge goal in a learner's words (the same words the lesson page uses).
     */
    public Rooms(Workshops workshops, Progress progress, Sandboxes sandboxes, Supplier<Course> course, RegionCatalog catalog,
                 Function<Goal, String> goalWords, Clock clock) {
        this.workshops = workshops;
        this.progress = progress;
        this.sandboxes = sandboxes;
        this.course = course;
        this.goalWords = goalWords;
        this.clock = clock;
        this.given = new WorkshopSandboxes(workshops, sandboxes, catalog);
        this.activity = new Activity(workshops.db(), clock);
        this.steering = new Steering(workshops, sandboxes, given, course, catalog, activity, clock);
        this.joining = new Joining(workshops, given, activity);
        this.results = new Results(workshops, progress, course);
        this.catalog = catalog;
        this.regrading = new Regrading(workshops, progress, course, this::results);
    }

    /** Regrading the attempts an instructor may touch, with its audit. */
    public Regrading regrading() {
        return regrading;
    }

    /** The instructor's actions on a workshop. */
    public Steering steering() {
        return steering;
    }

    /** Live updates: what changed, announced through the database for every server. */
    public Activity activity() {
        return activity;
    }

    /** Joining a workshop with its code. */
    public Joining joining() {
        return joining;
    }

    // ---- the room ----

    /** The live room now: every learner's row in the workshop's member order. */
    public Room room(Workshop w) {
        List<Lesson> lessons = lessons(w);
        List<Scored> scored = scored(lessons);
        List<Room.LearnerRow> rows = new ArrayList<>();
        for (Member m : workshops.members(w.id())) rows.add(row(w, scored, m));
        return new Room(w, columns(lessons), rows, steering.chaosTargets(w));
    }

    /** One learner's row, computed on its own (empty when they are not in the workshop). */
    public Optional<Room.LearnerRow> row(Workshop w, String learnerId) {
        return workshops.member(w.id(), learnerId).map(m -> row(w, scored(lessons(w)), m));
    }

    /**
     * A lesson of the room with what scoring it takes, worked out once per room instead of once per
     * learner (each a list of records with built keys): its quiz's items in question order, its
     * items ({@link Scores#items(Lesson)}) and its challenge blocks.
     */
    private record Scored(Lesson lesson, List<Scores.Item> quizItems, List<Scores.Item> items, List<LessonChallenge> challenges) {
    }

    private static List<Scored> scored(List<Lesson> lessons) {
        return lessons.stream().map(l -> new Scored(l, l.quiz() == null ? List.of() : Scores.items(l.quiz()), Scores.items(l),
                l.challenges())).toList();
    }

    private Room.LearnerRow row(Workshop w, List<Scored> lessons, Member m) {
        LearnerProgress p = progress.of(m.learnerId(), Progress.Scope.workshop(m.workshopId()));
        List<Room.Cell> cells = new ArrayList<>();
        List<String> failingQuestions = new ArrayList<>();
        List<String> failingGoals = new ArrayList<>();
        String stuckOn = null;
        int done = 0;
        Scores.LearnerScore total = Scores.LearnerScore.NONE;
        for (Scored l : lessons) {
            InLesson in = inLesson(p, l, w.lessonOpen(l.lesson().slug()));
            if (in.state() == Room.State.DONE) done++;
            if (stuckOn == null) stuckOn = in.stuckOn();
            failingQuestions.addAll(in.failingQuestions());
            for (LessonChallenge c : l.challenges()) failingGoals.addAll(failingGoals(m.learnerId(), c));
            cells.add(new Room.Cell(in.state(), in.score()));
            total = total.plus(in.total()); // as Scores.lessons adds them
        }
        Apps apps = apps(m);
        boolean idle = Attendance.idle(m.lastSeenAt(), clock.instant());
        return new Room.LearnerRow(m, cells, apps.text(), apps.allUp(), idle, stuckOn, done, failingQuestions, failingGoals, total);
    }

    /**
     * Where one learner is in one lesson: its state, quiz score text, the question they are stuck
     * on, the prompts they fail, and its score ({@link Scores#lesson}).
     */
    private record InLesson(Room.State state, String score, String stuckOn, List<String> failingQuestions, Scores.LearnerScore total) {
    }

    /**
     * Where a learner stands in one lesson for the room: the quiz feature's lesson state and score
     * (its one definition, challenges included), and stuck while a question's counted score is
     * short of full after {@link #STUCK_AFTER_TRIES} tries; locked while not started and not yet
     * opened by the workshop ({@code open} false).
     */
    private InLesson inLesson(LearnerProgress p, Scored scored, boolean open) {
        Lesson l = scored.lesson();
        String stuckOn = null;
        List<String> failing = new ArrayList<>();
        if (l.quiz() != null) {
            List<Question> questions = l.quiz().questions();
            for (int i = 0; i < questions.size(); i++) {
                Question q = questions.get(i);
                Optional<Scores.ItemScore> s = Scores.of(scored.quizItems().get(i), p);
                if (s.isEmpty() || s.get().full()) continue;
                failing.add(l.title() + ": " + q.prompt());
                if (stuck(s.get()) && stuckOn == null) stuckOn = l.title() + ", " + q.id();
            }
        }
        Room.State state = switch (Completion.state(l, p)) {
            case NEW -> open ? Room.State.NEW : Room.State.LOCKED;
            case DONE -> Room.State.DONE;
            case STARTED -> stuckOn != null ? Room.State.STUCK : Room.State.STARTED;
        };
        Scores.LearnerScore score = Scores.over(scored.items(), p);
        String text = score.attempted() == 0 ? "" : Math.round(score.score() * 10) / 10.0 + "/" + Math.round(score.max());
        return new InLesson(state, text, stuckOn, failing, score);
    }

    /** Whether a learner is stuck on an item: its counted score still short of full after {@link #STUCK_AFTER_TRIES} tries. */
    static boolean stuck(Scores.ItemScore s) {
        return !s.full() && s.attempts() >= STUCK_AFTER_TRIES;
    }

    /** The goals of a challenge that fail in the learner's latest sandbox for it, as "challenge: goal". */
    private List<String> failingGoals(String learnerId, LessonChallenge c) {
        Optional<String> id = sandboxes.latest(learnerId, Sandbox.Origin.CHALLENGE, c.id());
        if (id.isEmpty()) return List.of();
        try {
            GradeResult r = Grader.grade(c.challenge(), sandboxes.get(learnerId, id.get()).history().state());
            List<String> out = new ArrayList<>();
            for (int i = 0; i < r.checks().size(); i++) {
                if (!r.checks().get(i).passed()) out.add(c.challenge().title() + ": " + goalWords.apply(c.challenge().goals().get(i)));
            }
            return out;
        } catch (Sandboxes.NotFound e) {
            return List.of(); // the sandbox went away; nothing to count
        }
    }

    /** A learner's workshop sandbox in words ("1/2 apps up · use1-az1 failed") and whether every app is up. */
    private record Apps(String text, boolean allUp) {
    }

    private Apps apps(Member m) {
        if (m.sandboxId() == null) return new Apps("no sandbox", false);
        Layout state;
        try {
            state = sandboxes.get(m.learnerId(), m.sandboxId()).history().state();
        } catch (Sandboxes.NotFound e) {
            return new Apps("no sandbox", false);
        }
        Report r = Simulator.simulate(state);
        if (r.apps().isEmpty()) return new Apps("no apps", false);
        long up = r.apps().stream().filter(Report.AppReport::available).count();
        return new Apps(up + "/" + r.apps().size() + " apps up" + (state.failed().isEmpty() ? "" : " · " + String.join(", ", state.failed()) + " failed"),
                up == r.apps().size());
    }

    // ---- a learner's own view ----

    /** A learner's workshop page: the workshop, their membership and its lessons in order. */
    public record LearnerHome(Workshop workshop, Member member, List<LessonCard> lessons) {
    }

    /** A lesson on the learner's workshop page: whether it is open yet, and their state in it. */
    public record LessonCard(int number, String slug, String title, boolean open, Room.State state) {
    }

    /** The learner's page for the open workshop they are in. */
    public LearnerHome home(Workshops.Membership ms) {
        Workshop w = ms.workshop();
        LearnerProgress p = progress.of(ms.member().learnerId(), Progress.Scope.workshop(w.id()));
        List<LessonCard> cards = new ArrayList<>();
        for (Scored l : scored(lessons(w))) cards.add(new LessonCard(cards.size() + 1, l.lesson().slug(), l.lesson().title(),
                w.lessonOpen(l.lesson().slug()), inLesson(p, l, true).state())); // the card says open or not itself
        return new LearnerHome(w, ms.member(), cards);
    }

    /** Marks the learner seen for the idle column after they did something, and tells the room their row changed. */
    public void seen(Workshops.Membership ms) {
        seen(ms, true);
    }

    /**
     * Marks the learner seen, unless their mark is younger than {@link Attendance#SEEN_EVERY}; the
     * room is told their row changed when {@code changed} (they did something, or a page they read
     * recorded something) or the mark was rewritten (they may have been idle). A page that was only
     * read again writes nothing.
     */
    public void seen(Workshops.Membership ms, boolean changed) {
        boolean stale = Attendance.seenLongAgo(ms.member().lastSeenAt(), clock.instant());
        if (stale) workshops.seen(ms.workshop().id(), ms.member().learnerId());
        if (stale || changed) activity.touched(ms.workshop().id(), ms.member().learnerId());
    }

    // ---- one learner, read only ----

    /** One learner's workshop sandbox as the instructor sees it: its state, the core's report, the steps taken. */
    public record LearnerSandbox(Member member, Layout state, Report report, List<String> steps) {
    }

    /** The learner's workshop sandbox, or empty when they are not in the workshop or have none. */
    public Optional<LearnerSandbox> learnerSandbox(Workshop w, String learnerId) {
        Optional<Member> m = workshops.member(w.id(), learnerId);
        if (m.isEmpty() || m.get().sandboxId() == null) return Optional.empty();
        History h = sandboxes.get(m.get().learnerId(), m.get().sandboxId()).history();
        List<String> steps = new ArrayList<>();
        for (History.Entry e : h.entries()) if (e.applied()) steps.add(Describe.step(e));
        return Optional.of(new LearnerSandbox(m.get(), h.state(), Simulator.simulate(h.state()), steps));
    }

    // ---- results ----

    /**
     * The results export: the gradebook's rows (the quiz feature's scores) of every member of this
     * workshop and every question and challenge of its lessons, under the names they joined with,
     * counting only the work done in this workshop, under its attempt policy.
     */
    public List<Gradebook.Row> results(Workshop w) {
        return results.of(w);
    }

    /**
     * An instructor's gradebook: the results of every workshop they own or co-teach, one after
     * another. An admin's is the server-wide gradebook ({@link Results#serverWide}).
     */
    public List<Gradebook.Row> gradebook(String instructor) {
        return results.gradebook(instructor);
    }

    /** The results export as CSV text (formula-like cells defused). */
    public String resultsCsv(Workshop w) {
        return Gradebook.csv(results(w));
    }

    private List<Lesson> lessons(Workshop w) {
        return Results.lessons(course.get(), w);
    }

    // ---- the summary ----

    /** The summary page: the room as it stands and how the class did on each question and challenge. */
    public record Summary(Room room, QuestionAnalytics.Report questions) {
    }

    public Summary summary(Workshop w) {
        return new Summary(room(w), questions(w));
    }

    /**
     * Per question and challenge of the workshop's lessons: attempts, learners, first-try rate, the
     * most common wrong answer and each goal's rate, from the work done in this workshop alone.
     */
    public QuestionAnalytics.Report questions(Workshop w) {
        ScopedWork work = new ScopedWork(workshops.db());
        Progress.Scope here = Progress.Scope.workshop(w.id());
        return QuestionAnalytics.of(lessons(w), work.attempts(here), work.checks(here), catalog, goalWords);
    }

    private static List<Room.Column> columns(List<Lesson> lessons) {
        List<Room.Column> out = new ArrayList<>();
        for (Lesson l : lessons) out.add(new Room.Column(out.size() + 1, l.slug(), l.title()));
        return out;
    }
}
