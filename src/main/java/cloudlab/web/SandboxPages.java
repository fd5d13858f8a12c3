package cloudlab.web;

import cloudlab.diagram.Diagrams;
import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Segment;
import cloudlab.progress.Learner;
import cloudlab.sandbox.ChallengeChecks;
import cloudlab.sandbox.CommandForm;
import cloudlab.sandbox.Sandbox;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sandbox.Workspace;
import cloudlab.sim.Command;
import cloudlab.sim.Datacenter;
import cloudlab.sim.Decision;
import cloudlab.sim.document.Documents;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.History;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Report;
import cloudlab.sim.Simulator;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.Goals;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sandboxes in the browser: the two views of one layout (hosts and VMs; regions, zones and data
 * centers), every action as a form the core decides, history, import, export and sharing, and
 * the "check" of a lesson's challenge. With htmx a form swaps the workspace in place; without
 * JavaScript it posts and comes back to the page.
 */
final class SandboxPages {
    private final Services services;
    private final Learners learners;
    private final Sandboxes sandboxes;
    private final ChallengeChecks checks;
    private final ChallengeProgress progress;

    SandboxPages(Services services, Learners learners) {
        this.services = services;
        this.learners = learners;
        this.sandboxes = services.sandboxes();
        this.progress = ChallengeProgress.of(services);
        this.checks = ChallengeProgress.checks(services, progress);
    }

    /** The message after an action, and how it reads: {@code ok} (green), {@code warn} or {@code bad}. */
    private record Notice(String text, String tone) {
    }

    void list(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Map<String, Object> model = LessonPages.base(ctx, "My sandboxes — Cloud Lab");
        model.put("section", "sandboxes");
        model.put("sandboxes", sandboxes.of(learner.id()));
        model.put("error", null);
        ctx.render("sandbox/list", model);
    }

    void create(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandboxes.createBlank(learner.id(), ctx.formParam("title"));
        ctx.redirect("/sandboxes/" + s.id(), HttpStatus.SEE_OTHER);
    }

    /** A layout document pasted or uploaded becomes a new sandbox; a bad one is explained and nothing is made. */
    void importLayout(Context ctx) {
        Learner learner = learners.ensure(ctx);
        try {
            String text;
            try {
                text = ctx.formParam("layout");
            } catch (io.javalin.http.HttpResponseException e) {
                throw e; // over the size limit: the 413 says so
            } catch (Exception e) {
                // a body that claims to be multipart but is not: the container refuses to read it
                throw new InputException("file: the upload could not be read; choose the file again");
            }
            var file = (text == null || text.isBlank()) && ctx.isMultipart() ? ctx.uploadedFile("file") : null;
            Sandbox s = file == null ? sandboxes.importLayout(learner.id(), text, "pasted layout")
                    : sandboxes.importFile(learner.id(), file.content(), file.filename());
            ctx.redirect("/sandboxes/" + s.id(), HttpStatus.SEE_OTHER);
        } catch (InputException e) {
            importError(ctx, learner, e.getMessage());
        }
    }

    private void importError(Context ctx, Learner learner, String message) {
        Map<String, Object> model = LessonPages.base(ctx, "My sandboxes — Cloud Lab");
        model.put("section", "sandboxes");
        model.put("sandboxes", sandboxes.of(learner.id()));
        model.put("error", message);
        String typed;
        try {
            typed = ctx.formParam("layout");
        } catch (Exception e) {
            typed = null;
        }
        model.put("typed", typed);
        ctx.status(HttpStatus.BAD_REQUEST).html(services.renderer().page("sandbox/list", model));
    }

    void show(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        render(ctx, s, null, null, Map.of(), false, HttpStatus.OK);
    }

