package cloudlab.web;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.progress.Learner;
import cloudlab.progress.LearnerProgress;
import cloudlab.quiz.Gradebook;
import cloudlab.sandbox.Describe;
import cloudlab.sandbox.Sandbox;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.Command;
import cloudlab.sim.Decision;
import cloudlab.sim.Documents;
import cloudlab.sim.GradeResult;
import cloudlab.sim.Grader;
import cloudlab.sim.History;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.LayoutReader;
import cloudlab.sim.LayoutWriter;
import cloudlab.sim.Node;
import cloudlab.sim.Region;
import cloudlab.sim.Report;
import cloudlab.sim.Simulator;
import cloudlab.sim.Zone;
import cloudlab.store.Database;
import cloudlab.workshop.Member;
import cloudlab.workshop.Workshop;
import cloudlab.workshop.Workshops;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Workshops: learners join with a code; the instructor creates workshops, watches the live room,
 * paces the lessons, pushes layouts, resets a learner, presses the chaos button and exports the
 * results. Every instructor page needs the instructor who owns the workshop.
 */
final class WorkshopPages {
    static final Duration IDLE = Duration.ofMinutes(5);
    /** How stale "last seen" may get before a request writes it again; far below {@link #IDLE}. */
    static final Duration SEEN_EVERY = Duration.ofSeconds(30);
    private static final String MEMBERSHIP = "cloudlab.membership";
    /** Joins one workshop may take per minute: a whole lecture hall at once, not a flood. */
    static final int JOINS_PER_CODE_PER_MINUTE = 600;
    /** Wrong join codes one address may send per minute: typos pass, guessing does not. */
    static final int MISSES_PER_ADDRESS_PER_MINUTE = 60;
    private final Services services;
    private final Learners learners;
    private final Workshops workshops;
    private final RateLimiter limiter;

    WorkshopPages(Services services, Learners learners, RateLimiter limiter) {
        this.services = services;
        this.learners = learners;
        this.workshops = services.workshops();
        this.limiter = limiter;
    }

    // ---- learners ----

    void joinForm(Context ctx) {
        Map<String, Object> model = LessonPages.base(ctx, "Join a workshop — Cloud Lab");
        model.put("section", "workshop");
        String code = ctx.pathParamMap().containsKey("code") ? ctx.pathParam("code") : ctx.queryParam("code");
        model.put("code", code == null ? "" : code);
        model.put("name", "");
        model.put("error", null);
        ctx.render("workshop/join", model);
    }

    void join(Context ctx) {
        String code = ctx.formParam("code");
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        String error = null;
        String missKey = "join-miss:" + limiter.client(ctx);
        if (limiter.count(missKey, Duration.ofMinutes(1)) >= MISSES_PER_ADDRESS_PER_MINUTE) {
            joinRefused(ctx, code, name, HttpStatus.TOO_MANY_REQUESTS, "code: too many wrong codes from here; wait a minute and try again");
            return;
        }
        Optional<Workshop> w = workshops.byCode(code);
        if (w.isEmpty()) limiter.record(missKey);
        if (name.isEmpty() || name.length() > Workshops.MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            error = "name: type the name the room will see you by (1 to " + Workshops.MAX_NAME + " characters)";
        } else if (w.isEmpty()) {
            error = "code: no workshop has that join code; check it on the screen (6 letters and digits)";
        } else if (!w.get().open()) {
            error = "code: that workshop has ended; its results are kept, but it takes no new joins";
        }
        if (error != null) {
            joinRefused(ctx, code, name, HttpStatus.BAD_REQUEST, error);
            return;
        }
        if (!limiter.tryAcquire("join:" + w.get().code(), JOINS_PER_CODE_PER_MINUTE, Duration.ofMinutes(1))) {
            joinRefused(ctx, code, name, HttpStatus.TOO_MANY_REQUESTS, "code: this workshop is taking many joins right now; try again in a minute");
            return;
        }
        Learner learner = learners.ensure(ctx);
        Member m = workshops.join(w.get(), learner.id(), name);
        if (m.sandboxId() == null) giveSandbox(w.get(), learner.id(), startLayout(w.get()), "Workshop sandbox");
        ctx.redirect("/workshop", HttpStatus.SEE_OTHER);
    }

