package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.Learner;
import cloudlab.progress.LearnerProgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answering quizzes and carrying progress between browsers, over plain HTTP: the no-JavaScript
 * path (form post, 303, page) and the htmx path (one question's fragment).
 */
class QuizOverHttpTest {
    @TempDir
    static Path folder;
    static TestServer server;
    static Lesson lesson;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
        lesson = Course1.first();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String lessonPath() {
        return "/lessons/" + lesson.slug();
    }

    static String answerPath(Question q) {
        return lessonPath() + "/quiz/" + q.id();
    }

    /** A learner who has opened lesson 1. */
    static WebClient learner() {
        WebClient web = WebClient.learner(server);
        assertEquals(200, web.get(lessonPath()).statusCode());
        assertNotNull(web.learnerCookie());
        return web;
    }

    static LearnerProgress storedProgress(WebClient web) {
        Learner l = server.services().progress().bySessionToken(web.learnerCookie()).orElseThrow();
        return server.services().progress().of(l.id());
    }

    @Test
    void answeringByPlainFormPostRedirectsAndIsKept() {
        WebClient web = learner();
        Question q = lesson.quiz().questions().get(0);

        HttpResponse<String> r = web.postForm(answerPath(q), Course1.rightForm(q));
        assertEquals(303, r.statusCode());
        assertEquals(lessonPath() + "#q-" + q.id(), r.headers().firstValue("Location").orElse(null));

        String page = web.get(lessonPath()).body();
        String section = Html.questionSection(page, q.id());
        assertTrue(Html.questionTag(page, q.id()).contains("is-correct"), Html.questionTag(page, q.id()));
        assertEquals("Correct", Html.classText(section, "result__verdict"));
        for (int i : Course1.rightChoices(q)) {
            assertTrue(section.matches("(?s).*<input[^>]*value=\"" + i + "\"[^>]*checked[^>]*>.*"), "the chosen option stays ticked");
        }

        String row = Html.progressRow(web.get("/progress").body(), lesson.slug());
        assertTrue(row.contains("In progress"), row);
        assertTrue(row.contains("1.0 / " + lesson.quiz().questions().size() + " (1 answered; Practice)"), row);
    }

    @Test
    void answeringEveryQuestionCompletesTheLesson() {
        WebClient web = learner();
        int n = lesson.quiz().questions().size();
        for (Question q : lesson.quiz().questions()) {
            String row = Html.progressRow(web.get("/progress").body(), lesson.slug());
            assertFalse(row.contains("Completed"), "not complete before " + q.id() + ": " + row);
            assertEquals(303, web.postForm(answerPath(q), Course1.rightForm(q)).statusCode(), q.id());
        }
        String progress = web.get("/progress").body();
        String row = Html.progressRow(progress, lesson.slug());
        assertTrue(row.contains("Completed"), row);
        assertTrue(row.contains(n + ".0 / " + n + " (" + n + " answered; Practice)"), row);
        assertTrue(Html.text(progress).contains("1 of " + Course1.course().lessons().size() + " lessons completed"), Html.text(progress));

        String page = web.get(lessonPath()).body();
        for (Question q : lesson.quiz().questions()) {
            assertTrue(Html.questionTag(page, q.id()).contains("is-correct"), q.id());
        }
        assertTrue(page.contains("<p class=\"badge badge--done\">Completed</p>"), "the lesson says it is completed");
        assertTrue(web.get("/").body().contains("is-done"), "the course map shows it done");
    }

    @Test
    void wrongAndPartlyRightAnswersCountAsAnsweredWithTheirScore() {
        WebClient web = learner();
        Question multiple = Course1.ofType(lesson, Question.Type.MULTIPLE);
        Question numeric = Course1.ofType(lesson, Question.Type.NUMERIC);
        assertTrue(Course1.rightChoices(multiple).size() >= 2, "lesson 1 has a multiple-choice question with several right options");
        int k = Course1.rightChoices(multiple).size();
        String oneRight = WebClient.form("choice", Integer.toString(Course1.rightChoices(multiple).get(0)));

        web.postForm(answerPath(multiple), oneRight);
        web.postForm(answerPath(numeric), Course1.wrongForm(numeric));

        String page = web.get(lessonPath()).body();
        String partial = Html.classText(Html.questionSection(page, multiple.id()), "result__verdict");
        assertEquals("Partly right: " + Math.round(100.0 / k) + "% of the points — try again", partial);
        assertTrue(Html.questionTag(page, numeric.id()).contains("is-wrong"));
        assertEquals("Not quite — try again", Html.classText(Html.questionSection(page, numeric.id()), "result__verdict"));

        String row = Html.progressRow(web.get("/progress").body(), lesson.slug());
        String score = String.format(Locale.ROOT, "%.1f", 1.0 / k);
        assertTrue(row.contains(score + " / " + lesson.quiz().questions().size() + " (2 answered; Practice)"), row);
    }

    @Test
    void answeringAgainReplacesTheAnswerAndCountsTheTries() {
        WebClient web = learner();
        Question q = Course1.ofType(lesson, Question.Type.TRUEFALSE);
        web.postForm(answerPath(q), Course1.wrongForm(q));
        web.postForm(answerPath(q), Course1.rightForm(q));
        String section = Html.questionSection(web.get(lessonPath()).body(), q.id());
        assertEquals("Correct", Html.classText(section, "result__verdict"));
        assertEquals("2 tries", Html.classText(section, "question__attempts"));
        LearnerProgress.Answer a = storedProgress(web).answer(lesson.quiz().id(), q.id());
        assertEquals(2, a.attempts());
        assertEquals(1.0, a.score());
    }

    @Test
    void theSamePostFromHtmxReturnsJustTheQuestionFragment() {
        WebClient web = learner();
        Question q = Course1.ofType(lesson, Question.Type.NUMERIC);

        HttpResponse<String> r = web.postForm(answerPath(q), Course1.rightForm(q), "HX-Request", "true");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String body = r.body().strip();
        assertTrue(body.startsWith("<section"), body);
        assertTrue(body.endsWith("</section>"), body);
        assertTrue(Html.questionTag(body, q.id()).matches("<section[^>]*class=\"question[^\"]*is-correct[^\"]*\"[^>]*>"), body);
        assertFalse(body.contains("<html"), "no page around it");
        assertFalse(body.contains("<head"), "no head");
        assertFalse(body.contains("site-header"), "no site header");
        assertEquals(1, body.split("<section class=\"question", -1).length - 1, "exactly one question");
        assertEquals("Correct", Html.classText(body, "result__verdict"));
        assertTrue(body.contains("value=\"" + q.number().toPlainString() + "\""), "the typed number stays in the box");
        assertTrue(body.contains("data-hx-post=\"" + answerPath(q) + "\""), "it can be answered again in place");

        assertEquals(1.0, storedProgress(web).answer(lesson.quiz().id(), q.id()).score(), "kept like a form post");
        String row = Html.progressRow(web.get("/progress").body(), lesson.slug());
        assertTrue(row.contains("(1 answered; Practice)"), row);

        String wrong = web.postForm(answerPath(q), Course1.wrongForm(q), "HX-Request", "true").body();
        assertTrue(Html.questionTag(wrong, q.id()).contains("is-wrong"), wrong);
        assertEquals("Not quite — try again", Html.classText(wrong, "result__verdict"));
    }

    static Stream<Arguments> badAnswers() {
        Lesson l = Course1.first();
        Question single = Course1.ofType(l, Question.Type.SINGLE);
        Question multiple = Course1.ofType(l, Question.Type.MULTIPLE);
        Question truefalse = Course1.ofType(l, Question.Type.TRUEFALSE);
        Question numeric = Course1.ofType(l, Question.Type.NUMERIC);
        return Stream.of(
                Arguments.of(single, "", "choice: pick an option"),
                Arguments.of(multiple, "", "choice: pick at least one option"),
                Arguments.of(single, WebClient.form("choice", "0", "choice", "1"), "choice: pick exactly one option"),
                Arguments.of(single, WebClient.form("choice", "99"), "choice: must be an option number from 0 to"),
                Arguments.of(multiple, WebClient.form("choice", "two"), "choice: must be an option number"),
                Arguments.of(truefalse, "", "answer: choose true or false"),
                Arguments.of(truefalse, WebClient.form("answer", "maybe"), "answer: choose true or false"),
                Arguments.of(numeric, "", "answer: type a number"),
                Arguments.of(numeric, WebClient.form("answer", "four"), "answer: must be a number"),
                Arguments.of(numeric, WebClient.form("answer", "1e400"), "answer:"));
    }

    @ParameterizedTest
    @MethodSource("badAnswers")
    void aBadAnswerIsRefusedNamingTheFieldAndNothingIsStored(Question q, String form, String message) {
        WebClient web = learner();

        HttpResponse<String> plain = web.postForm(answerPath(q), form);
        assertEquals(400, plain.statusCode(), plain.body());
        assertTrue(plain.body().startsWith("<!DOCTYPE html>"), "without JavaScript the lesson page comes back");
        String section = Html.questionSection(plain.body(), q.id());
        String error = Html.classText(section, "field-error");
        assertNotNull(error, "the error stands by its question");
        assertTrue(error.startsWith(message), error);
        assertFalse(Html.leaksInternals(plain.body()));

        HttpResponse<String> htmx = web.postForm(answerPath(q), form, "HX-Request", "true");
        assertEquals(400, htmx.statusCode());
        assertTrue(htmx.body().strip().startsWith("<section"), htmx.body());
        assertFalse(htmx.body().contains("<html"));
        assertTrue(Html.classText(htmx.body(), "field-error").startsWith(message), htmx.body());

        assertNull(storedProgress(web).answer(lesson.quiz().id(), q.id()), "nothing stored");
        assertTrue(storedProgress(web).answers().isEmpty(), "nothing stored");
        String row = Html.progressRow(web.get("/progress").body(), lesson.slug());
        assertTrue(row.endsWith("—"), row);
    }

    @Test
    void theResumeCodeCarriesProgressToAnotherClient() {
        WebClient a = learner();
        Question q = lesson.quiz().questions().get(0);
        a.postForm(answerPath(q), Course1.rightForm(q));
        String aProgress = a.get("/progress").body();
        String code = Html.resumeCode(aProgress);
        assertTrue(code.matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}"), code);

        WebClient b = WebClient.browser(server);
        assertNull(b.learnerCookie());
        assertTrue(Html.text(b.get("/progress").body()).contains("You have not started yet"));
        HttpResponse<String> resumed = b.postForm("/progress/resume", WebClient.form("code", code));
        assertEquals(303, resumed.statusCode(), resumed.body());
        assertTrue(resumed.headers().firstValue("Location").orElse("").startsWith("/progress"));
        String cookie = WebClient.setCookieHeader(resumed).orElseThrow(() -> new AssertionError("no cookie on resume"));
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("httponly"), cookie);
        assertNotEquals(a.learnerCookie(), b.learnerCookie(), "the second browser gets a session of its own");

        String bProgress = b.get(resumed.headers().firstValue("Location").get()).body();
        assertEquals(code, Html.resumeCode(bProgress));
        assertEquals(Html.progressRow(aProgress, lesson.slug()), Html.progressRow(bProgress, lesson.slug()));
        assertTrue(Html.progressRow(bProgress, lesson.slug()).contains("(1 answered; Practice)"));
        assertTrue(Html.text(bProgress).contains("Welcome back"));

        Question next = lesson.quiz().questions().get(1);
        b.postForm(answerPath(next), Course1.rightForm(next));
        assertTrue(Html.progressRow(a.get("/progress").body(), lesson.slug()).contains("(2 answered; Practice)"),
                "both browsers now add to the same progress");
    }

    @Test
    void theResumeCodeIgnoresCaseSpacesAndDashes() {
        WebClient a = learner();
        String code = Html.resumeCode(a.get("/progress").body());
        String typed = "  " + code.toLowerCase(Locale.ROOT).replace("-", " ") + " ";
        WebClient b = WebClient.browser(server);
        assertEquals(303, b.postForm("/progress/resume", WebClient.form("code", typed)).statusCode());
        assertEquals(code, Html.resumeCode(b.get("/progress").body()));
    }

    @Test
    void aWrongResumeCodeIsRefusedWithAClearMessage() {
        WebClient b = WebClient.browser(server);
        HttpResponse<String> r = b.postForm("/progress/resume", WebClient.form("code", "ZZZZ-ZZZZ-ZZZ2"));
        assertEquals(400, r.statusCode());
        assertTrue(WebClient.setCookieHeader(r).isEmpty(), "no learner is made or signed in");
        String error = Html.classText(r.body(), "field-error");
        assertNotNull(error, r.body());
        assertTrue(error.startsWith("code: no learner has the resume code ZZZZ-ZZZZ-ZZZ2"), error);
        assertTrue(r.body().contains("value=\"ZZZZ-ZZZZ-ZZZ2\""), "what was typed stays in the box");
        assertTrue(r.body().contains("aria-invalid=\"true\""), "the field is marked invalid");

        HttpResponse<String> empty = b.postForm("/progress/resume", WebClient.form("code", "   "));
        assertEquals(400, empty.statusCode());
        assertTrue(Html.classText(empty.body(), "field-error").startsWith("code: type the resume code"), empty.body());

        HttpResponse<String> none = b.postForm("/progress/resume", "");
        assertEquals(400, none.statusCode());
        assertFalse(Html.leaksInternals(none.body()));
    }

    @Test
    void progressSurvivesAServerRestartOnTheSameDatabase() {
        WebClient web = learner();
        Question q = lesson.quiz().questions().get(0);
        web.postForm(answerPath(q), Course1.rightForm(q));
        String before = web.get("/progress").body();

        server.restart();

        String after = web.get("/progress").body();
        assertEquals(Html.resumeCode(before), Html.resumeCode(after));
        assertEquals(Html.progressRow(before, lesson.slug()), Html.progressRow(after, lesson.slug()));
        assertEquals("Correct", Html.classText(Html.questionSection(web.get(lessonPath()).body(), q.id()), "result__verdict"));
    }

    /** The option values (canonical indexes) of a choice question, in the order the page lists them. */
    static java.util.List<String> optionOrder(String page, Question q) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"choice\"[^>]*value=\"(\\d+)\"")
                .matcher(Html.questionSection(page, q.id()));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void optionsComeInAnOrderOfTheLearnersOwnTheSameOnEveryReload() {
        Question q = lesson.quiz().questions().stream().filter(x -> x.type() == Question.Type.SINGLE && x.options().size() > 2)
                .findFirst().orElseThrow();
        java.util.Set<java.util.List<String>> orders = new java.util.HashSet<>();
        for (int n = 0; n < 6; n++) {
            WebClient web = learner();
            java.util.List<String> order = optionOrder(web.get(lessonPath()).body(), q);
            assertEquals(q.options().size(), order.size(), order.toString());
            assertEquals(order, optionOrder(web.get(lessonPath()).body(), q), "the same order on reload");
            orders.add(order);
        }
        assertTrue(orders.size() > 1, "six learners do not all see one order: " + orders);
    }

    @Test
    void theExplanationStaysOffThePageUntilTheLearnerIsRight() {
        Question q = lesson.quiz().questions().stream().filter(x -> x.type() == Question.Type.SINGLE && x.explanation() != null)
                .findFirst().orElseThrow();
        WebClient web = learner();
        assertEquals(303, web.postForm(answerPath(q), Course1.wrongForm(q)).statusCode());
        String wrong = Html.questionSection(web.get(lessonPath()).body(), q.id());
        assertFalse(wrong.contains("result__explanation"), "a wrong practice answer does not show the explanation: " + wrong);
        assertFalse(wrong.contains("is-right"), "nor which option is right");
        assertTrue(wrong.contains("Practice"), "the question says it is practice");
        assertEquals("Not quite — try again", Html.classText(wrong, "result__verdict"));
        assertEquals(303, web.postForm(answerPath(q), Course1.rightForm(q)).statusCode());
        String right = Html.questionSection(web.get(lessonPath()).body(), q.id());
        assertTrue(right.contains("result__explanation"), "right: the explanation shows");
        assertTrue(right.contains("Practice · counts 100%"), right);
    }
}