    /** One action from a form: decided by the core, stored when accepted, explained in place when refused. */
    void act(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        String formKey = ctx.formParam("form");
        Map<String, String> typed = typed(ctx);
        Function<Layout, Command> action;
        try {
            action = CommandForm.parse(ctx.formParamMap());
        } catch (InputException e) {
            render(ctx, s, new Notice(e.getMessage(), "bad"), formKey, typed, false, HttpStatus.BAD_REQUEST);
            return;
        }
        Sandboxes.Outcome o = sandboxes.act(learner.id(), s.id(), action);
        if (!o.accepted()) {
            render(ctx, s, new Notice(o.message(), "bad"), formKey, typed, false, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        done(ctx, learner, s.id(), new Notice(o.message(), "ok"), formKey, typed);
    }

    void undo(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        boolean moved = sandboxes.undo(learner.id(), s.id());
        done(ctx, learner, s.id(), moved ? new Notice("Undone", "ok") : new Notice("Nothing to undo", "warn"), null, Map.of());
    }

    void redo(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        boolean moved = sandboxes.redo(learner.id(), s.id());
        done(ctx, learner, s.id(), moved ? new Notice("Redone", "ok") : new Notice("Nothing to redo", "warn"), null, Map.of());
    }

    void reset(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        sandboxes.moveTo(learner.id(), s.id(), 0);
        done(ctx, learner, s.id(), new Notice("Back to the start layout (redo brings your steps back)", "ok"), null, Map.of());
    }

    void step(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        int step;
        try {
            step = Integer.parseInt(String.valueOf(ctx.formParam("step")).strip());
        } catch (NumberFormatException e) {
            render(ctx, s, new Notice("step: must be a step number", "bad"), "history", Map.of(), false, HttpStatus.BAD_REQUEST);
            return;
        }
        try {
            sandboxes.moveTo(learner.id(), s.id(), step);
        } catch (Sandboxes.NoSuchStep e) {
            render(ctx, s, new Notice(e.getMessage(), "bad"), "history", Map.of(), false, HttpStatus.BAD_REQUEST);
            return;
        }
        done(ctx, learner, s.id(), new Notice("Moved to step " + step, "ok"), null, Map.of());
    }

    void export(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        boolean json = ctx.path().endsWith(".json");
        Layout state = s.history().state();
        String file = s.id() + (json ? ".json" : ".yaml");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType(json ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8");
        ctx.result(json ? LayoutWriter.toJson(state) : LayoutWriter.toYaml(state));
    }

    void share(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        String token = sandboxes.share(learner.id(), s.id());
        ctx.redirect("/sandboxes/" + s.id() + "?shared=" + token + "#share", HttpStatus.SEE_OTHER);
    }

    /** The landing page of a share link: what it holds, and a button that makes the visitor's copy. */
    void sharedPreview(Context ctx) {
        if (!sandboxes.isShared(ctx.pathParam("token"))) throw new Sandboxes.NotFound();
        Map<String, Object> model = LessonPages.base(ctx, "Open a shared layout — Cloud Lab");
        model.put("section", "sandboxes");
        model.put("token", ctx.pathParam("token"));
        ctx.render("sandbox/shared", model);
    }

    void copyShared(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandboxes.copyShared(learner.id(), ctx.pathParam("token"));
        ctx.redirect("/sandboxes/" + s.id(), HttpStatus.SEE_OTHER);
    }

    /** Grades the sandbox against its challenge, goal by goal; a pass counts in the learner's progress. */
    void check(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        if (s.origin() == Sandbox.Origin.CHALLENGE && LessonPages.refused(services, ctx, progress.place(learner.id(), s.originRef()).refusal())) return;
        ChallengeChecks.Checked r;
        try {
            r = checks.check(s);
        } catch (ChallengeChecks.NoChallenge e) {
            render(ctx, s, new Notice(e.getMessage(), "bad"), "check", Map.of(), false, HttpStatus.BAD_REQUEST);
            return;
        }
        done(ctx, learner, s.id(), new Notice(r.message(), r.passed() ? "ok" : "warn"), null, Map.of());
    }

    /** "Open in a sandbox" on a lesson's sandbox block: the learner's own copy, made the first time. */
    void openLessonSandbox(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Lesson lesson = services.course().course().lesson(ctx.pathParam("slug"));
        if (lesson == null) throw new NotFoundResponse("There is no lesson at " + ctx.path());
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("There is no such sandbox in this lesson.");
        }
        if (index < 0 || index >= lesson.sandboxes().size()) throw new NotFoundResponse("There is no such sandbox in this lesson.");
        if (LessonPages.locked(services, ctx, learner, lesson)) return;
        Segment.Sandbox block = lesson.sandboxes().get(index);
        String ref = lesson.slug() + "#" + index;
        String id = sandboxes.open(learner.id(), Sandbox.Origin.LESSON, ref, block.title(), block.layout(), "1".equals(ctx.formParam("fresh")));
        ctx.redirect("/sandboxes/" + id, HttpStatus.SEE_OTHER);
    }

    void openChallenge(Context ctx) {
        Learner learner = learners.ensure(ctx);
        LessonChallenge c = services.course().course().challenge(ctx.pathParam("challenge"));
        if (c == null) throw new NotFoundResponse("There is no challenge " + ctx.pathParam("challenge"));
        for (Lesson l : services.course().course().lessons()) {
            if (l.challenges().contains(c) && LessonPages.locked(services, ctx, learner, l)) return;
        }
        String id = sandboxes.open(learner.id(), Sandbox.Origin.CHALLENGE, c.id(), c.challenge().title(), c.start(),
                "1".equals(ctx.formParam("fresh")));
        ctx.redirect("/sandboxes/" + id, HttpStatus.SEE_OTHER);
    }

    private Sandbox sandbox(Learner learner, Context ctx) {
        try {
            return sandboxes.get(learner.id(), ctx.pathParam("id"));
        } catch (Sandboxes.NotFound e) {
            throw new NotFoundResponse("There is no sandbox " + ctx.pathParam("id") + " among yours.");
        }
    }

    /** The fields of the form just posted, as typed (the fields the page never shows left out). */
    private static Map<String, String> typed(Context ctx) {
        Map<String, String> out = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (!v.isEmpty() && !k.equals("_csrf") && !k.equals("op") && !k.equals("form")) out.put(k, v.get(0));
        });
        return out;
    }

