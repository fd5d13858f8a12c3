package cloudlab.web;

import cloudlab.access.Learners;
import cloudlab.server.Csrf;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every cookie-authorised POST needs the CSRF token; the stateless API needs none. */
class CsrfTest {
    @TempDir
    static Path folder;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.startIn(folder);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPageSetsAStrictHttpOnlyTokenCookieAndEveryFormRepeatsIt() {
        HttpResponse<String> r = WebClient.cookieless(server).get("/progress");
        String set = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("cl_csrf=")).findFirst().orElseThrow();
        // the client's token was for a browser with no session; reading, it is given a visitor id and a token for it
        assertTrue(set.contains("SameSite=Strict") && set.contains("HttpOnly"), set);
        String token = set.substring("cl_csrf=".length(), set.indexOf(';'));
        assertTrue(token.startsWith(WebClient.CSRF_ID + "."), "the same id, signed for the new session: " + token);
        assertTrue(r.body().contains("name=\"_csrf\" value=\"" + token + "\""), "the resume form carries the token");
    }

    @Test
    void aFormPostWithoutTheTokenIsRefusedAndChangesNothing() {
        WebClient learner = WebClient.browser(server);
        Lesson first = Course1.first();
        Question q = first.quiz().questions().get(0);
        learner.get("/lessons/" + first.slug());
        HttpResponse<String> forged = learner.postFormWithoutToken("/lessons/" + first.slug() + "/quiz/" + q.id(), Course1.rightForm(q));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("came from another site"), forged.body());
        String progress = learner.get("/progress").body();
        assertTrue(progress.contains("—"), "no quiz answer was stored");
        HttpResponse<String> sandbox = learner.postFormWithoutToken("/sandboxes", WebClient.form("title", "x"));
        assertEquals(403, sandbox.statusCode());
        assertEquals(403, WebClient.cookieless(server).postFormWithoutToken("/join", WebClient.form("code", "ABCDEF", "name", "x")).statusCode());
        assertEquals(403, WebClient.cookieless(server).postFormWithoutToken("/instructor/sign-in",
                WebClient.form("name", "a", "password", "b")).statusCode());
    }

    @Test
    void theSameFormWithTheTokenWorks() {
        WebClient learner = WebClient.browser(server);
        assertEquals(303, learner.postForm("/sandboxes", WebClient.form("title", "with token")).statusCode());
    }

    /** Was accepted: any cookie value the form repeated (one planted by a sibling site, say) passed. */
    @Test
    void aCookieValueTheServerDidNotSignIsRefusedEvenWhenTheFormRepeatsIt() throws Exception {
        String[] made = {"attacker-chose-this-value-0123", Csrf.tokenFor("another-server-secret-0123456", "attacker-chose-this-value", ""),
                WebClient.CSRF.substring(0, WebClient.CSRF.indexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"};
        for (String forged : made) {
            HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.uri("/sandboxes"))
                    .header("Cookie", "cl_csrf=" + forged).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("title=forged&_csrf=" + forged)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), forged);
            String set = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("cl_csrf=")).findFirst().orElse("");
            assertTrue(set.startsWith("cl_csrf=") && !set.startsWith("cl_csrf=" + forged + ";"), "the browser is given a token of the server's own: " + set);
        }
    }

    @Test
    void theTokenAFreshBrowserIsGivenWorksForItsForms() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(server.uri("/join")).build(), HttpResponse.BodyHandlers.ofString());
        String set = page.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("cl_csrf=")).findFirst().orElseThrow();
        String token = set.substring("cl_csrf=".length(), set.indexOf(';'));
        String visitor = page.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(Learners.VISITOR_COOKIE + "="))
                .findFirst().orElseThrow();
        assertTrue(set.contains("SameSite=Strict") && set.contains("HttpOnly"), set);
        assertTrue(page.body().contains("name=\"_csrf\" value=\"" + token + "\""), "the form carries the cookie's token");
        HttpResponse<String> posted = http.send(java.net.http.HttpRequest.newBuilder(server.uri("/sandboxes"))
                .header("Cookie", "cl_csrf=" + token + "; " + visitor.substring(0, visitor.indexOf(';')))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("title=mine&_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, posted.statusCode(), posted.body());
    }

    /** Was accepted: the token was not bound to the session, so one taken from the attacker's own session worked in a victim's. */
    @Test
    void aTokenFromOneLearnersSessionIsRefusedInAnothers() {
        WebClient mallory = WebClient.learner(server);
        WebClient victim = WebClient.learner(server);
        String stolen = WebClient.csrfFor(server, mallory.learnerCookie());
        String victimId = server.services().progress().bySessionToken(victim.learnerCookie()).orElseThrow().id();
        HttpResponse<String> r = send(victim, stolen);
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(server.services().sandboxes().of(victimId).isEmpty(), "no sandbox was made");
        assertEquals(303, send(victim, WebClient.csrfFor(server, victim.learnerCookie())).statusCode(), "the victim's own token works");
        assertEquals(303, send(mallory, stolen).statusCode(), "and the attacker's in the attacker's own session");
    }

    private static HttpResponse<String> send(WebClient who, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.uri("/sandboxes"))
                    .header("Cookie", "cl_csrf=" + token + "; " + WebClient.COOKIE + "=" + who.learnerCookie())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("title=forged&_csrf=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theStatelessApiNeedsNoTokenAndSetsNoCookie() {
        HttpResponse<String> r = WebClient.cookieless(server).postJson("/api/v1/simulate", "{\"layout\": {}}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), "the API sets no cookie");
    }
}
