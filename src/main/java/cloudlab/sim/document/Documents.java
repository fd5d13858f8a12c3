package cloudlab.sim.document;

import cloudlab.sim.InputException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * Reads JSON and YAML text into one strict tree shape (Jackson's {@link JsonNode}), refusing
 * what the contract refuses: duplicate keys, YAML anchors, aliases, merge keys, explicit tags and
 * multi-document streams. YAML scalars resolve as in YAML 1.2's core schema, so {@code yes}
 * stays text and {@code "16"} stays a string, never a number.
 */
public final class Documents {
    /** The two document formats. */
    public enum Format { JSON, YAML }

    private static final int MAX_DEPTH = 64;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(NODES)
            .build();

    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private Documents() {
    }

    /** The mapper the project uses for strict JSON trees. */
    public static ObjectMapper strictJson() {
        return STRICT_JSON;
    }

    /**
     * Whether a plain (unquoted) YAML scalar reads back as text here, not as null, a boolean or a
     * number; the layout writer quotes every value for which this is false.
     */
    static boolean plainIsText(String v) {
        switch (v) {
            case "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE":
                return false;
            default:
                return !(INT.matcher(v).matches() || FLOAT.matcher(v).matches() || INF.matcher(v).matches()
                        || NAN.matcher(v).matches());
        }
    }

    /** The format a file name says ({@code .json}, {@code .yml}, {@code .yaml}), else guessed from the text. */
    public static Format formatOf(String fileName, String text) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".json")) return Format.JSON;
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) return Format.YAML;
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[") ? Format.JSON : Format.YAML;
    }

    /** Reads a file as UTF-8 text; the message names the file when it cannot. */
    public static String readText(Path file) throws InputException {
        String name = file.toString();
        if (!Files.exists(file)) throw new InputException(name + ": no such file");
        if (Files.isDirectory(file)) throw new InputException(name + ": is a folder, not a file");
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name + ": is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Parses text in the given format into a tree; the message starts with {@code source}. */
    public static JsonNode parse(String text, Format format, String source) throws InputException {
        if (text.isBlank()) throw InputException.at(source, "", "the document is empty");
        return format == Format.JSON ? parseJson(text, source) : parseYaml(text, source);
    }

    private static JsonNode parseJson(String text, String source) throws InputException {
        try {
            return STRICT_JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw InputException.at(source, where, "malformed JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static JsonNode parseYaml(String text, String source) throws InputException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(8 * 1024 * 1024);
        Yaml yaml = new Yaml(options);
        try {
            Iterator<org.yaml.snakeyaml.events.Event> events = yaml.parse(new StringReader(text)).iterator();
            YamlTreeBuilder builder = new YamlTreeBuilder(events, source);
            return builder.document();
        } catch (MarkedYAMLException e) {
            throw InputException.at(source, where(e.getProblemMark()), "malformed YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw InputException.at(source, "", "malformed YAML: " + firstLine(e.getMessage()));
        }
    }

    static String where(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** Turns SnakeYAML's event stream into a tree, refusing the features the contract refuses. */
    private static final class YamlTreeBuilder {
        private final Iterator<org.yaml.snakeyaml.events.Event> events;
        private final String source;
        private int depth; // SnakeYAML's nesting limit guards only its composer, not this event walk

        YamlTreeBuilder(Iterator<org.yaml.snakeyaml.events.Event> events, String source) {
            this.events = events;
            this.source = source;
        }

        JsonNode document() throws InputException {
            next(); // stream start
            org.yaml.snakeyaml.events.Event e = next();
            if (!(e instanceof DocumentStartEvent)) throw InputException.at(source, "", "the document is empty");
            JsonNode root = node(next(), "");
            next(); // document end
            org.yaml.snakeyaml.events.Event after = next();
            if (after instanceof DocumentStartEvent) {
                throw InputException.at(source, where(after.getStartMark()), "a file holds one YAML document; multi-document streams are refused");
            }
            return root;
        }

        private org.yaml.snakeyaml.events.Event next() {
            return events.next();
        }

        private JsonNode node(org.yaml.snakeyaml.events.Event e, String place) throws InputException {
            if (e instanceof AliasEvent) {
                throw refuse(e, place, "YAML aliases (*" + ((AliasEvent) e).getAnchor() + ") are refused: write the value out");
            }
            if (e instanceof NodeEvent ne && ne.getAnchor() != null) {
                throw refuse(e, place, "YAML anchors (&" + ne.getAnchor() + ") are refused: write the value out");
            }
            if (e instanceof CollectionStartEvent ce && ce.getTag() != null) {
                throw refuse(e, place, "explicit YAML tags (" + ce.getTag() + ") are refused");
            }
            if (e instanceof CollectionStartEvent) {
                if (depth == MAX_DEPTH) throw refuse(e, place, "the document nests deeper than " + MAX_DEPTH + " levels");
                depth++;
                JsonNode n = e instanceof MappingStartEvent ? mapping(place) : sequence(place);
                depth--;
                return n;
            }
            if (e instanceof ScalarEvent s) return scalar(s, place);
            throw refuse(e, place, "unexpected " + e.getEventId());
        }

        private ObjectNode mapping(String place) throws InputException {
            ObjectNode obj = NODES.objectNode();
            while (true) {
                org.yaml.snakeyaml.events.Event k = next();
                if (k.is(org.yaml.snakeyaml.events.Event.ID.MappingEnd)) return obj;
                if (!(k instanceof ScalarEvent ks)) throw refuse(k, place, "a key must be a plain word, not a list or mapping");
                if (ks.getAnchor() != null) throw refuse(k, place, "YAML anchors (&" + ks.getAnchor() + ") are refused: write the value out");
                if (ks.getTag() != null) {
                    throw refuse(k, place, "explicit YAML tags (" + ks.getTag() + ") are refused");
                }
                String key = ks.getValue();
                if ("<<".equals(key) && ks.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                    throw refuse(k, place, "YAML merge keys (<<) are refused: write the fields out");
                }
                String childPlace = place.isEmpty() ? key : place + "." + key;
                if (obj.has(key)) throw refuse(k, place.isEmpty() ? "" : place, "duplicate key " + key);
                obj.set(key, node(next(), childPlace));
            }
        }

        private ArrayNode sequence(String place) throws InputException {
            ArrayNode arr = NODES.arrayNode();
            int i = 0;
            while (true) {
                org.yaml.snakeyaml.events.Event e = next();
                if (e.is(org.yaml.snakeyaml.events.Event.ID.SequenceEnd)) return arr;
                arr.add(node(e, place + "[" + i++ + "]"));
            }
        }

        private JsonNode scalar(ScalarEvent s, String place) throws InputException {
            if (s.getTag() != null) throw refuse(s, place, "explicit YAML tags (" + s.getTag() + ") are refused");
            String v = s.getValue();
            if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) return NODES.textNode(v);
            switch (v) {
                case "", "~", "null", "Null", "NULL":
                    return NODES.nullNode();
                case "true", "True", "TRUE":
                    return NODES.booleanNode(true);
                case "false", "False", "FALSE":
                    return NODES.booleanNode(false);
                default:
                    break;
            }
            if (INT.matcher(v).matches()) return NODES.numberNode(new BigInteger(v));
            if (FLOAT.matcher(v).matches()) return NODES.numberNode(new BigDecimal(v));
            if (INF.matcher(v).matches()) return NODES.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            if (NAN.matcher(v).matches()) return NODES.numberNode(Double.NaN);
            return NODES.textNode(v);
        }

        private InputException refuse(org.yaml.snakeyaml.events.Event e, String place, String problem) {
            String where = where(e.getStartMark());
            String at = place.isEmpty() ? where : place + " (" + where + ")";
            return InputException.at(source, at, problem);
        }
    }
}
