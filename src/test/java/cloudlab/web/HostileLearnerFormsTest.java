package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cloudlab.web.HostileInputTest.assertExplained;
import static cloudlab.web.HostileInputTest.assertNoRawMarkup;
import static cloudlab.web.HostileInputTest.garbage;
import static cloudlab.web.HostileInputTest.learnerId;
import static cloudlab.web.HostileInputTest.segment;
import static cloudlab.web.HostileInputTest.shortBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learner's other forms fuzzed: answering a quiz question and asking for a hint, typing a
 * resume code, joining a workshop. Never a 5xx; a refusal says why and leaves the learner's
 * progress, identity and workshop exactly as they were; nothing typed comes back unescaped.
 */
class HostileLearnerFormsTest {
    static final List<String> QUIZ_VALUES = List.of("0", "1", "2", "3", "4", "-1", "true", "false", "16", "4.5", "1,5", "1e3", "1e-99999999",
            "1e-999999999", "1e999999999", "0.0000000000000000000000000001", "1" + "0".repeat(5000), "0." + "0".repeat(20_000) + "1");

    static Path folder;
    static TestServer server;
    static WebClient answerer;
    static String instructorCookie;
    static String workshopCode;
    static String workshopId;

    @BeforeContainer
    static void start() {
        folder = HostileInputTest.tempFolder("hostile-learner");
        server = TestServer.startIn(folder);
        answerer = HostileInputTest.learner(server);
        instructorCookie = HostileInputTest.instructor(server, "ida", "ida-has-a-long-password");
        workshopId = HostileInputTest.workshop(server, instructorCookie, "Fuzzed room", HostileInputTest.TWO_ZONES, 3);
        workshopCode = HostileInputTest.joinCode(server, "ida", workshopId);
    }

    @AfterContainer
    static void stop() {
        if (server != null) server.close();
        HostileInputTest.delete(folder);
    }

    /** The learner's progress as the lab holds it and as the progress page shows it. */
    static String progressOf(WebClient learner) {
        String id = learnerId(server, learner);
        HttpResponse<String> page = learner.get("/progress");
        assertEquals(200, page.statusCode());
        StringBuilder rows = new StringBuilder();
        Matcher m = Pattern.compile("(?s)<tr[^>]*data-lesson=[^>]*>.*?</tr>").matcher(page.body());
        while (m.find()) rows.append(Html.text(m.group())).append('\n');
        StringBuilder hints = new StringBuilder();
        for (Lesson l : Course1.course().lessons()) {
            if (l.quiz() == null) continue;
            for (Question q : l.quiz().questions()) {
                hints.append(server.services().progress().hintsShown(id, l.quiz().id(), q.id()));
            }
        }
        return server.services().progress().of(id) + "\n" + rows + "\n" + hints;
    }

    // ---- quiz answers and hints --------------------------------------------------------------------

