package cloudlab.web;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.Learner;
import cloudlab.progress.LearnerProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The new question types over HTTP, with and without htmx: matching, ordering and predict answers
 * posted as forms, a variant fixed by the seed the page carries, a new variant on request, a
 * tampered seed refused, and hints that cost a share of the points.
 */
class QuizVariantsHttpTest {
    static final String[] HX = {"HX-Request", "true"};
    static final Pattern SEED = Pattern.compile("<input type=\"hidden\" name=\"seed\" value=\"([^\"]*)\"");
    static final double EPS = 1e-9;

    @TempDir
    static Path folder;
    static TestServer server;
    static Course course;
    static Lesson types;
    static Lesson centers;
    static Question matching;
    static Question fit;
    static Question ordering;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
        course = Course1.course();
        types = course.lesson("hypervisor-types");
        centers = course.lesson("data-centers");
        matching = Course1.ofType(types, Question.Type.MATCHING);
        fit = types.quiz().question("q-predict-fit");
        ordering = Course1.ofType(centers, Question.Type.ORDERING);
        assertTrue(fit.hasVariants() && !fit.hints().isEmpty(), "lesson 3's predict question has variants and a hint");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String path(Lesson l) {
        return "/lessons/" + l.slug();
    }

    static String answerPath(Lesson l, Question q) {
        return path(l) + "/quiz/" + q.id();
    }

    static WebClient learnerOn(Lesson l) {
        WebClient web = WebClient.learner(server);
        assertEquals(200, web.get(path(l)).statusCode());
        assertNotNull(web.learnerCookie());
        return web;
    }

    static Learner learner(WebClient web) {
        return server.services().progress().bySessionToken(web.learnerCookie()).orElseThrow();
    }

    static LearnerProgress.Answer stored(WebClient web, Lesson l, Question q) {
        return server.services().progress().of(learner(web).id()).answer(l.quiz().id(), q.id());
    }

    static String section(WebClient web, Lesson l, Question q) {
        HttpResponse<String> r = web.get(path(l));
        assertEquals(200, r.statusCode());
        return Html.questionSection(r.body(), q.id());
    }

    static String seedIn(String html) {
        Matcher m = SEED.matcher(html);
        assertTrue(m.find(), "the question carries its seed: " + html);
        return m.group(1);
    }

    static String prompt(String section) {
        return Html.classText(section, "question__prompt");
    }

    static String verdict(String section) {
        return Html.classText(section, "result__verdict");
    }

    /** Posts the form with the seed, plainly (303 back to the question) or with htmx (the question's fragment). */
    static HttpResponse<String> post(WebClient web, Lesson l, Question q, String form, String seed, boolean htmx) {
        String body = form + "&" + WebClient.form("seed", seed);
        return htmx ? web.postForm(answerPath(l, q), body, HX) : web.postForm(answerPath(l, q), body);
    }

