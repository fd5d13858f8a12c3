package cloudlab.page;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The parts of a page that change on their own, so that an answer to an action carries only what
 * changed. Each part is one piece of markup (a sandbox's are written by {@link SandboxPage}), placed in a wrapper whose {@code data-key} is a
 * digest of its markup: the key comes from the value, never from a list of what it depends on.
 * The page's script sends back the keys it holds ({@value #HEADER}); the answer swaps in, out of
 * band, only the parts whose key differs, or all of them when no keys came.
 *
 * <p>A part may hold parts of its own, one level deep (a card per host in a drawing, a group of
 * rows per host in a table): the fragment marks each with {@code <div data-part="name">} or
 * {@code <tbody data-part="name">}, and such a child holds no element of its own tag. The
 * container's key is then a digest of its markup without its children's insides, so that one
 * changed child travels alone; a child added or removed changes the container, which travels
 * whole. A child that cannot stand alone in HTML (a {@code tbody}) travels in a {@code template}.
 */
public class Parts {
    /** The request header with the parts the page holds: {@code part-id=key} pairs, comma-separated; an empty key asks for the part again. */
    public static final String HEADER = "X-Parts";
    /**
     * What a fragment puts inside a child it did not draw, because the action cannot have changed
     * it: the page keeps the child it holds, and the answer never sends it. Its container must
     * then be one the page holds as it is (the caller draws every child otherwise).
     */
    public static final String KEPT = "<!--kept-->";
    private static final Pattern CHILD = Pattern.compile("<(div|tbody) data-part=\"([A-Za-z0-9._-]+)\">");
    /** What every child's opening tag holds, to find the next one with. */
    private static final String MARK = " data-part=\"";

    /** A part or a child as the page holds it: its wrapper's tag, its key, its inside (children placed in it), its children. */
    private record Part(String tag, String key, String inside, List<Part> children, String name) {
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();

    /** Writes each part: {@code writer} gives a part's markup by its name; {@code names} in page order. */
    public Parts(Collection<String> names, Function<String, String> writer) {
        this(names, writer, null);
    }

    /** Writes the parts named in {@code only} (all of them when null); a part not written is not sent. */
    public Parts(Collection<String> names, Function<String, String> writer, Collection<String> only) {
        for (String name : names) {
            if (only != null && !only.contains(name)) continue;
            parts.put(name, part(name, "div", writer.apply(name)));
        }
    }

    /** A part from its markup: each child marked in it gets its key, and the part a key of what is left. */
    private static Part part(String name, String tag, String html) {
        List<Part> children = new ArrayList<>();
        StringBuilder inside = new StringBuilder();
        StringBuilder shape = new StringBuilder();
        Matcher m = CHILD.matcher(html);
        int at = 0;
        // the regex from just before the next mark alone: indexOf skips the text between children far faster
        for (int mark = html.indexOf(MARK, at); mark >= 0 && m.find(Math.max(at, mark - "<tbody".length())); mark = html.indexOf(MARK, at)) {
            String end = "</" + m.group(1) + ">";
            int close = html.indexOf(end, m.end());
            if (close < 0) break;
            Part child = new Part(m.group(1), key(html.substring(m.end(), close)), html.substring(m.end(), close), List.of(), m.group(2));
            children.add(child);
            inside.append(html, at, m.start()).append(wrapped(child, false));
            shape.append(html, at, m.start()).append(child.name());
            at = close + end.length();
        }
        inside.append(html, at, html.length());
        shape.append(html, at, html.length());
        return new Part(tag, key(shape.toString()), inside.toString(), children, name);
    }

    /** Each part in its wrapper, by name, for the whole page to place. */
    public Map<String, String> placed() {
        Map<String, String> out = new LinkedHashMap<>();
        parts.forEach((name, p) -> out.put(name, wrapped(whole(p), false)));
        return out;
    }

    /**
     * The answer for htmx: of the parts rendered, those whose markup differs from what the page
     * holds (the {@value #HEADER} header's value, or null), as out-of-band swaps; of a container
     * the page holds as it is, only its children that differ.
     */
    public String changed(String heldHeader) {
        Map<String, String> held = held(heldHeader);
        StringBuilder out = new StringBuilder();
        for (Part p : parts.values()) {
            if (!p.key().equals(held.get(id(p.name())))) {
                out.append(wrapped(whole(p), true)).append('\n');
                continue;
            }
            for (Part c : p.children()) {
                if (c.inside().equals(KEPT) || c.key().equals(held.get(id(c.name())))) continue;
                boolean alone = !c.tag().equals("div"); // a tbody parses only inside a table or a template
                out.append(alone ? "<template>" : "").append(wrapped(c, true)).append(alone ? "</template>" : "").append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The names of the parts the page asks for again: those it holds with an empty key (its
     * script clears the key of a part that shows the last action's message, which the next
     * answer must take away); null when no header came, so the page holds nothing known.
     */
    public static Set<String> asked(String heldHeader) {
        if (heldHeader == null) return null;
        Set<String> out = new java.util.LinkedHashSet<>();
        held(heldHeader).forEach((id, key) -> {
            if (key.isEmpty() && id.startsWith("part-")) out.add(id.substring("part-".length()));
        });
        return out;
    }

    /**
     * Whether an answer to a page holding {@code heldHeader} would have to send a container whole
     * although it left some of its children {@link #KEPT}: the page holds an older container (say
     * another tab added a host), so the caller renders again with every child drawn.
     */
    public boolean needsEveryChild(String heldHeader) {
        Map<String, String> held = held(heldHeader);
        for (Part p : parts.values()) {
            if (p.key().equals(held.get(id(p.name())))) continue;
            for (Part c : p.children()) if (c.inside().equals(KEPT)) return true;
        }
        return false;
    }

    /** A part that travels whole, which must hold no child left {@link #KEPT}. */
    private static Part whole(Part p) {
        for (Part c : p.children()) {
            if (c.inside().equals(KEPT)) throw new IllegalStateException("part " + p.name() + " travels whole, but its child " + c.name() + " was not drawn");
        }
        return p;
    }

    private static String wrapped(Part p, boolean outOfBand) {
        return "<" + p.tag() + " id=\"" + id(p.name()) + "\" class=\"part\" data-key=\"" + p.key() + "\"" + (outOfBand ? " data-hx-swap-oob=\"true\">" : ">")
                + p.inside() + "</" + p.tag() + ">";
    }

    private static String id(String name) {
        return "part-" + name;
    }

    /** Whether the page holds that part (the {@value #HEADER} header names it with a key). */
    public static boolean holds(String heldHeader, String name) {
        String key = held(heldHeader).get(id(name));
        return key != null && !key.isEmpty();
    }

    private static Map<String, String> held(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null || header.length() > 16384) return out;
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
