package cloudlab.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Markup kept in a file, by name ("state :: part"): first a line per name with the number of its
 * markup, then each distinct markup once, after a line with its number and length in characters
 * (most parts are the same in many states, so each is kept once).
 */
final class GoldenParts {
    private GoldenParts() {
    }

    static void write(Path file, Map<String, String> markup) throws IOException {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder();
        StringBuilder bodies = new StringBuilder();
        for (Map.Entry<String, String> e : markup.entrySet()) {
            Integer n = numbers.get(e.getValue());
            if (n == null) {
                n = numbers.size();
                numbers.put(e.getValue(), n);
                bodies.append("@@@@ ").append(n).append(' ').append(e.getValue().length()).append('\n').append(e.getValue()).append('\n');
            }
            index.append("@@ ").append(e.getKey()).append(" = ").append(n).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, index.append(bodies), StandardCharsets.UTF_8);
    }

    static Map<String, String> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> bodies = new ArrayList<>();
        int at = text.indexOf("@@@@ ");
        while (at >= 0 && at < text.length()) {
            int eol = text.indexOf('\n', at);
            String[] head = text.substring(at + 5, eol).split(" ");
            int length = Integer.parseInt(head[1]);
            if (Integer.parseInt(head[0]) != bodies.size()) throw new IllegalStateException("markup " + head[0] + " out of order");
            bodies.add(text.substring(eol + 1, eol + 1 + length));
            at = eol + 1 + length + 1;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.substring(0, text.indexOf("@@@@ ")).split("\n")) {
            int eq = line.lastIndexOf(" = ");
            out.put(line.substring(3, eq), bodies.get(Integer.parseInt(line.substring(eq + 3))));
        }
        return out;
    }
}
