package cloudlab.ops;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.sim.RegionCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The quiz questions of the checkout's course that a scripted learner can answer with a one-field
 * form (single, multiple, true/false and numeric questions), each with a form body that is a
 * well-formed answer for any variant (right or wrong does not matter here: every accepted
 * answer is stored as an attempt).
 */
record Answerable(String slug, String quizId, String questionId, String form) {
    String action() {
        return "/lessons/" + slug + "/quiz/" + questionId;
    }

    static Course course() {
        return Course.load(Path.of("lessons").toAbsolutePath(), RegionCatalog.builtIn());
    }

    /** The answerable questions of the given lessons, lesson by lesson in quiz order. */
    static List<Answerable> of(List<Lesson> lessons) {
        List<Answerable> out = new ArrayList<>();
        for (Lesson l : lessons) {
            if (l.quiz() == null) continue;
            for (Question q : l.quiz().questions()) {
                String form = switch (q.type()) {
                    case SINGLE, MULTIPLE -> Browser.form("choice", "0");
                    case TRUEFALSE -> Browser.form("answer", "true");
                    case NUMERIC -> Browser.form("answer", "1");
                    default -> null;
                };
                if (form != null) out.add(new Answerable(l.slug(), l.quiz().id(), q.id(), form));
            }
        }
        if (out.isEmpty()) throw new IllegalStateException("the course has no question a scripted learner can answer");
        return out;
    }
}