    @Provide
    Arbitrary<String> questions() {
        List<String> all = new ArrayList<>();
        for (Lesson l : Course1.course().lessons()) {
            if (l.quiz() == null) continue;
            for (Question q : l.quiz().questions()) all.add(l.slug() + "/quiz/" + q.id());
        }
        String first = Course1.first().slug();
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(all)),
                Tuple.of(1, pathGarbage().map(g -> first + "/quiz/" + g)), Tuple.of(1, pathGarbage().map(g -> g + "/quiz/q1")));
    }

    /** A hostile path segment the lab itself sees (no NUL, not over-long: those the container refuses first). */
    static Arbitrary<String> pathGarbage() {
        return garbage().map(g -> g.replace("\u0000", "")).filter(g -> !g.isEmpty() && g.length() <= 500).map(HostileInputTest::segment);
    }

    @Provide
    Arbitrary<List<String>> answerForms() {
        Arbitrary<String> key = Arbitraries.of("choice", "choice", "answer", "answer", "match-0", "match-1", "match-2", "position-0",
                "position-1", "position-2", "seed", "hint", "x");
        Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(QUIZ_VALUES)), Tuple.of(2, garbage()));
        return Combinators.combine(key, value).as((k, v) -> List.of(k, v)).list().ofMaxSize(6)
                .map(l -> l.stream().flatMap(List::stream).toList());
    }

    /** A question's address and a form for it: a right or wrong answer (with hostile extras now and then), or random fields. */
    @Provide
    Arbitrary<List<String>> answers() {
        List<Question> all = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (Lesson l : Course1.course().lessons()) {
            if (l.quiz() == null) continue;
            for (Question q : l.quiz().questions()) {
                if (q.type() == Question.Type.CHALLENGE) continue;
                all.add(q);
                paths.add(l.slug() + "/quiz/" + q.id());
            }
        }
        Arbitrary<Integer> which = Arbitraries.integers().between(0, all.size() - 1);
        Arbitrary<List<String>> shaped = Combinators.combine(which, Arbitraries.of(true, false), answerForms().map(l -> WebClient.form(l.toArray(String[]::new))),
                Arbitraries.of(true, false, false)).as((i, right, extra, withExtra) -> {
                    Question q = all.get(i);
                    String form = right ? Course1.rightForm(q) : Course1.wrongForm(q);
                    return List.of(paths.get(i), withExtra && !extra.isEmpty() ? form + "&" + extra : form);
                });
        Arbitrary<List<String>> random = Combinators.combine(questions(), answerForms())
                .as((path, form) -> List.of(path, WebClient.form(form.toArray(String[]::new))));
        return Arbitraries.frequencyOf(Tuple.of(1, shaped), Tuple.of(1, random));
    }

    @Property(tries = 120)
    void anyQuizAnswerIsScoredOrRefusedWithAMessageAndARefusalChangesNoProgress(@ForAll("answers") List<String> answer,
                                                                              @ForAll boolean hint, @ForAll boolean htmx) {
        String before = progressOf(answerer);
        String path = "/lessons/" + answer.get(0) + (hint ? "/hint" : "");
        String what = HostileInputTest.cut("POST " + path + " " + answer.get(1));
        long t = System.nanoTime();
        String form = hint ? "hint=0&" + answer.get(1) : answer.get(1);
        HttpResponse<String> r = htmx ? answerer.postForm(path, form, "HX-Request", "true") : answerer.postForm(path, form);
        Statistics.label("answer").collect((hint ? "hint " : "answer ") + r.statusCode());
        assertTrue((System.nanoTime() - t) / 1_000_000 < 5_000, what + " took " + (System.nanoTime() - t) / 1_000_000 + " ms");
        assertExplained(r, what);
        assertNoRawMarkup(r.body(), what);
        if (r.statusCode() >= 400) assertEquals(before, progressOf(answerer), what + " was refused but changed the progress");
        else assertTrue(r.statusCode() == 303 || r.statusCode() == 200, what + ": " + r.statusCode());
    }

    @Example
    void aNumberWithAHugeExponentOrThousandsOfDigitsIsRefusedQuicklyAndStoresNothing() {
        WebClient learner = HostileInputTest.learner(server);
        Lesson lesson = Course1.course().lessons().stream().filter(l -> l.quiz() != null
                && l.quiz().questions().stream().anyMatch(q -> q.type() == Question.Type.NUMERIC && !q.hasVariants())).findFirst().orElseThrow();
        Question q = lesson.quiz().questions().stream().filter(x -> x.type() == Question.Type.NUMERIC && !x.hasVariants()).findFirst().orElseThrow();
        for (String n : List.of("1e-99999999", "-1e-999999999", "1" + "0".repeat(200_000), "0." + "0".repeat(200_000) + "1")) {
            String before = progressOf(learner);
            long t = System.nanoTime();
            HttpResponse<String> r = learner.postForm("/lessons/" + lesson.slug() + "/quiz/" + q.id(), WebClient.form("answer", n));
            long ms = (System.nanoTime() - t) / 1_000_000;
            String what = "answer " + (n.length() > 30 ? n.substring(0, 30) + "… (" + n.length() + " characters)" : n);
            assertTrue(ms < 3_000, what + " took " + ms + " ms");
            assertExplained(r, what);
            assertEquals(400, r.statusCode(), what + ": " + shortBody(r));
            assertEquals(before, progressOf(learner), what + " stored something");
        }
    }

    // ---- resume codes ------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> codes() {
        Arbitrary<String> shaped = Arbitraries.strings().withChars("ABCDEFGHJKMNPQRSTUVWXYZ23456789").ofLength(12)
                .map(s -> s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8));
        return Arbitraries.frequencyOf(Tuple.of(1, shaped), Tuple.of(3, garbage()));
    }

    @Property(tries = 45)
    void aWrongResumeCodeIsRefusedWithAMessageAndTheBrowserStaysWhoItWas(@ForAll("codes") String code) {
        WebClient learner = answerer;
        String cookie = learner.learnerCookie();
        String before = progressOf(learner);
        HttpResponse<String> r = learner.postForm("/progress/resume", WebClient.form("code", code));
        Statistics.label("answer").collect(r.statusCode());
        String what = HostileInputTest.cut("resume code " + code);
        assertExplained(r, what);
        assertNoRawMarkup(r.body(), what);
        assertTrue(r.statusCode() == 400 || r.statusCode() == 429, what + ": " + r.statusCode());
        assertFalse(WebClient.setCookieHeader(r).isPresent(), what + ": a refused code sets no learner cookie");
        assertEquals(cookie, learner.learnerCookie());
        assertEquals(before, progressOf(learner));
    }

    // ---- joining a workshop -----------------------------------------------------------------------

    @Provide
    Arbitrary<String> joinCodes() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("real")), Tuple.of(1, Arbitraries.just("real-lower")), Tuple.of(3, garbage()));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of("Ada", "Bo Li", "Zoë", "李雷", "O'Brien", "a")), Tuple.of(4, garbage()));
    }

    @Property(tries = 80)
    void aJoinIsAcceptedOrRefusedWithAMessageAndARefusalJoinsNothing(@ForAll("joinCodes") String code, @ForAll("names") String name,
                                                                     @ForAll boolean hasCookie) {
        String sent = code.equals("real") ? workshopCode : code.equals("real-lower") ? " " + workshopCode.toLowerCase() + " " : code;
        WebClient learner = hasCookie ? HostileInputTest.learner(server) : WebClient.browser(server);
        int sandboxes = hasCookie ? server.services().sandboxes().of(learnerId(server, learner)).size() : 0;
        String what = HostileInputTest.cut("join code=" + sent + " name=" + name);
        HttpResponse<String> r = learner.postForm("/join", WebClient.form("code", sent, "name", name));
        Statistics.label("answer").collect(r.statusCode());
        assertExplained(r, what);
        assertNoRawMarkup(r.body(), what);
        if (r.statusCode() >= 400) {
            if (hasCookie) {
                String id = learnerId(server, learner);
                assertTrue(server.services().workshops().current(id).isEmpty(), what + " was refused but joined");
                assertEquals(sandboxes, server.services().sandboxes().of(id).size(), what + " was refused but made a sandbox");
            } else {
                assertFalse(WebClient.setCookieHeader(r).isPresent(), what + " was refused but made a learner");
            }
        } else {
            assertEquals(303, r.statusCode(), what);
            HttpResponse<String> home = learner.get("/workshop");
            assertEquals(200, home.statusCode());
            assertNoRawMarkup(home.body(), "the workshop page after " + what);
            HttpResponse<String> room = WebClient.cookieless(server).get("/instructor/workshops/" + workshopId, "Cookie", instructorCookie);
            assertEquals(200, room.statusCode());
            assertNoRawMarkup(room.body(), "the room after " + what);
        }
    }

    @Example
    void theJoinFormTakesAnyCodeInItsAddressAndShowsItEscaped() {
        for (String code : HostileInputTest.MARKUP) {
            HttpResponse<String> r = WebClient.browser(server).get("/join/" + segment(code));
            assertEquals(200, r.statusCode());
            assertNoRawMarkup(r.body(), "/join/" + code);
            HttpResponse<String> q = WebClient.browser(server).get("/join?code=" + segment(code));
            assertEquals(200, q.statusCode());
            assertNoRawMarkup(q.body(), "/join?code=" + code);
        }
    }
}
