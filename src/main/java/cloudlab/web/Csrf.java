package cloudlab.web;

import cloudlab.common.Tokens;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Cross-site request forgery protection for every state-changing request that a cookie
 * authorises (all POSTs but the stateless {@code /api/v1} calls), as a signed double submit: the
 * browser's CSRF session is a random id that the server signs, {@code id.HMAC(secret, id)}, kept
 * in a SameSite=Strict, HttpOnly cookie; every form repeats it in a hidden {@code _csrf} field
 * (htmx in an {@code X-CSRF-Token} header). Another site can make a browser post but cannot read
 * the token; and since only the server can sign, a cookie value the attacker made up (planted
 * from a sibling site, say) is refused even when the form repeats it.
 */
final class Csrf {
    static final String COOKIE = "cl_csrf";
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    static final String ATTRIBUTE = "cloudlab.csrf";
    /** What a token may look like: characters that go into markup as they are. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{20,120}");
    /** A signed token: a URL-safe base64 id, a dot, and its URL-safe base64 signature. */
    private static final Pattern SIGNED = Pattern.compile("([A-Za-z0-9_-]{16,64})\\.([A-Za-z0-9_-]{43})");
    private final byte[] secret;

    /** Tokens signed with the secret (servers behind one address share it). */
    Csrf(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The token of a CSRF session id under the secret: the id, a dot and its signature. */
    static String tokenFor(String secret, String id) {
        return id + "." + Tokens.hmac(secret.getBytes(StandardCharsets.UTF_8), "csrf\n" + id);
    }

    /** Paths that need no token: the stateless API, and files. */
    static boolean exempt(Context ctx) {
        String p = ctx.path();
        return p.startsWith("/api/") || p.startsWith("/static/") || p.startsWith("/webjars/") || p.startsWith("/figures/")
                || p.equals("/healthz");
    }

    /** Makes sure the browser holds a token this server signed, and puts it where the templates find it. */
    void issue(Context ctx) {
        if (exempt(ctx)) return;
        String token = ctx.cookie(COOKIE);
        if (!signed(token)) {
            token = id(Tokens.random(18));
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                    + (Learners.secure(ctx) ? "; Secure" : ""));
        }
        ctx.attribute(ATTRIBUTE, token);
    }

    /** Whether a POST carries the token its cookie holds, and that token is one this server signed. */
    boolean valid(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (!signed(cookie)) return false;
        String sent = ctx.header(HEADER);
        if (sent == null) {
            try {
                sent = ctx.formParam(FIELD);
            } catch (io.javalin.http.HttpResponseException e) {
                throw e; // over the size limit: the 413 says so
            } catch (Exception e) {
                if (cloudlab.server.ContainerErrors.clientFault(e) > 0) throw e; // a body cut short or too slow: said as what it is
                return false; // a body the container cannot read as a form carries no token
            }
        }
        return Tokens.sameText(cookie, sent);
    }

    /** Whether the value is an id with this server's signature. */
    private boolean signed(String token) {
        if (token == null) return false;
        java.util.regex.Matcher m = SIGNED.matcher(token);
        return m.matches() && Tokens.sameText(m.group(2), Tokens.hmac(secret, "csrf\n" + m.group(1)));
    }

    private String id(String id) {
        return id + "." + Tokens.hmac(secret, "csrf\n" + id);
    }

    /** The token for the page being rendered ("" outside a request that was given one). */
    static String token(Context ctx) {
        Object t = ctx.attribute(ATTRIBUTE);
        return t == null ? "" : t.toString();
    }
}