    private void joinRefused(Context ctx, String code, String name, HttpStatus status, String error) {
        Map<String, Object> model = LessonPages.base(ctx, "Join a workshop — Cloud Lab");
        model.put("section", "workshop");
        model.put("code", code == null ? "" : code);
        model.put("name", name);
        model.put("error", error);
        ctx.status(status).html(services.renderer().page("workshop/join", model));
    }

    /** The learner's workshop page: the lessons in order (locked ones marked) and their sandbox. */
    void home(Context ctx) {
        Optional<Learner> learner = learners.current(ctx);
        Optional<Workshops.Membership> ms = learner.flatMap(l -> workshops.current(l.id()));
        if (ms.isEmpty()) {
            ctx.redirect("/join", HttpStatus.SEE_OTHER);
            return;
        }
        Workshop w = ms.get().workshop();
        Course course = services.course().course();
        LearnerProgress progress = services.progress().of(learner.get().id());
        List<Map<String, Object>> lessons = new ArrayList<>();
        for (String slug : w.lessons()) {
            Lesson l = course.lesson(slug);
            if (l == null) continue;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lesson", l);
            row.put("open", w.lessonOpen(slug));
            LearnerProgress.LessonState st = progress.lesson(slug);
            row.put("state", st == null ? "Not started" : st.completed() ? "Completed" : "In progress");
            lessons.add(row);
        }
        Map<String, Object> model = LessonPages.base(ctx, w.title() + " — Cloud Lab workshop");
        model.put("section", "workshop");
        model.put("workshop", w);
        model.put("member", ms.get().member());
        model.put("lessons", lessons);
        model.put("learner", learner.get());
        ctx.render("workshop/home", model);
    }

    // ---- instructors ----

    void list(Context ctx) {
        String who = instructor(ctx);
        if (who == null) return;
        Map<String, Object> model = LessonPages.base(ctx, "Workshops — Cloud Lab");
        model.put("section", "instructor");
        model.put("workshops", workshops.ofInstructor(who));
        model.put("lessons", services.course().course().lessons());
        model.put("error", null);
        ctx.render("instructor/workshops", model);
    }

    void create(Context ctx) {
        String who = instructor(ctx);
        if (who == null) return;
        String title = ctx.formParam("title") == null ? "" : ctx.formParam("title").strip();
        List<String> chosen = ctx.formParams("lesson");
        Course course = services.course().course();
        String error = null;
        String layoutJson = null;
        if (title.isEmpty() || title.length() > 120) error = "title: give the workshop a title (1 to 120 characters)";
        List<String> lessons = new ArrayList<>();
        for (Lesson l : course.lessons()) if (chosen.contains(l.slug())) lessons.add(l.slug());
        if (error == null && lessons.isEmpty()) error = "lesson: choose at least one lesson";
        if (error == null && chosen.size() != lessons.size()) error = "lesson: choose lessons from the course";
        String layoutText = ctx.formParam("layout");
        if (error == null && layoutText != null && !layoutText.isBlank()) {
            try {
                layoutJson = LayoutWriter.toJson(LayoutReader.read(layoutText, Documents.formatOf("", layoutText), "", services.catalog()));
            } catch (InputException e) {
                error = "layout: " + e.getMessage();
            }
        }
        if (error != null) {
            Map<String, Object> model = LessonPages.base(ctx, "Workshops — Cloud Lab");
            model.put("section", "instructor");
            model.put("workshops", workshops.ofInstructor(who));
            model.put("lessons", course.lessons());
            model.put("error", error);
            model.put("typedTitle", title);
            model.put("typedLayout", layoutText);
            ctx.status(HttpStatus.BAD_REQUEST).html(services.renderer().page("instructor/workshops", model));
            return;
        }
        Workshop w = workshops.create(who, title, lessons, layoutJson);
        ctx.redirect("/instructor/workshops/" + w.id(), HttpStatus.SEE_OTHER);
    }

