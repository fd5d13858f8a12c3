package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lab's pages over real HTTP: they answer, they are safe to serve, and they know the learner. */
class PagesTest {
    @TempDir
    static Path folder;
    static TestServer server;
    static List<Lesson> lessons;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
        lessons = Course1.course().lessons();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static List<String> pages() {
        List<String> out = new ArrayList<>(List.of("/", "/progress"));
        for (Lesson l : Course1.course().lessons()) out.add("/lessons/" + l.slug());
        return out;
    }

    @Test
    void everyPageOfTheCourseAnswersWithHtml() {
        WebClient web = WebClient.browser(server);
        List<String> pages = pages();
        assertTrue(pages.size() >= 9, "home, progress and at least seven lessons: " + pages);
        for (String page : pages) {
            HttpResponse<String> r = web.get(page);
            assertEquals(200, r.statusCode(), page);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
            assertTrue(r.body().startsWith("<!DOCTYPE html>"), page);
            assertFalse(Html.leaksInternals(r.body()), page + " shows something internal");
        }
    }

    @Test
    void theCourseMapBesideALessonShowsTheLearnersStateOfEachLessonAndWhichOneIsOpen() {
        WebClient web = WebClient.browser(server);
        web.get("/lessons/" + lessons.get(0).slug());
        Question q = lessons.get(0).quiz().questions().stream().filter(x -> !x.hasVariants()).findFirst().orElseThrow();
        assertEquals(303, web.postForm("/lessons/" + lessons.get(0).slug() + "/quiz/" + q.id(), Course1.rightForm(q)).statusCode(),
                "an answer makes the visitor a learner who started the first lesson");
        String page = web.get("/lessons/" + lessons.get(1).slug()).body();
        String map = page.substring(page.indexOf("<nav class=\"course-nav\""), page.indexOf("</nav>", page.indexOf("<nav class=\"course-nav\"")));
        List<String> cards = new ArrayList<>(List.of(map.split("<li ")));
        cards.remove(0);
        assertEquals(lessons.size(), cards.size(), map);
        for (int i = 0; i < lessons.size(); i++) {
            String card = cards.get(i);
            assertTrue(card.contains("href=\"/lessons/" + lessons.get(i).slug() + "\""), card);
            String state = i <= 1 ? "started" : "new";
            assertTrue(card.contains("is-" + state), lessons.get(i).slug() + " is " + state + ": " + card);
            assertEquals(i == 1, card.contains("aria-current=\"page\""), "the lesson shown, alone: " + card);
        }
        assertEquals(1, count(map, "aria-current"), map);
    }

    @Test
    void twoNewLearnersSeeTheSameLessonBodyAPageIsTheSameOnAReloadAndEachFormCarriesTheToken() {
        for (Lesson l : lessons) {
            WebClient ana = WebClient.browser(server);
            WebClient ben = WebClient.browser(server);
            String a = ana.get("/lessons/" + l.slug()).body();
            String again = ana.get("/lessons/" + l.slug()).body();
            String b = ben.get("/lessons/" + l.slug()).body();
            for (String page : List.of(a, b, again)) {
                assertFalse(java.util.regex.Pattern.compile("(seed|csrf)[0-9a-f]{32}").matcher(page).find(), "a stand-in leaked");
                String token = page == b ? ben.csrf() : ana.csrf();
                assertEquals(count(page, "<form"), count(page, "name=\"_csrf\" value=\"" + token + "\""),
                        l.slug() + ": every form carries the learner's token");
            }
            // each visitor's token is bound to its own session; apart from it the pages are alike
            a = a.replace(ana.csrf(), "TOKEN");
            again = again.replace(ana.csrf(), "TOKEN");
            b = b.replace(ben.csrf(), "TOKEN");
            assertEquals(a, again, l.slug() + ": the same learner's page again");
            // Before the quiz nothing depends on the learner's seeds (question variants and shuffles do).
            assertEquals(a.substring(0, a.indexOf("<section class=\"quiz\"")), b.substring(0, b.indexOf("<section class=\"quiz\"")), l.slug());
        }
    }


    @Test
    void anUnknownOrMalformedFigureIsA404() {
        WebClient web = WebClient.browser(server);
        assertEquals(404, web.get("/figures/00000000000000000000000000000000.svg").statusCode());
        assertEquals(404, web.get("/figures/..%2Fpom.xml").statusCode());
        assertEquals(404, web.get("/figures/abc").statusCode());
    }

