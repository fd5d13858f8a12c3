package cloudlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs the real command line on captured streams, and compares JSON by value. */
final class Cli {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    record Result(int code, String out, String err) {
        /** Bad input: exit 2, nothing on stdout, one message on stderr and never a stack trace. */
        String badInput() {
            assertEquals(2, code, () -> "exit code; stderr: " + err);
            assertEquals("", out, "stdout");
            assertFalse(err.isBlank(), "stderr is empty");
            assertNoStackTrace();
            return err.strip();
        }

        void assertNoStackTrace() {
            assertFalse(err.contains("Exception"), () -> "stderr mentions an exception: " + err);
            assertFalse(err.contains("\tat "), () -> "stderr holds a stack trace: " + err);
            assertFalse(out.contains("\tat "), () -> "stdout holds a stack trace: " + out);
        }

        JsonNode json() {
            assertEquals(0, code, () -> "exit code; stderr: " + err);
            assertEquals("", err, "stderr");
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                return fail("stdout is not JSON: " + out);
            }
        }

        List<JsonNode> jsonLines() {
            assertEquals(0, code, () -> "exit code; stderr: " + err);
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    fail("not a JSON line: " + line);
                }
            }
            return lines;
        }
    }

    private Cli() {
    }

    static Result run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) strings[i] = args[i].toString();
        int code = Main.run(strings, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** Copies a test resource from {@code cloudlab/examples/} into the folder. */
    static Path example(Path dir, String name) throws IOException {
        try (InputStream in = Cli.class.getResourceAsStream("/cloudlab/examples/" + name)) {
            if (in == null) throw new IOException("missing test resource " + name);
            Path f = dir.resolve(name);
            Files.copy(in, f);
            return f;
        }
    }

    static JsonNode resourceJson(String name) throws IOException {
        try (InputStream in = Cli.class.getResourceAsStream("/cloudlab/examples/" + name)) {
            if (in == null) throw new IOException("missing test resource " + name);
            return JSON.readTree(in);
        }
    }

    /** Same structure and values; numbers compared by value (16, 16.0 and 16.00 are equal). */
    static void assertSameByValue(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber()) {
            assertTrue(actual.isNumber(), () -> path + ": expected a number, got " + actual);
            BigDecimal e = expected.decimalValue();
            BigDecimal a = actual.decimalValue();
            assertEquals(0, e.compareTo(a), () -> path + ": expected " + e + ", got " + a);
        } else if (expected.isObject()) {
            assertTrue(actual.isObject(), () -> path + ": expected an object, got " + actual);
            List<String> eKeys = names(expected);
            assertEquals(eKeys, names(actual), () -> path + ": fields");
            for (String k : eKeys) assertSameByValue(expected.get(k), actual.get(k), path + "." + k);
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), () -> path + ": expected a list, got " + actual);
            assertEquals(expected.size(), actual.size(), () -> path + ": list size");
            for (int i = 0; i < expected.size(); i++) assertSameByValue(expected.get(i), actual.get(i), path + "[" + i + "]");
        } else {
            assertEquals(expected, actual, path);
        }
    }

    static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) out.add(it.next());
        out.sort(null);
        return out;
    }
}