    /** The question's section after answering: the htmx fragment, or the page the 303 leads to. */
    static String answered(WebClient web, Lesson l, Question q, HttpResponse<String> r, boolean htmx) {
        if (htmx) {
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().strip().startsWith("<section"), "only the question's fragment: " + r.body());
            assertFalse(r.body().contains("<html"), "not a whole page");
            return Html.questionSection(r.body(), q.id());
        }
        assertEquals(303, r.statusCode(), r.body());
        assertEquals(path(l) + "#q-" + q.id(), r.headers().firstValue("Location").orElse(null));
        return section(web, l, q);
    }

    @ParameterizedTest(name = "htmx: {0}")
    @ValueSource(booleans = {false, true})
    void aMatchingAnswerIsScoredByItsShareOfPairs(boolean htmx) {
        WebClient web = learnerOn(types);
        String seed = seedIn(section(web, types, matching));
        String right = answered(web, types, matching, post(web, types, matching, Course1.rightForm(matching), seed, htmx), htmx);
        assertTrue(Html.questionTag(right, matching.id()).contains("is-correct"), Html.questionTag(right, matching.id()));
        assertEquals("Correct", verdict(right));
        assertEquals(1.0, stored(web, types, matching).score(), EPS);
        for (int i = 0; i < matching.pairs().size(); i++) {
            int want = matching.rights().indexOf(matching.pairs().get(i).right());
            assertTrue(right.matches("(?s).*<select name=\"match-" + i + "\".*?<option value=\"" + want + "\" selected=\"selected\">.*"),
                    "the answer given stays selected for match-" + i);
        }

        // All but the first two pairs right.
        StringBuilder form = new StringBuilder();
        int n = matching.pairs().size();
        int rightCount = 0;
        for (int i = 0; i < n; i++) {
            int want = matching.rights().indexOf(matching.pairs().get(i).right());
            int give = i < 2 ? (want + 1) % matching.rights().size() : want;
            if (give == want) rightCount++;
            form.append(i == 0 ? "" : "&").append(WebClient.form("match-" + i, Integer.toString(give)));
        }
        String partly = answered(web, types, matching, post(web, types, matching, form.toString(), seed, htmx), htmx);
        long percent = Math.round(100.0 * rightCount / n);
        assertEquals("Partly right: " + percent + "% of the points — try again", verdict(partly));
        assertTrue(Html.questionTag(partly, matching.id()).contains("is-wrong"));
        LearnerProgress.Answer a = stored(web, types, matching);
        assertEquals((double) rightCount / n, a.score(), EPS);
        assertEquals(2, a.attempts());
    }

    @ParameterizedTest(name = "htmx: {0}")
    @ValueSource(booleans = {false, true})
    void anOrderingAnswerIsScoredByItsShareOfItemsInPlace(boolean htmx) {
        WebClient web = learnerOn(centers);
        String seed = seedIn(section(web, centers, ordering));
        String right = answered(web, centers, ordering, post(web, centers, ordering, Course1.rightForm(ordering), seed, htmx), htmx);
        assertEquals("Correct", verdict(right));
        assertEquals(ordering.explanation(), Html.classText(right, "result__explanation"));
        assertEquals(1.0, stored(web, centers, ordering).score(), EPS);

        String wrong = answered(web, centers, ordering, post(web, centers, ordering, Course1.wrongForm(ordering), seed, htmx), htmx);
        assertEquals("Not quite — try again", verdict(wrong));
        assertEquals(0.0, stored(web, centers, ordering).score(), EPS);
    }

    @Test
    void anOrderingAnswerGivingAPositionTwiceIsRefusedAndNotKept() {
        WebClient web = learnerOn(centers);
        String seed = seedIn(section(web, centers, ordering));
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < ordering.items().size(); i++) form.append(i == 0 ? "" : "&").append(WebClient.form("position-" + i, "1"));
        HttpResponse<String> r = post(web, centers, ordering, form.toString(), seed, true);
        assertEquals(400, r.statusCode());
        assertEquals("position-1: position 1 is given twice; use each position once", Html.classText(r.body(), "field-error"));
        assertNull(stored(web, centers, ordering));
    }

    @ParameterizedTest(name = "htmx: {0}")
    @ValueSource(booleans = {false, true})
    void aPredictAnswerIsScoredAgainstTheVariantThePageShowed(boolean htmx) {
        WebClient web = learnerOn(types);
        String before = section(web, types, fit);
        String seed = seedIn(before);
        Question variant = fit.variant(seed);
        assertEquals(variant.prompt(), prompt(before), "the page shows the variant its seed names");
        java.util.regex.Matcher drawn = java.util.regex.Pattern.compile("<img src=\"(/figures/[0-9a-f]{32}\\.svg)\"").matcher(before);
        assertTrue(drawn.find(), "the variant's layout is drawn");
        assertTrue(web.get(drawn.group(1)).body().startsWith("<svg"), "the drawing is served");

        String after = answered(web, types, fit, post(web, types, fit, Course1.rightForm(variant), seed, htmx), htmx);
        assertEquals("Correct", verdict(after));
        assertEquals(variant.prompt(), prompt(after));
        assertEquals(seed, seedIn(after));
        LearnerProgress.Answer a = stored(web, types, fit);
        assertEquals(1.0, a.score(), EPS);
        assertEquals(seed, a.seed(), "the attempt keeps the seed it was answered under");
        assertEquals(fit.version(), a.version());
    }

    @Test
    void theSameLearnerSeesTheSameVariantOnEveryReload() {
        WebClient web = learnerOn(types);
        String id = learner(web).id();
        String first = section(web, types, fit);
        String seed = seedIn(first);
        assertEquals(Question.Seeds.of(id, types.quiz().id(), fit.id(), 1), seed, "the first attempt's seed");
        for (int i = 0; i < 3; i++) {
            String again = section(web, types, fit);
            assertEquals(seed, seedIn(again));
            assertEquals(prompt(first), prompt(again));
        }
        assertEquals(303, post(web, types, fit, Course1.wrongForm(fit.variant(seed)), seed, false).statusCode());
        String reloaded = section(web, types, fit);
        assertEquals(seed, seedIn(reloaded), "after answering, the variant answered stays");
        assertEquals(prompt(first), prompt(reloaded));
        assertEquals("Not quite — try again", verdict(reloaded));

        WebClient other = learnerOn(types);
        assertNotEquals(seed, seedIn(section(other, types, fit)), "another learner has a seed of their own");
    }

    @Test
    void tryingANewVariantGivesTheNextAttemptsSeed() {
        WebClient web = learnerOn(types);
        String id = learner(web).id();
        String seed1 = seedIn(section(web, types, fit));
        assertFalse(section(web, types, fit).contains("Try a new variant"), "offered only once answered");
        assertEquals(303, post(web, types, fit, Course1.rightForm(fit.variant(seed1)), seed1, false).statusCode());

        String answered = section(web, types, fit);
        String href = "/lessons/" + types.slug() + "?variant=" + fit.id() + "#q-" + fit.id();
        assertTrue(answered.contains("href=\"" + href + "\""), answered);
        assertTrue(answered.contains(">Try a new variant</a>"));
        assertFalse(section(web, types, matching).contains("Try a new variant"), "a question without variants offers none");

        String fresh = Html.questionSection(web.get(href.substring(0, href.indexOf('#'))).body(), fit.id());
        String seed2 = seedIn(fresh);
        assertEquals(Question.Seeds.of(id, types.quiz().id(), fit.id(), 2), seed2);
        assertNotEquals(seed1, seed2);
        assertEquals(fit.variant(seed2).prompt(), prompt(fresh));
        assertNull(verdict(fresh), "a fresh variant shows no earlier verdict");

        Question v2 = fit.variant(seed2);
        String after = answered(web, types, fit, post(web, types, fit, Course1.rightForm(v2), seed2, true), true);
        assertEquals("Correct", verdict(after));
        LearnerProgress.Answer a = stored(web, types, fit);
        assertEquals(2, a.attempts());
        assertEquals(seed2, a.seed());
        assertEquals(seed2, seedIn(section(web, types, fit)), "the page now stays on the second variant");
    }

    @ParameterizedTest(name = "htmx: {0}")
    @ValueSource(booleans = {false, true})
    void aTamperedSeedIsRefusedNamingTheSeedAndNothingIsStored(boolean htmx) {
        WebClient web = learnerOn(types);
        String id = learner(web).id();
        String mine = seedIn(section(web, types, fit));
        WebClient other = learnerOn(types);
        List<String> tampered = List.of(
                "0000000000000000",
                seedIn(section(other, types, fit)),                           // another learner's
                Question.Seeds.of(id, types.quiz().id(), fit.id(), 3),        // a later attempt's, skipping ahead
                "not-a-seed");
        for (String seed : tampered) {
            assertNotEquals(mine, seed);
            HttpResponse<String> r = post(web, types, fit, Course1.rightForm(fit.variant(seed)), seed, htmx);
            assertEquals(400, r.statusCode(), seed);
            String error = Html.classText(Html.questionSection(r.body(), fit.id()), "field-error");
            assertNotNull(error, r.body());
            assertTrue(error.startsWith("seed: "), error);
            assertFalse(Html.leaksInternals(r.body()));
            assertNull(stored(web, types, fit), "nothing stored for " + seed);
        }
        assertEquals(mine, seedIn(section(web, types, fit)), "the learner's own variant is unchanged");
    }

    @ParameterizedTest(name = "htmx: {0}")
    @ValueSource(booleans = {false, true})
    void aHintShownBeforeAnsweringCostsItsShare(boolean htmx) {
        WebClient web = learnerOn(types);
        String hintPath = answerPath(types, fit) + "/hint";
        String before = section(web, types, fit);
        assertTrue(before.contains("Show hint 1 (costs 25% of the points)"), before);
        assertFalse(before.contains(fit.hints().get(0).text().replace("'", "&#39;")));

        HttpResponse<String> h = htmx ? web.postForm(hintPath, WebClient.form("hint", "0"), HX) : web.postForm(hintPath, WebClient.form("hint", "0"));
        String shown;
        if (htmx) {
            assertEquals(200, h.statusCode());
            shown = Html.questionSection(h.body(), fit.id());
        } else {
            assertEquals(303, h.statusCode());
            shown = section(web, types, fit);
        }
        assertTrue(Html.text(shown).contains("Hint 1: " + fit.hints().get(0).text()), Html.text(shown));
        assertFalse(shown.contains("Show hint 1"), "a shown hint is no longer offered");
        assertEquals(List.of(0), server.services().progress().hintsShown(learner(web).id(), types.quiz().id(), fit.id()));

        String seed = seedIn(shown);
        String after = answered(web, types, fit, post(web, types, fit, Course1.rightForm(fit.variant(seed)), seed, htmx), htmx);
        assertEquals("Correct (hints cost 25% of the points)", verdict(after));
        LearnerProgress.Answer a = stored(web, types, fit);
        assertEquals(0.75, a.score(), EPS);
        assertEquals(1.0, a.max(), EPS);

        // Showing the same hint again changes nothing.
        web.postForm(hintPath, WebClient.form("hint", "0"));
        assertEquals(List.of(0), server.services().progress().hintsShown(learner(web).id(), types.quiz().id(), fit.id()));
    }

    @ParameterizedTest(name = "hint={0}")
    @ValueSource(strings = {"1", "-1", "abc", "", "99999999999"})
    void aHintTheQuestionDoesNotHaveIsRefused(String hint) {
        WebClient web = learnerOn(types);
        String hintPath = answerPath(types, fit) + "/hint";
        for (boolean htmx : new boolean[] {false, true}) {
            HttpResponse<String> r = htmx ? web.postForm(hintPath, WebClient.form("hint", hint), HX) : web.postForm(hintPath, WebClient.form("hint", hint));
            assertEquals(400, r.statusCode(), hint);
            assertEquals("hint: this question has 1 hint", Html.classText(Html.questionSection(r.body(), fit.id()), "field-error"));
        }
        assertEquals(List.of(), server.services().progress().hintsShown(learner(web).id(), types.quiz().id(), fit.id()));
    }

    @Test
    void aHintForAQuestionWithoutHintsOrWithoutTheFieldIsRefused() {
        WebClient web = learnerOn(types);
        HttpResponse<String> r = web.postForm(answerPath(types, matching) + "/hint", WebClient.form("hint", "0"));
        assertEquals(400, r.statusCode());
        assertEquals("hint: this question has 0 hints", Html.classText(Html.questionSection(r.body(), matching.id()), "field-error"));
        assertEquals(400, web.postForm(answerPath(types, fit) + "/hint", "").statusCode());
        assertEquals(404, web.postForm(path(types) + "/quiz/q-nothing/hint", WebClient.form("hint", "0")).statusCode());
    }
}
