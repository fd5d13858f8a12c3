package cloudlab.web;

import cloudlab.access.Learners;
import cloudlab.access.Limits;
import cloudlab.page.Qr;
import cloudlab.workshop.Joining;
import cloudlab.workshop.Room;
import cloudlab.workshop.Rooms;
import cloudlab.workshop.Steering;
import cloudlab.sim.grade.Goals;
import cloudlab.workshop.Workshop;
import cloudlab.workshop.Workshops;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workshop pages: learners join with a code; the instructor creates workshops, watches the live
 * room, paces the lessons, pushes layouts, resets a learner, presses the chaos button and exports
 * the results. Every rule lives in {@link Rooms} and {@link Steering}; each handler here reads the
 * request, calls one of them and renders what it answers. Every instructor page needs the
 * instructor who owns the workshop.
 */
final class WorkshopPages {
    private static final String MEMBERSHIP = "cloudlab.membership";
    private static final String RECORDED = "cloudlab.recorded";
    private final Services services;
    private final Learners learners;
    private final RateLimiter limiter;
    private final Rooms rooms;
    private final Steering steering;

    Rooms rooms() {
        return rooms;
    }

    WorkshopPages(Services services, Learners learners, RateLimiter limiter) {
        this.services = services;
        this.learners = learners;
        this.limiter = limiter;
        this.rooms = new Rooms(services.workshops(), services.progress(), services.sandboxes(), () -> services.course().course(),
                services.catalog(), Goals::describe, Clock.systemUTC());
        this.steering = rooms.steering();
    }

    // ---- learners ----

    void joinForm(Context ctx) {
        String code = ctx.pathParamMap().containsKey("code") ? ctx.pathParam("code") : ctx.queryParam("code");
        ctx.render("workshop/join", joinModel(ctx, code, "", null));
    }

