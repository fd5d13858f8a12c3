package cloudlab.sim.time;

import cloudlab.sim.Num;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * Writes the time fields of a layout document, the inverse of {@link WorkloadReader}: reading what
 * it writes gives the same load back.
 */
public final class WorkloadWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private WorkloadWriter() {
    }

    /** Adds a VM's load fields to its object, every one written out. */
    public static void vm(ObjectNode vm, VmLoad load) {
        vm.set("cpuDemand", profile(load.cpu()));
        vm.put("activeMemoryGiB", number(load.activeMemoryGiB()));
        vm.put("shares", load.shares());
        vm.put("reservation", number(load.reservation()));
        vm.put("limit", number(load.limit()));
    }

    /** A profile as a document writes it: a bare percent, or {steps}, {pattern, every} or {shape, ...}. */
    public static JsonNode profile(Profile p) {
        if (p instanceof Profile.Constant c) return NODES.numberNode(number(c.percent()));
        ObjectNode o = NODES.objectNode();
        if (p instanceof Profile.Steps s) {
            ArrayNode steps = o.putArray("steps");
            for (int i = 0; i < s.starts().length; i++) steps.addObject().put("at", s.starts()[i]).put("percent", number(s.percents()[i]));
        } else if (p instanceof Profile.Pattern pt) {
            ArrayNode values = o.putArray("pattern");
            for (double v : pt.percents()) values.add(number(v));
            o.put("every", pt.every());
        } else {
            Profile.Shape sh = (Profile.Shape) p;
            o.put("shape", sh.kind().word()).put("low", number(sh.low())).put("high", number(sh.high()))
                    .put("period", sh.period()).put("seed", sh.seed());
        }
        return o;
    }

    private static BigDecimal number(double v) {
        return Num.canonical(BigDecimal.valueOf(v));
    }
}
