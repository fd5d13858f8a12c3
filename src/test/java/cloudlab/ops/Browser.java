package cloudlab.ops;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One person's browser for the operations tests: it keeps the {@code cl_learner} cookie (and an
 * instructor's {@code cl_instructor} cookie) it is given, presents the CSRF token the lab gave it
 * (fetched with a first page when it has none) in the {@code cl_csrf} cookie and the
 * {@code X-CSRF-Token} header (as htmx does) plus the {@code _csrf} field of every form, never
 * follows redirects and times each request. The same approach as
 * {@code cloudlab.web.WebClient}, copied here so the ops tests need nothing package-private.
 */
final class Browser {
    /** An answer with how long it took, from sending the request to the last byte of the body. */
    record Response(int status, String body, String location, long nanos) {
        boolean ok(int expected) {
            return status == expected;
        }
    }

    private final HttpClient http;
    private volatile String base;
    private volatile String learnerCookie;
    private volatile String instructorCookie;
    private volatile String csrf;
    /** The visitor id the lab gave this browser before its first write made it a learner. */
    private volatile String visitorCookie;

    Browser(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** A client for loopback tests: HTTP/1.1, no redirects, short connect timeout, on the given executor. */
    static HttpClient client(Executor executor) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        if (executor != null) b.executor(executor);
        return b.build();
    }

    void base(String newBase) {
        this.base = newBase;
    }

    String learnerCookie() {
        return learnerCookie;
    }

    String instructorCookie() {
        return instructorCookie;
    }

    Response get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    /** A form post with the CSRF field added. */
    Response post(String path, String form, String... headers) throws IOException, InterruptedException {
        if (csrf == null) get("/join"); // a page that writes nothing, for the token
        String body = form.isEmpty() ? "_csrf=" + csrf : form + "&_csrf=" + csrf;
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        List<String> cookies = new ArrayList<>();
        String token = csrf;
        if (token != null) cookies.add("cl_csrf=" + token);
        if (learnerCookie != null) cookies.add("cl_learner=" + learnerCookie);
        else if (visitorCookie != null) cookies.add("cl_visitor=" + visitorCookie);
        if (instructorCookie != null && path.startsWith("/instructor")) cookies.add("cl_instructor=" + instructorCookie);
        if (!cookies.isEmpty()) b.header("Cookie", String.join("; ", cookies));
        if (token != null) b.header("X-CSRF-Token", token);
        return b;
    }

    private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long nanos = System.nanoTime() - start;
        for (String h : r.headers().allValues("Set-Cookie")) {
            String v = h.contains(";") ? h.substring(0, h.indexOf(';')) : h;
            if (v.startsWith("cl_csrf=") && v.length() > "cl_csrf=".length()) csrf = v.substring("cl_csrf=".length());
            if (v.startsWith("cl_learner=") && v.length() > "cl_learner=".length()) learnerCookie = v.substring("cl_learner=".length());
            if (v.startsWith("cl_visitor=") && v.length() > "cl_visitor=".length()) visitorCookie = v.substring("cl_visitor=".length());
            if (v.startsWith("cl_instructor=") && v.length() > "cl_instructor=".length()) instructorCookie = v.substring("cl_instructor=".length());
        }
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null), nanos);
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
