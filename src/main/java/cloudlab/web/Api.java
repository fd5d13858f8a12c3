package cloudlab.web;

import cloudlab.lesson.LessonChallenge;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Rules;
import cloudlab.sim.Simulator;
import cloudlab.sim.User;
import cloudlab.sim.document.ChallengeReader;
import cloudlab.sim.document.Check;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.Json;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.grade.Challenge;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
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

    /** A 4xx answer on its way out of a handler. */
    static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    void simulate(Context ctx) {
        ObjectNode body = body(ctx);
        check(body, Set.of("layout", "fail", "users"));
        if (!body.has("layout")) throw new Refusal(400, "missing required field layout");
        Layout layout = layout(body.get("layout"));
        List<String> fail = new ArrayList<>();
        Check check = new Check(null);
        try {
            if (body.has("fail")) {
                ArrayNode list = check.list(body.get("fail"), "fail");
                for (int i = 0; i < list.size(); i++) {
                    String id = check.text(list.get(i), Check.item("fail", i));
                    String problem = Simulator.failProblem(layout, id);
                    if (problem != null) throw check.fail(Check.item("fail", i), problem);
                    fail.add(id);
                }
            }
            List<User> users = body.has("users") ? users(check, body.get("users"), layout) : List.of();
            json(ctx, 200, Json.line(Simulator.simulate(layout, fail, users)));
        } catch (InputException e) {
            throw new Refusal(400, e.getMessage());
        }
    }

    void grade(Context ctx) {
        ObjectNode body = body(ctx);
        check(body, Set.of("challenge", "layout"));
        if (!body.has("challenge")) throw new Refusal(400, "missing required field challenge");
        if (!body.has("layout")) throw new Refusal(400, "missing required field layout");
        Challenge challenge;
        LessonChallenge lc = null; // a lesson's challenge also refuses zones its catalog region does not have
        JsonNode c = body.get("challenge");
        if (c.isTextual()) {
            lc = services.course().course().challenge(c.textValue());
            if (lc == null) {
                String id = c.textValue();
                throw new Refusal(404, "challenge: no lesson has a challenge with the id " + (Rules.id(id) == null ? id : "given"));
            }
            challenge = lc.challenge();
        } else {
            try {
                challenge = ChallengeReader.fromTree(c, "challenge", null, "challenge");
            } catch (InputException e) {
                throw new Refusal(400, e.getMessage());
            }
        }
        GradeResult result;
        try {
            Layout layout = LayoutReader.fromTree(body.get("layout"), "layout", null, services.catalog());
            result = lc != null ? lc.grade(layout) : Grader.grade(challenge, layout);
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
        ObjectNode body = body(ctx);
        check(body, Set.of("answers", "learner"));
        cloudlab.lesson.Lesson lesson = services.course().course().lessonOfQuiz(ctx.pathParam("id"));
        if (lesson == null) {
            String id = ctx.pathParam("id");
            throw new Refusal(404, "no lesson has a quiz with the id " + (Rules.id(id) == null ? id : "given"));
        }
        json(ctx, 200, Json.line(QuizApi.grade(lesson, body, services)));
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

    private Layout layout(JsonNode tree) {
        try {
            return LayoutReader.fromTree(tree, "layout", null, services.catalog());
        } catch (InputException e) {
            throw new Refusal(400, e.getMessage());
        }
    }

    private static List<User> users(Check check, JsonNode node, Layout layout) throws InputException {
        Set<String> names = new HashSet<>();
        layout.users().forEach(u -> names.add(u.name()));
        return LayoutReader.users(node, "users", names, null);
    }

    /** The request body as a JSON object, after the content type and size checks. */
    static ObjectNode body(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).strip().startsWith("application/json")) {
            throw new Refusal(415, "the body must be JSON, sent with Content-Type: application/json");
        }
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                // the body is left unread; App.readRestOfBody takes it off the wire so the client hears the 413
                if (Long.parseLong(length.strip()) > MAX_BODY) throw new Refusal(413, "the body is over 1 MiB");
            } catch (NumberFormatException e) {
                throw new Refusal(400, "Content-Length must be a number");
            }
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY) throw new Refusal(413, "the body is over 1 MiB");
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) throw new Refusal(400, "the body is empty; send a JSON object");
        JsonNode tree;
        try {
            tree = Documents.strictJson().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String msg = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().split("\n")[0];
            throw new Refusal(400, "the body is not valid JSON" + where + ": " + msg);
        }
        if (tree == null || !tree.isObject()) throw new Refusal(400, "the body must be a JSON object");
        return (ObjectNode) tree;
    }

    static void check(ObjectNode body, Set<String> known) {
        body.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) throw new Refusal(400, f + ": unknown field (known fields: " + String.join(", ", known.stream().sorted().toList()) + ")");
        });
    }

    static void json(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json);
    }

    static String error(String message) {
        return Json.line(Map.of("error", message));
    }
}
