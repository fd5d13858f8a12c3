package cloudlab.diagram;

import org.unbescape.xml.XmlEscape;
import org.unbescape.xml.XmlEscapeLevel;
import org.unbescape.xml.XmlEscapeType;

import java.util.ArrayList;
import java.util.List;

/**
 * A small writer of SVG text: elements with escaped attributes and text, numbers rounded to one
 * decimal, and a rough text-width estimate so labels can be shortened to fit their boxes.
 */
final class Svg {
    /** The red every view uses for failures. */
    static final String RED = "#c62828";

    private final StringBuilder b = new StringBuilder(8192);
    private String viewClass = "";
    private double width;
    private double height;
    private String title = "";
    private String description = "";
    /** How every drawing's root element begins, and the font it names (which its style sheet gives as well). */
    static final String ROOT = "<svg xmlns=\"http://www.w3.org/2000/svg\"";
    static final String ROOT_FONT = " font-family=\"system-ui, sans-serif\"";

    /** Whether hatching fills with the page's shared {@value #HATCH} pattern instead of drawing its stripes. */
    private boolean sharedHatch;

    /** The id of the hatch pattern a page that holds the shared definitions has ({@link Diagrams#sharedDefinitions()}). */
    static final String HATCH = "cld-hatch";

    /**
     * Starts a standalone diagram: the root element sized by its view box, one view-box unit to
     * one CSS pixel (its natural size: the page shows it at that size and lets its frame scroll
     * sideways where it is wider, so no text is ever drawn below the 11 px it is written at), its title and
     * description for screen readers, and the style sheet (scoped under the {@code cld} class,
     * since an inline SVG's style applies to the whole page).
     */
    static Svg start(String viewClass, double width, double height, String title, String desc, String css) {
        Svg s = begin(ROOT, ROOT_FONT, viewClass, width, height, title, desc);
        s.b.append("<style>").append(Style.BASE).append(css).append("</style>");
        return s;
    }

    /**
     * Starts a drawing that only ever stands in a page holding {@link Diagrams#sharedDefinitions()}:
     * as {@link #start} followed by {@link Diagrams#withoutShared}, written so at once (no namespace,
     * no font, no style sheet of its own), hatching with the page's pattern ({@link #withSharedHatch()}).
     */
    static Svg inPage(String viewClass, double width, double height, String title, String desc) {
        return begin("<svg", "", viewClass, width, height, title, desc).withSharedHatch();
    }

    /** The root element, which begins with {@code root} and names {@code font} after its classes, then the title and description. */
    private static Svg begin(String root, String font, String viewClass, double width, double height, String title, String desc) {
        Svg s = new Svg();
        s.viewClass = viewClass;
        s.width = width;
        s.height = height;
        s.title = title == null ? "" : title;
        s.description = desc == null ? "" : desc;
        s.b.append(root).append(" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" preserveAspectRatio=\"xMidYMin meet\" role=\"img\" class=\"cld ")
                .append(esc(viewClass)).append('"').append(font).append('>');
        s.title(title);
        s.b.append("<desc>").append(esc(desc)).append("</desc>");
        return s;
    }

    /** Ends the root element and returns the whole document with what {@link #start} said of it. */
    Diagrams.Drawing finish() {
        b.append("</svg>");
        return new Diagrams.Drawing(b.toString(), title, description, width, height, "cld " + viewClass);
    }

    /** {@code <tag k="v" ...>}; a pair whose value is null is left out. */
    Svg open(String tag, String... attributes) {
        b.append('<').append(tag);
        attrs(attributes);
        b.append('>');
        return this;
    }

    /** {@code <tag k="v" .../>}. */
    Svg leaf(String tag, String... attributes) {
        b.append('<').append(tag);
        attrs(attributes);
        b.append("/>");
        return this;
    }

    Svg close(String tag) {
        b.append("</").append(tag).append('>');
        return this;
    }

    /** A tooltip: the {@code <title>} child of the element just opened. */
    Svg title(String text) {
        b.append("<title>").append(esc(text)).append("</title>");
        return this;
    }

