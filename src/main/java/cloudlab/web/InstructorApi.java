package cloudlab.web;

import cloudlab.quiz.Gradebook;
import cloudlab.quiz.Regrade;
import cloudlab.sim.document.ApiRequests;
import cloudlab.sim.document.Json;
import cloudlab.workshop.ApiTokens;
import cloudlab.workshop.Rooms;
import cloudlab.workshop.Workshop;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The API calls that reveal or change graded scores, for an instructor's scripts: each needs an
 * API token of the right scope ({@link ApiTokens#check}); the workshop must be one its instructor teaches.
 * {@code GET /api/v1/workshops/{id}/results} (read) and {@code POST /api/v1/regrade} (regrade).
 */
final class InstructorApi {
    private final Services services;
    private final Rooms rooms;
    private final ApiTokens tokens;

    InstructorApi(Services services, Rooms rooms) {
        this.services = services;
        this.rooms = rooms;
        this.tokens = new ApiTokens(services.database());
    }

    void results(Context ctx) {
        String who = tokens.check(ctx.header("Authorization"), ApiTokens.Scope.READ);
        Workshop w = services.workshops().forInstructor(who, ctx.pathParam("id"))
                .orElseThrow(() -> new Refusal(404, "workshop: there is no workshop with the id given"));
        Api.json(ctx, 200, Gradebook.json(rooms.results(w)));
    }

    /** {@code {"mode": "keep" | "replace", "apply": true | false}}: the dry run, or the regrade applied and audited. */
    void regrade(Context ctx) {
        String who = tokens.check(ctx.header("Authorization"), ApiTokens.Scope.REGRADE);
        ObjectNode body = Api.read(() -> {
            ObjectNode b = Api.body(ctx);
            ApiRequests.known(b, Set.of("mode", "apply"));
            return b;
        });
        String mode = body.path("mode").asText("keep");
        if (!mode.equals("keep") && !mode.equals("replace")) throw new Refusal(400, "mode: must be keep (the higher score stays) or replace");
        if (body.has("apply") && !body.get("apply").isBoolean()) throw new Refusal(400, "apply: must be true or false");
        Regrade.Plan plan = rooms.regrading().plan(who);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attemptsChecked", plan.attemptsChecked());
        out.put("wouldChange", plan.scoresChanged(mode.equals("keep")));
        if (body.path("apply").asBoolean(false)) out.put("changed", rooms.regrading().apply(who, mode.equals("keep")).changed().total());
        Api.json(ctx, 200, Json.line(out));
    }
}
