package cloudlab.page;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The parts of a page that change on their own, so that an answer to an action carries only what
 * changed. Each part is one template fragment, placed in a wrapper whose {@code data-key} is a
 * digest of its markup: the key comes from the value, never from a list of what it depends on.
 * The page's script sends back the keys it holds ({@value #HEADER}); the answer swaps in, out of
 * band, only the parts whose key differs, or all of them when no keys came.
 */
public class Parts {
    /** The request header with the parts the page holds: {@code part-id=key} pairs, comma-separated. */
    public static final String HEADER = "X-Parts";
    private final Map<String, String> markup = new LinkedHashMap<>();
    private final Map<String, String> keys = new LinkedHashMap<>();

    /** Renders each part: {@code fragments} maps a part's name to its template and fragment, "template :: fragment". */
    public Parts(Templates renderer, Map<String, String> fragments, Map<String, ?> model) {
        fragments.forEach((name, where) -> {
            String[] tf = where.split(" :: ");
            String html = renderer.fragment(tf[0], tf[1], model);
            markup.put(name, html);
            keys.put(name, key(html));
        });
    }

    /** Each part in its wrapper, by name, for the whole page to place. */
    public Map<String, String> placed() {
        Map<String, String> out = new LinkedHashMap<>();
        markup.forEach((name, html) -> out.put(name, wrapped(name, html, false)));
        return out;
    }

    /**
     * The answer for htmx: the parts whose markup differs from what the page holds (the
     * {@value #HEADER} header's value, or null), as out-of-band swaps.
     */
    public String changed(String heldHeader) {
        Map<String, String> held = held(heldHeader);
        StringBuilder out = new StringBuilder();
        markup.forEach((name, html) -> {
            if (!keys.get(name).equals(held.get(id(name)))) out.append(wrapped(name, html, true)).append('\n');
        });
        return out.toString();
    }

    private String wrapped(String name, String html, boolean outOfBand) {
        return "<div id=\"" + id(name) + "\" class=\"part\" data-key=\"" + keys.get(name) + "\"" + (outOfBand ? " data-hx-swap-oob=\"true\">" : ">")
                + html + "</div>";
    }

    private static String id(String name) {
        return "part-" + name;
    }

    private static Map<String, String> held(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null || header.length() > 4096) return out;
        for (String pair : header.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }

    private static String key(String html) {
        CRC32 crc = new CRC32();
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        crc.update(bytes);
        return Long.toHexString(crc.getValue()) + Integer.toHexString(bytes.length);
    }
}