    /** A {@code <text>} element; {@code cls} may be null. */
    Svg text(double x, double y, String cls, String content, String... attributes) {
        num(b.append("<text x=\""), x);
        num(b.append("\" y=\""), y).append('"');
        if (cls != null) b.append(" class=\"").append(esc(cls)).append('"');
        attrs(attributes);
        b.append('>').append(esc(content)).append("</text>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String... attributes) {
        num(b.append("<rect x=\""), x);
        num(b.append("\" y=\""), y);
        num(b.append("\" width=\""), Math.max(0, w));
        num(b.append("\" height=\""), Math.max(0, h)).append('"');
        attrs(attributes);
        b.append("/>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cls) {
        num(b.append("<line x1=\""), x1);
        num(b.append("\" y1=\""), y1);
        num(b.append("\" x2=\""), x2);
        num(b.append("\" y2=\""), y2).append("\" class=\"").append(esc(cls)).append("\"/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String... attributes) {
        num(b.append("<circle cx=\""), cx);
        num(b.append("\" cy=\""), cy);
        num(b.append("\" r=\""), r).append('"');
        attrs(attributes);
        b.append("/>");
        return this;
    }

    /** A red pill with white capitals ("DOWN", "FAILED") whose right edge is at {@code right}. */
    Svg badge(double right, double top, String word) {
        double w = width(word, 11, true) + 18;
        open("g", "class", "badge");
        rect(right - w, top, w, 20, "rx", "10");
        text(right - w / 2, top + 14, "mid", word);
        return close("g");
    }

    /**
     * From here on, what R1 reserves fills with the {@value #HATCH} pattern that a page holding
     * {@link Diagrams#sharedDefinitions()} defines once, instead of a rectangle and a path of stripes
     * of its own: for drawings that only ever stand in such a page (a few dozen bytes instead of a
     * few hundred).
     */
    Svg withSharedHatch() {
        sharedHatch = true;
        return this;
    }

    /**
     * What R1 reserves: a rectangle of the {@code reserved} colour, hatched (one rectangle of the
     * shared pattern, which holds both, in a drawing {@link #withSharedHatch()}).
     */
    Svg reserved(double x, double y, double w, double h) {
        if (sharedHatch && w >= 1 && h >= 1) return rect(x, y, w, h, "class", "reserved hatched");
        rect(x, y, w, h, "class", "reserved");
        return hatch(x, y, w, h, "hatch");
    }

    /**
     * Diagonal stripes clipped to a rectangle, as one path: the hatching that marks what R1
     * reserves. Drawn as geometry rather than a {@code <pattern>} so that no element id is needed
     * (ids clash when several diagrams share a page).
     */
    Svg hatch(double x, double y, double w, double h, String cls) {
        if (w < 1 || h < 1) return this;
        StringBuilder d = new StringBuilder();
        double step = HATCH_STEP;
        for (double a = x - h; a < x + w; a += step) {
            // the stripe runs from (a, y + h) up and to the right to (a + h, y)
            double s0 = Math.max(0, x - a);
            double s1 = Math.min(h, x + w - a);
            if (s1 <= s0) continue;
            num(d.append('M'), a + s0);
            num(d.append(','), y + h - s0);
            num(d.append('L'), a + s1);
            num(d.append(','), y + h - s1);
        }
        if (d.length() > 0) leaf("path", "d", d.toString(), "class", cls);
        return this;
    }

    /** How far apart the hatch's stripes are, along a horizontal line. */
    private static final double HATCH_STEP = 6;

    /**
     * The shared hatch pattern (see {@link #withSharedHatch()}): the reserved colour with stripes up
     * and to the right, as far apart as {@link #hatch}'s own, in the colours the style gives them
     * ({@code .reserved} and {@code .hatch} of {@link Style#HOSTS}).
     */
    static String hatchPattern() {
        double across = HATCH_STEP * Math.sqrt(0.5);
        return "<pattern id=\"" + HATCH + "\" patternUnits=\"userSpaceOnUse\" width=\"" + n(across) + "\" height=\"" + n(across)
                + "\" patternTransform=\"rotate(45)\"><rect width=\"" + n(across) + "\" height=\"" + n(across) + "\" fill=\"#ffe0b2\"/><line x1=\""
                + n(across / 2) + "\" y1=\"0\" x2=\"" + n(across / 2) + "\" y2=\"" + n(across) + "\" stroke=\"#ef6c00\" stroke-width=\"1.2\"/></pattern>";
    }

    Svg raw(String svgText) {
        b.append(svgText);
        return this;
    }

    private void attrs(String... kv) {
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] == null) continue;
            b.append(' ').append(kv[i]).append("=\"").append(esc(kv[i + 1])).append('"');
        }
    }