    void join(Context ctx) {
        String code = ctx.formParam("code");
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        String client = limiter.client(ctx);
        if (limiter.guessing(Limits.Guess.JOIN_CODE, client)) {
            joinRefused(ctx, code, name, HttpStatus.TOO_MANY_REQUESTS, "code: too many wrong codes from here; wait a minute and try again");
            return;
        }
        Joining joining = rooms.joining();
        Optional<Workshop> w = joining.workshop(code);
        if (w.isEmpty()) limiter.missed(Limits.Guess.JOIN_CODE, client);
        Optional<String> refusal = Joining.refusal(w, name)
                .or(() -> joining.nameRefusal(w.get(), learners.current(ctx).map(l -> l.id()).orElse(null), name));
        if (refusal.isPresent()) {
            joinRefused(ctx, code, name, HttpStatus.BAD_REQUEST, refusal.get());
            return;
        }
        // the workshop's budget is spent only by joins that pass the checks
        if (!limiter.joinFits(w.get().code())) {
            joinRefused(ctx, code, name, HttpStatus.TOO_MANY_REQUESTS, "code: this workshop is taking many joins right now; try again in a minute");
            return;
        }
        try {
            joining.join(w.get(), learners.ensure(ctx).id(), name);
        } catch (Workshops.NameTaken e) {
            joinRefused(ctx, code, name, HttpStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        ctx.redirect("/workshop", HttpStatus.SEE_OTHER);
    }

    private void joinRefused(Context ctx, String code, String name, HttpStatus status, String error) {
        ctx.status(status).html(services.renderer().page("workshop/join", joinModel(ctx, code, name, error)));
    }

    private static Map<String, Object> joinModel(Context ctx, String code, String name, String error) {
        Map<String, Object> model = LessonPages.base(ctx, "Join a workshop — Cloud Lab");
        model.put("section", "workshop");
        model.put("code", code == null ? "" : code);
        model.put("name", name);
        model.put("error", error);
        return model;
    }

    /** The learner's workshop page: the lessons in order (locked ones marked) and their sandbox. */
    void home(Context ctx) {
        Optional<Workshops.Membership> ms = learners.current(ctx).flatMap(l -> services.workshops().current(l.id()));
        if (ms.isEmpty()) {
            ctx.redirect("/join", HttpStatus.SEE_OTHER);
            return;
        }
        Rooms.LearnerHome home = rooms.home(ms.get());
        Map<String, Object> model = LessonPages.base(ctx, home.workshop().title() + " — Cloud Lab workshop");
        model.put("section", "workshop");
        model.put("learnerHome", home);
        model.put("since", System.currentTimeMillis()); // the stream sends only what changes after this page
        model.put("shown", steering.shown(home.workshop()));
        ctx.render("workshop/home", model);
    }

    /** Records that a workshop learner did something (a POST, or a read that recorded something: {@link #recorded}), for the room. */
    void seen(Context ctx) {
        if (ctx.statusCode() >= 400) return; // a refused request (a forged post, a bad form) is not activity
        boolean changed = ctx.method().toString().equals("POST") || ctx.attribute(RECORDED) != null;
        learners.current(ctx).flatMap(l -> membership(services.workshops(), ctx, l.id())).filter(m -> m.workshop().open())
                .ifPresent(m -> rooms.seen(m, changed));
    }

    /** Notes that this page read recorded something the room shows (a first visit of a lesson). */
    static void recorded(Context ctx) {
        ctx.attribute(RECORDED, true);
    }

    /** The learner's working workshop (open or closed), read once per request (the lock check and the "seen" mark both ask). */
    static Optional<Workshops.Membership> membership(Workshops workshops, Context ctx, String learnerId) {
        Object cached = ctx.attribute(MEMBERSHIP);
        if (cached instanceof Remembered r && r.learnerId().equals(learnerId)) return r.membership();
        Optional<Workshops.Membership> found = workshops.working(learnerId);
        ctx.attribute(MEMBERSHIP, new Remembered(learnerId, found));
        return found;
    }

    /** A learner's workshop as read once in this request, or that they are in none. */
    private record Remembered(String learnerId, Optional<Workshops.Membership> membership) {
    }

    // ---- instructors ----

    void list(Context ctx) {
        String who = instructor(ctx);
        ctx.render("instructor/workshops", listModel(ctx, who, null, null, null));
    }

    void create(Context ctx) {
        String who = instructor(ctx);
        String title = ctx.formParam("title") == null ? "" : ctx.formParam("title").strip();
        String layout = ctx.formParam("layout");
        Steering.Created made = steering.create(who, title, ctx.formParams("lesson"), layout);
        if (made.refusal() != null) {
            ctx.status(HttpStatus.BAD_REQUEST).html(services.renderer().page("instructor/workshops", listModel(ctx, who, made.refusal(), title, layout)));
            return;
        }
        ctx.redirect("/instructor/workshops/" + made.workshop().id(), HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> listModel(Context ctx, String who, String error, String typedTitle, String typedLayout) {
        Map<String, Object> model = LessonPages.base(ctx, "Workshops — Cloud Lab");
        model.put("section", "instructor");
        model.put("workshops", services.workshops().ofInstructor(who));
        model.put("lessons", services.course().course().lessons());
        model.put("error", error);
        model.put("typedTitle", typedTitle);
        model.put("typedLayout", typedLayout);
        return model;
    }

    void room(Context ctx) {
        Workshop w = owned(ctx);
        Map<String, Object> model = roomPage(ctx, w, null);
        model.put(Renderer.FRAGMENT, "grid");
        ctx.render("instructor/room", model);
    }

    /** The live grid alone, for htmx polling. */
    void grid(Context ctx) {
        Workshop w = owned(ctx);
        ctx.html(services.renderer().fragment("instructor/room", "grid", roomModel(ctx, rooms.room(w), w.title() + " — live room")));
    }

    /**
     * Asks first: without {@code confirm=yes} the post is answered with a page that says what will
     * happen and repeats the form with {@code confirm=yes} (no script needed), and nothing is done.
     */
    void confirm(Context ctx, Workshop w, String question, String button) {
        if ("yes".equals(ctx.formParam("confirm"))) return;
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
            if (!e.getKey().equals("_csrf") && !e.getKey().equals("confirm") && !e.getValue().isEmpty()) fields.put(e.getKey(), e.getValue().get(0));
        }
        Map<String, Object> model = LessonPages.base(ctx, "Confirm — " + w.title());
        model.put("section", "instructor");
        model.put("workshop", w);
        model.put("question", question);
        model.put("button", button);
        model.put("action", ctx.path());
        model.put("fields", fields);
        throw new ConfirmFirst(model);
    }

    /** A change the instructor is asked to confirm first: the confirm page's model. */
    static final class ConfirmFirst extends RuntimeException {
        final transient Map<String, Object> model;

        ConfirmFirst(Map<String, Object> model) {
            super("confirm first", null, false, false);
            this.model = model;
        }
    }

    void pace(Context ctx) {
        act(ctx, w -> steering.pace(w, ctx.formParam("unlock")));
    }

    /** Gives every learner a fresh sandbox from the pushed layout; their old sandboxes stay theirs. */
    void push(Context ctx) {
        Workshop w = owned(ctx);
        confirm(ctx, w, "Give every learner a fresh sandbox from this layout? Their current sandboxes stay theirs.", "Push it");
        answer(ctx, w, steering.push(w, ctx.formParam("layout")));
    }

    void resetLearner(Context ctx) {
        Workshop w = owned(ctx);
        confirm(ctx, w, "Give this learner a fresh sandbox from the start layout?", "Reset the sandbox");
        answer(ctx, w, steering.reset(w, ctx.pathParam("learner"))
                .orElseThrow(() -> new NotFoundResponse("That learner is not in this workshop.")));
    }

    /** The chaos button: fails or restores a zone or region of the start layout in every learner's sandbox. */
    void chaos(Context ctx) {
        Workshop w = owned(ctx);
        if ("fail".equals(ctx.formParam("action"))) confirm(ctx, w, "Fail " + ctx.formParam("id") + " in every learner's sandbox?", "Fail it everywhere");
        answer(ctx, w, steering.chaos(w, ctx.formParam("id"), ctx.formParam("action")));
    }

    void closeWorkshop(Context ctx) {
        Workshop w = owned(ctx);
        confirm(ctx, w, "Close the workshop? No new joins and no changes; results are kept, and you can reopen it.", "Close it");
        Steering.Outcome done = steering.close(w);
        if (done.refused()) answer(ctx, w, done);
        else ctx.redirect("/instructor/workshops/" + w.id() + "/summary", HttpStatus.SEE_OTHER);
    }

    /** One learner's workshop sandbox, read only, with its timeline. */
    void learner(Context ctx) {
        Workshop w = owned(ctx);
        Rooms.LearnerSandbox s = rooms.learnerSandbox(w, ctx.pathParam("learner"))
                .orElseThrow(() -> new NotFoundResponse("That learner is not in this workshop."));
        Map<String, Object> model = LessonPages.base(ctx, s.member().displayName() + " — " + w.title());
        model.put("section", "instructor");
        model.put("workshop", w);
        model.put("member", s.member());
        model.put("report", s.report());
        model.put("rows", cloudlab.sandbox.Workspace.rows(s.state(), s.report()));
        model.put("steps", s.steps());
        model.put("hostsSvg", cloudlab.diagram.Diagrams.hosts(s.state(), List.of()));
        model.put("infraSvg", cloudlab.diagram.Diagrams.infrastructure(s.state(), List.of()));
        ctx.render("instructor/learner", model);
    }

    void results(Context ctx) {
        Workshop w = owned(ctx);
        csv(ctx, w.code() + "-results.csv", rooms.resultsCsv(w));
    }

    /** Per question and challenge: attempts, first-try rate, common wrong answers, goal rates. */
    void questions(Context ctx) {
        Workshop w = owned(ctx);
        csv(ctx, w.code() + "-questions.csv", rooms.questions(w).csv());
    }

    void summary(Context ctx) {
        Workshop w = owned(ctx);
        Rooms.Summary s = rooms.summary(w);
        Map<String, Object> model = roomModel(ctx, s.room(), "Summary: " + w.title() + " — Cloud Lab");
        model.put("questions", s.questions());
        ctx.render("instructor/summary", model);
    }

    private static void csv(Context ctx, String fileName, String text) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(text);
    }

    // ---- helpers ----

    private Map<String, Object> roomModel(Context ctx, Room room, String title) {
        Map<String, Object> model = LessonPages.base(ctx, title);
        model.put("section", "instructor");
        model.put("room", room);
        model.put("notice", ctx.queryParam("notice"));
        model.put("rows", cloudlab.page.RoomRows.all(room, (String) model.get("csrf"))); // no "error" is null to Thymeleaf too
        return model;
    }

    /** The whole room page, with the join panel and an error when there is one. */
    Map<String, Object> roomPage(Context ctx, Workshop w, String error) {
        Map<String, Object> model = roomModel(ctx, rooms.room(w), w.title() + " — live room");
        model.put("workshop", w);
        model.put("joinUrl", base(ctx) + "/join/" + w.code());
        model.put("qr", Qr.svg((String) model.get("joinUrl"), "Join link for " + w.title()));
        model.put("error", error);
        model.put("shown", steering.shown(w));
        model.put("coInstructors", services.workshops().coInstructors(w.id()));
        model.put("audits", rooms.regrading().audits(w.id()));
        model.put("courseLessons", services.course().course().lessons());
        return model;
    }

    /** Changes the workshop in the path, owned by the signed-in instructor, and answers as {@link #answer} does. */
    void act(Context ctx, java.util.function.Function<Workshop, Steering.Outcome> change) {
        Workshop w = owned(ctx);
        answer(ctx, w, change.apply(w));
    }

    /** Back to the room with the action's notice, or the room again with its refusal (400). */
    void answer(Context ctx, Workshop w, Steering.Outcome outcome) {
        if (outcome.refused()) {
            ctx.status(HttpStatus.BAD_REQUEST).html(services.renderer().page("instructor/room", roomPage(ctx, w, outcome.refusal())));
            return;
        }
        ctx.redirect("/instructor/workshops/" + w.id() + "?notice=" + URLEncoder.encode(outcome.notice(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    /** The signed-in instructor's name; {@link InstructorPages.SignInNeeded} when nobody is signed in. */
    String instructor(Context ctx) {
        return services.instructors().bySession(ctx.cookie(InstructorPages.COOKIE)).orElseThrow(InstructorPages.SignInNeeded::new);
    }

    /** The workshop in the path when the signed-in instructor teaches it; 403 for anyone else's, 404 for none. */
    Workshop owned(Context ctx) {
        return services.workshops().forInstructor(instructor(ctx), ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("There is no workshop " + ctx.pathParam("id") + " among yours."));
    }

    /** The address learners use to reach this server; X-Forwarded-Proto/Host count only from a trusted proxy. */
    String base(Context ctx) {
        return cloudlab.access.Addresses.origin(ctx.ip(), ctx.scheme(), ctx.host(), ctx.header("X-Forwarded-Proto"),
                ctx.header("X-Forwarded-Host"), services.settings().trustedProxies());
    }
}
