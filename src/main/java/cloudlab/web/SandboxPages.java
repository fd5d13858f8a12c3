package cloudlab.web;

import cloudlab.page.LeftOff;
import cloudlab.page.Parts;
import cloudlab.page.SandboxDrawings;
import cloudlab.page.SandboxPage;
import cloudlab.server.Csrf;
import cloudlab.access.Learners;
import cloudlab.access.Addresses;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Segment;
import cloudlab.progress.Learner;
import cloudlab.sandbox.ChallengeChecks;
import cloudlab.sandbox.CommandForm;
import cloudlab.sandbox.Sandbox;
import cloudlab.sandbox.SandboxParts;
import cloudlab.sandbox.SandboxView;
import cloudlab.sandbox.SandboxView.Message;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.workshop.Working;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.Map;
import java.util.Set;

/**
 * Sandboxes in the browser: each request is parsed, handed to the sandbox feature, and the
 * answer rendered. With htmx an action's answer swaps in only the parts of the page that changed
 * ({@link Parts}); without JavaScript a form posts and comes back to the page at the form used.
 */
final class SandboxPages {
    private final Services services;
    private final Learners learners;
    private final Sandboxes sandboxes;
    private final ChallengeChecks checks;

    SandboxPages(Services services, Learners learners) {
        this.services = services;
        this.learners = learners;
        this.sandboxes = services.sandboxes();
        this.checks = cloudlab.quiz.ChallengeResults.checks(services.course(), services.progress(),
                (learnerId, lesson) -> Working.place(services.course().course(), services.workshops().working(learnerId), lesson).scope());
    }

    void list(Context ctx) {
        listPage(ctx, learners.ensure(ctx), null, HttpStatus.OK);
    }

    private void listPage(Context ctx, Learner learner, String error, HttpStatus status) {
        Map<String, Object> model = LessonPages.base(ctx, "My sandboxes — Cloud Lab");
        model.put("sandboxes", sandboxes.of(learner.id()));
        model.put("error", error);
        model.put("deleted", ctx.queryParam("deleted"));
        model.put("typed", error == null ? null : ctx.attribute("typed-layout"));
        ctx.status(status).html(services.renderer().page("sandbox/list", model));
    }

    void create(Context ctx) {
        ctx.redirect("/sandboxes/" + sandboxes.createBlank(learners.ensure(ctx).id(), ctx.formParam("title")).id(), HttpStatus.SEE_OTHER);
    }

