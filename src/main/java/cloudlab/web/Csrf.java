package cloudlab.web;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection for every state-changing request that a cookie
 * authorises (all POSTs but the stateless {@code /api/v1} calls): a random token in a
 * SameSite=Strict cookie that every form repeats in a hidden {@code _csrf} field (or htmx in an
 * {@code X-CSRF-Token} header). Another site can make a browser post, but cannot read the token.
 */
final class Csrf {
    static final String COOKIE = "cl_csrf";
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    static final String ATTRIBUTE = "cloudlab.csrf";
    /** What a token looks like: URL-safe base64, so it can go into markup as it is. */
    static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{20,100}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** Paths that need no token: the stateless API, and files. */
    static boolean exempt(Context ctx) {
        String p = ctx.path();
        return p.startsWith("/api/") || p.startsWith("/static/") || p.startsWith("/webjars/") || p.startsWith("/figures/")
                || p.equals("/healthz");
    }

    /** Makes sure the browser holds a token, and puts it where the templates find it. */
    static void issue(Context ctx) {
        if (exempt(ctx)) return;
        String token = ctx.cookie(COOKIE);
        if (token == null || !TOKEN.matcher(token).matches()) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                    + (Learners.secure(ctx) ? "; Secure" : ""));
        }
        ctx.attribute(ATTRIBUTE, token);
    }

    /** Whether a POST carries the token its cookie holds. */
    static boolean valid(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.isEmpty()) return false;
        String sent = ctx.header(HEADER);
        if (sent == null) {
            try {
                sent = ctx.formParam(FIELD);
            } catch (io.javalin.http.HttpResponseException e) {
                throw e; // over the size limit: the 413 says so
            } catch (Exception e) {
                return false; // a body the container cannot read as a form carries no token
            }
        }
        if (sent == null) return false;
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    static String token(Context ctx) {
        Object t = ctx.attribute(ATTRIBUTE);
        return t == null ? "" : t.toString();
    }
}
