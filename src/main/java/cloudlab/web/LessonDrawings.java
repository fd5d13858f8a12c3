package cloudlab.web;

import cloudlab.diagram.Diagrams;
import cloudlab.lesson.CourseSource;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.lesson.Segment;
import cloudlab.sim.Layout;
import cloudlab.sim.LayoutWriter;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The course's drawings as images and its layouts as documents: a figure's drawing, a sandbox's or
 * challenge's start layout, the layout of each predict question's variant. Each is made once per
 * layout while the course holds it (the course's layouts never change once read).
 */
final class LessonDrawings {
    private final Map<Layout, Map<String, String>> drawn = Collections.synchronizedMap(new WeakHashMap<>());
    private final FigureImages images;
    private final CourseSource course;

    LessonDrawings(FigureImages images, CourseSource course) {
        this.images = images;
        this.course = course;
        images.whenUnknown(this::drawCourse);
    }

    /** The image of a lesson block's drawing: a figure's, or a sandbox's or challenge's start layout; null for prose and the quiz. */
    FigureImages.Image of(Segment s) {
        if (s instanceof Segment.Figure f) return images.of(cached(f.view(), f.layout(), f.fail()));
        if (s instanceof Segment.Sandbox sb) {
            return images.of(cached(sb.layout().hosts().isEmpty() ? "infrastructure" : "hosts", sb.layout(), List.of()));
        }
        if (s instanceof Segment.ChallengeBlock cb) return images.of(cached("infrastructure", cb.challenge().start(), List.of()));
        return null;
    }

    /** The image of the layout a predict question's variant asks about, or null for other questions. */
    FigureImages.Image predict(Question variant) {
        Question.Predict p = variant.predict();
        return p == null ? null : images.of(cached(p.view(), p.layout(), p.fail()));
    }

    /** The YAML of a course layout. */
    String yaml(Layout layout) {
        return of(layout).computeIfAbsent("\u0001yaml", k -> LayoutWriter.toYaml(layout));
    }

    /**
     * Draws every drawing the course shows, so that any of their addresses can be served by this
     * server, also before it has shown the page that links it (several servers behind one
     * address, a restart).
     */
    private void drawCourse() {
        for (Lesson lesson : course.course().lessons()) {
            for (Segment s : lesson.segments()) {
                if (s instanceof Segment.QuizBlock qb) {
                    for (Question q : qb.quiz().questions()) {
                        for (Question v : q.variants().isEmpty() ? List.of(q) : q.variants()) predict(v);
                    }
                } else {
                    of(s);
                }
            }
        }
    }

    private String cached(String view, Layout layout, List<String> fail) {
        return of(layout).computeIfAbsent(view + "\u0000" + String.join("\u0000", fail), k -> draw(view, layout, fail));
    }

    private Map<String, String> of(Layout layout) {
        return drawn.computeIfAbsent(layout, k -> new ConcurrentHashMap<>());
    }

    private static String draw(String view, Layout layout, List<String> fail) {
        return switch (view) {
            case "hosts" -> Diagrams.hosts(layout, fail);
            case "map" -> Diagrams.map(layout, fail, false);
            default -> Diagrams.infrastructure(layout, fail);
        };
    }
}
