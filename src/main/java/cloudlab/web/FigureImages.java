package cloudlab.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.unbescape.xml.XmlEscape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course's diagrams (lesson figures, the drawings of sandbox and challenge blocks and of
 * predict questions) served as images of their own at an address made from their content,
 * {@code /figures/<hash>.svg}, instead of inline in every page: a lesson page is 2–5 times
 * smaller, and a browser keeps each drawing across pages and visits (the address changes when
 * the drawing does). The image's text alternative is the drawing's own title and description,
 * which is what a screen reader read from the inline drawing ({@code role="img"}). The drawings a
 * learner changes (sandboxes) stay inline.
 */
final class FigureImages {
    /** How many drawings are kept for serving: the course has a few dozen; edits to it add more. */
    static final int MAX = 512;
    private static final Pattern ROOT = Pattern.compile("^<svg [^>]*viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"[^>]*class=\"([^\"]*)\"[^>]*>"
            + "<title>([^<]*)</title><desc>([^<]*)</desc>");
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.svg");

    /** One drawing as an image: where it is, its text alternative, the root's classes and its size. */
    record Image(String url, String alt, String cssClass, String width, String height) {
    }

    private final Map<String, Image> images = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile Runnable drawAll = () -> { };
    private final Map<String, String> byName = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX;
        }
    });

    /** The image of a drawing made by {@code cloudlab.diagram.Diagrams}. */
    Image of(String svg) {
        Image known = images.get(svg);
        if (known != null && byName.get(name(known)) != null) return known; // a get, so the drawing counts as used
        Matcher m = ROOT.matcher(svg);
        if (!m.lookingAt()) throw new IllegalArgumentException("not a drawing of cloudlab.diagram.Diagrams");
        String title = XmlEscape.unescapeXml(m.group(4)).strip();
        String desc = XmlEscape.unescapeXml(m.group(5)).strip();
        String alt = desc.isEmpty() ? title : title + (title.endsWith(".") ? " " : ". ") + desc;
        String name = hash(svg) + ".svg";
        Image image = new Image("/figures/" + name, alt, m.group(3), m.group(1), m.group(2));
        byName.put(name, svg);
        images.put(svg, image);
        return image;
    }

    /** What draws every drawing there is to serve, for a name this server has not drawn yet. */
    void whenUnknown(Runnable drawAll) {
        this.drawAll = drawAll;
    }

    /** {@code GET /figures/{name}}: the drawing, to be kept by the browser for a year (its address changes with it). */
    void serve(Context ctx) {
        String name = ctx.pathParam("name");
        if (!NAME.matcher(name).matches()) throw new NotFoundResponse("There is no figure " + name);
        String svg = byName.get(name);
        if (svg == null) {
            drawAll.run(); // drawn once each; later calls only look them up
            svg = byName.get(name);
        }
        if (svg == null) throw new NotFoundResponse("There is no figure " + name);
        ctx.header("Cache-Control", "max-age=31536000, immutable");
        ctx.contentType("image/svg+xml; charset=utf-8");
        ctx.result(svg);
    }

    private static String name(Image image) {
        return image.url().substring("/figures/".length());
    }

    private static String hash(String svg) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(svg.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
