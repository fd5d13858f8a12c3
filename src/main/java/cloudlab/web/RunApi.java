package cloudlab.web;

import cloudlab.sim.document.ApiRequests;
import cloudlab.sim.document.Json;
import cloudlab.sim.time.TimeSimulator;
import io.javalin.http.Context;

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
        ApiRequests.Run r = Api.read(() -> ApiRequests.run(Api.body(ctx), services.catalog()));
        Api.json(ctx, 200, Json.line(TimeSimulator.run(r.layout(), r.seconds(), r.every(), r.policy())));
    }
}
