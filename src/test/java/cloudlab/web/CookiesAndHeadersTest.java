package cloudlab.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cloudlab.web.HostileInputTest.request;
import static cloudlab.web.HostileInputTest.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session cookies (cl_learner, cl_csrf, cl_instructor) are HttpOnly and SameSite, Secure
 * exactly when the lab is reached over HTTPS (directly or through a proxy that says so); every
 * answer (pages, htmx fragments, errors, redirects, downloads, static files, the API) carries the
 * security headers, with a script policy that allows no inline script and no eval.
 */
class CookiesAndHeadersTest {
    @TempDir
    static Path folder;
    static TestServer server;
    static String instructor;
    static String workshopId;
    static WebClient learner;
    static String sandbox;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startIn(folder);
        server.services().instructors().add("cy", "cy-has-a-long-password".toCharArray());
        instructor = signIn(false).headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("cl_instructor="))
                .map(h -> h.substring(0, h.indexOf(';'))).findFirst().orElseThrow();
        workshopId = HostileInputTest.workshop(server, instructor, "Headers", HostileInputTest.TWO_ZONES, 2);
        learner = HostileInputTest.learner(server);
        sandbox = HostileInputTest.importSandbox(learner, HostileInputTest.TWO_ZONES);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- cookies -------------------------------------------------------------------------------------

    /** The attributes of a Set-Cookie header, lower-cased names; the cookie's own name=value under "". */
    static Map<String, String> attributes(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = header.split(";");
        out.put("", parts[0].strip());
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            out.put((eq < 0 ? p : p.substring(0, eq)).toLowerCase(Locale.ROOT), eq < 0 ? "" : p.substring(eq + 1));
        }
        return out;
    }

    static List<String> setCookies(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(name + "=")).toList();
    }

    static void assertSessionCookie(String header, boolean secure, String... sameSite) {
        Map<String, String> a = attributes(header);
        assertTrue(a.containsKey("httponly"), "HttpOnly: " + header);
        assertTrue(a.containsKey("samesite") && List.of(sameSite).contains(a.get("samesite")), "SameSite " + List.of(sameSite) + ": " + header);
        assertEquals(secure, a.containsKey("secure"), (secure ? "Secure over https: " : "not Secure over plain http: ") + header);
    }

    static HttpResponse<String> signIn(boolean https) {
        HttpRequest.Builder b = request(server, "/instructor/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "cl_csrf=" + WebClient.CSRF).header("X-CSRF-Token", WebClient.CSRF);
        if (https) b.header("X-Forwarded-Proto", "https");
        return send(b.POST(HttpRequest.BodyPublishers.ofString(WebClient.form("name", "cy", "password", "cy-has-a-long-password"))).build());
    }

    @Test
    void aFreshBrowserGetsAStrictHttpOnlyTokenCookieSecureOnlyOverHttps() {
        for (boolean https : new boolean[] {false, true}) {
            HttpRequest.Builder b = request(server, "/progress");
            if (https) b.header("X-Forwarded-Proto", "https");
            HttpResponse<String> r = send(b.GET().build());
            List<String> set = setCookies(r, "cl_csrf");
            assertEquals(1, set.size(), "one cl_csrf cookie: " + r.headers().allValues("Set-Cookie"));
            assertSessionCookie(set.get(0), https, "Strict");
        }
    }

    @Test
    void theLearnerCookieIsHttpOnlyAndSameSiteAndSecureOnlyOverHttps() {
        for (boolean https : new boolean[] {false, true}) {
            // the first write makes the learner (reading pages makes none: AbuseTest)
            HttpRequest.Builder b = request(server, "/sandboxes").header("Cookie", "cl_csrf=" + WebClient.CSRF)
                    .header("X-CSRF-Token", WebClient.CSRF).header("Content-Type", "application/x-www-form-urlencoded");
            if (https) b.header("X-Forwarded-Proto", "https");
            HttpResponse<String> r = send(b.POST(HttpRequest.BodyPublishers.ofString("title=first")).build());
            List<String> set = setCookies(r, "cl_learner");
            assertEquals(1, set.size(), "a new learner gets one cookie: " + r.headers().allValues("Set-Cookie"));
            assertSessionCookie(set.get(0), https, "Lax", "Strict");
        }
    }

    @Test
    void resumingOnAnotherBrowserSetsTheSameKindOfLearnerCookie() {
        String code = Html.resumeCode(learner.get("/progress").body());
        for (boolean https : new boolean[] {false, true}) {
            HttpRequest.Builder b = request(server, "/progress/resume").header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "cl_csrf=" + WebClient.CSRF).header("X-CSRF-Token", WebClient.CSRF);
            if (https) b.header("X-Forwarded-Proto", "https");
            HttpResponse<String> r = send(b.POST(HttpRequest.BodyPublishers.ofString(WebClient.form("code", code))).build());
            assertEquals(303, r.statusCode(), r.body());
            List<String> set = setCookies(r, "cl_learner");
            assertEquals(1, set.size(), r.headers().allValues("Set-Cookie").toString());
            assertSessionCookie(set.get(0), https, "Lax", "Strict");
        }
    }

    @Test
    void theInstructorCookieIsHttpOnlyStrictAndSecureOnlyOverHttpsAndSoIsItsRemoval() {
        for (boolean https : new boolean[] {false, true}) {
            HttpResponse<String> r = signIn(https);
            assertEquals(303, r.statusCode(), r.body());
            List<String> set = setCookies(r, "cl_instructor");
            assertEquals(1, set.size());
            assertSessionCookie(set.get(0), https, "Strict");
            String pair = set.get(0).substring(0, set.get(0).indexOf(';'));
            HttpRequest.Builder out = request(server, "/instructor/sign-out").header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "cl_csrf=" + WebClient.CSRF + "; " + pair).header("X-CSRF-Token", WebClient.CSRF);
            if (https) out.header("X-Forwarded-Proto", "https");
            HttpResponse<String> signedOut = send(out.POST(HttpRequest.BodyPublishers.ofString("")).build());
            assertEquals(303, signedOut.statusCode());
            List<String> cleared = setCookies(signedOut, "cl_instructor");
            assertEquals(1, cleared.size());
            assertSessionCookie(cleared.get(0), https, "Strict");
        }
    }

    @Test
    void noCookieIsSecureOverPlainHttpEvenOnErrorsAndRedirects() {
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(send(request(server, "/nope").GET().build()));
        answers.add(send(request(server, "/sandboxes").POST(HttpRequest.BodyPublishers.ofString("title=x"))
                .header("Content-Type", "application/x-www-form-urlencoded").build()));
        answers.add(send(request(server, "/lessons/" + Course1.first().slug()).GET().build()));
        for (HttpResponse<String> r : answers) {
            for (String h : r.headers().allValues("Set-Cookie")) {
                assertFalse(attributes(h).containsKey("secure"), r.uri() + ": " + h);
                assertTrue(attributes(h).containsKey("httponly"), r.uri() + ": " + h);
            }
        }
    }

    // ---- headers -------------------------------------------------------------------------------------

    /** The directives of a Content-Security-Policy, by name. */
    static Map<String, List<String>> directives(String csp) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String d : csp.split(";")) {
            String[] words = d.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) continue;
            out.put(words[0].toLowerCase(Locale.ROOT), List.of(words).subList(1, words.length));
        }
        return out;
    }

    static void assertSecurityHeaders(HttpResponse<String> r, String what) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
        assertTrue(csp != null, what + " (" + r.statusCode() + "): no Content-Security-Policy");
        Map<String, List<String>> d = directives(csp);
        List<String> scripts = d.containsKey("script-src") ? d.get("script-src") : d.get("default-src");
        assertTrue(scripts != null, what + ": the policy names no script source: " + csp);
        for (String bad : List.of("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:")) {
            assertFalse(scripts.contains(bad), what + ": script-src allows " + bad + ": " + csp);
        }
        assertEquals(List.of("'none'"), d.get("frame-ancestors"), what + ": frame-ancestors 'none': " + csp);
        List<String> objects = d.containsKey("object-src") ? d.get("object-src") : d.get("default-src");
        assertTrue(objects != null && !objects.contains("*"), what + ": plugins are not allowed from anywhere: " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), what + ": X-Content-Type-Options");
        String referrer = r.headers().firstValue("Referrer-Policy").orElse("");
        assertTrue(List.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin").contains(referrer),
                what + ": Referrer-Policy is " + referrer);
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        String room = "/instructor/workshops/" + workshopId;
        for (String path : List.of("/", "/lessons/" + Course1.first().slug(), "/progress", "/sandboxes", "/sandboxes/" + sandbox, "/join", "/workshop",
                "/instructor", "/healthz", "/lessons", "/sandboxes/" + sandbox + "/export.yaml", "/sandboxes/" + sandbox + "/export.json")) {
            answers.put("page " + path, learner.get(path));
        }
        answers.put("room", WebClient.cookieless(server).get(room, "Cookie", instructor));
        answers.put("grid fragment", WebClient.cookieless(server).get(room + "/grid", "Cookie", instructor, "HX-Request", "true"));
        answers.put("results.csv", WebClient.cookieless(server).get(room + "/results.csv", "Cookie", instructor));
        answers.put("gradebook.json", WebClient.cookieless(server).get("/instructor/gradebook.json", "Cookie", instructor));
        answers.put("htmx fragment", learner.postForm("/sandboxes/" + sandbox + "/do", WebClient.form("op", "set-name", "name", "x"), "HX-Request", "true"));
        answers.put("htmx refusal", learner.postForm("/sandboxes/" + sandbox + "/do", WebClient.form("op", "remove-vm", "id", "nope"), "HX-Request", "true"));
        answers.put("redirect", learner.postForm("/sandboxes", WebClient.form("title", "x")));
        answers.put("404 page", learner.get("/no/such/page"));
        answers.put("404 sandbox", learner.get("/sandboxes/nope"));
        answers.put("403 csrf", learner.postFormWithoutToken("/sandboxes", WebClient.form("title", "x")));
        answers.put("401 instructor", learner.get("/instructor/workshops"));
        answers.put("400 refusal", learner.postForm("/sandboxes/" + sandbox + "/do", WebClient.form("op", "nope")));
        answers.put("413 form", learner.postForm("/sandboxes/import", WebClient.form("layout", "x".repeat(Api.MAX_BODY + 10))));
        answers.put("405/404 method", send(request(server, "/sandboxes").DELETE().build()));
        answers.put("static css", learner.get("/static/css/lab.css"));
        answers.put("static js", learner.get("/static/js/map-pick.js"));
        answers.put("static svg", learner.get("/static/img/favicon.svg"));
        answers.put("static 404", learner.get("/static/nope.css"));
        answers.put("webjar", learner.get("/webjars/htmx.org/2.0.7/dist/htmx.min.js"));
        answers.put("api regions", WebClient.cookieless(server).get("/api/v1/regions"));
        answers.put("api simulate", WebClient.cookieless(server).postJson("/api/v1/simulate", "{\"layout\": {}}"));
        answers.put("api 400", WebClient.cookieless(server).postJson("/api/v1/simulate", "{"));
        answers.put("api 404", WebClient.cookieless(server).postJson("/api/v1/quizzes/nope/grade", "{\"answers\": []}"));
        answers.put("api 415", WebClient.cookieless(server).post("/api/v1/grade", "text/plain", HttpRequest.BodyPublishers.ofString("{}")));
        answers.put("api 413", WebClient.cookieless(server).postJson("/api/v1/simulate", "{\"layout\": \"" + "x".repeat(Api.MAX_BODY) + "\"}"));
        answers.put("api unknown", WebClient.cookieless(server).get("/api/v1/nope"));
        List<String> problems = new ArrayList<>();
        answers.forEach((what, r) -> {
            try {
                assertSecurityHeaders(r, what);
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void thePagesNeedNoInlineScriptSoThePolicyBreaksNothing() {
        List<String> pages = new ArrayList<>(List.of("/", "/lessons/" + Course1.first().slug(), "/progress", "/sandboxes", "/sandboxes/" + sandbox,
                "/join", "/instructor"));
        for (var l : Course1.course().lessons()) pages.add("/lessons/" + l.slug());
        Pattern script = Pattern.compile("(?i)<script\\b([^>]*)>");
        Pattern handler = Pattern.compile("(?i)<[a-z][^>]*\\son[a-z]+\\s*=");
        for (String path : pages) {
            String html = learner.get(path).body();
            Matcher m = script.matcher(html);
            while (m.find()) assertTrue(m.group(1).contains("src="), path + ": an inline script: " + m.group());
            assertFalse(handler.matcher(html).find(), path + ": an inline event handler");
            assertFalse(html.contains("javascript:"), path + ": a javascript: link");
        }
        String room = WebClient.cookieless(server).get("/instructor/workshops/" + workshopId, "Cookie", instructor).body();
        Matcher m = script.matcher(room);
        while (m.find()) assertTrue(m.group(1).contains("src="), "the room: an inline script: " + m.group());
    }
}
