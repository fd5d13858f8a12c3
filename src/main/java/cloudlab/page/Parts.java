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

    /**
     * A part or a child as the page holds it: its wrapper's tag, its key, its name and its
     * children; its inside (children placed in it) is {@code html} from {@code from} to {@code to}
     * with each child's inside wrapped, made only when the part travels whole.
     */
    private record Part(String tag, String key, String name, String html, int from, int to, List<Child> children) {
        /** Whether it is a child the fragment left {@link #KEPT}. */
        boolean kept() {
            return to - from == KEPT.length() && html.startsWith(KEPT, from);
        }

        /** Its inside as the page holds it: its markup with each child in its wrapper. */
        void inside(StringBuilder out) {
            int at = from;
            for (Child c : children) {
                out.append(html, at, c.start());
                wrapped(out, c.part(), false);
                at = c.end();
            }
            out.append(html, at, to);
        }
    }

    /** A child in its container's markup: its part, and where its opening tag starts and its closing tag ends. */
    private record Child(Part part, int start, int end) {
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();

    /**
     * What the page holds, read once from its {@value #HEADER} header: each part's id and key, in
     * the header's order. An answer asks it several things (what to render again, whether the page
     * holds a part, what changed), so the caller reads the header once and passes this along.
     */
    public static final class Held {
        private final boolean told;
        private final Map<String, String> keys;

        private Held(boolean told, Map<String, String> keys) {
            this.told = told;
            this.keys = keys;
        }

        /** The header's pairs; an absent header (null) holds nothing known. */
        public static Held of(String header) {
            return new Held(header != null, read(header));
        }

        /**
         * The names of the parts the page asks for again: those it holds with an empty key (its
         * script clears the key of a part that shows the last action's message, which the next
         * answer must take away); null when no header came, so the page holds nothing known.
         */
        public Set<String> asked() {
            if (!told) return null;
            Set<String> out = new java.util.LinkedHashSet<>();
            keys.forEach((id, key) -> {
                if (key.isEmpty() && id.startsWith("part-")) out.add(id.substring("part-".length()));
            });
            return out;
        }

        /** Whether the page holds that part (the header names it with a key). */
        public boolean holds(String name) {
            String key = keys.get(id(name));
            return key != null && !key.isEmpty();
        }

        private String key(String name) {
            return keys.get(id(name));
        }
    }

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
        int mark = html.indexOf(MARK);
        if (mark < 0) return new Part(tag, key(html), name, html, 0, html.length(), List.of()); // no child: the same as below, at once
        List<Child> children = new ArrayList<>();
        Key shape = new Key();
        Matcher m = CHILD.matcher(html);
        int at = 0;
        // the regex from just before the next mark alone: indexOf skips the text between children far faster
        for (; mark >= 0 && m.find(Math.max(at, mark - "<tbody".length())); mark = html.indexOf(MARK, at)) {
            String childTag = m.group(1);
            int close = html.indexOf("</" + childTag + ">", m.end());
            if (close < 0) break;
            Key inside = new Key();
            inside.add(html, m.end(), close);
            Part child = new Part(childTag, inside.value(), m.group(2), html, m.end(), close, List.of());
            children.add(new Child(child, m.start(), close + childTag.length() + 3));
            shape.add(html, at, m.start());
            shape.add(child.name(), 0, child.name().length());
            at = close + childTag.length() + 3;
        }
        shape.add(html, at, html.length());
        return new Part(tag, shape.value(), name, html, 0, html.length(), List.copyOf(children));
    }

    /** Each part in its wrapper, by name, for the whole page to place. */
    public Map<String, String> placed() {
        Map<String, String> out = new LinkedHashMap<>();
        parts.forEach((name, p) -> {
            StringBuilder b = new StringBuilder(p.html().length() + 256 * (p.children().size() + 1));
            wrapped(b, whole(p), false);
            out.put(name, b.toString());
        });
        return out;
    }

    /**
     * The answer for htmx: of the parts rendered, those whose markup differs from what the page
     * holds ({@link Held}), as out-of-band swaps; of a container
     * the page holds as it is, only its children that differ.
     */
    public String changed(Held held) {
        List<Part> sent = new ArrayList<>();
        int size = 0;
        for (Part p : parts.values()) {
            if (!p.key().equals(held.key(p.name()))) {
                sent.add(whole(p));
                size += p.to() - p.from() + 160 * (p.children().size() + 1);
                continue;
            }
            for (Child c : p.children()) {
                if (c.part().kept() || c.part().key().equals(held.key(c.part().name()))) continue;
                sent.add(c.part());
                size += c.part().to() - c.part().from() + 180;
            }
        }
        StringBuilder out = new StringBuilder(size);
        for (Part p : sent) {
            boolean inTemplate = !p.tag().equals("div"); // a tbody parses only inside a table or a template
            if (inTemplate) out.append("<template>");
            wrapped(out, p, true);
            if (inTemplate) out.append("</template>");
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Whether an answer to a page holding {@code held} would have to send a container whole
     * although it left some of its children {@link #KEPT}: the page holds an older container (say
     * another tab added a host), so the caller renders again with every child drawn.
     */
    public boolean needsEveryChild(Held held) {
        for (Part p : parts.values()) {
            if (p.key().equals(held.key(p.name()))) continue;
            for (Child c : p.children()) if (c.part().kept()) return true;
        }
        return false;
    }

    /** A part that travels whole, which must hold no child left {@link #KEPT}. */
    private static Part whole(Part p) {
        for (Child c : p.children()) {
            if (c.part().kept()) throw new IllegalStateException("part " + p.name() + " travels whole, but its child " + c.part().name() + " was not drawn");
        }
        return p;
    }

    private static void wrapped(StringBuilder out, Part p, boolean outOfBand) {
        out.append('<').append(p.tag()).append(" id=\"part-").append(p.name()).append("\" class=\"part\" data-key=\"").append(p.key())
                .append(outOfBand ? "\" data-hx-swap-oob=\"true\">" : "\">");
        p.inside(out);
        out.append("</").append(p.tag()).append('>');
    }

    private static String id(String name) {
        return "part-" + name;
    }

    private static Map<String, String> read(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null || header.length() > 16384) return Map.of();
        for (int from = 0; from <= header.length(); ) {
            int comma = header.indexOf(',', from);
            int end = comma < 0 ? header.length() : comma;
            int eq = header.indexOf('=', from);
            if (eq > from && eq < end) out.put(header.substring(from, eq).strip(), header.substring(eq + 1, end).strip());
            from = end + 1;
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** A key of a markup: a digest of its UTF-8 bytes and their count, fed in pieces. */
    private static String key(String html) {
        Key k = new Key();
        k.add(html, 0, html.length());
        return k.value();
    }

    /** A key fed piece by piece: the same as {@link #key(String)} of the pieces joined, without joining them. */
    private static final class Key {
        private final CRC32 crc = new CRC32();
        private long bytes;

        void add(String text, int from, int to) {
            if (from >= to) return;
            byte[] b = (from == 0 && to == text.length() ? text : text.substring(from, to)).getBytes(StandardCharsets.UTF_8);
            crc.update(b);
            bytes += b.length;
        }

        String value() {
            return Long.toHexString(crc.getValue()) + Integer.toHexString((int) bytes);
        }
    }
}
