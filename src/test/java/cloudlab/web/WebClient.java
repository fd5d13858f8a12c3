package cloudlab.web;

import cloudlab.access.Learners;
import cloudlab.server.Csrf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plain HTTP client for the lab, like a browser without JavaScript: it never follows redirects
 * (tests look at them) and, when it keeps cookies, it keeps only {@code cl_learner} (and, until it
 * has one, {@code cl_visitor}).
 */
final class WebClient {
    static final String COOKIE = "cl_learner";
    /** The CSRF id every client presents, signed with the test servers' secret for its session. */
    static final String CSRF_ID = "test-csrf-token-0123456789";
    /** The CSRF token of a browser with no session (no learner or visitor cookie). */
    static final String CSRF = Csrf.tokenFor(TestServer.SECRET, CSRF_ID, "");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final TestServer server;
    private final boolean keepsCookie;
    private String learnerCookie;
    /** The id a reader keeps until its first write makes it a learner, as a browser keeps it. */
    private String visitorCookie;

    private WebClient(TestServer server, boolean keepsCookie) {
        this.server = server;
        this.keepsCookie = keepsCookie;
    }

    /** A client that stores the learner cookie it is given and sends it back, like a browser. */
    static WebClient browser(TestServer server) {
        return new WebClient(server, true);
    }

    /**
     * A browser that already is a learner (made in the store, as its first write would), holding
     * its cookie: reading pages no longer makes one.
     */
    static WebClient learner(TestServer server) {
        WebClient c = browser(server);
        c.adoptLearnerCookie(server.services().progress().newLearner().token());
        return c;
    }

    /** A client that never sends a cookie. */
    static WebClient cookieless(TestServer server) {
        return new WebClient(server, false);
    }

    /** Takes over a learner cookie, as a browser would carry it to another server behind the same address. */
    void adoptLearnerCookie(String value) {
        learnerCookie = value;
    }

    /** The learner cookie's value this client holds, or null. */
    String learnerCookie() {
        return learnerCookie;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** The CSRF token for the session a learner cookie names, as the server signs it for that learner's pages. */
    static String csrfFor(TestServer server, String learnerCookie) {
        String owner = learnerCookie == null ? "" : server.services().progress().bySessionToken(learnerCookie).map(l -> l.id()).orElse("");
        return Csrf.tokenFor(TestServer.SECRET, CSRF_ID, owner);
    }

    /** The token this client's session holds now: its learner's, else its visitor's, else a browser's with neither. */
    String csrf() {
        if (keepsCookie && learnerCookie != null) return csrfFor(server, learnerCookie);
        if (keepsCookie && visitorCookie != null) return visitorCsrf(visitorCookie);
        return CSRF;
    }

    /** The CSRF token of a visitor's session, from the signed visitor cookie (its id before the dot). */
    static String visitorCsrf(String visitorCookie) {
        return Csrf.tokenFor(TestServer.SECRET, CSRF_ID, visitorCookie.substring(0, visitorCookie.indexOf('.')));
    }

    HttpResponse<String> postForm(String path, String form, String... headers) {
        String token = csrf();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Cookie") && headers[i + 1].contains(COOKIE + "=")) token = csrfFor(server, cookie(headers[i + 1], COOKIE));
            else if (headers[i].equalsIgnoreCase("Cookie") && headers[i + 1].contains(Learners.VISITOR_COOKIE + "=")) {
                token = visitorCsrf(cookie(headers[i + 1], Learners.VISITOR_COOKIE));
            }
        }
        String body = form.isEmpty() ? "_csrf=" + token : form + "&_csrf=" + token;
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form post without the CSRF token, as another site would send it. */
    HttpResponse<String> postFormWithoutToken(String path, String form, String... headers) {
        return send(request(path, false, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder b = request(path, headers);
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b.POST(body));
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json), headers);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        return request(path, true, headers);
    }

    private HttpRequest.Builder request(String path, boolean withToken, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(20));
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Cookie")) cookies.add(headers[i + 1]);
            else b.header(headers[i], headers[i + 1]);
        }
        if (keepsCookie && learnerCookie != null) cookies.add(COOKIE + "=" + learnerCookie);
        if (keepsCookie && learnerCookie == null && visitorCookie != null) cookies.add(Learners.VISITOR_COOKIE + "=" + visitorCookie);
        if (!path.startsWith("/api/")) {
            String learner = cookies.stream().filter(c -> c.contains(COOKIE + "=")).map(c -> cookie(c, COOKIE)).findFirst().orElse(null);
            String visitor = cookies.stream().filter(c -> c.contains(Learners.VISITOR_COOKIE + "=")).map(c -> cookie(c, Learners.VISITOR_COOKIE))
                    .findFirst().orElse(null);
            String token = learner != null ? csrfFor(server, learner) : visitor != null ? visitorCsrf(visitor) : csrf();
            cookies.add("cl_csrf=" + token);
            if (withToken) b.header("X-CSRF-Token", token);
        }
        if (!cookies.isEmpty()) b.header("Cookie", String.join("; ", cookies));
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        HttpResponse<String> r;
        try {
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (keepsCookie) learnerCookieOf(r).ifPresent(v -> learnerCookie = v);
        if (keepsCookie) {
            r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(Learners.VISITOR_COOKIE + "="))
                    .forEach(h -> visitorCookie = h.substring(Learners.VISITOR_COOKIE.length() + 1, h.indexOf(';')));
        }
        return r;
    }

    /** The value of the named cookie in a Cookie header. */
    static String cookie(String header, String name) {
        for (String pair : header.split(";\\s*")) if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        return null;
    }

    /** The Set-Cookie header that sets {@code cl_learner}, if the answer has one. */
    static Optional<String> setCookieHeader(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(COOKIE + "=")).findFirst();
    }

    static Optional<String> learnerCookieOf(HttpResponse<?> r) {
        return setCookieHeader(r).map(h -> h.substring(COOKIE.length() + 1, h.contains(";") ? h.indexOf(';') : h.length()));
    }

    /** An application/x-www-form-urlencoded body from name, value pairs. */
    static String form(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            parts.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }
}
