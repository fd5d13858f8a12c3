package cloudlab.web;

import cloudlab.diagram.Diagrams;
import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Segment;
import cloudlab.progress.Learner;
import cloudlab.sandbox.Describe;
import cloudlab.sandbox.Sandbox;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.Command;
import cloudlab.sim.Datacenter;
import cloudlab.sim.Decision;
import cloudlab.sim.Documents;
import cloudlab.sim.GradeResult;
import cloudlab.sim.History;
import cloudlab.sim.Host;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.LayoutReader;
import cloudlab.sim.LayoutWriter;
import cloudlab.sim.Node;
import cloudlab.sim.Num;
import cloudlab.sim.Region;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Report;
import cloudlab.sim.Simulator;
import cloudlab.sim.Vm;
import cloudlab.sim.Zone;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    SandboxPages(Services services, Learners learners) {
        this.services = services;
        this.learners = learners;
        this.sandboxes = services.sandboxes();
    }

    /** A row of the accessible tree: one node with its depth, words and the actions it offers. */
    record Row(int depth, String kind, String id, String label, String detail, String status, boolean failed, boolean down,
               boolean canFail, Vm vm) {
    }

    /** One step of the timeline. */
    record Step(int number, String text, boolean applied, boolean current) {
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
        String title = ctx.formParam("title");
        title = title == null || title.isBlank() ? "My sandbox" : title.strip();
        if (title.length() > 120) title = title.substring(0, 120);
        Sandbox s = sandboxes.create(learner.id(), title, Sandbox.Origin.BLANK, null, Layout.empty());
        ctx.redirect("/sandboxes/" + s.id(), HttpStatus.SEE_OTHER);
    }

    /** A layout document pasted or uploaded becomes a new sandbox; a bad one is explained and nothing is made. */
    void importLayout(Context ctx) {
        Learner learner = learners.ensure(ctx);
        String text;
        try {
            text = ctx.formParam("layout");
        } catch (io.javalin.http.HttpResponseException e) {
            throw e; // over the size limit: the 413 says so
        } catch (Exception e) {
            // a body that claims to be multipart but is not: the container refuses to read it
            importError(ctx, learner, "file: the upload could not be read; choose the file again");
            return;
        }
        String name = "pasted layout";
        if ((text == null || text.isBlank()) && ctx.isMultipart() && ctx.uploadedFile("file") != null) {
            var file = ctx.uploadedFile("file");
            name = file.filename();
            try (var in = file.content()) {
                byte[] bytes = in.readNBytes(Api.MAX_BODY + 1);
                if (bytes.length > Api.MAX_BODY) throw new InputException("file: the layout is over 1 MiB");
                text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                text = null;
            } catch (InputException e) {
                importError(ctx, learner, e.getMessage());
                return;
            }
        }
        if (text == null || text.isBlank()) {
            importError(ctx, learner, "layout: paste a layout document (YAML or JSON) or choose a file");
            return;
        }
        try {
            Layout layout = LayoutReader.read(text, Documents.formatOf(name, text), "", services.catalog());
            String title = layout.name() != null ? layout.name() : "Imported layout";
            Sandbox s = sandboxes.create(learner.id(), title.length() > 120 ? title.substring(0, 120) : title,
                    Sandbox.Origin.IMPORT, null, layout);
            ctx.redirect("/sandboxes/" + s.id(), HttpStatus.SEE_OTHER);
        } catch (InputException e) {
            importError(ctx, learner, "layout: " + e.getMessage());
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
        render(ctx, s, null, null, HttpStatus.OK);
    }

    /** One action from a form: decided by the core, stored when accepted, explained in place when refused. */
    void act(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        String formKey = ctx.formParam("form");
        Command command;
        try {
            command = CommandForms.parse(ctx.formParamMap());
        } catch (InputException e) {
            render(ctx, s, e.getMessage(), formKey, HttpStatus.BAD_REQUEST);
            return;
        }
        Decision d = sandboxes.submit(learner.id(), s.id(), command);
        if (!d.accepted()) {
            render(ctx, s, d.refusal(), formKey, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        done(ctx, learner, s.id(), Describe.command(command), formKey);
    }

    void undo(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        boolean moved = sandboxes.undo(learner.id(), s.id());
        done(ctx, learner, s.id(), moved ? "Undone" : "Nothing to undo");
    }

    void redo(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        boolean moved = sandboxes.redo(learner.id(), s.id());
        done(ctx, learner, s.id(), moved ? "Redone" : "Nothing to redo");
    }

    void reset(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        sandboxes.moveTo(learner.id(), s.id(), 0);
        done(ctx, learner, s.id(), "Back to the start layout (redo brings your steps back)");
    }

    void step(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandbox(learner, ctx);
        int step;
        try {
            step = Integer.parseInt(String.valueOf(ctx.formParam("step")).strip());
        } catch (NumberFormatException e) {
            render(ctx, s, "step: must be a step number", "history", HttpStatus.BAD_REQUEST);
            return;
        }
        if (step < 0 || step > s.history().entries().size()) {
            render(ctx, s, "step: must be from 0 to " + s.history().entries().size(), "history", HttpStatus.BAD_REQUEST);
            return;
        }
        sandboxes.moveTo(learner.id(), s.id(), step);
        done(ctx, learner, s.id(), "Moved to step " + step);
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
        LessonChallenge c = s.origin() == Sandbox.Origin.CHALLENGE ? services.course().course().challenge(s.originRef()) : null;
        if (c == null) {
            render(ctx, s, "This sandbox has no challenge to check.", "check", HttpStatus.BAD_REQUEST);
            return;
        }
        Layout state = s.history().state();
        GradeResult r = c.grade(state);
        services.progress().challengeChecked(learner.id(), c.id(), r.score(), r.passed(), LayoutWriter.toJson(state));
        Course course = services.course().course();
        for (Lesson l : course.lessons()) {
            if (l.challenges().contains(c)) LessonPages.completeIfDone(services, learner, l);
        }
        done(ctx, learner, s.id(), r.passed() ? "Challenge passed" : "Checked: " + Math.round(r.score() * 100) + "% of the goals");
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
        boolean fresh = "1".equals(ctx.formParam("fresh"));
        String id = fresh ? null : sandboxes.latest(learner.id(), Sandbox.Origin.LESSON, ref).orElse(null);
        if (id == null) id = sandboxes.create(learner.id(), block.title(), Sandbox.Origin.LESSON, ref, block.layout().copy()).id();
        ctx.redirect("/sandboxes/" + id, HttpStatus.SEE_OTHER);
    }

    void openChallenge(Context ctx) {
        Learner learner = learners.ensure(ctx);
        LessonChallenge c = services.course().course().challenge(ctx.pathParam("challenge"));
        if (c == null) throw new NotFoundResponse("There is no challenge " + ctx.pathParam("challenge"));
        for (Lesson l : services.course().course().lessons()) {
            if (l.challenges().contains(c) && LessonPages.locked(services, ctx, learner, l)) return;
        }
        boolean fresh = "1".equals(ctx.formParam("fresh"));
        String id = fresh ? null : sandboxes.latest(learner.id(), Sandbox.Origin.CHALLENGE, c.id()).orElse(null);
        if (id == null) id = sandboxes.create(learner.id(), c.challenge().title(), Sandbox.Origin.CHALLENGE, c.id(), c.start().copy()).id();
        ctx.redirect("/sandboxes/" + id, HttpStatus.SEE_OTHER);
    }

    private Sandbox sandbox(Learner learner, Context ctx) {
        try {
            return sandboxes.get(learner.id(), ctx.pathParam("id"));
        } catch (Sandboxes.NotFound e) {
            throw new NotFoundResponse("There is no sandbox " + ctx.pathParam("id") + " among yours.");
        }
    }

    /** After an accepted action: the new workspace for htmx, or back to the page for a plain form post. */
    private void done(Context ctx, Learner learner, String sandboxId, String notice) {
        done(ctx, learner, sandboxId, notice, null);
    }

    /** As above; {@code formKey} names the form just used, which stays open so the learner keeps their place. */
    private void done(Context ctx, Learner learner, String sandboxId, String notice, String formKey) {
        if ("true".equals(ctx.header("HX-Request"))) {
            Sandbox s = sandboxes.get(learner.id(), sandboxId);
            Map<String, Object> model = model(ctx, s, null, formKey);
            model.put("notice", notice);
            ctx.html(services.renderer().fragment("sandbox/sandbox", "workspace", model));
        } else {
            ctx.redirect("/sandboxes/" + sandboxId, HttpStatus.SEE_OTHER);
        }
    }

    private void render(Context ctx, Sandbox s, String error, String errorFor, HttpStatus status) {
        Map<String, Object> model = model(ctx, s, error, errorFor);
        model.put(Renderer.FRAGMENT, "workspace");
        ctx.status(status);
        ctx.render("sandbox/sandbox", model);
    }

    private Map<String, Object> model(Context ctx, Sandbox s, String error, String errorFor) {
        History h = s.history();
        Layout state = h.state();
        Report report = Simulator.simulate(state);
        Map<String, Object> model = LessonPages.base(ctx, s.title() + " — Cloud Lab sandbox");
        model.put("section", "sandboxes");
        model.put("sandbox", s);
        model.put("state", state);
        model.put("report", report);
        model.put("error", error);
        boolean isChallenge = s.origin() == Sandbox.Origin.CHALLENGE && services.course().course().challenge(s.originRef()) != null;
        model.put("errorFor", placeShown(errorFor, state, isChallenge) ? errorFor : "");
        model.put("notice", null);
        model.put("hostsSvg", Diagrams.hosts(state, List.of()));
        model.put("infraSvg", Diagrams.infrastructure(state, List.of()));
        model.put("mapSvg", Diagrams.map(state, List.of(), true));
        model.put("rows", rows(state, report));
        model.put("steps", steps(h));
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
        model.put("failable", failable(state));
        model.put("suggest", suggestions(state));
        model.put("shared", ctx.queryParam("shared"));
        model.put("counts", state.counts());
        LessonChallenge challenge = s.origin() == Sandbox.Origin.CHALLENGE ? services.course().course().challenge(s.originRef()) : null;
        model.put("challenge", challenge);
        model.put("goals", challenge == null ? List.of() : challenge.challenge().goals().stream().map(Goals::describe).toList());
        // once the learner has checked this challenge, the goals show how the current design stands;
        // it is recomputed from the state, so any server can draw it
        boolean checked = challenge != null && services.progress().of(s.learnerId()).challenge(challenge.id()) != null;
        model.put("check", checked ? challenge.grade(state) : null);
        model.put("lesson", lessonOf(s));
        return model;
    }

    /**
     * Whether the page shows a place for the errors of this form key in this state; when it does
     * not (an unknown key, or a form that is not drawn, say "Add a VM" once every host is gone),
     * the error is shown at the top instead of being lost.
     */
    private static boolean placeShown(String formKey, Layout state, boolean challenge) {
        if (formKey == null) return false;
        return switch (formKey) {
            case "add-vm", "change-host" -> !state.hosts().isEmpty();
            case "migrate-vm" -> !state.vms().isEmpty();
            case "add-host" -> !state.datacenters().isEmpty();
            case "add-zone" -> !state.regions().isEmpty();
            case "add-datacenter" -> !state.zones().isEmpty();
            case "add-region", "app", "user", "break", "tree", "history" -> true;
            case "check" -> challenge;
            default -> false;
        };
    }

    private Lesson lessonOf(Sandbox s) {
        Course course = services.course().course();
        if (s.origin() == Sandbox.Origin.LESSON && s.originRef() != null) return course.lesson(s.originRef().replaceFirst("#.*$", ""));
        if (s.origin() == Sandbox.Origin.CHALLENGE) {
            for (Lesson l : course.lessons()) for (LessonChallenge c : l.challenges()) if (c.id().equals(s.originRef())) return l;
        }
        return null;
    }

    static List<Row> rows(Layout state, Report report) {
        List<Row> rows = new ArrayList<>();
        for (Region r : state.regions()) {
            RegionCatalog.Entry e = state.catalog().find(r.code());
            String detail = e != null ? e.name() + " · " + e.city() : "custom region at " + Num.show(r.location().lat()) + ", " + Num.show(r.location().lon());
            rows.add(row(state, 0, "region", r, r.code(), detail, null));
            for (Zone z : r.zones()) {
                rows.add(row(state, 1, "zone", z, z.id(), Num.count(z.datacenters().size(), "data center"), null));
                for (Datacenter d : z.datacenters()) {
                    rows.add(row(state, 2, "datacenter", d, d.id(), Num.count(d.hosts().size(), "host"), null));
                    for (Host h : d.hosts()) {
                        Report.HostReport hr = report.host(h.id());
                        String detail2 = h.hypervisor().word() + " · " + h.spec().cores() + " cores · " + Num.show(h.spec().memoryGiB()) + " GiB · "
                                + "vCPU " + Num.show(hr.vcpus().used()) + "/" + Num.show(hr.vcpus().capacity()) + " · memory "
                                + Num.show(hr.memoryGiB().used()) + "/" + Num.show(hr.memoryGiB().capacity()) + " GiB · disk "
                                + Num.show(hr.diskGiB().used()) + "/" + Num.show(hr.diskGiB().capacity()) + " GiB";
                        rows.add(row(state, 3, "host", h, h.id(), detail2, hr.up() ? "up" : "down"));
                        for (Vm vm : h.vms()) {
                            String status = report.vm(vm.id()).status();
                            String d2 = Num.count(vm.vcpus(), "vCPU") + " · " + Num.show(vm.memoryGiB()) + " GiB · " + Num.show(vm.diskGiB())
                                    + " GiB disk" + (vm.app() == null ? "" : " · app " + vm.app());
                            rows.add(new Row(4, "vm", vm.id(), vm.id(), d2, status, false, status.equals("down"), false, vm));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static Row row(Layout state, int depth, String kind, Node n, String label, String detail, String status) {
        boolean failed = state.failed().contains(n.id());
        boolean down = state.downBecause(n) != null;
        String st = status != null ? status : failed ? "failed" : down ? "down (" + state.downBecause(n) + " failed)" : "up";
        return new Row(depth, kind, n.id(), label, detail, st, failed, down, true, null);
    }

    private static List<Step> steps(History h) {
        List<Step> out = new ArrayList<>();
        out.add(new Step(0, "Start layout", true, h.position() == 0));
        List<History.Entry> entries = h.entries();
        for (int i = 0; i < entries.size(); i++) {
            out.add(new Step(i + 1, Describe.command(entries.get(i).command()), i < h.position(), h.position() == i + 1));
        }
        return out;
    }

    private static List<String> failable(Layout state) {
        List<String> out = new ArrayList<>();
        for (Region r : state.regions()) {
            out.add(r.code());
            for (Zone z : r.zones()) {
                out.add(z.id());
                for (Datacenter d : z.datacenters()) {
                    out.add(d.id());
                    for (Host h : d.hosts()) out.add(h.id());
                }
            }
        }
        return out;
    }

    /** Free ids to prefill the add forms with. */
    private static Map<String, String> suggestions(Layout state) {
        return Map.of("zone", free(state, "zone-"), "datacenter", free(state, "dc-"), "host", free(state, "h"),
                "vm", free(state, "vm-"), "app", freeApp(state));
    }

    private static String free(Layout state, String prefix) {
        for (int i = 1; ; i++) if (state.node(prefix + i) == null) return prefix + i;
    }

    private static String freeApp(Layout state) {
        for (int i = 1; ; i++) {
            String name = i == 1 ? "shop" : "app-" + i;
            if (state.app(name) == null) return name;
        }
    }
}