    @Test
    void eachLessonPageShowsItsTitleFiguresAndEveryQuizQuestion() {
        WebClient web = WebClient.browser(server);
        for (Lesson l : lessons) {
            String html = web.get("/lessons/" + l.slug()).body();
            assertTrue(Html.text(html).contains(l.title()), l.slug() + " shows its title");
            int figures = count(html, "<figure class=\"figure\"");
            assertEquals(l.figures().size(), figures, l.slug() + " draws each figure");
            assertTrue(count(html, "<img src=\"/figures/") >= figures, l.slug() + " figures are drawn as SVG images");
            java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img src=\"(/figures/[0-9a-f]{32}\\.svg)\" alt=\"([^\"]+)\"").matcher(html);
            int images = 0;
            while (img.find()) {
                images++;
                assertTrue(img.group(2).length() > 20, "a figure's text alternative says what it shows: " + img.group(2));
                HttpResponse<String> svg = web.get(img.group(1));
                assertEquals(200, svg.statusCode(), img.group(1));
                assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), img.group(1));
                assertTrue(svg.headers().firstValue("Cache-Control").orElse("").contains("immutable"), "its address changes with it");
                assertTrue(svg.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), img.group(1));
                assertFalse(svg.body().contains("<script"), img.group(1));
            }
            assertTrue(images >= figures, l.slug() + ": " + images + " images with a text alternative");
            for (Question q : l.quiz().questions()) {
                if (q.type() == Question.Type.CHALLENGE) continue; // answered by checking a sandbox, not by a form
                String tag = Html.questionTag(html, q.id());
                assertFalse(tag.contains("is-correct") || tag.contains("is-wrong"), "a fresh learner has not answered " + q.id());
                assertTrue(html.contains("action=\"/lessons/" + l.slug() + "/quiz/" + q.id() + "\""), q.id() + " has a plain form");
                assertTrue(html.contains("data-hx-post=\"/lessons/" + l.slug() + "/quiz/" + q.id() + "\""), q.id() + " posts with htmx");
            }
        }
    }

    @Test
    void homeListsEveryLessonInCourseOrder() {
        String html = WebClient.cookieless(server).get("/").body();
        List<String> hrefs = new ArrayList<>();
        Matcher cards = Pattern.compile("<a href=\"(/lessons/[^\"]+)\" class=\"lesson-card__link\"").matcher(html);
        while (cards.find()) hrefs.add(cards.group(1));
        List<String> expected = lessons.stream().map(l -> "/lessons/" + l.slug()).toList();
        assertEquals(expected, hrefs);
        assertTrue(Html.text(html).contains("Not started"), "a new visitor sees lessons not started");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/css/lab.css", "/static/img/favicon.svg", "/webjars/htmx.org/2.0.7/dist/htmx.min.js"})
    void staticFilesAndHtmxAreServed(String path) {
        HttpResponse<String> r = WebClient.cookieless(server).get(path);
        assertEquals(200, r.statusCode(), path);
        assertFalse(r.body().isBlank(), path);
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (path.endsWith(".css")) assertTrue(type.startsWith("text/css"), type);
        if (path.endsWith(".js")) {
            assertTrue(type.contains("javascript"), type);
            assertTrue(r.body().contains("htmx"), "it is htmx");
        }
        if (path.endsWith(".svg")) assertTrue(type.startsWith("image/svg+xml"), type);
    }

    @Test
    void everyPageLoadsItsScriptsFromTheSiteAlone() {
        WebClient web = WebClient.browser(server);
        for (String page : pages()) {
            String html = web.get(page).body();
            Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(html);
            List<String> sources = new ArrayList<>();
            while (scripts.find()) {
                Matcher src = Pattern.compile("\\bsrc=\"(/[^/\"][^\"]*)\"").matcher(scripts.group());
                assertTrue(src.find(), page + " has an inline or off-site script, which the CSP would block: " + scripts.group());
                sources.add(src.group(1));
            }
            assertTrue(sources.contains("/webjars/htmx.org/2.0.7/dist/htmx.min.js"), page + " loads htmx: " + sources);
            Matcher handler = Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html);
            assertFalse(handler.find(), page + " has an inline event handler, which the CSP would block: "
                    + (handler.find(0) ? handler.group() : ""));
            assertFalse(html.contains("javascript:"), page);
        }
    }

    @Test
    void unknownLessonIsAFriendly404Page() {
        HttpResponse<String> r = WebClient.browser(server).get("/lessons/no-such-lesson");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String text = Html.text(r.body());
        assertTrue(r.body().startsWith("<!DOCTYPE html>"), "a whole page");
        assertTrue(text.contains("Page not found"), text);
        assertTrue(text.contains("/lessons/no-such-lesson"), "names the address: " + text);
        assertTrue(r.body().contains("href=\"/\""), "offers the way back");
        assertFalse(Html.leaksInternals(r.body()), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nowhere", "/lessons/no-such-lesson/quiz/q1", "/static/css/none.css"})
    void otherUnknownAddressesAre404PagesToo(String path) {
        HttpResponse<String> r = WebClient.browser(server).get(path);
        assertEquals(404, r.statusCode(), path);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        assertTrue(Html.text(r.body()).contains("Page not found"), path);
        assertTrue(Html.text(r.body()).contains(path), "names the address: " + Html.text(r.body()));
        assertFalse(Html.leaksInternals(r.body()), r.body());
    }

    @Test
    void anUnknownAddressIsExplainedInPlainWords() {
        String text = Html.text(WebClient.browser(server).get("/nowhere").body());
        assertTrue(text.contains("There is no page at /nowhere."), text);
        assertFalse(text.contains("Endpoint"), "speaks to a person, not of endpoints: " + text);
    }

    @Test
    void answeringAnUnknownQuestionIs404() {
        Lesson first = lessons.get(0);
        HttpResponse<String> r = WebClient.browser(server).postForm("/lessons/" + first.slug() + "/quiz/no-such-question",
                WebClient.form("choice", "0"));
        assertEquals(404, r.statusCode());
        assertFalse(Html.leaksInternals(r.body()), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/progress", "/lessons/no-such-lesson", "/static/css/lab.css", "/api/v1/regions"})
    void everyAnswerCarriesTheSecurityHeaders(String path) {
        HttpResponse<String> r = WebClient.cookieless(server).get(path);
        String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
        assertNotNull(csp, path + " has a CSP");
        String scriptSrc = directive(csp, "script-src");
        if (scriptSrc == null) scriptSrc = directive(csp, "default-src");
        assertNotNull(scriptSrc, csp);
        assertFalse(scriptSrc.contains("'unsafe-inline'"), csp);
        assertFalse(scriptSrc.contains("'unsafe-eval'"), csp);
        assertFalse(scriptSrc.contains("*"), csp);
        assertNotNull(directive(csp, "frame-ancestors"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
    }

    private static String directive(String csp, String name) {
        for (String d : csp.split(";")) {
            String t = d.strip();
            if (t.toLowerCase(Locale.ROOT).startsWith(name + " ")) return t;
        }
        return null;
    }

    @Test
    void theFirstWriteSetsAnHttpOnlySameSiteLearnerCookie() {
        WebClient web = WebClient.browser(server);
        assertTrue(WebClient.setCookieHeader(web.get("/")).isEmpty(), "looking at the course map keeps nothing");
        assertTrue(WebClient.setCookieHeader(web.get("/progress")).isEmpty(), "looking at progress keeps nothing");
        assertTrue(WebClient.setCookieHeader(web.get("/lessons/" + lessons.get(0).slug())).isEmpty(), "reading a lesson keeps nothing");

        HttpResponse<String> first = web.postForm("/sandboxes", WebClient.form("title", "first"));
        String header = WebClient.setCookieHeader(first).orElseThrow(() -> new AssertionError("no cl_learner cookie"));
        List<String> attributes = List.of(header.toLowerCase(Locale.ROOT).split(";\\s*"));
        assertTrue(attributes.contains("httponly"), header);
        assertTrue(attributes.contains("samesite=lax") || attributes.contains("samesite=strict"), header);
        assertTrue(attributes.contains("path=/"), header);
        assertFalse(attributes.contains("secure"), "plain HTTP on localhost cannot carry a Secure cookie: " + header);
        String token = web.learnerCookie();
        assertTrue(token.length() >= 16, "the token is long enough not to be guessed: " + token);

        HttpResponse<String> again = web.get("/lessons/" + lessons.get(1).slug());
        assertTrue(WebClient.setCookieHeader(again).isEmpty(), "a known learner keeps the cookie it has");
        assertEquals(token, web.learnerCookie());

        WebClient other = WebClient.browser(server);
        other.postForm("/sandboxes", WebClient.form("title", "other"));
        assertNotEquals(token, other.learnerCookie(), "each new browser is its own learner");
    }

    @Test
    void aCookieTheLabDoesNotKnowIsTreatedAsANewVisitor() {
        HttpResponse<String> r = WebClient.cookieless(server).get("/progress", "Cookie", "cl_learner=forged-or-expired-token");
        assertEquals(200, r.statusCode());
        assertTrue(Html.text(r.body()).contains("You have not started yet"), "no progress is shown for a bad cookie");
        assertFalse(r.body().contains("id=\"resume-code\""));
    }

    @Test
    void openingALessonMarksItInProgress() {
        WebClient web = WebClient.learner(server);
        Lesson second = lessons.get(1);
        web.get("/lessons/" + second.slug());
        String html = web.get("/progress").body();
        assertTrue(Html.progressRow(html, second.slug()).contains("In progress"), Html.progressRow(html, second.slug()));
        assertTrue(Html.progressRow(html, lessons.get(0).slug()).contains("Not started"));
        String home = web.get("/").body();
        assertTrue(home.contains("is-started"), "the course map shows the opened lesson as started");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) n++;
        return n;
    }
}
