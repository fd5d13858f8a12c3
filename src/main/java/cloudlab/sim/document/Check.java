package cloudlab.sim.document;

import cloudlab.sim.InputException;
import cloudlab.sim.Num;
import cloudlab.sim.Rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Type checks on a document tree that fail with the file, the place and the rule. Shared by the
 * layout, challenge and lesson readers so that every document speaks the same way.
 */
public final class Check {
    private final String source;

    public Check(String source) {
        this.source = source;
    }

    public InputException fail(String place, String problem) {
        return InputException.at(source, place, problem);
    }

    public static String child(String place, String key) {
        return place.isEmpty() ? key : place + "." + key;
    }

    public static String item(String place, int index) {
        return place + "[" + index + "]";
    }

    public ObjectNode object(JsonNode n, String place, String what) throws InputException {
        notNull(n, place);
        if (!n.isObject()) throw fail(place, "must be " + what + " (a mapping of fields), not " + describe(n));
        return (ObjectNode) n;
    }

    public ArrayNode list(JsonNode n, String place) throws InputException {
        notNull(n, place);
        if (!n.isArray()) throw fail(place, "must be a list, not " + describe(n));
        return (ArrayNode) n;
    }

    public String text(JsonNode n, String place) throws InputException {
        notNull(n, place);
        if (!n.isTextual()) throw fail(place, "must be text, not " + describe(n));
        return n.textValue();
    }

    public boolean bool(JsonNode n, String place) throws InputException {
        notNull(n, place);
        if (!n.isBoolean()) throw fail(place, "must be true or false, not " + describe(n));
        return n.booleanValue();
    }

    /** A finite number, exactly as written, within the digits and exponent every number keeps to. */
    public BigDecimal decimal(JsonNode n, String place) throws InputException {
        notNull(n, place);
        if (n.isTextual()) throw fail(place, "must be a number, not text (" + Rules.quote(n.textValue()) + ")");
        if (!n.isNumber()) throw fail(place, "must be a number, not " + describe(n));
        if ((n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) throw fail(place, "must be a finite number");
        BigDecimal v = n.isBigDecimal() || n.isBigInteger() || n.isIntegralNumber() ? n.decimalValue() : new BigDecimal(n.asText());
        String problem = Rules.number(v);
        if (problem != null) throw fail(place, problem);
        return v;
    }

    /** A whole number from min to max ({@code 16.0} counts as 16). */
    public int whole(JsonNode n, String place, int min, int max) throws InputException {
        BigDecimal v = decimal(n, place);
        String range = "must be a whole number from " + min + " to " + max;
        if (Num.decimals(v) > 0) throw fail(place, range + " (got " + Num.show(v) + ")");
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw fail(place, range + " (got " + Num.show(v) + ")");
        }
        return v.intValueExact();
    }

    /** Fails on the first required field the object lacks. */
    public void required(ObjectNode o, String place, String... required) throws InputException {
        for (String r : required) {
            if (!o.has(r)) throw fail(place, "missing required field " + r);
        }
    }

    /**
     * As {@link #required(ObjectNode, String, String...)}, but a field the object does not know
     * that is a misspelling of the missing one is reported first, as what it is: the missing
     * field is only its consequence.
     */
    public void required(ObjectNode o, String place, Fields known, String... required) throws InputException {
        for (String r : required) {
            if (o.has(r)) continue;
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.names().contains(name) && Spelling.nearest(name, List.of(r)).isPresent()) throw unknown(place, name, known);
            }
            throw fail(place, "missing required field " + r);
        }
    }

    /** The fields an object may hold, in the order a message lists them. */
    public record Fields(List<String> names) {
        public static Fields of(String... names) {
            return new Fields(List.of(names));
        }

        @Override
        public String toString() {
            return String.join(", ", names);
        }
    }

    /**
     * The failure for a field that the object does not know: with the known field it is nearest
     * to when it looks like a misspelling of one ({@code did you mean vcpus?}), else with the list
     * of known fields.
     */
    public InputException unknown(String place, String name, String known) {
        return unknown(place, name, new Fields(List.of(known.split(", "))));
    }

    /** As {@link #unknown(String, String, String)}. */
    public InputException unknown(String place, String name, Fields known) {
        return fail(child(place, name), unknownField(name, known.names()));
    }

    /** "unknown field X", with the nearest known name or, when none is near, all of them. */
    public static String unknownField(String name, List<String> known) {
        return "unknown field " + name + Spelling.nearest(name, known).map(k -> " (did you mean " + k + "?)")
                .orElse(" (known fields: " + String.join(", ", known) + ")");
    }

    /** The fields of an object in document order. */
    public static List<Map.Entry<String, JsonNode>> entries(ObjectNode o) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        o.fields().forEachRemaining(out::add);
        return out;
    }

    private void notNull(JsonNode n, String place) throws InputException {
        if (n == null || n.isNull() || n.isMissingNode()) throw fail(place, "must not be null or empty");
    }

    static String describe(JsonNode n) {
        if (n == null || n.isNull()) return "null";
        if (n.isTextual()) return "text (" + Rules.quote(n.textValue()) + ")";
        if (n.isNumber()) return "a number (" + n.asText() + ")";
        if (n.isBoolean()) return n.asText();
        if (n.isArray()) return "a list";
        if (n.isObject()) return "a mapping";
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