    /** After an accepted action: the new workspace for htmx, or back to the page for a plain form post. */
    private void done(Context ctx, Learner learner, String sandboxId, Notice notice, String formKey, Map<String, String> typed) {
        if (Renderer.wantsFragment(ctx)) {
            Sandbox s = sandboxes.get(learner.id(), sandboxId);
            Map<String, Object> model = model(ctx, s, notice, formKey, typed, true);
            model.put(Renderer.FRAGMENT, "workspace");
            ctx.render("sandbox/sandbox", model);
        } else {
            ctx.redirect("/sandboxes/" + sandboxId, HttpStatus.SEE_OTHER);
        }
    }

    /** The workspace after a refusal (or a plain view): the form used keeps what was typed, and the reason sits beside it. */
    private void render(Context ctx, Sandbox s, Notice refusal, String formKey, Map<String, String> typed, boolean accepted,
                        HttpStatus status) {
        Map<String, Object> model = model(ctx, s, refusal, formKey, typed, accepted);
        model.put(Renderer.FRAGMENT, "workspace");
        ctx.status(status);
        ctx.render("sandbox/sandbox", model);
    }

    private Map<String, Object> model(Context ctx, Sandbox s, Notice message, String formKey, Map<String, String> typed,
                                      boolean accepted) {
        History h = s.history();
        Layout state = h.state();
        Report report = Simulator.simulate(state);
        Challenge challenge = checks.challengeOf(s);
        Map<String, Object> model = LessonPages.base(ctx, s.title() + " — Cloud Lab sandbox");
        model.put("section", "sandboxes");
        model.put("sandbox", s);
        model.put("state", state);
        model.put("report", report);
        boolean refused = message != null && !accepted;
        model.put("error", refused ? message.text() : null);
        model.put("errorFor", refused && Workspace.formShown(formKey, state, challenge != null) ? formKey : "");
        model.put("notice", refused || message == null ? null : message.text());
        model.put("noticeTone", message == null ? "ok" : message.tone());
        model.put("hostsSvg", Diagrams.hosts(state, List.of()));
        model.put("infraSvg", Diagrams.infrastructure(state, List.of()));
        model.put("mapSvg", Diagrams.map(state, List.of(), true));
        Workspace w = Workspace.of(s, report, formKey, typed, accepted, ctx.queryParam("id"));
        model.put("ws", w);
        model.put("canUndo", h.canUndo());
        model.put("canRedo", h.canRedo());
        model.put("catalog", services.catalog().entries());
        model.put("regions", state.regions());
        model.put("zones", state.zones());
        model.put("datacenters", state.datacenters());
        model.put("hosts", state.hosts());
        model.put("vms", state.vms());
        model.put("apps", state.apps());
        model.put("users", state.users());
        model.put("shared", ctx.queryParam("shared"));
        model.put("summary", state.summary());
        // a zone its catalog region lacks is allowed in a sandbox (contract section 1), but said
        model.put("zoneWarnings", state.catalog().zoneProblems(state));
        model.put("challenge", challenge);
        model.put("goals", challenge == null ? List.of() : challenge.goals().stream().map(Goals::describe).toList());
        model.put("check", checks.standing(s));
        model.put("lesson", lessonOf(s));
        return model;
    }

    private Lesson lessonOf(Sandbox s) {
        Course course = services.course().course();
        if (s.origin() == Sandbox.Origin.LESSON && s.originRef() != null) return course.lesson(s.originRef().replaceFirst("#.*$", ""));
        if (s.origin() == Sandbox.Origin.CHALLENGE) {
            for (Lesson l : course.lessons()) for (LessonChallenge c : l.challenges()) if (c.id().equals(s.originRef())) return l;
        }
        return null;
    }
}
