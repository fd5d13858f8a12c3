package cloudlab.lesson;

import cloudlab.sim.Hypervisor;
import cloudlab.sim.InputException;
import cloudlab.sim.Rules;
import cloudlab.sim.VmSpec;
import cloudlab.sim.document.ChallengeReader;
import cloudlab.sim.document.Check;
import cloudlab.sim.grade.Goal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code steps} of a sandbox block into a {@link Task}. Each step is
 * {@code {do: TEXT, when: {CONDITION: ARGUMENT, ...}, hint: TEXT}}; a condition is a challenge
 * goal or one of {@link #CONDITIONS}, and all of a step's conditions must hold for it to tick.
 */
final class TaskReader {
    static final String CONDITIONS = "vmsOn, vmsOf, full, host, vm, vmOn, running, stopped, failed, nothingFailed, down, servedFrom";
    private static final int MAX_STEPS = 8;

    private final Check check;
    private final String where;

    TaskReader(Check check, String where) {
        this.check = check;
        this.where = where;
    }

    Task read(JsonNode stepsNode, String finding, boolean bill) throws InputException {
        ArrayNode list = check.list(stepsNode, "steps");
        if (list.isEmpty() || list.size() > MAX_STEPS) throw check.fail("steps", "must list 1 to " + MAX_STEPS + " steps");
        List<Task.Step> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) steps.add(step(list.get(i), Check.item("steps", i)));
        return new Task(steps, finding, bill);
    }

    private Task.Step step(JsonNode n, String place) throws InputException {
        ObjectNode o = check.object(n, place, "a step");
        check.required(o, place, "do", "when");
        String text = null;
        String hint = null;
        List<Task.Condition> when = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "do" -> text = LessonReader.shortText(check, f.getValue(), p, 300);
                case "hint" -> hint = LessonReader.shortText(check, f.getValue(), p, 300);
                case "when" -> {
                    ObjectNode c = check.object(f.getValue(), p, "conditions, like {failed: use1-az1}");
                    if (c.isEmpty()) throw check.fail(p, "a step needs at least one condition");
                    for (Map.Entry<String, JsonNode> e : Check.entries(c)) when.add(condition(e.getKey(), e.getValue(), Check.child(p, e.getKey())));
                }
                default -> throw check.unknown(place, f.getKey(), "do, when, hint");
            }
        }
        return new Task.Step(text, when, hint);
    }

    private Task.Condition condition(String name, JsonNode arg, String place) throws InputException {
        return switch (name) {
            case "vmsOn" -> {
                ObjectNode o = fields(arg, place, "{host: ID, atLeast: N}", "host", "atLeast");
                yield new Task.Condition.VmsOn(id(o.get("host"), Check.child(place, "host")), check.whole(o.get("atLeast"), Check.child(place, "atLeast"), 0, 100_000));
            }
            case "vmsOf" -> {
                ObjectNode o = fields(arg, place, "{app: NAME, atLeast: N}", "app", "atLeast");
                yield new Task.Condition.VmsOf(check.text(o.get("app"), Check.child(place, "app")), check.whole(o.get("atLeast"), Check.child(place, "atLeast"), 0, 100_000));
            }
            case "full" -> {
                ObjectNode o = fields(arg, place, "{host: ID, vm: {vcpus, memoryGiB, diskGiB}}", "host", "vm");
                yield new Task.Condition.Full(id(o.get("host"), Check.child(place, "host")), vm(o.get("vm"), Check.child(place, "vm")));
            }
            case "host" -> host(arg, place);
            case "vm" -> vmIs(arg, place);
            case "vmOn" -> {
                ObjectNode o = fields(arg, place, "{vm: ID, host: ID}", "vm", "host");
                yield new Task.Condition.VmOn(id(o.get("vm"), Check.child(place, "vm")), id(o.get("host"), Check.child(place, "host")));
            }
            case "running" -> new Task.Condition.VmState(id(arg, place), true);
            case "stopped" -> new Task.Condition.VmState(id(arg, place), false);
            case "failed" -> new Task.Condition.Failed(id(arg, place));
            case "nothingFailed" -> {
                if (!check.bool(arg, place)) throw check.fail(place, "must be true (leave it out otherwise)");
                yield new Task.Condition.NothingFailed();
            }
            case "down" -> new Task.Condition.Down(check.text(arg, place));
            case "servedFrom" -> {
                ObjectNode o = fields(arg, place, "{user: NAME, region: CODE or null}", "user", "region");
                JsonNode r = o.get("region");
                yield new Task.Condition.ServedFrom(check.text(o.get("user"), Check.child(place, "user")),
                        r.isNull() ? null : check.text(r, Check.child(place, "region")));
            }
            default -> {
                if (!ChallengeReader.KNOWN_GOALS.contains(name)) {
                    throw check.unknown(place.replaceFirst("\\.[^.]*$", ""), name, CONDITIONS + ", or a challenge goal: " + ChallengeReader.KNOWN_GOALS);
                }
                ArrayNode one = JsonNodeFactory.instance.arrayNode();
                one.addObject().set(name, arg);
                List<Goal> goal = ChallengeReader.goals(one, place.replaceFirst("\\.[^.]*$", ""), where);
                yield new Task.Condition.OfGoal(goal.get(0));
            }
        };
    }

    private Task.Condition host(JsonNode arg, String place) throws InputException {
        ObjectNode o = check.object(arg, place, "{id: HOST, hypervisor, cpuOvercommit, memoryOvercommit}");
        check.required(o, place, "id");
        String id = null;
        String hypervisor = null;
        BigDecimal cpu = null;
        BigDecimal memory = null;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "id" -> id = id(f.getValue(), p);
                case "hypervisor" -> {
                    hypervisor = check.text(f.getValue(), p);
                    if (Hypervisor.fromWord(hypervisor) == null) throw check.fail(p, "must be type1 or type2 (got " + Rules.quote(hypervisor) + ")");
                }
                case "cpuOvercommit" -> cpu = check.decimal(f.getValue(), p);
                case "memoryOvercommit" -> memory = check.decimal(f.getValue(), p);
                default -> throw check.unknown(place, f.getKey(), "id, hypervisor, cpuOvercommit, memoryOvercommit");
            }
        }
        return new Task.Condition.HostIs(id, hypervisor, cpu, memory);
    }

    private Task.Condition vmIs(JsonNode arg, String place) throws InputException {
        ObjectNode o = check.object(arg, place, "{id: VM, shares, reservation, limit}");
        check.required(o, place, "id");
        String id = null;
        Integer shares = null;
        BigDecimal reservation = null;
        BigDecimal limit = null;
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            String p = Check.child(place, f.getKey());
            switch (f.getKey()) {
                case "id" -> id = id(f.getValue(), p);
                case "shares" -> shares = check.whole(f.getValue(), p, 1, 1_000_000);
                case "reservation" -> reservation = check.decimal(f.getValue(), p);
                case "limit" -> limit = check.decimal(f.getValue(), p);
                default -> throw check.unknown(place, f.getKey(), "id, shares, reservation, limit");
            }
        }
        if (shares == null && reservation == null && limit == null) throw check.fail(place, "name at least one of shares, reservation, limit");
        return new Task.Condition.VmIs(id, shares, reservation, limit);
    }

    private VmSpec vm(JsonNode n, String place) throws InputException {
        ObjectNode o = fields(n, place, "{vcpus, memoryGiB, diskGiB}", "vcpus", "memoryGiB", "diskGiB");
        return new VmSpec(check.whole(o.get("vcpus"), Check.child(place, "vcpus"), 1, 4096), check.decimal(o.get("memoryGiB"), Check.child(place, "memoryGiB")),
                check.decimal(o.get("diskGiB"), Check.child(place, "diskGiB")), null, true);
    }

    /** An object with exactly these fields. */
    private ObjectNode fields(JsonNode n, String place, String shape, String... names) throws InputException {
        ObjectNode o = check.object(n, place, shape);
        check.required(o, place, names);
        for (Map.Entry<String, JsonNode> f : Check.entries(o)) {
            if (!List.of(names).contains(f.getKey())) throw check.unknown(place, f.getKey(), String.join(", ", names));
        }
        return o;
    }

    private String id(JsonNode n, String place) throws InputException {
        String id = check.text(n, place);
        String e = Rules.id(id);
        if (e != null) throw check.fail(place, e);
        return id;
    }
}
