package cloudlab.web;

import cloudlab.access.Learners;
import cloudlab.diagram.Diagrams;
import cloudlab.progress.Learner;
import cloudlab.sandbox.CommandForm;
import cloudlab.sandbox.RunView;
import cloudlab.sandbox.Sandbox;
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
 * works without JavaScript), and each VM's load edited through the sandbox's commands.
 */
final class RunPanel {
    private final Learners learners;
    private final Sandboxes sandboxes;

    RunPanel(Services services, Learners learners) {
        this.learners = learners;
        this.sandboxes = services.sandboxes();
    }

    /** {@code GET /sandboxes/{id}/run?policy=&host=&second=}. */
    void show(Context ctx) {
        Learner learner = learners.ensure(ctx);
        render(ctx, sandboxes.get(learner.id(), ctx.pathParam("id")), null, null, HttpStatus.OK);
    }

    /** {@code POST /sandboxes/{id}/run/load}: sets one VM's load; a refusal is shown beside the form. */
    void setLoad(Context ctx) {
        Learner learner = learners.ensure(ctx);
        Sandbox s = sandboxes.get(learner.id(), ctx.pathParam("id"));
        Sandboxes.Outcome o;
        try {
            o = sandboxes.act(learner.id(), s.id(), CommandForm.parse(withOp(ctx)));
        } catch (InputException e) {
            render(ctx, s, null, e.getMessage(), HttpStatus.BAD_REQUEST);
            return;
        }
        if (!o.accepted()) {
            render(ctx, s, null, o.message(), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        if (Renderer.wantsFragment(ctx)) {
            render(ctx, sandboxes.get(learner.id(), s.id()), o.message(), null, HttpStatus.OK);
        } else {
            ctx.redirect("/sandboxes/" + s.id() + "/run?policy=" + enc(ctx.formParam("policy")) + "&host=" + enc(ctx.formParam("host"))
                    + "&second=" + enc(ctx.formParam("second")), HttpStatus.SEE_OTHER);
        }
    }

    /** The posted form with its operation fixed: this door sets a load and nothing else. */
    private static Map<String, List<String>> withOp(Context ctx) {
        Map<String, List<String>> form = new HashMap<>(ctx.formParamMap());
        form.put("op", List.of("set-vm-load"));
        return form;
    }

    private void render(Context ctx, Sandbox s, String notice, String error, HttpStatus status) {
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
        model.put("notice", notice);
        model.put("error", error);
        model.put(Renderer.FRAGMENT, "panel");
        ctx.status(status);
        ctx.render("sandbox/run", model);
    }

    /** A query parameter, or the posted field of the same name (the load form carries the view it came from). */
    private static String param(Context ctx, String name) {
        String q = ctx.queryParam(name);
        if (q != null) return q;
        return "POST".equals(ctx.method().name()) ? ctx.formParam(name) : null;
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
