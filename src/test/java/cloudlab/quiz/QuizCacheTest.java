package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the quiz cache keeps is what the rules give, for every question of the course, the first time and kept. */
class QuizCacheTest {
    final QuizCache cache = new QuizCache();

    @Test
    void seedsAndOrdersAreTheRulesOwn() {
        int checked = 0;
        for (Lesson l : TheCourse.course().lessons()) {
            if (l.quiz() == null) continue;
            for (Question q : l.quiz().questions()) {
                for (int attempt = 1; attempt <= 3; attempt++) {
                    for (String learner : List.of("L-a", "L-b")) {
                        String seed = Question.Seeds.of(learner, l.quiz().id(), q.id(), attempt);
                        for (int twice = 0; twice < 2; twice++) {
                            assertEquals(seed, cache.seed(learner, l.quiz().id(), q.id(), attempt));
                            Question v = q.variant(seed);
                            assertEquals(Answering.itemOrder(v, seed), cache.itemOrder(v, seed), q.id());
                            assertEquals(Answering.optionOrder(v, seed), cache.optionOrder(v, seed), q.id());
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void aStoredAnswerIsReadAndScoredAsTheRulesDo() throws Exception {
        Lesson l = TheCourse.course().lessons().stream().filter(x -> x.quiz() != null).findFirst().orElseThrow();
        for (Question q : l.quiz().questions()) {
            if (q.type() == Question.Type.CHALLENGE) continue;
            Question v = q.variant(Question.Seeds.of("L-a", l.quiz().id(), q.id(), 1));
            Submission right = Submission.fromForm(v, form(cloudlab.web.Course1.rightForm(v)));
            for (String hints : java.util.Arrays.asList(null, "[]", "[0]")) {
                QuizCache.Scored scored = cache.scored(v, right.toJson(), hints);
                assertEquals(right, scored.given(), q.id());
                assertEquals(Scoring.score(v, right, Regrade.hints(hints)), scored.result(), q.id() + " with hints " + hints);
                assertEquals(scored, cache.scored(v, right.toJson(), hints), "kept");
            }
        }
        Question single = l.quiz().questions().stream().filter(q -> q.type() == Question.Type.SINGLE).findFirst().orElseThrow();
        QuizCache.Scored misfit = cache.scored(single, "{\"choices\":[99]}", null);
        assertNull(misfit.given(), "an answer that does not fit the variant is not shown");
        assertNull(misfit.result());
    }

    /** A form's fields as a server reads them from {@code a=1&b=2}. */
    static java.util.Map<String, List<String>> form(String form) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        if (form.isEmpty()) return out;
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            out.computeIfAbsent(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8), k -> new java.util.ArrayList<>())
                    .add(kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return out;
    }
}
