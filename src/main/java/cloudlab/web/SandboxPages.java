package cloudlab.web;

import cloudlab.access.Addresses;
import cloudlab.diagram.Diagrams;
import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Segment;
import cloudlab.progress.Learner;
import cloudlab.sandbox.ChallengeChecks;
import cloudlab.sandbox.CommandForm;
import cloudlab.sandbox.Sandbox;
import cloudlab.sandbox.SandboxView;
import cloudlab.sandbox.SandboxView.Message;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutWriter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sandboxes in the browser: each request is parsed, handed to the sandbox feature, and the
 * answer rendered. With htmx an action's answer swaps in only the parts of the page that changed
 * ({@link Parts}); without JavaScript a form posts and comes back to the page at the form used.
 */
final class SandboxPages {
    /** The parts of the sandbox page, in page order: name to "template :: fragment". */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        for (String p : List.of("head", "messages", "challenge", "hosts-diagram", "f-add-vm", "f-add-host", "f-change-host", "f-migrate-vm",
                "map", "infra", "f-add-region", "f-add-zone", "f-add-datacenter", "f-app", "f-user", "break", "tree", "history", "io")) {
            PARTS.put(p, "sandbox/parts :: " + p);
        }
        PARTS.put("task", "sandbox/task :: task"); // the guided task's checklist
    }

    private final Services services;
    private final Learners learners;
    private final Sandboxes sandboxes;
    private final ChallengeChecks checks;

    SandboxPages(Services services, Learners learners) {
        this.services = services;
        this.learners = learners;
        this.sandboxes = services.sandboxes();
        this.checks = cloudlab.quiz.ChallengeResults.checks(services.course(), services.progress());
    }

    void list(Context ctx) {
        listPage(ctx, learners.ensure(ctx), null, HttpStatus.OK);
    }

    private void listPage(Context ctx, Learner learner, String error, HttpStatus status) {
        Map<String, Object> model = LessonPages.base(ctx, "My sandboxes — Cloud Lab");
        model.put("sandboxes", sandboxes.of(learner.id()));
        model.put("error", error);
        model.put("deleted", ctx.queryParam("deleted"));
        String typed;
        try {
            typed = error == null ? null : formParam(ctx, "layout");
        } catch (InputException e) {
            typed = null;
        }
        model.put("typed", typed);
        ctx.status(status).html(services.renderer().page("sandbox/list", model));
    }

    void create(Context ctx) {
        Sandbox s = sandboxes.createBlank(learners.ensure(ctx).id(), ctx.formParam("title"));
        ctx.redirect("/sandboxes/" + s.id(), HttpStatus.SEE_OTHER);
    }

    /** A layout document pasted or uploaded becomes a new sandbox; a bad one is explained and nothing is made. */
    void importLayout(Context ctx) {
        Learner learner = learners.ensure(ctx);
        try {
            String text = formParam(ctx, "layout");
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
        answer(ctx, sandbox(ctx), null, null, Map.of(), HttpStatus.OK);
    }

    /** One action from a form: decided by the core, stored when accepted, explained in place when refused. */
    void act(Context ctx) {
        Sandbox s = sandbox(ctx);
        String form = ctx.formParam("form");
        Map<String, String> typed = typed(ctx);
        Sandboxes.Outcome o;
        try {
            o = sandboxes.act(s.learnerId(), s.id(), CommandForm.parse(ctx.formParamMap()));
        } catch (InputException e) {
            answer(ctx, s, Message.bad(e.getMessage()), form, typed, HttpStatus.BAD_REQUEST);
            return;
        }
        if (!o.accepted()) answer(ctx, s, Message.bad(o.message()), form, typed, HttpStatus.UNPROCESSABLE_CONTENT);
        else done(ctx, s, Message.ok(o.message()), form, typed);
    }

    void undo(Context ctx) {
        Sandbox s = sandbox(ctx);
        moved(ctx, s, sandboxes.undo(s.learnerId(), s.id(), version(ctx)), "head");
    }

    void redo(Context ctx) {
        Sandbox s = sandbox(ctx);
        moved(ctx, s, sandboxes.redo(s.learnerId(), s.id(), version(ctx)), "head");
    }

    void reset(Context ctx) {
        Sandbox s = sandbox(ctx);
        moved(ctx, s, sandboxes.moveTo(s.learnerId(), s.id(), 0, version(ctx)), "head");
    }

    void step(Context ctx) {
        Sandbox s = sandbox(ctx);
        try {
            moved(ctx, s, sandboxes.moveTo(s.learnerId(), s.id(), number(ctx, "step"), version(ctx)), "history");
        } catch (Sandboxes.NoSuchStep | InputException e) {
            answer(ctx, s, Message.bad(e.getMessage()), "history", Map.of(), HttpStatus.BAD_REQUEST);
        }
    }

    /** After a move of the history: {@code from} is where its button sits, the head's or the history's. */
    private void moved(Context ctx, Sandbox s, Sandboxes.Moved m, String from) {
        done(ctx, s, m.moved() ? Message.ok(m.message()) : Message.warn(m.message()), from, Map.of());
    }

    /** The version the page showed, from its form; a form without one (an older page, a script) holds to none. */
    private static int version(Context ctx) {
        String v = ctx.formParam("version");
        if (v == null || v.isBlank()) return Sandboxes.ANY_VERSION;
        try {
            return number(ctx, "version");
        } catch (InputException e) {
            throw new Refusal(400, e.getMessage());
        }
    }

    private static int number(Context ctx, String field) throws InputException {
        try {
            return Integer.parseInt(String.valueOf(ctx.formParam(field)).strip());
        } catch (NumberFormatException e) {
            throw new InputException(field + ": must be a whole number, such as the number of a step");
        }
    }

    void export(Context ctx) {
        Sandbox s = sandbox(ctx);
        boolean json = ctx.path().endsWith(".json");
        Layout state = s.history().state();
        String file = SandboxView.of(s, checks, null, null, null, Map.of(), null, null).fileName(json ? "json" : "yaml");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType(json ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8");
        ctx.result(json ? LayoutWriter.toJson(state) : LayoutWriter.toYaml(state));
    }

    void share(Context ctx) {
        Sandbox s = sandbox(ctx);
        String token = sandboxes.share(s.learnerId(), s.id());
        ctx.redirect("/sandboxes/" + s.id() + "?shared=" + token + "#share", HttpStatus.SEE_OTHER);
    }

    /** The landing page of a share link: what it holds and a button that makes the visitor's copy, or that its sandbox was deleted. */
    void sharedPreview(Context ctx) {
        Map<String, Object> model = LessonPages.base(ctx, "Open a shared layout — Cloud Lab");
        model.put("section", "sandboxes");
        model.put("token", ctx.pathParam("token"));
        model.put("link", sandboxes.shared(ctx.pathParam("token")));
        ctx.render("sandbox/shared", model);
    }

    void copyShared(Context ctx) {
        Sandbox s = sandboxes.copyShared(learners.ensure(ctx).id(), ctx.pathParam("token"));
        ctx.redirect("/sandboxes/" + s.id(), HttpStatus.SEE_OTHER);
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
        Sandbox s = sandbox(ctx);
        ChallengeChecks.Checked r;
        try {
            r = checks.check(s);
        } catch (ChallengeChecks.NoChallenge e) {
            answer(ctx, s, Message.bad(e.getMessage()), "check", Map.of(), HttpStatus.BAD_REQUEST);
            return;
        }
        done(ctx, s, r.passed() ? Message.ok(r.message()) : Message.warn(r.message()), "check", Map.of());
    }

    /**
     * "Continue where you left off", loaded into the home and lesson pages: the learner's most
     * recently changed sandbox and the lesson they left off in; nothing for a visitor (no learner is made).
     */
    void resume(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        learners.current(ctx).ifPresent(l -> {
            model.put("sandbox", sandboxes.mostRecent(l.id()).orElse(null));
            model.put("lesson", services.progress().of(l.id()).leftOff().map(services.course().course()::lesson).orElse(null));
        });
        ctx.html(services.renderer().fragment("sandbox/resume", "resume", model));
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
        opened(ctx, sandboxes.open(learner.id(), Sandbox.Origin.LESSON, lesson.slug() + "#" + index, block.title(), block.layout(),
                "1".equals(ctx.formParam("fresh")), seen(ctx)));
    }

    void openChallenge(Context ctx) {
        Learner learner = learners.ensure(ctx);
        LessonChallenge c = services.course().course().challenge(ctx.pathParam("challenge"));
        if (c == null) throw new NotFoundResponse("There is no challenge " + ctx.pathParam("challenge"));
        for (Lesson l : services.course().course().lessons()) {
            if (l.challenges().contains(c)) LessonPages.mustBeOpen(services, ctx, learner, l);
        }
        opened(ctx, sandboxes.open(learner.id(), Sandbox.Origin.CHALLENGE, c.id(), c.challenge().title(), c.start(),
                "1".equals(ctx.formParam("fresh")), seen(ctx)));
    }

    /** The sandbox a "start again" form knew as the latest ("seen", empty for none); without the field, any. */
    private static String seen(Context ctx) {
        String seen = ctx.formParam("seen");
        return seen == null ? Sandboxes.ANY_SANDBOX : seen.isBlank() ? null : seen;
    }

    private static void opened(Context ctx, String sandboxId) {
        ctx.redirect("/sandboxes/" + sandboxId, HttpStatus.SEE_OTHER);
    }

    private Sandbox sandbox(Context ctx) {
        try {
            return sandboxes.get(learners.ensure(ctx).id(), ctx.pathParam("id"));
        } catch (Sandboxes.NotFound e) {
            throw new NotFoundResponse("There is no sandbox " + ctx.pathParam("id") + " among yours.");
        }
    }

    /** The fields of the form just posted, as typed (the fields the page never shows left out). */
    private static Map<String, String> typed(Context ctx) {
        Map<String, String> out = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (!v.isEmpty() && !List.of("_csrf", "op", "form", "version").contains(k)) out.put(k, v.get(0));
        });
        return out;
    }

    /** After an action that went through: the changed parts for htmx, or back to the page at the form used for a plain post. */
    private void done(Context ctx, Sandbox before, Message message, String form, Map<String, String> typed) {
        if (Renderer.wantsFragment(ctx)) {
            answer(ctx, sandboxes.get(before.learnerId(), before.id()), message, form, typed, HttpStatus.OK);
        } else {
            String part = form == null ? null : PARTS.containsKey("f-" + form) ? "f-" + form : PARTS.containsKey(form) ? form : null;
            ctx.redirect("/sandboxes/" + before.id() + (part == null ? "" : "#part-" + part), HttpStatus.SEE_OTHER);
        }
    }

    /** The sandbox as it is now: the parts that changed for htmx, else the whole page (a refusal keeps what was typed). */
    private void answer(Context ctx, Sandbox s, Message message, String form, Map<String, String> typed, HttpStatus status) {
        String token = ctx.queryParam("shared");
        String shareUrl = token == null ? null : Addresses.origin(ctx.ip(), ctx.scheme(), ctx.host(), ctx.header("X-Forwarded-Proto"),
                ctx.header("X-Forwarded-Host"), services.settings().trustedProxies()) + "/shared/" + token;
        SandboxView v = SandboxView.of(s, checks, lessonOf(s), message, form, typed, ctx.queryParam("id"), shareUrl);
        Map<String, Object> model = LessonPages.base(ctx, s.title() + " — Cloud Lab sandbox");
        model.put("v", v);
        model.put("base", "/sandboxes/" + s.id());
        // the drawings leave out what they share (style sheets, the map's land): the page holds it once
        model.put("hostsSvg", Diagrams.withoutShared(Diagrams.hosts(v.state(), List.of())));
        model.put("infraSvg", Diagrams.withoutShared(Diagrams.infrastructure(v.state(), List.of())));
        model.put("mapSvg", Diagrams.withoutShared(Diagrams.map(v.state(), List.of(), true)));
        model.put("mapPlaces", Diagrams.mapPlaces(v.state(), List.of()));
        model.put("task", s.origin() == Sandbox.Origin.LESSON ? services.course().course().taskStanding(s.originRef(), s.history()) : null);
        Parts parts = new Parts(services.renderer(), PARTS, model);
        ctx.status(status);
        if (Renderer.wantsFragment(ctx)) {
            parts.answer(ctx);
        } else {
            model.put("parts", parts.placed());
            model.put("drawingDefs", Diagrams.sharedDefinitions());
            ctx.html(services.renderer().page("sandbox/sandbox", model));
        }
    }

    private SandboxView.Link lessonOf(Sandbox s) {
        Course course = services.course().course();
        Lesson lesson = null;
        if (s.origin() == Sandbox.Origin.LESSON && s.originRef() != null) lesson = course.lesson(s.originRef().replaceFirst("#.*$", ""));
        if (s.origin() == Sandbox.Origin.CHALLENGE) {
            for (Lesson l : course.lessons()) for (LessonChallenge c : l.challenges()) if (c.id().equals(s.originRef())) lesson = l;
        }
        return lesson == null ? null : new SandboxView.Link("/lessons/" + lesson.slug(), lesson.title());
    }
}