    void room(Context ctx) {
        Workshop w = owned(ctx);
        if (w == null) return;
        Map<String, Object> model = roomModel(ctx, w);
        String joinUrl = base(ctx) + "/join/" + w.code();
        model.put("joinUrl", joinUrl);
        model.put("qr", Qr.svg(joinUrl, "Join link for " + w.title()));
        model.put(Renderer.FRAGMENT, "grid");
        ctx.render("instructor/room", model);
    }

    /** The live grid alone, for htmx polling. */
    void grid(Context ctx) {
        Workshop w = owned(ctx);
        if (w == null) return;
        ctx.html(services.renderer().fragment("instructor/room", "grid", roomModel(ctx, w)));
    }

    void pace(Context ctx) {
        Workshop w = owned(ctx);
        if (w == null) return;
        String what = String.valueOf(ctx.formParam("unlock"));
        int unlocked;
        switch (what) {
            case "all" -> unlocked = -1;
            case "next" -> unlocked = Math.min(w.lessons().size(), w.openCount() + 1);
            case "previous" -> unlocked = Math.max(1, w.openCount() - 1);
            default -> {
                roomError(ctx, w, "unlock: choose next, previous or all");
                return;
            }
        }
        workshops.pace(w.id(), unlocked);
        backToRoom(ctx, w, unlocked < 0 ? "Every lesson is open." : unlocked + " of " + w.lessons().size() + " lessons are open.");
    }

    /** Gives every learner a fresh sandbox from the pushed layout; their old sandboxes stay theirs. */
    void push(Context ctx) {
        Workshop w = owned(ctx);
        if (w == null) return;
        String text = ctx.formParam("layout");
        Layout layout;
        try {
            if (text == null || text.isBlank()) throw new InputException("paste a layout document (YAML or JSON)");
            layout = LayoutReader.read(text, Documents.formatOf("", text), "", services.catalog());
        } catch (InputException e) {
            roomError(ctx, w, "layout: " + e.getMessage());
            return;
        }
        workshops.setStartLayout(w.id(), LayoutWriter.toJson(layout));
        int n = 0;
        for (Member m : workshops.members(w.id())) {
            giveSandbox(w, m.learnerId(), layout, layout.name() != null ? layout.name() : "Pushed layout");
            n++;
        }
        backToRoom(ctx, w, "Pushed the layout to " + n + (n == 1 ? " sandbox." : " sandboxes."));
    }

    void resetLearner(Context ctx) {
        Workshop w = owned(ctx);
        if (w == null) return;
        Optional<Member> m = workshops.member(w.id(), ctx.pathParam("learner"));
        if (m.isEmpty()) throw new NotFoundResponse("That learner is not in this workshop.");
        giveSandbox(w, m.get().learnerId(), startLayout(w), "Workshop sandbox");
        backToRoom(ctx, w, "Gave " + m.get().displayName() + " a fresh sandbox from the start layout.");
    }

    /**
     * The chaos button: fails (or restores) a zone or region, by its id in the workshop's start
     * layout, in every learner's sandbox that has it, through the core like any other action.
     */
    void chaos(Context ctx) {
        Workshop w = owned(ctx);
        if (w == null) return;
        String id = ctx.formParam("id");
        String action = ctx.formParam("action");
        Layout start = startLayout(w);
        Node target = id == null ? null : start.node(id);
        if (!(target instanceof Zone) && !(target instanceof Region)) {
            roomError(ctx, w, "id: choose a zone or region of the workshop's start layout");
            return;
        }
        if (!"fail".equals(action) && !"restore".equals(action)) {
            roomError(ctx, w, "action: fail or restore");
            return;
        }
        int done = 0;
        int without = 0;
        for (Member m : workshops.members(w.id())) {
            if (m.sandboxId() == null) continue;
            Command c = action.equals("fail") ? new Command.Fail(id) : new Command.Restore(id);
            try {
                Decision d = services.sandboxes().submit(m.learnerId(), m.sandboxId(), c);
                if (d.accepted()) done++;
                else if (services.sandboxes().get(m.learnerId(), m.sandboxId()).history().state().node(id) == null) without++;
            } catch (Sandboxes.NotFound e) {
                without++;
            }
        }
        String verb = action.equals("fail") ? "Failed " : "Restored ";
        backToRoom(ctx, w, verb + id + " in " + done + (done == 1 ? " sandbox" : " sandboxes")
                + (without > 0 ? "; " + without + " no longer have it" : "") + ".");
    }