    /**
     * The text made safe for XML element content and attribute values (unbescape's XML 1.0
     * escaping of the markup characters): {@code & < > " '} become entities, and characters
     * XML 1.0 cannot carry (control characters, lone surrogates) are left out, so a diagram
     * always parses. Text with nothing to escape comes back as the same instance.
     */
    static String esc(String s) {
        if (s == null) return "";
        if (plain(s)) return s;
        return XmlEscape.escapeXml10(s, XmlEscapeType.CHARACTER_ENTITY_REFERENCES_DEFAULT_TO_DECIMAL,
                XmlEscapeLevel.LEVEL_1_ONLY_MARKUP_SIGNIFICANT);
    }

    /** A number for SVG ({@link #n}), appended without making a string of it first. */
    static StringBuilder num(StringBuilder out, double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) return out.append(tenths / 10);
        long a = Math.abs(tenths);
        if (tenths < 0) out.append('-');
        return out.append(a / 10).append('.').append(a % 10);
    }

    /**
     * The ASCII characters unbescape's escaping ({@link #esc}) leaves as they are, found by asking
     * it about each: text of those alone comes back from it unchanged, so it need not be asked.
     */
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        for (char c = 0; c < PLAIN.length; c++) {
            String one = String.valueOf(c);
            PLAIN[c] = XmlEscape.escapeXml10(one, XmlEscapeType.CHARACTER_ENTITY_REFERENCES_DEFAULT_TO_DECIMAL,
                    XmlEscapeLevel.LEVEL_1_ONLY_MARKUP_SIGNIFICANT).equals(one);
        }
    }

    /** Whether the text holds only characters {@link #PLAIN} says need no escaping. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= PLAIN.length || !PLAIN[c]) return false;
        }
        return true;
    }

    /** A number for SVG: rounded to one decimal, without a trailing ".0". */
    static String n(double v) {
        return num(new StringBuilder(8), v).toString();
    }

    /** About how wide the text is at this font size, in view-box units. */
    static double width(String text, double fontSize) {
        return width(text, fontSize, false);
    }

    /**
     * About how wide the text is, erring wide: per-character advances close to DejaVu Sans, the
     * widest common system-ui fallback, so a label that fits here fits in any browser.
     */
    static double width(String text, double fontSize, boolean bold) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            em += advance(cp);
        }
        return em * fontSize * (bold ? 1.1 : 1.0);
    }

    /** {@link #slowAdvance} of each character below U+0100, looked up instead of searched for. */
    private static final double[] ADVANCE = new double[0x100];

    static {
        for (int c = 0; c < ADVANCE.length; c++) ADVANCE[c] = slowAdvance(c);
    }

    /** About how wide a character is, in ems: every character from U+0100 on is 0.8 ({@link #slowAdvance} lists none of them). */
    private static double advance(int cp) {
        return cp >= 0 && cp < ADVANCE.length ? ADVANCE[cp] : 0.8;
    }

    private static double slowAdvance(int cp) {
        if ("iljI.,:;'|!".indexOf(cp) >= 0) return 0.29;
        if (" ft·".indexOf(cp) >= 0) return 0.36;
        if ("r-()[]".indexOf(cp) >= 0) return 0.41;
        if ("sczxJ".indexOf(cp) >= 0) return 0.55;
        if ("mwMW@%".indexOf(cp) >= 0) return 0.95;
        if (cp >= '0' && cp <= '9') return 0.64;
        if (cp >= 'A' && cp <= 'Z') return 0.74;
        if (cp < 0x80) return 0.63;
        return 0.8;  // symbols and other scripts: err wide
    }

    /** The text, cut short with an ellipsis when it would be wider than {@code maxWidth}. */
    static String fit(String text, double maxWidth, double fontSize) {
        return fit(text, maxWidth, fontSize, false);
    }

    /** As {@link #fit(String, double, double)}, for bold text. */
    static String fit(String text, double maxWidth, double fontSize, boolean bold) {
        if (width(text, fontSize, bold) <= maxWidth) return text;
        double room = maxWidth - width("…", fontSize, bold);
        int end = 0;
        double used = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            double w = advance(cp) * fontSize * (bold ? 1.1 : 1.0);
            if (used + w > room) break;
            used += w;
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + "…";
    }

    /** The text broken at spaces into lines no wider than {@code maxWidth} (a long word is cut). */
    static List<String> wrap(String text, double maxWidth, double fontSize) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, fontSize) <= maxWidth || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(fit(line.toString(), maxWidth, fontSize));
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0) lines.add(fit(line.toString(), maxWidth, fontSize));
        return lines;
    }
}
