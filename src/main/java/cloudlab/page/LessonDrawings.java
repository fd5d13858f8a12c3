package cloudlab.page;

import cloudlab.diagram.Diagrams;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cloudlab.lesson.CourseSource;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.lesson.Segment;
import cloudlab.sim.Layout;
import cloudlab.sim.document.LayoutWriter;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The course's drawings as images and its layouts as documents: a figure's drawing, a sandbox's or
 * challenge's start layout, the layout of each predict question's variant. Each is made once per
 * layout while the course holds it (the course's layouts never change once read), and found again
 * by the block or question it belongs to, compared by identity: a lesson page asks for all of
 * them on every view, and comparing layouts by value would walk each one every time.
 */
final class LessonDrawings {
    private final Map<Layout, Map<String, Diagrams.Drawing>> drawn = Collections.synchronizedMap(new WeakHashMap<>());
    /** A block's or predict question's image by the course object (weak keys compare by identity). */
    private final Cache<Object, Optional<FigureImages.Image>> imageOf = Caffeine.newBuilder().weakKeys().build();
    /** A sandbox's or challenge block's start layout as YAML, by the block. */
    private final Cache<Segment, String> yamlOf = Caffeine.newBuilder().weakKeys().build();
    private final FigureImages images;
    private final CourseSource course;

    LessonDrawings(FigureImages images, CourseSource course) {
        this.images = images;
        this.course = course;
        images.whenUnknown(this::drawCourse);
    }

    /** The image of a lesson block's drawing: a figure's, or a sandbox's or challenge's start layout; null for prose and the quiz. */
    FigureImages.Image of(Segment s) {
        return imageOf.get(s, k -> Optional.ofNullable(draw(s))).orElse(null);
    }

    private FigureImages.Image draw(Segment s) {
        if (s instanceof Segment.Figure f) return images.of(cached(f.view(), f.layout(), f.fail()));
        if (s instanceof Segment.Sandbox sb) {
            return images.of(cached(sb.layout().hosts().isEmpty() ? "infrastructure" : "hosts", sb.layout(), List.of()));
        }
        if (s instanceof Segment.ChallengeBlock cb) return images.of(cached("infrastructure", cb.challenge().start(), List.of()));
        return null;
    }

    /** The image of the layout a predict question's variant asks about, or null for other questions. */
    FigureImages.Image predict(Question variant) {
        return imageOf.get(variant, k -> Optional.ofNullable(drawPredict(variant))).orElse(null);
    }

    private FigureImages.Image drawPredict(Question variant) {
        Question.Predict p = variant.predict();
        return p == null ? null : images.of(question(p));
    }

    /** The YAML of a sandbox's or challenge's start layout. */
    String yaml(Segment s) {
        return yamlOf.get(s, k -> LayoutWriter.toYaml(layout(s)));
    }

    private static Layout layout(Segment s) {
        if (s instanceof Segment.Sandbox sb) return sb.layout();
        if (s instanceof Segment.ChallengeBlock cb) return cb.challenge().start();
        throw new IllegalArgumentException("only a sandbox or challenge block has a start layout");
    }

    /**
     * Draws every drawing the course shows, so that any of their addresses can be served by this
     * server, also before it has shown the page that links it (several servers behind one
     * address, a restart). It goes past the images found by block, so each drawing is handed to
     * {@link FigureImages} again.
     */
    private void drawCourse() {
        for (Lesson lesson : course.course().lessons()) {
            for (Segment s : lesson.segments()) {
                if (s instanceof Segment.QuizBlock qb) {
                    for (Question q : qb.quiz().questions()) {
                        for (Question v : q.variants().isEmpty() ? List.of(q) : q.variants()) drawPredict(v);
                    }
                } else {
                    draw(s);
                }
            }
        }
    }

    /** A predict question's drawing: the layout before the failure it asks about, with no verdict. */
    private Diagrams.Drawing question(Question.Predict p) {
        return drawn.computeIfAbsent(p.layout(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent("question\u0000" + p.view() + "\u0000" + String.join("\u0000", p.fail()),
                        k -> Diagrams.question(p.view(), p.layout(), p.fail()));
    }

    private Diagrams.Drawing cached(String view, Layout layout, List<String> fail) {
        return drawn.computeIfAbsent(layout, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(view + "\u0000" + String.join("\u0000", fail), k -> Diagrams.drawing(view, layout, fail));
    }
}
