package cloudlab.web;

import cloudlab.lesson.LessonChallenge;
import cloudlab.quiz.QuizGrading;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Rules;
import cloudlab.sim.Simulator;
import cloudlab.sim.document.ApiRequests;
import cloudlab.sim.document.Json;
import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stateless JSON API of contract section 6: same core, same messages. It reads no cookie
 * and stores nothing; bad input is a 400 with {@code {"error": ...}}, never a 500.
 */
final class Api {
    static final int MAX_BODY = 1024 * 1024;
    private final Services services;

    Api(Services services) {
        this.services = services;
    }

    void simulate(Context ctx) {
        ApiRequests.Simulate r = read(() -> ApiRequests.simulate(body(ctx), services.catalog()));
        json(ctx, 200, Json.line(Simulator.simulate(r.layout(), r.fail(), r.users())));
    }

    /** A challenge named by its lesson id, or given in full; a layout that cannot be read grades as invalid. */
    void grade(Context ctx) {
        ApiRequests.Grade r = read(() -> ApiRequests.grade(body(ctx)));
        LessonChallenge lc = r.named() == null ? null : services.course().course().challenge(r.named());
        if (r.named() != null && lc == null) {
            throw new Refusal(404, "challenge: no lesson has a challenge with the id " + (Rules.id(r.named()) == null ? r.named() : "given"));
        }
        Challenge challenge = lc != null ? lc.challenge() : r.given();
        GradeResult result;
        try {
            Layout layout = r.layout(services.catalog());
            result = lc != null ? lc.grade(layout) : Grader.grade(challenge, layout); // a lesson's challenge also checks its zones
        } catch (InputException e) {
            result = GradeResult.invalid(challenge.id(), e.getMessage());
        }
        json(ctx, 200, Json.line(result));
    }

    /**
     * Grades answers to a lesson's quiz: {@code {"answers": [{"question", "answer", "seed", "hints",
     * "attempt"}], "learner": ID}}. A question with variants needs the seed it was answered
     * under; when {@code learner} and {@code attempt} are given the seed must be the one derived
     * from them, so a tampered seed is refused. A challenge question's answer is a layout.
     */
    void gradeQuiz(Context ctx) {
        ObjectNode body = read(() -> {
            ObjectNode b = body(ctx);
            ApiRequests.known(b, Set.of("answers", "learner"));
            return b;
        });
        cloudlab.lesson.Lesson lesson = services.course().course().lessonOfQuiz(ctx.pathParam("id"));
        if (lesson == null) {
            String id = ctx.pathParam("id");
            throw new Refusal(404, "no lesson has a quiz with the id " + (Rules.id(id) == null ? id : "given"));
        }
        // the quiz's own policy for now: a workshop's override is passed here when it comes
        json(ctx, 200, Json.line(read(() -> QuizGrading.grade(lesson, body, services.course().course(), services.catalog(),
                services.progress(), lesson.policy()))));
    }

    /**
     * {@code POST /api/v1/run}: {@code {"layout": {...}, "seconds": N, "every": S, "policy": "fair"}}
     * ({@code every} and {@code policy} optional) answers the timeline and summary of {@code cloud-lab run}.
     */
    void run(Context ctx) {
        ApiRequests.Run r = read(() -> ApiRequests.run(body(ctx), services.catalog()));
        json(ctx, 200, Json.line(cloudlab.sim.time.TimeSimulator.run(r.layout(), r.seconds(), r.every(), r.policy())));
    }

    void regions(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RegionCatalog.Entry e : services.catalog().entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", e.code());
            m.put("name", e.name());
            m.put("city", e.city());
            m.put("lat", e.lat());
            m.put("lon", e.lon());
            m.put("azs", e.azs());
            out.add(m);
        }
        json(ctx, 200, Json.line(out));
    }

    /** A request read by the core: a rule it breaks is a 400 with the core's message. */
    interface Reading<T> {
        T read() throws InputException;
    }

    static <T> T read(Reading<T> reading) {
        try {
            return reading.read();
        } catch (InputException e) {
            throw new Refusal(400, e.getMessage());
        }
    }

    /** The request body as a JSON object, after the transport's checks: JSON's content type, at most 1 MiB. */
    static ObjectNode body(Context ctx) throws InputException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).strip().startsWith("application/json")) {
            throw new Refusal(415, "the body must be JSON, sent with Content-Type: application/json");
        }
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                // refused from its length alone: SlowBodies never read such a body, and drops it off the wire after the 413 goes out
                if (Long.parseLong(length.strip()) > MAX_BODY) throw new Refusal(413, "the body is over 1 MiB");
            } catch (NumberFormatException e) {
                throw new Refusal(400, "Content-Length must be a number");
            }
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY) throw new Refusal(413, "the body is over 1 MiB");
        return ApiRequests.object(new String(bytes, StandardCharsets.UTF_8));
    }

    static void json(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json);
    }

    static String error(String message) {
        return Json.line(Map.of("error", message));
    }
}
