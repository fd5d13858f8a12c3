package cloudlab.page;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.LearnerProgress;
import cloudlab.quiz.Answering;
import cloudlab.quiz.Scoring;
import cloudlab.quiz.Submission;
import cloudlab.web.Course1;
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
    final Templates renderer = new Templates(Path.of("templates").toAbsolutePath(), cloudlab.server.StaticFiles.in(Path.of("static")));
    final KeptMarkup kept = new KeptMarkup(java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{20,120}"));
    final QuestionFragments fragments = new QuestionFragments(renderer, kept, new LessonDrawings(new FigureImages(), null));

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
                    for (Answering.QuestionState qv : states(lesson, q, variant, seed)) {
                        for (String token : tokens) {
                            String fresh = renderer.fragment("lesson/question", "question", Map.of("qv", fragments.view(qv, token)));
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
    void learnersWhoseChoicesComeInOtherOrdersShareOneKeptMarkup() {
        // a question's options, rows or items come in an order of the learner's seed; the markup kept for
        // them is one per question and state, not one per order (which made a lesson page for a new
        // learner a fresh render of nearly every question)
        String token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        int questions = 0;
        for (Lesson lesson : Course1.course().lessons()) {
            if (lesson.quiz() == null) continue;
            for (Question q : lesson.quiz().questions()) {
                if (q.hasVariants() || (q.options().size() < 3 && q.pairs().size() < 3 && q.items().size() < 3)) continue;
                long before = kept.size();
                java.util.Set<List<Integer>> orders = new java.util.HashSet<>();
                java.util.Set<String> pages = new java.util.HashSet<>();
                for (int learner = 0; learner < 6; learner++) {
                    String seed = Question.Seeds.of("L" + learner, lesson.quiz().id(), q.id(), 1);
                    var state = view(lesson, q, q, seed, null, null, null);
                    orders.add(q.type() == Question.Type.ORDERING ? state.itemOrder() : state.optionOrder());
                    pages.add(fragments.html(state, token, "v1").replace(seed, "SEED"));
                }
                assertTrue(orders.size() > 1, q.id() + ": the learners' orders differ");
                assertEquals(orders.size(), pages.size(), q.id() + ": each order shows as itself");
                assertEquals(before + 1, kept.size(), q.id() + ": one kept markup for every order");
                questions++;
            }
        }
        assertTrue(questions >= 3, "questions with an order of their own: " + questions);
    }

    @Test
    void aViewWithAnErrorOrAStrangeSeedIsRenderedAfresh() {
        Lesson lesson = Course1.first();
        Question q = lesson.quiz().questions().get(0);
        String token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        var withError = view(lesson, q, q, "0123456789abcdef", null, null, "answer: choose one");
        String html = fragments.html(withError, token, "v1");
        assertTrue(html.contains("answer: choose one"), html);
        var oddSeed = view(lesson, q, q, "not-a-seed", null, null, null);
        assertTrue(fragments.html(oddSeed, token, "v1").contains("value=\"not-a-seed\""));
        String odd = fragments.html(oddSeed, "short", "v1");
        assertFalse(odd.contains(kept.seedPlaceholder) || odd.contains(kept.tokenPlaceholder), "no placeholder leaks");
        String shared = fragments.html(view(lesson, q, q, "0123456789abcdef", null, null, null), token, "v1");
        assertFalse(shared.contains(kept.seedPlaceholder) || shared.contains(kept.tokenPlaceholder), "no placeholder leaks");
    }

    /** A view record standing for any kept view. */
    record Named(String name) {
    }

    static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAAAA";

    /** Kept markup filled with a token, for markup without a seed, list or inner part. */
    String text(KeptMarkup.Kept k) {
        return kept.fill(k, null, TOKEN, null);
    }

    @Test
    void aNewVersionDropsWhatWasKept() {
        assertEquals("a", text(kept.markup("v1", new Named("k"), v -> "a")));
        assertEquals("a", text(kept.markup("v1", new Named("k"), v -> "b")), "kept");
        assertEquals("a", text(kept.markup(new String("v1"), new Named("k"), v -> "b")), "an equal version is the same version");
        assertEquals("b", text(kept.markup("v2", new Named("k"), v -> "b")), "a course read again or a template edited");
        assertEquals("b", text(kept.markup("v2", new Named("k"), v -> "c")));
        assertEquals("c", text(kept.markup("v2", new Named("other"), v -> "c")), "another view is another key");
    }

    @Test
    void valuesThatWouldNeedEscapingAreNeverPutIntoMarkup() {
        KeptMarkup.Kept markup = kept.cut("<input value=\"" + kept.tokenPlaceholder + "\"><input value=\"" + kept.seedPlaceholder + "\">");
        assertEquals("<input value=\"AAAAAAAAAAAAAAAAAAAAAAAA\"><input value=\"0123456789abcdef\">",
                kept.fill(markup, "0123456789abcdef", TOKEN, null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> kept.fill(markup, null, "\"><script>alert(1)</script><b x=\"", null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> kept.fill(markup, "\"><script>", TOKEN, null));
        assertEquals("<p>AAAAAAAAAAAAAAAAAAAAAAAA|" + kept.tokenPlaceholder + "</p>",
                kept.fill(kept.cut("<p>" + kept.tokenPlaceholder + "|" + kept.innerPlaceholder + "</p>"), null, TOKEN, null,
                        o -> o.append(kept.tokenPlaceholder)),
                "the inner part goes in last: a placeholder inside it is left alone");
    }

    @Test
    void innerPartsGoInTheirOrderAndListedItemsInTheLearners() {
        String p = kept.innerPlaceholder;
        assertEquals("<nav>map</nav><main>body</main>", kept.fill(kept.cut("<nav>" + p + "</nav><main>" + p + "</main>"), null, TOKEN, null,
                o -> o.append("map"), o -> o.append("body")));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> kept.fill(kept.cut("<nav>" + p + "</nav>"), null, TOKEN, null), "an inner part not given");
        String m = kept.orderPlaceholder;
        KeptMarkup.Kept list = kept.cut("<ol>" + m + "<li>a " + kept.seedPlaceholder + "</li>" + m + "\n" + m + "<li>b "
                + kept.tokenPlaceholder + "</li>" + m + "|" + m + "<li>c</li>" + m + "</ol>");
        assertEquals("<ol><li>b " + TOKEN + "</li>\n<li>c</li>|<li>a 0123456789abcdef</li></ol>",
                kept.fill(list, "0123456789abcdef", TOKEN, List.of(1, 2, 0)));
        assertEquals("<ol><li>a 0123456789abcdef</li>\n<li>b " + TOKEN + "</li>|<li>c</li></ol>",
                kept.fill(list, "0123456789abcdef", TOKEN, List.of(0, 1, 2)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> kept.fill(list, "0123456789abcdef", TOKEN, List.of(1, 0)), "an order of another length");
    }

    /**
     * A question unanswered, answered wrong, answered right, and answered with a hint shown; among
     * them pairs that differ in one part of the learner's state alone (the result, the attempts,
     * the hints shown), so a kept shape that ignored that part would be caught.
     */
    static List<Answering.QuestionState> states(Lesson lesson, Question q, Question variant, String seed) throws Exception {
        List<Answering.QuestionState> out = new ArrayList<>();
        out.add(view(lesson, q, variant, seed, null, null, null));
        if (variant.type() == Question.Type.CHALLENGE) {
            // checked once and failed; the same standing checked again later (which the page does not
            // show, so one markup serves both); a better best score; passed
            out.add(checked(lesson, q, variant, seed, List.of(0.4), false));
            out.add(checked(lesson, q, variant, seed, List.of(0.4, 0.2, 0.4), false));
            out.add(checked(lesson, q, variant, seed, List.of(0.4, 0.2, 0.4, 0.6), false));
            out.add(checked(lesson, q, variant, seed, List.of(0.4, 0.2, 0.4, 0.6, 1.0), true));
            return out;
        }
        Submission wrong = Submission.fromForm(variant, parse(Course1.wrongForm(variant)));
        Scoring.Result none = Scoring.score(variant, wrong);
        out.add(view(lesson, q, variant, seed, wrong, none, null));
        // the same answer with another result (as a regrade may give): only the result differs
        out.add(state(lesson, q, variant, seed, wrong, new Scoring.Result(0.5, 1, false, List.of()), 1, List.of()));
        Submission right = Submission.fromForm(variant, parse(Course1.rightForm(variant)));
        // another answer with the same result: only the answer shown differs
        out.add(state(lesson, q, variant, seed, right, none, 1, List.of()));
        Scoring.Result full = Scoring.score(variant, right);
        out.add(state(lesson, q, variant, seed, right, full, 1, List.of()));
        out.add(state(lesson, q, variant, seed, right, full, 2, List.of()));
        if (!variant.hints().isEmpty()) {
            Scoring.Result lessForAHint = Scoring.score(variant, right, List.of(0));
            out.add(state(lesson, q, variant, seed, right, full, 1, List.of(0)));
            out.add(state(lesson, q, variant, seed, right, lessForAHint, 1, List.of()));
            out.add(state(lesson, q, variant, seed, right, lessForAHint, 2, List.of(0)));
        }
        return out;
    }

    private static Answering.QuestionState checked(Lesson lesson, Question q, Question variant, String seed, List<Double> scores,
                                                   boolean passed) {
        return new Answering.QuestionState(lesson, lesson.quiz(), q, variant, seed, null, null, 0, List.of(),
                new LearnerProgress.ChallengeResult(variant.challenge(), scores, passed, "2026-11-27T10:00:00Z"),
                Answering.itemOrder(variant, seed), null);
    }

    private static Answering.QuestionState state(Lesson lesson, Question q, Question variant, String seed, Submission given,
                                                 Scoring.Result result, int attempts, List<Integer> hints) {
        return new Answering.QuestionState(lesson, lesson.quiz(), q, variant, seed, given, result, attempts, hints, null,
                Answering.itemOrder(variant, seed), null);
    }

    static Answering.QuestionState view(Lesson lesson, Question q, Question variant, String seed, Submission given, Scoring.Result result,
                                        String error) {
        return new Answering.QuestionState(lesson, lesson.quiz(), q, variant, seed, given, result, given == null ? 0 : 1, List.of(), null,
                Answering.itemOrder(variant, seed), error);
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
