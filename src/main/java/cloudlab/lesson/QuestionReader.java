package cloudlab.lesson;

import cloudlab.common.Tokens;
import cloudlab.sim.Host;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.Location;
import cloudlab.sim.Num;
import cloudlab.sim.Region;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.Rules;
import cloudlab.sim.Simulator;
import cloudlab.sim.VmSpec;
import cloudlab.sim.document.Check;
import cloudlab.sim.document.Json;
import cloudlab.sim.document.LayoutReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one question of a quiz block. A question with {@code variants} is read once per
 * combination of its parameters, each with {@code {{name}}} replaced by the value; every variant
 * must read and be answerable, which proves each one solvable when the lesson loads.
 */
final class QuestionReader {
    static final int MAX_VARIANTS = 256;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9_]*)}}");
    private static final String FIELDS = "id, type, prompt, options, answer, tolerance, relativeTolerance, unit, explanation, "
            + "pairs, items, hints, layout, fail, ask, view, challenge, variants";
    private final Check check;
    private final RegionCatalog catalog;
    private final String where;

    QuestionReader(Check check, RegionCatalog catalog, String where) {
        this.check = check;
        this.catalog = catalog;
        this.where = where;
    }

    /**
     * A quiz's attempt policy: {@code policy: practice}, or an object {@code {kind, maxAttempts,
     * penaltyPerRetry}} (kind practice, graded or first; graded needs maxAttempts, 1 to 100).
     */
    static cloudlab.quiz.AttemptPolicy policy(Check check, JsonNode n, String place) throws InputException {
        if (n != null && n.isTextual()) {
            String w = n.asText();
            if (w.equals("practice")) return cloudlab.quiz.AttemptPolicy.PRACTICE;
            if (w.equals("graded")) return cloudlab.quiz.AttemptPolicy.GRADED;
            throw check.fail(place, "must be practice, graded, or {kind, maxAttempts, penaltyPerRetry}; not " + w);
        }
        ObjectNode o = check.object(n, place, "a policy ({kind, maxAttempts, penaltyPerRetry})");
        check.required(o, place, "kind");
        cloudlab.quiz.AttemptPolicy.Kind kind = null;
        int max = 0;
        BigDecimal penalty = BigDecimal.ZERO;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "kind" -> {
                    String w = check.text(f.getValue(), p);
                    kind = cloudlab.quiz.AttemptPolicy.Kind.fromWord(w);
                    if (kind == null) throw check.fail(p, "must be practice, graded or first; not " + w);
                }
                case "maxAttempts" -> max = check.whole(f.getValue(), p, 1, 100);
                case "penaltyPerRetry" -> {
                    penalty = check.decimal(f.getValue(), p);
                    if (penalty.signum() < 0 || penalty.compareTo(BigDecimal.ONE) > 0) throw check.fail(p, "must be 0 to 1 (a share of the points)");
                }
                default -> throw check.unknown(place, f.getKey(), "kind, maxAttempts, penaltyPerRetry");
            }
        }
        if (kind == cloudlab.quiz.AttemptPolicy.Kind.PRACTICE && (max != 0 || penalty.signum() != 0)) {
            throw check.fail(place, "practice has unlimited attempts and no penalty; use kind graded for a limit or a penalty");
        }
        if (kind == cloudlab.quiz.AttemptPolicy.Kind.GRADED && max == 0) throw check.fail(Check.child(place, "maxAttempts"), "graded needs a number of attempts, 1 to 100");
        return new cloudlab.quiz.AttemptPolicy(kind, max, penalty.doubleValue());
    }

    Question read(JsonNode n, String place, Set<String> ids) throws InputException {
        ObjectNode o = check.object(n, place, "a question");
        check.required(o, place, "id", "type", "prompt");
        String id = check.text(o.get("id"), Check.child(place, "id"));
        String e = Rules.id(id);
        if (e != null) throw check.fail(Check.child(place, "id"), e);
        if (!ids.add(id)) throw check.fail(Check.child(place, "id"), "duplicate question id " + id);
        String version = version(o);
        if (!o.has("variants")) return concrete(o, place, version, null, List.of());

        Map<String, List<JsonNode>> params = params(o.get("variants"), Check.child(place, "variants"));
        java.math.BigInteger count = java.math.BigInteger.ONE;
        for (List<JsonNode> values : params.values()) count = count.multiply(java.math.BigInteger.valueOf(values.size()));
        if (count.compareTo(java.math.BigInteger.valueOf(MAX_VARIANTS)) > 0) {
            throw check.fail(Check.child(place, "variants"), "makes " + count + " variants; at most " + MAX_VARIANTS);
        }
        List<Map<String, JsonNode>> combos = combinations(params);
        ObjectNode template = o.deepCopy();
        template.remove("variants");
        String unknown = unknownPlaceholder(template, params.keySet());
        if (unknown != null) {
            throw check.fail(Check.child(place, "variants"), "{{" + unknown + "}} is not a parameter (parameters: "
                    + String.join(", ", params.keySet()) + ")");
        }
        List<Question> variants = new ArrayList<>();
        for (Map<String, JsonNode> combo : combos) {
            String label = label(combo);
            JsonNode filled = substitute(template, combo);
            try {
                variants.add(concrete((ObjectNode) filled, place, version, label, List.of()));
            } catch (InputException ex) {
                throw new InputException("variant " + label + ": " + ex.getMessage());
            }
        }
        Question first = variants.get(0);
        List<Question> all = new ArrayList<>();
        for (Question v : variants) all.add(withVariants(v, variants));
        return withVariants(first, all);
    }

    private static Question withVariants(Question q, List<Question> variants) {
        return new Question(q.id(), q.type(), q.prompt(), q.options(), q.truth(), q.number(), q.tolerance(), q.relativeTolerance(),
                q.unit(), q.explanation(), q.pairs(), q.items(), q.hints(), q.predict(), q.challenge(), q.version(), q.variantLabel(),
                variants);
    }

    private Question concrete(ObjectNode o, String place, String version, String label, List<Question> variants) throws InputException {
        String typeWord = check.text(o.get("type"), Check.child(place, "type"));
        Question.Type type = Question.Type.fromWord(typeWord);
        if (type == null) {
            throw check.fail(Check.child(place, "type"),
                    "must be single, multiple, truefalse, numeric, matching, ordering, predict or challenge (got " + typeWord + ")");
        }
        String id = o.get("id").textValue();
        String prompt = null;
        String explanation = null;
        String unit = null;
        String challenge = null;
        String view = null;
        List<Question.Option> options = new ArrayList<>();
        List<Question.Pair> pairs = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<Question.Hint> hints = new ArrayList<>();
        Boolean truth = null;
        BigDecimal number = null;
        BigDecimal tolerance = BigDecimal.ZERO;
        BigDecimal relative = null;
        Layout layout = null;
        List<String> fail = new ArrayList<>();
        JsonNode ask = null;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = Check.child(place, f.getKey());
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "type", "id" -> { }
                case "prompt" -> prompt = text(v, p, 1000);
                case "explanation" -> explanation = text(v, p, 2000);
                case "unit" -> unit = text(v, p, 30);
                case "options" -> {
                    ArrayNode list = check.list(v, p);
                    for (int i = 0; i < list.size(); i++) options.add(option(list.get(i), Check.item(p, i)));
                }
                case "pairs" -> {
                    ArrayNode list = check.list(v, p);
                    for (int i = 0; i < list.size(); i++) pairs.add(pair(list.get(i), Check.item(p, i)));
                }
                case "items" -> {
                    ArrayNode list = check.list(v, p);
                    for (int i = 0; i < list.size(); i++) items.add(text(list.get(i), Check.item(p, i), 200));
                }
                case "hints" -> {
                    ArrayNode list = check.list(v, p);
                    for (int i = 0; i < list.size(); i++) hints.add(hint(list.get(i), Check.item(p, i)));
                }
                case "answer" -> {
                    if (type == Question.Type.TRUEFALSE) truth = check.bool(v, p);
                    else if (type == Question.Type.NUMERIC) number = check.decimal(v, p);
                    else if (type == Question.Type.PREDICT) throw check.fail(p, "a predict question's answer is computed by the lab; remove answer");
                    else throw check.fail(p, "a " + typeWord + " question gives its answer in its own fields, not in answer");
                }
                case "tolerance" -> tolerance = nonNegative(v, p);
                case "relativeTolerance" -> relative = nonNegative(v, p);
                case "layout" -> layout = LayoutReader.fromTree(v, p, where, catalog);
                case "fail" -> {
                    ArrayNode list = check.list(v, p);
                    for (int i = 0; i < list.size(); i++) fail.add(check.text(list.get(i), Check.item(p, i)));
                }
                case "ask" -> ask = v;
                case "view" -> {
                    view = check.text(v, p);
                    if (!Set.of("hosts", "infrastructure", "map").contains(view)) throw check.fail(p, "must be hosts, infrastructure or map");
                }
                case "challenge" -> {
                    challenge = check.text(v, p);
                    String e = Rules.id(challenge);
                    if (e != null) throw check.fail(p, e);
                }
                default -> throw check.unknown(place, f.getKey(), FIELDS);
            }
        }
        String askLabel = null;
        switch (type) {
            case SINGLE, MULTIPLE -> {
                if (options.size() < 2 || options.size() > 8) throw check.fail(Check.child(place, "options"), "must hold 2 to 8 options");
                long correct = options.stream().filter(Question.Option::correct).count();
                if (type == Question.Type.SINGLE && correct != 1) {
                    throw check.fail(Check.child(place, "options"), "a single-choice question has exactly one correct option (found " + correct + ")");
                }
                if (type == Question.Type.MULTIPLE && correct < 1) {
                    throw check.fail(Check.child(place, "options"), "a multiple-choice question has at least one correct option");
                }
            }
            case TRUEFALSE -> {
                if (truth == null) throw check.fail(place, "missing required field answer (true or false)");
            }
            case NUMERIC -> {
                if (number == null) throw check.fail(place, "missing required field answer (a number)");
            }
            case MATCHING -> {
                if (pairs.size() < 2 || pairs.size() > 10) throw check.fail(Check.child(place, "pairs"), "must hold 2 to 10 pairs");
                if (pairs.stream().map(Question.Pair::left).distinct().count() != pairs.size()) {
                    throw check.fail(Check.child(place, "pairs"), "each left side appears once");
                }
            }
            case ORDERING -> {
                if (items.size() < 2 || items.size() > 10) throw check.fail(Check.child(place, "items"), "must hold 2 to 10 items, in the right order");
                if (items.stream().distinct().count() != items.size()) throw check.fail(Check.child(place, "items"), "each item appears once");
            }
            case PREDICT -> {
                if (layout == null) throw check.fail(place, "missing required field layout (the layout to predict about)");
                if (ask == null) throw check.fail(place, "missing required field ask");
                for (int i = 0; i < fail.size(); i++) {
                    String problem = Simulator.failProblem(layout, fail.get(i));
                    if (problem != null) throw check.fail(Check.item(Check.child(place, "fail"), i), problem);
                }
                Answer a = predict(layout, fail, ask, Check.child(place, "ask"));
                truth = a.truth;
                number = a.number;
                askLabel = a.label;
                if (view == null) view = layout.zones().size() > 1 ? "infrastructure" : "hosts";
            }
            case CHALLENGE -> {
                if (challenge == null) throw check.fail(place, "missing required field challenge (the id of a lesson's challenge)");
            }
        }
        if (!options.isEmpty() && type != Question.Type.SINGLE && type != Question.Type.MULTIPLE) {
            throw check.fail(Check.child(place, "options"), "only single and multiple choice questions have options");
        }
        BigDecimal hintTotal = hints.stream().map(Question.Hint::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (hintTotal.compareTo(BigDecimal.ONE) > 0) throw check.fail(Check.child(place, "hints"), "the hints together cost more than the question");
        Question.Predict predict = type == Question.Type.PREDICT ? new Question.Predict(layout, fail, askLabel, view) : null;
        return new Question(id, type, prompt, options, truth, number, tolerance, relative, unit, explanation, pairs, items, hints,
                predict, challenge, version, label, variants);
    }

    /** A predict question's computed answer. */
    private record Answer(Boolean truth, BigDecimal number, String label) {
    }

    private Answer predict(Layout layout, List<String> fail, JsonNode askNode, String place) throws InputException {
        ObjectNode ask = check.object(askNode, place, "{available: APP} or {running: APP}, {hostUp: HOST}, {fits: ...}, {rttMs: ...}");
        if (ask.size() != 1) throw check.fail(place, "ask one thing: available, hostUp, running, fits, rttMs or stealPercent");
        Map.Entry<String, JsonNode> e = ask.fields().next();
        String p = Check.child(place, e.getKey());
        switch (e.getKey()) {
            case "available" -> {
                String app = appOf(layout, e.getValue(), p);
                return new Answer(Predictions.available(layout, fail, app), null, "is " + app + " available?");
            }
            case "running" -> {
                String app = appOf(layout, e.getValue(), p);
                return new Answer(null, BigDecimal.valueOf(Predictions.running(layout, fail, app)), "running VMs of " + app);
            }
            case "hostUp" -> {
                String host = check.text(e.getValue(), p);
                if (layout.node(host, Host.class) == null) throw check.fail(p, "the layout has no host " + host);
                return new Answer(Predictions.hostUp(layout, fail, host), null, "is " + host + " up?");
            }
            case "fits" -> {
                ObjectNode f = check.object(e.getValue(), p, "{host: HOST, vm: {vcpus, memoryGiB, diskGiB}}");
                check.required(f, p, "host", "vm");
                String hostId = check.text(f.get("host"), Check.child(p, "host"));
                Host host = layout.node(hostId, Host.class);
                if (host == null) throw check.fail(Check.child(p, "host"), "the layout has no host " + hostId);
                ObjectNode vm = check.object(f.get("vm"), Check.child(p, "vm"), "{vcpus, memoryGiB, diskGiB}");
                check.required(vm, Check.child(p, "vm"), "vcpus", "memoryGiB", "diskGiB");
                int vcpus = check.whole(vm.get("vcpus"), Check.child(p, "vm.vcpus"), 1, Rules.MAX_CORES);
                BigDecimal mem = check.decimal(vm.get("memoryGiB"), Check.child(p, "vm.memoryGiB"));
                BigDecimal disk = check.decimal(vm.get("diskGiB"), Check.child(p, "vm.diskGiB"));
                String problem = Rules.vmSize(vcpus, mem, disk);
                if (problem != null) throw check.fail(Check.child(p, "vm"), problem);
                int n = Predictions.fits(host, new VmSpec(vcpus, mem, disk, null, true));
                return new Answer(null, BigDecimal.valueOf(n), "how many more fit on " + hostId);
            }
            case "rttMs" -> {
                ObjectNode r = check.object(e.getValue(), p, "{user: {lat, lon}, region: CODE}");
                check.required(r, p, "user", "region");
                ObjectNode u = check.object(r.get("user"), Check.child(p, "user"), "{lat, lon}");
                check.required(u, Check.child(p, "user"), "lat", "lon");
                Location loc = new Location(check.decimal(u.get("lat"), Check.child(p, "user.lat")), check.decimal(u.get("lon"), Check.child(p, "user.lon")));
                String problem = Rules.location(loc);
                if (problem != null) throw check.fail(Check.child(p, "user"), problem);
                String code = check.text(r.get("region"), Check.child(p, "region"));
                Region region = layout.node(code, Region.class);
                if (region == null) throw check.fail(Check.child(p, "region"), "the layout has no region " + code);
                return new Answer(null, Predictions.rttMs(loc, region), "round trip to " + code);
            }
            case "stealPercent" -> {
                String vm = check.text(e.getValue(), p);
                if (layout.node(vm, cloudlab.sim.Vm.class) == null) throw check.fail(p, "the layout has no VM " + vm);
                if (!fail.isEmpty()) throw check.fail(p, "a run over time takes no fail list: stop or remove what should not run");
                return new Answer(null, Predictions.stealPercent(layout, vm), "mean steal of " + vm + " in %");
            }
            default -> throw check.fail(p, "unknown ask " + e.getKey() + " (available, hostUp, running, fits, rttMs or stealPercent)");
        }
    }

    private String appOf(Layout layout, JsonNode n, String place) throws InputException {
        String app = check.text(n, place);
        if (layout.app(app) == null) throw check.fail(place, "the layout declares no app " + app);
        return app;
    }

    private Question.Option option(JsonNode n, String place) throws InputException {
        ObjectNode o = check.object(n, place, "an option");
        check.required(o, place, "text");
        String text = null;
        boolean correct = false;
        String feedback = null;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "text" -> text = text(f.getValue(), p, 500);
                case "correct" -> correct = check.bool(f.getValue(), p);
                case "feedback" -> feedback = text(f.getValue(), p, 1000);
                default -> throw check.unknown(place, f.getKey(), "text, correct, feedback");
            }
        }
        return new Question.Option(text, correct, feedback);
    }

    private Question.Pair pair(JsonNode n, String place) throws InputException {
        ObjectNode o = check.object(n, place, "a pair {left, right}");
        check.required(o, place, "left", "right");
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            if (!f.getKey().equals("left") && !f.getKey().equals("right")) throw check.unknown(place, f.getKey(), "left, right");
        }
        return new Question.Pair(text(o.get("left"), Check.child(place, "left"), 200), text(o.get("right"), Check.child(place, "right"), 200));
    }

    private Question.Hint hint(JsonNode n, String place) throws InputException {
        ObjectNode o = check.object(n, place, "a hint {text, cost}");
        check.required(o, place, "text", "cost");
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            if (!f.getKey().equals("text") && !f.getKey().equals("cost")) throw check.unknown(place, f.getKey(), "text, cost");
        }
        BigDecimal cost = check.decimal(o.get("cost"), Check.child(place, "cost"));
        if (cost.signum() < 0 || cost.compareTo(BigDecimal.ONE) > 0) {
            throw check.fail(Check.child(place, "cost"), "must be a share of the question's points from 0 to 1 (got " + Num.show(cost) + ")");
        }
        return new Question.Hint(text(o.get("text"), Check.child(place, "text"), 1000), cost);
    }

    private BigDecimal nonNegative(JsonNode v, String p) throws InputException {
        BigDecimal d = check.decimal(v, p);
        if (d.signum() < 0) throw check.fail(p, "must be 0 or more (got " + Num.show(d) + ")");
        return d;
    }

    private String text(JsonNode n, String place, int max) throws InputException {
        String s = check.text(n, place).strip();
        if (s.isEmpty() || s.length() > max) throw check.fail(place, "must be 1 to " + max + " characters");
        return s;
    }

    private Map<String, List<JsonNode>> params(JsonNode n, String place) throws InputException {
        ObjectNode o = check.object(n, place, "a mapping of parameter names to lists of values");
        if (o.isEmpty()) throw check.fail(place, "name at least one parameter");
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = Check.child(place, f.getKey());
            if (!f.getKey().matches("[A-Za-z][A-Za-z0-9_]*")) throw check.fail(p, "a parameter name is a word of letters, digits and _");
            ArrayNode values = check.list(f.getValue(), p);
            if (values.isEmpty() || values.size() > 20) throw check.fail(p, "must list 1 to 20 values");
            List<JsonNode> list = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                if (!v.isValueNode() || v.isNull()) throw check.fail(Check.item(p, i), "a value is a number or a word");
                list.add(v);
            }
            out.put(f.getKey(), list);
        }
        return out;
    }

    private static List<Map<String, JsonNode>> combinations(Map<String, List<JsonNode>> params) {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<JsonNode>> p : params.entrySet()) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> partial : out) {
                for (JsonNode v : p.getValue()) {
                    Map<String, JsonNode> m = new LinkedHashMap<>(partial);
                    m.put(p.getKey(), v);
                    next.add(m);
                    if (next.size() > MAX_VARIANTS) return next;
                }
            }
            out = next;
        }
        return out;
    }

    private static String label(Map<String, JsonNode> combo) {
        List<String> parts = new ArrayList<>();
        combo.forEach((k, v) -> parts.add(k + "=" + v.asText()));
        return String.join(", ", parts);
    }

    /** The name of the first {{name}} in the tree's texts that is not a parameter, or null. */
    private static String unknownPlaceholder(JsonNode node, Set<String> names) {
        if (node.isTextual()) {
            Matcher m = PLACEHOLDER.matcher(node.textValue());
            while (m.find()) if (!names.contains(m.group(1))) return m.group(1);
            return null;
        }
        for (JsonNode child : node) {
            String u = unknownPlaceholder(child, names);
            if (u != null) return u;
        }
        return null;
    }

    /** A copy of the tree with every {{name}} filled in; a text that is only a placeholder takes the value's type. */
    static JsonNode substitute(JsonNode node, Map<String, JsonNode> values) {
        if (node.isTextual()) {
            String t = node.textValue();
            Matcher whole = PLACEHOLDER.matcher(t);
            if (whole.matches() && values.containsKey(whole.group(1))) return values.get(whole.group(1)).deepCopy();
            Matcher m = PLACEHOLDER.matcher(t);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                JsonNode v = values.get(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : v.asText()));
            }
            m.appendTail(sb);
            return JsonNodeFactory.instance.textNode(sb.toString());
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), substitute(f.getValue(), values)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(x -> copy.add(substitute(x, values)));
            return copy;
        }
        return node.deepCopy();
    }

    /** 12 hex digits of SHA-256 over what the author wrote: changes whenever the question does. */
    static String version(JsonNode source) {
        return Tokens.sha256Hex(Json.line(source)).substring(0, 12);
    }
}