    /** A layout document pasted or uploaded becomes a new sandbox; a bad one is explained and nothing is made. */
    void importLayout(Context ctx) {
        Learner learner = learners.ensure(ctx);
        try {
            String text = formParam(ctx, "layout");
            ctx.attribute("typed-layout", text);
            var file = (text == null || text.isBlank()) && ctx.isMultipart() ? ctx.uploadedFile("file") : null;
            Sandbox s = file == null ? sandboxes.importLayout(learner.id(), text, "pasted layout")
                    : sandboxes.importFile(learner.id(), file.content(), file.filename());
            ctx.redirect("/sandboxes/" + s.id(), HttpStatus.SEE_OTHER);
        } catch (InputException e) {
            listPage(ctx, learner, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
    }

    /** A form field, or an {@link InputException} when the body claims to be multipart but cannot be read as one. */
    private static String formParam(Context ctx, String name) throws InputException {
        try {
            return ctx.formParam(name);
        } catch (io.javalin.http.HttpResponseException e) {
            throw e; // over the size limit: the 413 says so
        } catch (Exception e) {
            throw new InputException("file: the upload could not be read; choose the file again");
        }
    }

    /** The page; for htmx (a host picked in "Change a host", an instructor's step) only the parts that changed. */
    void show(Context ctx) {
        answer(ctx, sandbox(ctx), null, null, Map.of(), HttpStatus.OK, ctx.queryParam("id") != null ? SandboxParts.hostPicked() : SandboxParts.all());
    }

    /** One action from a form: decided by the core, stored when accepted, explained in place when refused. */
    void act(Context ctx) {
        Sandbox s = sandbox(ctx);
        String form = ctx.formParam("form");
        Map<String, String> typed = CommandForm.typed(ctx.formParamMap());
        try {
            Sandboxes.Outcome o = sandboxes.act(s.learnerId(), s.id(), CommandForm.parse(ctx.formParamMap()));
            if (!o.accepted()) answer(ctx, s, Message.bad(o.message()), form, typed, HttpStatus.UNPROCESSABLE_CONTENT, SandboxParts.refused(form));
            else done(ctx, s, o.after(), Message.done(o.message(), o.decision().events()), form, typed,
                    after -> SandboxParts.accepted(o.decision().events(), form, s.history().state(), after.history().state()));
        } catch (InputException e) {
            answer(ctx, s, Message.bad(e.getMessage()), form, typed, HttpStatus.BAD_REQUEST, SandboxParts.refused(form));
        }
    }

    void undo(Context ctx) {
        move(ctx, "head", (s, version) -> sandboxes.undo(s.learnerId(), s.id(), version));
    }

    void redo(Context ctx) {
        move(ctx, "head", (s, version) -> sandboxes.redo(s.learnerId(), s.id(), version));
    }

    void reset(Context ctx) {
        move(ctx, "head", (s, version) -> sandboxes.moveTo(s.learnerId(), s.id(), 0, version));
    }

    void step(Context ctx) {
        move(ctx, "history", (s, version) -> sandboxes.moveTo(s.learnerId(), s.id(), number(ctx, "step", null), version));
    }

    /** A move of the history, held to the version the page showed (a form without one, such as a script's, holds to none). */
    private interface Move {
        Sandboxes.Moved apply(Sandbox s, int version) throws InputException;
    }

    /** Moves the history; {@code from} is where the button sits, the head's or the history's, for the answer to return to. */
    private void move(Context ctx, String from, Move how) {
        Sandbox s = sandbox(ctx);
        try {
            int shown = number(ctx, "version", Sandboxes.ANY_VERSION);
            Sandboxes.Moved m = how.apply(s, shown);
            done(ctx, s, null, m.moved() ? Message.ok(m.message()) : Message.warn(m.message()), from, Map.of(),
                    after -> shown == s.version() ? SandboxParts.moved(s.history(), after.history(), from) : SandboxParts.all());
        } catch (Sandboxes.NoSuchStep | InputException e) {
            answer(ctx, s, Message.bad(e.getMessage()), from, Map.of(), HttpStatus.BAD_REQUEST, SandboxParts.refused(from));
        }
    }

    /** A whole number from the form (CommandForm's rule); {@code absent} (when not null) stands for a missing or blank field. */
    private static int number(Context ctx, String field, Integer absent) throws InputException {
        return CommandForm.whole(field, ctx.formParam(field), absent);
    }

    void export(Context ctx) {
        Sandbox.Export e = sandbox(ctx).export(ctx.path().endsWith(".json"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + e.fileName() + "\"").contentType(e.contentType()).result(e.text());
    }

    void share(Context ctx) {
        Sandbox s = sandbox(ctx);
        ctx.redirect("/sandboxes/" + s.id() + "?shared=" + sandboxes.share(s.learnerId(), s.id()) + "#share", HttpStatus.SEE_OTHER);
    }

    /** The landing page of a share link: what it holds and a button that makes the visitor's copy, or that its sandbox was deleted. */
    void sharedPreview(Context ctx) {
        Map<String, Object> model = LessonPages.base(ctx, "Open a shared layout — Cloud Lab");
        model.putAll(Map.of("section", "sandboxes", "token", ctx.pathParam("token"), "link", sandboxes.shared(ctx.pathParam("token"))));
        ctx.render("sandbox/shared", model);
    }

    void copyShared(Context ctx) {
        ctx.redirect("/sandboxes/" + sandboxes.copyShared(learners.ensure(ctx).id(), ctx.pathParam("token")).id(), HttpStatus.SEE_OTHER);
    }

    /** The confirm step of deleting a sandbox: what goes, and a button; nothing is deleted by a GET. */
    void deleteForm(Context ctx) {
        Map<String, Object> model = LessonPages.base(ctx, "Delete a sandbox — Cloud Lab");
        model.put("sandbox", sandbox(ctx));
        ctx.render("sandbox/delete", model);
    }

    void delete(Context ctx) {
        Sandbox s = sandbox(ctx);
        sandboxes.delete(s.learnerId(), s.id());
        ctx.redirect("/sandboxes?deleted=" + java.net.URLEncoder.encode(s.title(), java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    /** Grades the sandbox against its challenge, goal by goal; a pass counts in the learner's progress. */
    void check(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(ctx);
        Lesson lesson = s.origin() == Sandbox.Origin.CHALLENGE ? lessonOf(s.originRef()) : null;
        if (lesson != null) {
            String refusal = LessonPages.place(services, ctx, learner, lesson).refusal();
            if (refusal != null) throw new Refusal(403, refusal);
        }
        try {
            ChallengeChecks.Checked r = checks.check(s);
            done(ctx, s, null, r.passed() ? Message.ok(r.message()) : Message.warn(r.message()), "check", Map.of(), after -> SandboxParts.checked());
        } catch (ChallengeChecks.NoChallenge e) {
            answer(ctx, s, Message.bad(e.getMessage()), "check", Map.of(), HttpStatus.BAD_REQUEST, SandboxParts.refused("check"));
        }
    }

    /** "Continue where you left off" in the home and lesson pages: the latest sandbox and lesson; nothing for a visitor (none is made). */
    void resume(Context ctx) {
        LeftOff left = learners.current(ctx).map(l -> LeftOff.of(sandboxes, services.course().course(), l.id(), services.progress().of(l.id())))
                .orElse(LeftOff.NOTHING);
        ctx.html(services.renderer().fragment("sandbox/resume", "resume", Map.of("leftOff", left)));
    }

    /** "Open in a sandbox" on a lesson's sandbox block: the learner's own copy, made the first time. */
    void openLessonSandbox(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Lesson lesson = services.course().course().lesson(ctx.pathParam("slug"));
        if (lesson == null) throw new NotFoundResponse("There is no lesson at " + ctx.path());
        int index = ctx.pathParam("index").matches("\\d{1,4}") ? Integer.parseInt(ctx.pathParam("index")) : -1;
        if (index < 0 || index >= lesson.sandboxes().size()) throw new NotFoundResponse("There is no such sandbox in this lesson.");
        LessonPages.mustBeOpen(services, ctx, learner, lesson);
        Segment.Sandbox block = lesson.sandboxes().get(index);
        open(ctx, learner, Sandbox.Origin.LESSON, lesson.slug() + "#" + index, block.title(), block.layout());
    }

    void openChallenge(Context ctx) {
        Learner learner = learners.ensure(ctx);
        LessonChallenge c = services.course().course().challenge(ctx.pathParam("challenge"));
        if (c == null) throw new NotFoundResponse("There is no challenge " + ctx.pathParam("challenge"));
        Lesson lesson = lessonOf(c.id());
        if (lesson != null) LessonPages.mustBeOpen(services, ctx, learner, lesson);
        open(ctx, learner, Sandbox.Origin.CHALLENGE, c.id(), c.challenge().title(), c.start());
    }

    /** Opens the learner's sandbox of that origin; "start again" ({@code fresh=1}) holds to the latest the page knew ({@code seen}). */
    private void open(Context ctx, Learner learner, Sandbox.Origin origin, String ref, String title, Layout start) {
        String seen = ctx.formParam("seen");
        String id = sandboxes.open(learner.id(), origin, ref, title, start, "1".equals(ctx.formParam("fresh")),
                seen == null ? Sandboxes.ANY_SANDBOX : seen.isBlank() ? null : seen);
        ctx.redirect("/sandboxes/" + id, HttpStatus.SEE_OTHER);
    }

    private Sandbox sandbox(Context ctx) {
        try {
            return sandboxes.get(learners.ensure(ctx).id(), ctx.pathParam("id"));
        } catch (Sandboxes.NotFound e) {
            throw new NotFoundResponse("There is no sandbox " + ctx.pathParam("id") + " among yours.");
        }
    }

    /**
     * After an action that went through: of the parts it {@code touched} (given the sandbox after
     * it, {@code known} or read again when null), those that changed, for htmx; or back to the page
     * at the form used for a plain post.
     */
    private void done(Context ctx, Sandbox before, Sandbox known, Message message, String form, Map<String, String> typed,
            java.util.function.Function<Sandbox, Set<String>> touched) {
        if (Renderer.wantsFragment(ctx)) {
            Sandbox after = known != null ? known : sandboxes.get(before.learnerId(), before.id());
            answer(ctx, after, message, form, typed, HttpStatus.OK, touched.apply(after));
        } else {
            String part = SandboxParts.partOf(form);
            ctx.redirect("/sandboxes/" + before.id() + (part == null ? "" : "#part-" + part), HttpStatus.SEE_OTHER);
        }
    }

    /**
     * The sandbox as it is now: for htmx, of the parts the action {@code touched} and those the page
     * asks for again, the ones that changed; else the whole page (a refusal keeps what was typed).
     */
    private void answer(Context ctx, Sandbox s, Message message, String form, Map<String, String> typed, HttpStatus status, Set<String> touched) {
        String token = ctx.queryParam("shared");
        String shareUrl = token == null ? null : Addresses.origin(ctx.ip(), ctx.scheme(), ctx.host(), ctx.header("X-Forwarded-Proto"),
                ctx.header("X-Forwarded-Host"), services.settings().trustedProxies()) + "/shared/" + token;
        SandboxView v = SandboxView.of(s, checks, lessonOf(s), message, form, typed, ctx.queryParam("id"), shareUrl);
        Parts.Held held = Parts.Held.of(ctx.header(Parts.HEADER));
        Set<String> render = Renderer.wantsFragment(ctx) ? SandboxParts.toRender(touched, held.asked(), held::holds) : SandboxParts.all();
        SandboxPage page = page(s, v, Csrf.token(ctx),
                new SandboxDrawings(v.state(), v.report(), host -> SandboxParts.drawsCard(render, host), g -> SandboxParts.drawsRows(render, g)));
        ctx.status(status);
        if (Renderer.wantsFragment(ctx)) {
            Parts parts = new Parts(SandboxParts.PARTS, page::part, render);
            if (parts.needsEveryChild(held)) { // the page holds an older drawing or table: they travel whole, every card and row drawn
                parts = new Parts(SandboxParts.PARTS, page.with(new SandboxDrawings(v.state(), v.report()))::part, render);
            }
            ctx.html(parts.changed(held));
        } else {
            ctx.html(whole(LessonPages.base(ctx, s.title() + " — Cloud Lab sandbox"), page));
        }
    }

    /** What each part of the sandbox's page is written from. */
    private SandboxPage page(Sandbox s, SandboxView v, String csrf, SandboxDrawings d) {
        return new SandboxPage(v, d, "/sandboxes/" + s.id(), csrf, task(services, s));
    }

    /** The whole page: the layout's model, and the parts placed. */
    private String whole(Map<String, Object> model, SandboxPage page) {
        model.put("v", page.v());
        model.put("base", page.base());
        model.put("parts", new Parts(SandboxParts.PARTS, page::part).placed());
        model.put("drawingDefs", SandboxDrawings.shared());
        return services.renderer().page("sandbox/sandbox", model);
    }

    /**
     * Renders, into nothing, the whole page of a sandbox that is never stored, started from the
     * biggest layout in the course: the first view of a sandbox after a start otherwise loads its
     * classes, parses its templates and runs its drawing code interpreted (see {@link App#warmUp}).
     */
    String warmUp() {
        Layout start = services.course().course().lessons().stream().flatMap(l -> l.layouts().stream())
                .max(java.util.Comparator.comparingInt(l -> l.hosts().size() + l.vms().size())).orElse(null);
        if (start == null) return "";
        Sandbox s = new Sandbox("warm-up", "", "Warm-up", Sandbox.Origin.BLANK, null, cloudlab.sim.History.from(start, java.util.List.of(), 0), 0);
        SandboxView v = SandboxView.of(s, checks, null, null, null, Map.of(), null, null);
        return whole(LessonPages.base("/sandboxes/" + s.id(), "", s.title()), page(s, v, "", new SandboxDrawings(v.state(), v.report())));
    }

    /** The lesson a sandbox came from: its block's lesson, or the lesson of its challenge. */
    private SandboxView.Link lessonOf(Sandbox s) {
        Lesson lesson = s.originRef() == null ? null : s.origin() == Sandbox.Origin.LESSON
                ? services.course().course().lesson(s.originRef().replaceFirst("#.*$", ""))
                : s.origin() == Sandbox.Origin.CHALLENGE ? lessonOf(s.originRef()) : null;
        return lesson == null ? null : new SandboxView.Link("/lessons/" + lesson.slug(), lesson.title());
    }

    private Lesson lessonOf(String challengeId) {
        return cloudlab.quiz.ChallengeResults.lessonOf(services.course(), challengeId);
    }

    /** Where the learner stands in the guided task of a lesson sandbox; null for any other sandbox. */
    static cloudlab.lesson.Task.Standing task(Services services, Sandbox s) {
        return s.origin() == Sandbox.Origin.LESSON ? services.course().course().taskStanding(s.originRef(), s.history()) : null;
    }
}