    void closeWorkshop(Context ctx) {
        Workshop w = owned(ctx);
        if (w == null) return;
        workshops.close(w.id());
        ctx.redirect("/instructor/workshops/" + w.id() + "/summary", HttpStatus.SEE_OTHER);
    }

    /** One learner's workshop sandbox, read only, with its timeline. */
    void learner(Context ctx) {
        Workshop w = owned(ctx);
        if (w == null) return;
        Optional<Member> m = workshops.member(w.id(), ctx.pathParam("learner"));
        if (m.isEmpty() || m.get().sandboxId() == null) throw new NotFoundResponse("That learner is not in this workshop.");
        Sandbox s = services.sandboxes().get(m.get().learnerId(), m.get().sandboxId());
        Layout state = s.history().state();
        Report report = Simulator.simulate(state);
        List<String> steps = new ArrayList<>();
        List<History.Entry> entries = s.history().entries();
        for (int i = 0; i < s.history().position(); i++) steps.add(Describe.command(entries.get(i).command()));
        Map<String, Object> model = LessonPages.base(ctx, m.get().displayName() + " — " + w.title());
        model.put("section", "instructor");
        model.put("workshop", w);
        model.put("member", m.get());
        model.put("report", report);
        model.put("rows", SandboxPages.rows(state, report));
        model.put("steps", steps);
        model.put("hostsSvg", cloudlab.diagram.Diagrams.hosts(state, List.of()));
        model.put("infraSvg", cloudlab.diagram.Diagrams.infrastructure(state, List.of()));
        ctx.render("instructor/learner", model);
    }

