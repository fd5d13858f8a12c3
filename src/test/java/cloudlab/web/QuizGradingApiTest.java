package cloudlab.web;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.quiz.Gradebook;
import cloudlab.sim.document.LayoutWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/quizzes/{id}/grade}: every question type graded by the same scoring as the
 * lesson pages, a challenge question graded by the core, and every bad body refused with a 400
 * (an unknown quiz with a 404) that names what is wrong, never a 500, no cookie, nothing stored.
 */
class QuizGradingApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final double EPS = 1e-9;

    @TempDir
    static Path folder;
    static TestServer server;
    static Course course;
    static Lesson types;
    static Lesson centers;
    static Lesson capstone;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
        course = Course1.course();
        types = course.lesson("hypervisor-types");
        centers = course.lesson("data-centers");
        capstone = course.lesson("putting-it-together");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @AfterEach
    void nothingWasStored() {
        assertEquals(List.of(), server.services().progress().allAttempts(), "the grading API stores no attempt");
        assertEquals(List.of(), server.services().progress().allChecks(), "nor a challenge check");
        assertEquals(List.of(), Gradebook.rows(course, server.services().progress()), "the gradebook stays empty");
    }

    static String gradePath(Lesson l) {
        return "/api/v1/quizzes/" + l.quiz().id() + "/grade";
    }

    /** Posts without a cookie; checks the answer is JSON, sets no cookie and is never a 500. */
    static HttpResponse<String> grade(WebClient web, String path, String body) {
        HttpResponse<String> r = web.postJson(path, body);
        assertTrue(r.statusCode() < 500, r.statusCode() + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().map().toString());
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), "the API sets no cookie: " + r.headers().allValues("Set-Cookie"));
        return r;
    }

    static HttpResponse<String> grade(Lesson l, String body) {
        return grade(WebClient.cookieless(server), gradePath(l), body);
    }

    static JsonNode ok(Lesson l, JsonNode body) {
        HttpResponse<String> r = grade(l, body.toString());
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body());
    }

    static String refused(Lesson l, String body) {
        HttpResponse<String> r = grade(l, body);
        assertEquals(400, r.statusCode(), r.body());
        JsonNode e = parse(r.body());
        assertEquals(1, e.size(), "only an error: " + r.body());
        assertTrue(e.get("error").isTextual(), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        return e.get("error").textValue();
    }

    static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(s, e);
        }
    }

    /** The answer object that answers the question (or the given variant of it) right. */
    static ObjectNode rightAnswer(Question q) {
        ObjectNode a = JSON.createObjectNode();
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                ArrayNode c = a.putArray("choices");
                Course1.rightChoices(q).forEach(c::add);
            }
            case MATCHING -> {
                ArrayNode m = a.putArray("matches");
                for (Question.Pair p : q.pairs()) m.add(q.rights().indexOf(p.right()));
            }
            case ORDERING -> {
                ArrayNode p = a.putArray("positions");
                for (int i = 1; i <= q.items().size(); i++) p.add(i);
            }
            default -> {
                if (q.answersTruth()) a.put("truth", q.truth());
                else a.put("number", q.number());
            }
        }
        return a;
    }

    static ObjectNode entry(Question q, JsonNode answer) {
        ObjectNode e = JSON.createObjectNode();
        e.put("question", q.id());
        e.set("answer", answer);
        return e;
    }

    static ObjectNode body(ObjectNode... entries) {
        ObjectNode b = JSON.createObjectNode();
        ArrayNode list = b.putArray("answers");
        for (ObjectNode e : entries) list.add(e);
        return b;
    }

    static JsonNode result(JsonNode graded, String questionId) {
        for (JsonNode r : graded.get("results")) if (r.get("question").textValue().equals(questionId)) return r;
        throw new AssertionError("no result for " + questionId + " in " + graded);
    }

    static final String SEED = "00000000000000a7";

    @Test
    void rightAnswersToEveryQuestionOfLessonThreeScoreFullMarks() {
        List<Question> qs = types.quiz().questions();
        ObjectNode[] entries = new ObjectNode[qs.size()];
        for (int i = 0; i < qs.size(); i++) {
            Question q = qs.get(i);
            entries[i] = entry(q, rightAnswer(q.variant(SEED)));
            if (q.hasVariants()) entries[i].put("seed", SEED);
        }
        JsonNode g = ok(types, body(entries));
        assertEquals(types.quiz().id(), g.get("quiz").textValue());
        assertEquals(qs.size(), g.get("score").doubleValue(), EPS);
        assertEquals(qs.size(), g.get("max").doubleValue(), EPS);
        assertEquals(qs.size(), g.get("results").size());
        for (Question q : qs) {
            JsonNode r = result(g, q.id());
            assertEquals(1.0, r.get("score").doubleValue(), EPS, q.id());
            assertEquals(1.0, r.get("max").doubleValue(), EPS, q.id());
            assertTrue(r.get("correct").booleanValue(), q.id());
            assertEquals(q.version(), r.get("version").textValue(), q.id());
        }
        assertEquals(SEED, result(g, "q-predict-fit").get("seed").textValue());
        assertTrue(result(g, "q-which-type").get("feedback").get(0).textValue().startsWith("Right"), "the chosen option's feedback");
    }

    @Test
    void partialAnswersScoreTheirShare() {
        Question multi = types.quiz().question("q-type1-examples");
        Question match = Course1.ofType(types, Question.Type.MATCHING);
        List<Integer> right = Course1.rightChoices(multi);
        ObjectNode multiAnswer = JSON.createObjectNode();
        multiAnswer.putArray("choices").add(right.get(0)).add(Course1.wrongChoice(multi));
        ObjectNode matchAnswer = rightAnswer(match);
        ArrayNode m = (ArrayNode) matchAnswer.get("matches");
        m.set(0, m.get(0).intValue() == 0 ? 1 : 0);

        JsonNode g = ok(types, body(entry(multi, multiAnswer), entry(match, matchAnswer)));
        assertEquals(0.0, result(g, multi.id()).get("score").doubleValue(), EPS, "one right and one wrong of k = 3 cancel out");
        double share = (match.pairs().size() - 1.0) / match.pairs().size();
        assertEquals(share, result(g, match.id()).get("score").doubleValue(), EPS);
        assertFalse(result(g, match.id()).get("correct").booleanValue());
        assertEquals(share, g.get("score").doubleValue(), EPS, "the total adds the results");
        assertEquals(types.quiz().questions().size(), g.get("max").doubleValue(), EPS, "the most is the whole quiz");
    }

    @Test
    void anOrderingIsGradedByItsPositions() {
        Question q = Course1.ofType(centers, Question.Type.ORDERING);
        JsonNode right = ok(centers, body(entry(q, rightAnswer(q))));
        assertEquals(1.0, result(right, q.id()).get("score").doubleValue(), EPS);
        ObjectNode swapped = JSON.createObjectNode();
        ArrayNode p = swapped.putArray("positions");
        p.add(2).add(1);
        for (int i = 3; i <= q.items().size(); i++) p.add(i);
        JsonNode g = ok(centers, body(entry(q, swapped)));
        assertEquals((q.items().size() - 2.0) / q.items().size(), result(g, q.id()).get("score").doubleValue(), EPS);
    }

    @Test
    void aVariantIsGradedUnderTheSeedTheLearnerAndAttemptDerive() {
        Question fit = types.quiz().question("q-predict-fit");
        String seed = Question.Seeds.of("L-someone", types.quiz().id(), fit.id(), 2);
        ObjectNode e = entry(fit, rightAnswer(fit.variant(seed)));
        e.put("attempt", 2);
        ObjectNode b = body(e);
        b.put("learner", "L-someone");
        JsonNode g = ok(types, b);
        assertEquals(seed, result(g, fit.id()).get("seed").textValue());
        assertEquals(1.0, result(g, fit.id()).get("score").doubleValue(), EPS);

        ObjectNode withSeed = entry(fit, rightAnswer(fit.variant(seed)));
        withSeed.put("attempt", 2);
        withSeed.put("seed", seed);
        ObjectNode b2 = body(withSeed);
        b2.put("learner", "L-someone");
        assertEquals(1.0, result(ok(types, b2), fit.id()).get("score").doubleValue(), EPS, "the matching seed may be given too");
    }

    @Test
    void eachVariantIsGradedAgainstItsOwnAnswer() {
        Question fit = types.quiz().question("q-predict-fit");
        for (int attempt = 1; attempt <= 40; attempt++) {
            String seed = Question.Seeds.of("L-x", "q", "q", attempt);
            Question v = fit.variant(seed);
            for (Question other : fit.variants()) {
                ObjectNode e = entry(fit, rightAnswer(other));
                e.put("seed", seed);
                boolean same = other.number().compareTo(v.number()) == 0;
                assertEquals(same ? 1.0 : 0.0, result(ok(types, body(e)), fit.id()).get("score").doubleValue(), EPS,
                        seed + " is " + v.variantLabel() + ", answered for " + other.variantLabel());
            }
        }
    }

    @Test
    void hintsAreNeverTakenFromTheCallerButFromWhatTheLabRecorded() {
        Question fit = types.quiz().question("q-predict-fit");
        ObjectNode listed = entry(fit, rightAnswer(fit.variant(SEED)));
        listed.put("seed", SEED);
        listed.putArray("hints");
        assertTrue(refused(types, body(listed).toString()).startsWith("answers[0].hints: not accepted"), "a hint list is refused, even empty");

        ObjectNode anonymous = entry(fit, rightAnswer(fit.variant(SEED)));
        anonymous.put("seed", SEED);
        assertEquals(1.0, result(ok(types, body(anonymous)), fit.id()).get("score").doubleValue(), EPS, "no learner: no hints");

        String learner = server.services().progress().newLearner().learner().id();
        server.services().progress().hintShown(learner, types.quiz().id(), fit.id(), 0);
        String seed = Question.Seeds.of(learner, types.quiz().id(), fit.id(), 1);
        ObjectNode theirs = entry(fit, rightAnswer(fit.variant(seed)));
        theirs.put("attempt", 1);
        ObjectNode b = body(theirs);
        b.put("learner", learner);
        JsonNode r = result(ok(types, b), fit.id());
        assertEquals(0.75, r.get("score").doubleValue(), EPS, "the hint the lab recorded for the learner costs its share");
        assertTrue(r.get("correct").booleanValue());
        assertEquals(List.of(), server.services().progress().allAttempts(), "nothing stored");
    }

    @Test
    void aChallengeQuestionIsGradedByTheCoreFromItsLayout() {
        Question q = Course1.ofType(capstone, Question.Type.CHALLENGE);
        LessonChallenge c = course.challenge(q.challenge());
        assertNotNull(c.solution());

        ObjectNode solved = JSON.createObjectNode();
        solved.set("layout", LayoutWriter.toTree(c.solution()));
        JsonNode r = result(ok(capstone, body(entry(q, solved))), q.id());
        assertEquals(1.0, r.get("score").doubleValue(), EPS);
        assertTrue(r.get("correct").booleanValue());
        assertEquals(c.challenge().goals().size(), r.get("checks").size());

        ObjectNode start = JSON.createObjectNode();
        start.set("layout", LayoutWriter.toTree(c.start()));
        JsonNode s = result(ok(capstone, body(entry(q, start))), q.id());
        assertTrue(s.get("score").doubleValue() < 1.0, s.toString());
        assertFalse(s.get("correct").booleanValue());

        ObjectNode broken = JSON.createObjectNode();
        broken.putObject("layout").put("regions", "none");
        JsonNode b = result(ok(capstone, body(entry(q, broken))), q.id());
        assertEquals(0.0, b.get("score").doubleValue(), EPS, "an invalid layout passes nothing: " + b);
        assertFalse(b.get("correct").booleanValue());
    }

    @Test
    void aLearnersCookieIsNeitherReadNorSetNorCredited() {
        WebClient web = WebClient.learner(server);
        assertEquals(200, web.get("/lessons/" + types.slug()).statusCode());
        String cookie = web.learnerCookie();
        assertNotNull(cookie);
        Question q = types.quiz().question("q-which-type");
        HttpResponse<String> r = grade(web, gradePath(types), body(entry(q, rightAnswer(q))).toString());
        assertEquals(200, r.statusCode());
        assertEquals(cookie, web.learnerCookie());
        String id = server.services().progress().bySessionToken(cookie).orElseThrow().id();
        assertEquals(null, server.services().progress().of(id).answer(types.quiz().id(), q.id()));
    }

    static Stream<Arguments> badBodies() {
        Question single = types().quiz().question("q-which-type");
        Question num = types().quiz().question("q-fit-type2");
        Question match = types().quiz().question("q-match-products");
        Question fit = types().quiz().question("q-predict-fit");
        String s = "\"question\": \"" + single.id() + "\"";
        String n = "\"question\": \"" + num.id() + "\"";
        String m = "\"question\": \"" + match.id() + "\"";
        String f = "\"question\": \"" + fit.id() + "\"";
        String otherSeed = Question.Seeds.of("L-a", "hypervisor-types-quiz", fit.id(), 2);
        return Stream.of(
                Arguments.of("not JSON", "{answers: [}", "the body is not valid JSON"),
                Arguments.of("a list, not an object", "[]", "the body must be a JSON object"),
                Arguments.of("empty", "  ", "the body is empty"),
                Arguments.of("an unknown field", "{\"answers\": [], \"score\": 1}", "score: unknown field"),
                Arguments.of("no answers", "{}", "missing required field answers"),
                Arguments.of("answers not a list", "{\"answers\": {}}", "answers: must be a list"),
                Arguments.of("an answer not an object", "{\"answers\": [3]}", "answers[0]: must be an answer"),
                Arguments.of("an unknown field in an answer", "{\"answers\": [{" + s + ", \"answer\": {\"choices\": [0]}, \"why\": 1}]}",
                        "answers[0].why: unknown field why"),
                Arguments.of("an answer without its question", "{\"answers\": [{\"answer\": {\"choices\": [0]}}]}",
                        "answers[0]: missing required field question"),
                Arguments.of("an unknown question", "{\"answers\": [{\"question\": \"q-nope\", \"answer\": {\"choices\": [0]}}]}",
                        "answers[0].question: the quiz hypervisor-types-quiz has no question q-nope"),
                Arguments.of("a question answered twice", "{\"answers\": [{" + s + ", \"answer\": {\"choices\": [0]}}, {" + s
                        + ", \"answer\": {\"choices\": [1]}}]}", "answers[1].question: " + single.id() + " is answered twice"),
                Arguments.of("an answer of another type's shape", "{\"answers\": [{" + n + ", \"answer\": {\"truth\": true}}]}",
                        "answers[0].answer: number: give a number"),
                Arguments.of("two choices for a single choice", "{\"answers\": [{" + s + ", \"answer\": {\"choices\": [0, 1]}}]}",
                        "answers[0].answer: choices: pick exactly one option"),
                Arguments.of("an option that does not exist", "{\"answers\": [{" + s + ", \"answer\": {\"choices\": [7]}}]}",
                        "answers[0].answer: choices: 7 is not an option number"),
                Arguments.of("choices that are not numbers", "{\"answers\": [{" + s + ", \"answer\": {\"choices\": \"all\"}}]}",
                        "answers[0].answer: must be an answer object"),
                Arguments.of("a hole in the choices", "{\"answers\": [{" + s + ", \"answer\": {\"choices\": [null]}}]}",
                        "answers[0].answer: choices:"),
                Arguments.of("a hole in the matches", "{\"answers\": [{" + m + ", \"answer\": {\"matches\": [0, null, 0, 1, 0]}}]}",
                        "answers[0].answer: matches:"),
                Arguments.of("too few matches", "{\"answers\": [{" + m + ", \"answer\": {\"matches\": [0, 1]}}]}",
                        "answers[0].answer: matches: give one match for each of the 5 items"),
                Arguments.of("an unknown field in the answer", "{\"answers\": [{" + s + ", \"answer\": {\"choice\": [0]}}]}",
                        "answers[0].answer: must be an answer object"),
                Arguments.of("an answer that is text", "{\"answers\": [{" + s + ", \"answer\": \"0\"}]}",
                        "answers[0].answer: must be an answer object"),
                Arguments.of("an answer that is null", "{\"answers\": [{" + s + ", \"answer\": null}]}", "answers[0].answer: must not be null"),
                Arguments.of("a number that is not one", "{\"answers\": [{" + n + ", \"answer\": {\"number\": \"five\"}}]}",
                        "answers[0].answer: must be an answer object"),
                Arguments.of("a variant question without its seed", "{\"answers\": [{" + f + ", \"answer\": {\"number\": 1}}]}",
                        "answers[0]: question q-predict-fit has variants: give the seed"),
                Arguments.of("a malformed seed", "{\"answers\": [{" + f + ", \"answer\": {\"number\": 1}, \"seed\": \"ABCDEF\"}]}",
                        "answers[0].seed: must be 16 hex digits"),
                Arguments.of("a seed that is not text", "{\"answers\": [{" + f + ", \"answer\": {\"number\": 1}, \"seed\": 12}]}",
                        "answers[0].seed: must be text"),
                Arguments.of("a seed that is not the learner's for that attempt", "{\"learner\": \"L-b\", \"answers\": [{" + f
                        + ", \"answer\": {\"number\": 1}, \"attempt\": 2, \"seed\": \"" + otherSeed + "\"}]}",
                        "answers[0].seed: does not match the learner, question and attempt"),
                Arguments.of("an attempt of 0", "{\"learner\": \"L-b\", \"answers\": [{" + f + ", \"answer\": {\"number\": 1}, \"attempt\": 0}]}",
                        "answers[0].attempt: must be a whole number from 1"),
                Arguments.of("a learner that is not text", "{\"learner\": 5, \"answers\": []}", "learner: must be text"),
                Arguments.of("hints listed by the caller", "{\"answers\": [{" + f + ", \"answer\": {\"number\": 1}, \"seed\": \""
                        + SEED + "\", \"hints\": [1]}]}", "answers[0].hints: not accepted: the hints that count are the ones the lab recorded"));
    }

    static Lesson types() {
        return Course1.course().lesson("hypervisor-types");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadBodyIsRefusedNamingWhatIsWrong(String what, String body, String expected) {
        String m = refused(types, body);
        assertTrue(m.startsWith(expected), "expected «" + expected + "…», got: " + m);
    }

    @Test
    void aChallengeAnswerWithoutALayoutIsRefused() {
        Question q = Course1.ofType(capstone, Question.Type.CHALLENGE);
        assertTrue(refused(capstone, "{\"answers\": [{\"question\": \"" + q.id() + "\", \"answer\": {\"layouts\": {}}}]}")
                .startsWith("answers[0].answer: missing required field layout"));
        assertTrue(refused(capstone, "{\"answers\": [{\"question\": \"" + q.id() + "\", \"answer\": [1]}]}")
                .startsWith("answers[0].answer: must be"));
    }

    @Test
    void anUnknownQuizIsNotFound() {
        HttpResponse<String> r = grade(WebClient.cookieless(server), "/api/v1/quizzes/no-such-quiz/grade", "{\"answers\": []}");
        assertEquals(404, r.statusCode());
        assertEquals("no lesson has a quiz with the id no-such-quiz", parse(r.body()).get("error").textValue());
        HttpResponse<String> odd = grade(WebClient.cookieless(server), "/api/v1/quizzes/%3Cscript%3E/grade", "{\"answers\": []}");
        assertEquals(404, odd.statusCode());
        assertFalse(odd.body().contains("<script>"), odd.body());
    }

    @Test
    void aBodyThatIsNotSentAsJsonIsRefused() {
        HttpResponse<String> r = WebClient.cookieless(server).postForm(gradePath(types), "answers=1");
        assertEquals(415, r.statusCode());
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty());
    }
}
