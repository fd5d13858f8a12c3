package cloudlab.page;

import cloudlab.common.Tokens;
import cloudlab.diagram.Diagrams;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
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
public final class FigureImages {
    /**
     * How many characters of drawings are kept for serving: the course's few dozen drawings take
     * about 2 MB; edits to the course add more, and the least used go first.
     */
    static final long MAX_CHARS = 16L * 1024 * 1024;
    public static final String CONTENT_TYPE = "image/svg+xml; charset=utf-8";
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{32}\\.svg");

    /** One drawing as an image: where it is, its text alternative, the root's classes and its size. */
    public record Image(String url, String alt, String cssClass, String width, String height) {
    }

    /** The image of each drawing while the drawing is held (by the course's figures), by identity. */
    private final Cache<Diagrams.Drawing, Image> images = Caffeine.newBuilder().weakKeys().build();
    /** The drawings to serve by name, bounded by their size. */
    private final Cache<String, String> byName = Caffeine.newBuilder().maximumWeight(MAX_CHARS)
            .weigher((String name, String svg) -> svg.length()).build();
    private volatile Runnable drawAll = () -> { };

    /** The image of a drawing, which is kept for serving at the image's address. */
    Image of(Diagrams.Drawing drawing) {
        Image image = images.get(drawing, FigureImages::image);
        byName.get(name(image), n -> drawing.svg()); // counts as a use, and puts the drawing back if it was dropped
        return image;
    }

    private static Image image(Diagrams.Drawing d) {
        String title = d.title().strip();
        String desc = d.description().strip();
        String alt = desc.isEmpty() ? title : title + (title.endsWith(".") ? " " : ". ") + desc;
        String url = "/figures/" + Tokens.sha256Hex(d.svg()).substring(0, 32) + ".svg";
        return new Image(url, alt, d.cssClass(), size(d.width()), size(d.height()));
    }

    /** A view-box length for an {@code <img>} attribute: whole numbers without ".0". */
    private static String size(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** What draws every drawing there is to serve, for a name this server has not drawn yet. */
    void whenUnknown(Runnable drawAll) {
        this.drawAll = drawAll;
    }

    /**
     * The drawing served under a name like {@code <32 hex digits>.svg}, drawing the whole course
     * once if this server has not drawn it yet; empty for a name no drawing has.
     */
    public Optional<String> svg(String name) {
        if (!NAME.matcher(name).matches()) return Optional.empty();
        String svg = byName.getIfPresent(name);
        if (svg == null) {
            drawAll.run(); // drawn once each; later calls only look them up
            svg = byName.getIfPresent(name);
        }
        return Optional.ofNullable(svg);
    }

    private static String name(Image image) {
        return image.url().substring("/figures/".length());
    }
}
