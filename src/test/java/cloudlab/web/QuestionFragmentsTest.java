package cloudlab.web;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.LearnerProgress;
import cloudlab.quiz.Scoring;
import cloudlab.quiz.Submission;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kept question markup is exactly what rendering the fragment afresh gives, for every
 * question of the course, fresh and answered, for learners with different seeds and tokens, the
 * first time and from the store.
 */
class QuestionFragmentsTest {
    final Renderer renderer = new Renderer(Path.of("templates").toAbsolutePath());
    final Shapes shapes = new Shapes();
    final QuestionFragments fragments = new QuestionFragments(renderer, shapes);

    @Test
    void keptMarkupEqualsAFreshRenderForEveryQuestionSeedTokenAndState() throws Exception {
        Course course = Course1.course();
        List<String> tokens = List.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "zz_9-zz_9-zz_9-zz_9-zz_9-zz_9-zz_9-zz_9-zz");
        int checked = 0;
        for (Lesson lesson : course.lessons()) {
            if (lesson.quiz() == null) continue;
            List<Question> questions = lesson.quiz().questions();
            for (Question q : questions) {
                for (int learner = 0; learner < 4; learner++) {
                    String seed = Question.Seeds.of("L" + learner, lesson.quiz().id(), q.id(), 1);
                    Question variant = q.variant(seed);
                    for (LessonPages.QuestionView qv : states(lesson, variant, questions.indexOf(q) + 1, seed)) {
                        for (String token : tokens) {
                            String fresh = renderer.fragment("lesson/question", "question", Map.of("qv", qv, "csrf", token));
                            assertEquals(fresh, fragments.html(qv, token, "v1"), q.id() + " as rendered afresh (first use)");
                            assertEquals(fresh, fragments.html(qv, token, "v1"), q.id() + " as rendered afresh (kept)");
                            assertTrue(fresh.contains(token), "the token is in the form");
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 200, "checked " + checked);
    }

    @Test
    void aViewWithAnErrorOrAStrangeSeedIsRenderedAfresh() {
        Lesson lesson = Course1.first();
        Question q = lesson.quiz().questions().get(0);
        String token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        var withError = view(lesson, q, 1, "0123456789abcdef", null, null, "answer: choose one");
        String html = fragments.html(withError, token, "v1");
        assertTrue(html.contains("answer: choose one"), html);
        var oddSeed = view(lesson, q, 1, "not-a-seed", null, null, null);
        assertTrue(fragments.html(oddSeed, token, "v1").contains("value=\"not-a-seed\""));
        String odd = fragments.html(oddSeed, "short", "v1");
        assertFalse(odd.contains(shapes.seedHole) || odd.contains(shapes.csrfHole), "no stand-in leaks");
        String kept = fragments.html(view(lesson, q, 1, "0123456789abcdef", null, null, null), token, "v1");
        assertFalse(kept.contains(shapes.seedHole) || kept.contains(shapes.csrfHole), "no stand-in leaks");
    }

    @Test
    void aNewVersionDropsWhatWasKept() {
        assertEquals("a", shapes.shape("v1", "k", () -> "a"));
        assertEquals("a", shapes.shape("v1", "k", () -> "b"), "kept");
        assertEquals("b", shapes.shape("v2", "k", () -> "b"), "a course read again or a template edited");
        assertEquals("b", shapes.shape("v2", "k", () -> "c"));
    }

    @Test
    void valuesThatWouldNeedEscapingAreNeverPutIntoMarkup() {
        String shape = "<input value=\"" + shapes.csrfHole + "\"><input value=\"" + shapes.seedHole + "\">";
        assertEquals("<input value=\"AAAAAAAAAAAAAAAAAAAAAAAA\"><input value=\"0123456789abcdef\">",
                shapes.fill(shape, "0123456789abcdef", "AAAAAAAAAAAAAAAAAAAAAAAA"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> shapes.fill(shape, null, "\"><script>alert(1)</script><b x=\""));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> shapes.fill(shape, "\"><script>", "AAAAAAAAAAAAAAAAAAAAAAAA"));
        assertEquals("<p>AAAAAAAAAAAAAAAAAAAAAAAA|" + shapes.csrfHole + "</p>",
                shapes.fillAround("<p>" + shapes.csrfHole + "|" + shapes.innerHole + "</p>", "AAAAAAAAAAAAAAAAAAAAAAAA", shapes.csrfHole),
                "the inner part goes in last: a stand-in inside it is left alone");
    }

    /**
     * A question unanswered, answered wrong, answered right, and answered with a hint shown; among
     * them pairs that differ in one part of the learner's state alone (the result, the attempts,
     * the hints shown), so a kept shape that ignored that part would be caught.
     */
    static List<LessonPages.QuestionView> states(Lesson lesson, Question variant, int number, String seed) throws Exception {
        List<LessonPages.QuestionView> out = new ArrayList<>();
        out.add(view(lesson, variant, number, seed, null, null, null));
        if (variant.type() == Question.Type.CHALLENGE) {
            // checked once and failed; the same standing checked again later (which the page does not
            // show, so one shape serves both); a better best score; passed
            out.add(checked(lesson, variant, number, seed, new LearnerProgress.ChallengeResult(variant.challenge(), 0.4, false, 1, "2026-11-27T10:00:00Z")));
            out.add(checked(lesson, variant, number, seed, new LearnerProgress.ChallengeResult(variant.challenge(), 0.4, false, 3, "2026-11-27T11:00:00Z")));
            out.add(checked(lesson, variant, number, seed, new LearnerProgress.ChallengeResult(variant.challenge(), 0.6, false, 4, "2026-11-27T11:05:00Z")));
            out.add(checked(lesson, variant, number, seed, new LearnerProgress.ChallengeResult(variant.challenge(), 1.0, true, 5, "2026-11-27T11:09:00Z")));
            return out;
        }
        Submission wrong = Submission.fromForm(variant, parse(Course1.wrongForm(variant)));
        Scoring.Result none = Scoring.score(variant, wrong);
        out.add(view(lesson, variant, number, seed, wrong, none, null));
        // the same answer with another result (as a regrade may give): only the result differs
        out.add(state(lesson, variant, number, seed, wrong, new Scoring.Result(0.5, 1, false, List.of()), 1, List.of()));
        Submission right = Submission.fromForm(variant, parse(Course1.rightForm(variant)));
        // another answer with the same result: only the answer shown differs
        out.add(state(lesson, variant, number, seed, right, none, 1, List.of()));
        Scoring.Result full = Scoring.score(variant, right);
        out.add(state(lesson, variant, number, seed, right, full, 1, List.of()));
        out.add(state(lesson, variant, number, seed, right, full, 2, List.of()));
        if (!variant.hints().isEmpty()) {
            Scoring.Result lessForAHint = Scoring.score(variant, right, List.of(0));
            out.add(state(lesson, variant, number, seed, right, full, 1, List.of(0)));
            out.add(state(lesson, variant, number, seed, right, lessForAHint, 1, List.of()));
            out.add(state(lesson, variant, number, seed, right, lessForAHint, 2, List.of(0)));
        }
        return out;
    }

    private static LessonPages.QuestionView checked(Lesson lesson, Question variant, int number, String seed,
                                                    LearnerProgress.ChallengeResult check) {
        return new LessonPages.QuestionView(lesson.slug(), lesson.quiz().id(), variant, number, seed, null, null, 0, List.of(),
                null, check, null, LessonPages.itemOrder(variant, seed));
    }

    private static LessonPages.QuestionView state(Lesson lesson, Question variant, int number, String seed, Submission given,
                                                  Scoring.Result result, int attempts, List<Integer> hints) {
        return new LessonPages.QuestionView(lesson.slug(), lesson.quiz().id(), variant, number, seed, given, result, attempts, hints,
                null, null, null, LessonPages.itemOrder(variant, seed));
    }

    static LessonPages.QuestionView view(Lesson lesson, Question variant, int number, String seed, Submission given, Scoring.Result result,
                                         String error) {
        return new LessonPages.QuestionView(lesson.slug(), lesson.quiz().id(), variant, number, seed, given, result, given == null ? 0 : 1,
                List.of(), error, null, null, LessonPages.itemOrder(variant, seed));
    }

    static Map<String, List<String>> parse(String form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (form.isEmpty()) return out;
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            out.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }
}