    void results(Context ctx) {
        Workshop w = owned(ctx);
        if (w == null) return;
        ctx.header("Content-Disposition", "attachment; filename=\"" + w.code() + "-results.csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(Gradebook.csv(resultRows(w)));
    }

    void summary(Context ctx) {
        Workshop w = owned(ctx);
        if (w == null) return;
        Map<String, Object> model = roomModel(ctx, w);
        model.put("title", "Summary: " + w.title() + " — Cloud Lab");
        ctx.render("instructor/summary", model);
    }

    // ---- the room ----

    /** One learner's row of the live room. */
    record Row(Member member, List<Cell> cells, String apps, boolean appsUp, boolean idle, String stuckOn, int done) {
        public String learnerId() {
            return member.learnerId();
        }
    }

    /** One learner × lesson cell: done, in progress, stuck or not started, with the quiz score. */
    record Cell(String state, String label, String score) {
    }

    /** The question or goal that fails for the most learners. */
    record Trouble(String what, int learners) {
    }

    private Map<String, Object> roomModel(Context ctx, Workshop w) {
        Course course = services.course().course();
        List<Lesson> lessons = w.lessons().stream().map(course::lesson).filter(java.util.Objects::nonNull).toList();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> wrongByQuestion = new LinkedHashMap<>();
        Map<String, Integer> failingGoals = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (Member m : workshops.members(w.id())) {
            LearnerProgress p = services.progress().of(m.learnerId());
            List<Cell> cells = new ArrayList<>();
            String stuck = null;
            int done = 0;
            for (Lesson l : lessons) {
                LearnerProgress.LessonState st = p.lesson(l.slug());
                double score = 0;
                int answered = 0;
                int total = l.quiz() == null ? 0 : l.quiz().questions().size();
                boolean lessonStuck = false;
                if (l.quiz() != null) {
                    for (Question q : l.quiz().questions()) {
                        LearnerProgress.Answer a = p.answer(l.quiz().id(), q.id());
                        if (a == null) continue;
                        answered++;
                        score += a.score();
                        if (!a.correct()) {
                            wrongByQuestion.merge(l.title() + ": " + q.prompt(), 1, Integer::sum);
                            if (a.attempts() >= 3) {
                                lessonStuck = true;
                                if (stuck == null) stuck = l.title() + ", " + q.id();
                            }
                        }
                    }
                }
                for (LessonChallenge c : l.challenges()) countFailingGoals(m, c, failingGoals);
                String state = st == null ? "new" : st.completed() ? "done" : lessonStuck ? "stuck" : "started";
                if (state.equals("done")) done++;
                String label = switch (state) {
                    case "done" -> "done";
                    case "stuck" -> "stuck";
                    case "started" -> "in progress";
                    default -> "not started";
                };
                cells.add(new Cell(state, label, answered == 0 ? "" : Math.round(score * 10) / 10.0 + "/" + total));
            }
            String apps = "no sandbox";
            boolean up = false;
            if (m.sandboxId() != null) {
                try {
                    Layout state = services.sandboxes().get(m.learnerId(), m.sandboxId()).history().state();
                    Report r = Simulator.simulate(state);
                    long avail = r.apps().stream().filter(Report.AppReport::available).count();
                    up = !r.apps().isEmpty() && avail == r.apps().size();
                    apps = r.apps().isEmpty() ? "no apps" : avail + "/" + r.apps().size() + " apps up"
                            + (state.failed().isEmpty() ? "" : " · " + String.join(", ", state.failed()) + " failed");
                } catch (Sandboxes.NotFound e) {
                    apps = "no sandbox";
                }
            }
            boolean idle = Duration.between(Instant.parse(m.lastSeenAt()), now).compareTo(IDLE) > 0;
            rows.add(new Row(m, cells, apps, up, idle, stuck, done));
        }
        Map<String, Object> model = LessonPages.base(ctx, w.title() + " — live room");
        model.put("section", "instructor");
        model.put("workshop", w);
        model.put("lessons", lessons);
        model.put("rows", rows);
        model.put("worstQuestion", worst(wrongByQuestion));
        model.put("worstGoal", worst(failingGoals));
        model.put("chaosTargets", chaosTargets(w));
        model.put("notice", ctx.queryParam("notice"));
        model.put("error", null);
        model.put("idleCount", rows.stream().filter(Row::idle).count());
        model.put("upCount", rows.stream().filter(Row::appsUp).count());
        return model;
    }

    private void countFailingGoals(Member m, LessonChallenge c, Map<String, Integer> failing) {
        Optional<String> id = services.sandboxes().latest(m.learnerId(), Sandbox.Origin.CHALLENGE, c.id());
        if (id.isEmpty()) return;
        try {
            GradeResult r = Grader.grade(c.challenge(), services.sandboxes().get(m.learnerId(), id.get()).history().state());
            for (int i = 0; i < r.checks().size(); i++) {
                if (!r.checks().get(i).passed()) {
                    failing.merge(c.challenge().title() + ": " + Goals.describe(c.challenge().goals().get(i)), 1, Integer::sum);
                }
            }
        } catch (Sandboxes.NotFound e) {
            // the sandbox went away; nothing to count
        }
    }

    private static Trouble worst(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> new Trouble(e.getKey(), e.getValue())).orElse(null);
    }

    private List<String> chaosTargets(Workshop w) {
        Layout start = startLayout(w);
        List<String> out = new ArrayList<>();
        for (Region r : start.regions()) {
            out.add(r.code());
            for (Zone z : r.zones()) out.add(z.id());
        }
        return out;
    }

