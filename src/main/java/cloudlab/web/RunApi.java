package cloudlab.web;

import cloudlab.sim.document.Check;
import cloudlab.sim.InputException;
import cloudlab.sim.document.Json;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.time.CpuPolicy;
import cloudlab.sim.time.TimeSimulator;
import cloudlab.sim.time.WorkloadReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.util.Set;

/**
 * {@code POST /api/v1/run}: {@code {"layout": {...}, "seconds": N, "every": S, "policy": "fair"}}
 * ({@code every} and {@code policy} optional) answers the timeline and summary of
 * {@code cloud-lab run}. Stateless like the rest of {@code /api/v1}; bad input is a 400 naming the field.
 */
final class RunApi {
    private final Services services;

    RunApi(Services services) {
        this.services = services;
    }

    void run(Context ctx) {
        ObjectNode body = Api.body(ctx);
        Api.check(body, Set.of("layout", "seconds", "every", "policy"));
        if (!body.has("layout")) throw new Api.Refusal(400, "missing required field layout");
        if (!body.has("seconds")) throw new Api.Refusal(400, "missing required field seconds");
        Check check = new Check(null);
        try {
            long seconds = check.whole(body.get("seconds"), "seconds", 1, WorkloadReader.MAX_SECONDS);
            CpuPolicy policy = CpuPolicy.FAIR;
            if (body.has("policy")) {
                String word = check.text(body.get("policy"), "policy");
                policy = CpuPolicy.fromWord(word);
                if (policy == null) throw check.fail("policy", "must be fair or proportional");
            }
            Layout layout = LayoutReader.fromTree(body.get("layout"), "layout", null, services.catalog());
            String tooBig = TimeSimulator.sizeProblem(layout, seconds);
            if (tooBig != null) throw check.fail("seconds", tooBig);
            long every = body.has("every") ? check.whole(body.get("every"), "every", 1, WorkloadReader.MAX_SECONDS)
                    : TimeSimulator.defaultEvery(seconds);
            String problem = TimeSimulator.everyProblem(layout, seconds, every);
            if (problem != null) throw check.fail("every", problem);
            Api.json(ctx, 200, Json.line(TimeSimulator.run(layout, seconds, every, policy)));
        } catch (InputException e) {
            throw new Api.Refusal(400, e.getMessage());
        }
    }
}
