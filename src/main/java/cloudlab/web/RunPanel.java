package cloudlab.web;

import cloudlab.access.Learners;
import cloudlab.diagram.Diagrams;
import cloudlab.sandbox.CommandForm;
import cloudlab.sandbox.RunView;
import cloudlab.sandbox.Sandbox;
import cloudlab.sandbox.SandboxView.Message;
import cloudlab.sandbox.Sandboxes;
import cloudlab.sim.InputException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sandbox's "Run for a minute" panel: the state played for a minute, one host's timeline drawn
 * by the core with its table, a second chosen by slider or step links (plain GET forms, so it
 * works without JavaScript), each VM's load and each type 2 host's own OS load edited through the
 * sandbox's commands, the sandbox's Undo, and a lesson sandbox's task checklist.
 */
final class RunPanel {
    private final Services services;
    private final Learners learners;
    private final Sandboxes sandboxes;

    RunPanel(Services services, Learners learners) {
        this.services = services;
        this.learners = learners;
        this.sandboxes = services.sandboxes();
    }

    /** {@code GET /sandboxes/{id}/run?policy=&host=&second=}. */
    void show(Context ctx) {
        render(ctx, sandbox(ctx), null, null, HttpStatus.OK);
    }

    /** {@code POST /sandboxes/{id}/run/load}: sets one VM's load; a refusal is shown beside the form. */
    void setLoad(Context ctx) {
        act(ctx, "set-vm-load", "load-" + ctx.formParam("id"));
    }

    /** {@code POST /sandboxes/{id}/run/os-load}: sets (or, left empty, clears) a type 2 host's own OS load. */
    void setOsLoad(Context ctx) {
        act(ctx, "set-host-os-load", "os-" + ctx.formParam("id"));
    }

    /**
     * {@code POST /sandboxes/{id}/run/undo}: the sandbox page's undo, held to the version this page
     * showed, so that a second click of the same button takes back nothing more.
     */
    void undo(Context ctx) {
        move(ctx, "undo", (s, version) -> sandboxes.undo(s.learnerId(), s.id(), version));
    }

    /** {@code POST /sandboxes/{id}/run/redo}: the sandbox page's redo, held to the version this page showed. */
    void redo(Context ctx) {
        move(ctx, "redo", (s, version) -> sandboxes.redo(s.learnerId(), s.id(), version));
    }

    private void move(Context ctx, String from, java.util.function.BiFunction<Sandbox, Integer, Sandboxes.Moved> how) {
        Sandbox s = sandbox(ctx);
        Sandboxes.Moved m;
        try {
            m = how.apply(s, CommandForm.whole("version", ctx.formParam("version"), Sandboxes.ANY_VERSION));
        } catch (InputException e) {
            render(ctx, s, Message.bad(e.getMessage()), from, HttpStatus.BAD_REQUEST);
            return;
        }
        done(ctx, s, m.moved() ? Message.ok(m.message()) : Message.warn(m.message()), from);
    }

    /** One sandbox command from one of the panel's forms, whose operation is fixed by the door it came in by. */
    private void act(Context ctx, String op, String from) {
        Sandbox s = sandbox(ctx);
        Map<String, List<String>> form = new HashMap<>(ctx.formParamMap());
        form.put("op", List.of(op));
        try {
            Sandboxes.Outcome o = sandboxes.act(s.learnerId(), s.id(), CommandForm.parse(form));
            if (o.accepted()) done(ctx, s, Message.ok(o.message()), from);
            else render(ctx, s, Message.bad(o.message()), from, HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (InputException e) {
            render(ctx, s, Message.bad(e.getMessage()), from, HttpStatus.BAD_REQUEST);
        }
    }

    /** After a change: the panel again for htmx, else back to the view the form came from, at the form used. */
    private void done(Context ctx, Sandbox s, Message message, String from) {
        if (Renderer.wantsFragment(ctx)) {
            render(ctx, sandboxes.get(s.learnerId(), s.id()), message, from, HttpStatus.OK);
        } else {
            ctx.redirect("/sandboxes/" + s.id() + "/run?policy=" + enc(ctx.formParam("policy")) + "&host=" + enc(ctx.formParam("host"))
                    + "&second=" + enc(ctx.formParam("second")) + "#" + enc(from), HttpStatus.SEE_OTHER);
        }
    }

    private Sandbox sandbox(Context ctx) {
        return sandboxes.get(learners.ensure(ctx).id(), ctx.pathParam("id"));
    }

    /** The panel; {@code message} (or null) is shown beside the form named {@code from}. */
    private void render(Context ctx, Sandbox s, Message message, String from, HttpStatus status) {
        RunView v;
        try {
            v = RunView.of(s, param(ctx, "policy"), param(ctx, "host"), param(ctx, "second"));
        } catch (InputException e) {
            throw new Refusal(400, e.getMessage());
        }
        Map<String, Object> model = LessonPages.base(ctx, "Run for a minute: " + s.title() + " — Cloud Lab");
        model.put("section", "sandboxes");
        model.put("run", v);
        model.put("svg", v.host() == null ? null : Diagrams.timeline(v.run(), v.host(), v.second()).svg());
        model.put("message", message);
        model.put("from", v.messageAt(from));
        model.put("task", cloudlab.page.SandboxPage.task(SandboxPages.task(services, s)));
        model.put(Renderer.FRAGMENT, "panel");
        ctx.status(status);
        ctx.render("sandbox/run", model);
    }

    /** A query parameter, or the posted field of the same name (the panel's forms carry the view they came from). */
    private static String param(Context ctx, String name) {
        String q = ctx.queryParam(name);
        if (q != null) return q;
        return "POST".equals(ctx.method().name()) ? ctx.formParam(name) : null;
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
