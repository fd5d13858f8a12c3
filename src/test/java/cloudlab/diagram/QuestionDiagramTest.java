package cloudlab.diagram;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.lesson.Segment;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static cloudlab.diagram.SvgTestSupport.all;
import static cloudlab.diagram.SvgTestSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A predict question's drawing shows the setting it asks about, never the outcome. */
class QuestionDiagramTest {
    /** Words that would give a failure question's answer away. */
    private static final Pattern VERDICT = Pattern.compile("(?i)\\b(down|available|unavailable|running|failed)\\b");

    private static List<Question.Predict> coursePredicts() {
        Course course = Course.load(Path.of("lessons"), RegionCatalog.builtIn());
        List<Question.Predict> out = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            for (Segment s : lesson.segments()) {
                if (!(s instanceof Segment.QuizBlock qb)) continue;
                for (Question q : qb.quiz().questions()) {
                    for (Question v : q.variants().isEmpty() ? List.of(q) : q.variants()) {
                        if (v.predict() != null) out.add(v.predict());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void noPredictQuestionInTheCourseShowsItsAnswer() throws Exception {
        List<Question.Predict> predicts = coursePredicts();
        assertTrue(predicts.stream().anyMatch(p -> !p.fail().isEmpty()), "the course asks about failures");
        for (Question.Predict p : predicts) {
            Diagrams.Drawing d = Diagrams.question(p.view(), p.layout(), p.fail());
            String where = p.view() + " drawing asking about " + p.fail() + " (" + p.ask() + ")";
            assertFalse(VERDICT.matcher(d.title()).find(), where + ", title: " + d.title());
            assertFalse(VERDICT.matcher(d.description()).find(), where + ", description: " + d.description());
            Document doc = parse(d.svg());
            // every word a reader or a screen reader meets (the style sheet names classes, not words)
            for (Element e : all(doc, "//*[local-name()='text' or local-name()='title' or local-name()='desc']")) {
                assertFalse(VERDICT.matcher(e.getTextContent()).find(), where + ": \"" + e.getTextContent() + "\"");
            }
            if (!p.view().equals("map")) {
                for (String id : p.fail()) {
                    List<Element> asked = all(doc, "//*[@data-id='" + id + "']");
                    assertEquals(1, asked.size(), where + ": draws " + id);
                    assertTrue(asked.get(0).getTextContent().contains("if this fails?"), where + ": marks " + id);
                }
            }
        }
    }

    @Test
    void lessonSixsZoneQuestionDrawsTheZoneStandingAndMarked() throws Exception {
        Question.Predict p = coursePredicts().stream()
                .filter(q -> q.fail().equals(List.of("use1-az1")) && q.view().equals("infrastructure")).findFirst().orElseThrow();
        Document before = parse(Diagrams.question(p.view(), p.layout(), p.fail()).svg());
        Element zone = all(before, "//*[@data-id='use1-az1']").get(0);
        assertTrue(zone.getAttribute("class").contains("asked"));
        assertFalse(zone.getAttribute("class").contains("failed"), "drawn before the failure");
        assertTrue(all(before, "//*[contains(concat(' ', @class, ' '), ' in-blast ')]").isEmpty(), "nothing greyed out");
        // the ordinary drawing of the same failure does give the verdict: the question's must differ
        String after = Diagrams.drawing(p.view(), p.layout(), p.fail()).description();
        assertTrue(after.contains("DOWN") || after.contains("available"), after);
    }
}
