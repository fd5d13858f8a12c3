package cloudlab.sim.document;

import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Simulator;
import cloudlab.sim.User;
import cloudlab.sim.grade.Challenge;
import cloudlab.sim.time.CpuPolicy;
import cloudlab.sim.time.TimeSimulator;
import cloudlab.sim.time.WorkloadReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The bodies of the stateless JSON API (contract section 6), read into records: which fields a
 * body may hold, which it must, and what each must be. Every refusal is an {@link InputException}
 * naming the place ({@code layout.regions[0].code}, {@code fail[1]}, {@code seconds}); the
 * transport's own checks (content type, size) stay with the server.
 */
public final class ApiRequests {
    private static final Check CHECK = new Check(null);

    private ApiRequests() {
    }

    /** {@code POST /api/v1/simulate}: a layout, the ids to fail, and users placed for the report. */
    public record Simulate(Layout layout, List<String> fail, List<User> users) {
    }

    /** {@code POST /api/v1/run}: a layout run for {@code seconds}, sampled every {@code every}. */
    public record Run(Layout layout, long seconds, long every, CpuPolicy policy) {
    }

    /**
     * {@code POST /api/v1/grade}: a challenge named by a lesson's id ({@code named}) or given in
     * full ({@code given}), and the layout's tree, read only when graded (an unreadable layout is a
     * graded "invalid", not a refused request).
     */
    public record Grade(String named, Challenge given, JsonNode layoutTree) {
        /** The layout to grade, read with every rule of a layout document. */
        public Layout layout(RegionCatalog catalog) throws InputException {
            return LayoutReader.fromTree(layoutTree, "layout", null, catalog);
        }
    }

    /** A body's text as a JSON object: not empty, valid strict JSON, an object at the top. */
    public static ObjectNode object(String text) throws InputException {
        if (text == null || text.isBlank()) throw new InputException("the body is empty; send a JSON object");
        JsonNode tree;
        try {
            tree = Documents.strictJson().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String msg = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().split("\n")[0];
            throw new InputException("the body is not valid JSON" + where + ": " + msg);
        }
        if (tree == null || !tree.isObject()) throw new InputException("the body must be a JSON object");
        return (ObjectNode) tree;
    }

    /** Refuses a field the body may not hold, naming the ones it may. */
    public static void known(ObjectNode body, Set<String> known) throws InputException {
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                List<String> names = known.stream().sorted().toList();
                throw new InputException(f + ": " + Spelling.nearest(f, names).map(k -> "unknown field (did you mean " + k + "?)")
                        .orElse("unknown field (known fields: " + String.join(", ", names) + ")"));
            }
        }
    }

    public static Simulate simulate(ObjectNode body, RegionCatalog catalog) throws InputException {
        known(body, Set.of("layout", "fail", "users"));
        required(body, "layout");
        Layout layout = LayoutReader.fromTree(body.get("layout"), "layout", null, catalog);
        List<String> fail = new ArrayList<>();
        if (body.has("fail")) {
            ArrayNode list = CHECK.list(body.get("fail"), "fail");
            for (int i = 0; i < list.size(); i++) {
                String id = CHECK.text(list.get(i), Check.item("fail", i));
                String problem = Simulator.failProblem(layout, id);
                if (problem != null) throw CHECK.fail(Check.item("fail", i), problem);
                fail.add(id);
            }
        }
        List<User> users = List.of();
        if (body.has("users")) {
            Set<String> names = new HashSet<>();
            layout.users().forEach(u -> names.add(u.name()));
            users = LayoutReader.users(body.get("users"), "users", names, null);
        }
        return new Simulate(layout, fail, users);
    }

    public static Grade grade(ObjectNode body) throws InputException {
        known(body, Set.of("challenge", "layout"));
        required(body, "challenge");
        required(body, "layout");
        JsonNode c = body.get("challenge");
        if (c.isTextual()) return new Grade(c.textValue(), null, body.get("layout"));
        return new Grade(null, ChallengeReader.fromTree(c, "challenge", null, "challenge"), body.get("layout"));
    }

    public static Run run(ObjectNode body, RegionCatalog catalog) throws InputException {
        known(body, Set.of("layout", "seconds", "every", "policy"));
        required(body, "layout");
        required(body, "seconds");
        long seconds = CHECK.whole(body.get("seconds"), "seconds", 1, WorkloadReader.MAX_SECONDS);
        CpuPolicy policy = CpuPolicy.FAIR;
        if (body.has("policy")) {
            policy = CpuPolicy.fromWord(CHECK.text(body.get("policy"), "policy"));
            if (policy == null) throw CHECK.fail("policy", "must be fair or proportional");
        }
        Layout layout = LayoutReader.fromTree(body.get("layout"), "layout", null, catalog);
        String tooBig = TimeSimulator.sizeProblem(layout, seconds);
        if (tooBig != null) throw CHECK.fail("seconds", tooBig);
        long every = body.has("every") ? CHECK.whole(body.get("every"), "every", 1, WorkloadReader.MAX_SECONDS)
                : TimeSimulator.defaultEvery(seconds);
        String problem = TimeSimulator.everyProblem(layout, seconds, every);
        if (problem != null) throw CHECK.fail("every", problem);
        return new Run(layout, seconds, every, policy);
    }

    private static void required(ObjectNode body, String field) throws InputException {
        if (!body.has(field)) throw new InputException("missing required field " + field);
    }
}