    private List<Gradebook.Row> resultRows(Workshop w) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Member m : workshops.members(w.id())) names.put(m.learnerId(), m.displayName());
        Set<String> items = new HashSet<>();
        Course course = services.course().course();
        for (String slug : w.lessons()) {
            Lesson l = course.lesson(slug);
            if (l == null) continue;
            if (l.quiz() != null) for (Question q : l.quiz().questions()) items.add(l.quiz().id() + "/" + q.id());
            for (LessonChallenge c : l.challenges()) items.add("challenge/" + c.id());
        }
        List<Gradebook.Row> out = new ArrayList<>();
        for (Gradebook.Row r : Gradebook.rows(course, services.progress())) {
            if (!names.containsKey(r.learnerId()) || !items.contains(r.item())) continue;
            out.add(new Gradebook.Row(r.learnerId(), names.get(r.learnerId()), r.item(), r.score(), r.max(), r.attempts(), r.lastSubmitted()));
        }
        return out;
    }

    // ---- helpers ----

    private Layout startLayout(Workshop w) {
        if (w.startLayout() == null) return Layout.empty();
        try {
            return LayoutReader.read(w.startLayout(), Documents.Format.JSON, "workshop layout", services.catalog());
        } catch (InputException e) {
            throw new IllegalStateException("workshop " + w.id() + " holds a layout that no longer reads: " + e.getMessage(), e);
        }
    }

    private void giveSandbox(Workshop w, String learnerId, Layout layout, String title) {
        Sandbox s = services.sandboxes().create(learnerId, title + " — " + w.title(), Sandbox.Origin.WORKSHOP, w.id(), layout);
        workshops.setSandbox(w.id(), learnerId, s.id());
    }

    /** The signed-in instructor's name, or null after answering with the sign-in page. */
    private String instructor(Context ctx) {
        Optional<String> who = services.instructors().bySession(ctx.cookie(InstructorPages.COOKIE));
        if (who.isPresent()) return who.get();
        InstructorPages.signInPage(services, ctx, "Sign in as an instructor to see this page.");
        return null;
    }

    /** The workshop in the path when the signed-in instructor owns it; 404 for anyone else's. */
    private Workshop owned(Context ctx) {
        String who = instructor(ctx);
        if (who == null) return null;
        return workshops.ofInstructor(who, ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("There is no workshop " + ctx.pathParam("id") + " among yours."));
    }

    private void backToRoom(Context ctx, Workshop w, String notice) {
        ctx.redirect("/instructor/workshops/" + w.id() + "?notice=" + java.net.URLEncoder.encode(notice, java.nio.charset.StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }

    private void roomError(Context ctx, Workshop w, String error) {
        Map<String, Object> model = roomModel(ctx, w);
        String joinUrl = base(ctx) + "/join/" + w.code();
        model.put("joinUrl", joinUrl);
        model.put("qr", Qr.svg(joinUrl, "Join link for " + w.title()));
        model.put("error", error);
        ctx.status(HttpStatus.BAD_REQUEST).html(services.renderer().page("instructor/room", model));
    }

    /** The address learners use to reach this server, from the request (proxies included). */
    static String base(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto") != null ? ctx.header("X-Forwarded-Proto") : ctx.scheme();
        String host = ctx.header("X-Forwarded-Host") != null ? ctx.header("X-Forwarded-Host") : ctx.host();
        return proto + "://" + host;
    }

    /** Records that a workshop learner did something, for the idle column. */
    void seen(Context ctx) {
        if (ctx.statusCode() >= 400) return; // a refused request (a forged post, a bad form) is not activity
        learners.current(ctx).flatMap(l -> membership(workshops, ctx, l.id()))
                .filter(ms -> seenLongAgo(ms.member().lastSeenAt(), Instant.now()))
                .ifPresent(ms -> workshops.seen(ms.workshop().id(), ms.member().learnerId()));
    }

    /**
     * Whether "last seen" is worth writing again: the room calls a learner idle after
     * {@link #IDLE}, so a mark younger than {@link #SEEN_EVERY} is left as it is, which spares a
     * write transaction on nearly every page and action of a busy learner.
     */
    static boolean seenLongAgo(String lastSeenAt, Instant now) {
        if (lastSeenAt == null) return true;
        try {
            return Duration.between(Instant.parse(lastSeenAt), now).compareTo(SEEN_EVERY) >= 0;
        } catch (java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    /** The learner's open workshop, read once per request (the lock check and the "seen" mark both ask). */
    static Optional<Workshops.Membership> membership(Workshops workshops, Context ctx, String learnerId) {
        Object cached = ctx.attribute(MEMBERSHIP);
        if (cached instanceof Remembered r && r.learnerId().equals(learnerId)) return r.membership();
        Optional<Workshops.Membership> found = workshops.current(learnerId);
        ctx.attribute(MEMBERSHIP, new Remembered(learnerId, found));
        return found;
    }

    /** A learner's workshop as read once in this request, or that they are in none. */
    private record Remembered(String learnerId, Optional<Workshops.Membership> membership) {
    }

    static String now() {
        return Database.now();
    }
}
