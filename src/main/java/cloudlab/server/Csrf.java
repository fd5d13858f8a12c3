package cloudlab.server;

import cloudlab.common.Tokens;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cross-site request forgery protection for every state-changing request that a cookie
 * authorises (all POSTs but the stateless {@code /api/v1} calls), as a signed double submit bound
 * to the session: the token is a random id and the server's signature over that id and the
 * learner (or visitor) it was given to, kept in a SameSite=Strict, HttpOnly cookie and repeated by
 * every form in a hidden {@code _csrf} field (htmx sends it in an {@code X-CSRF-Token} header).
 * Another site can make a browser post but cannot read the token; only the server can sign, so a
 * cookie value an attacker made up is refused; and a token signed for one learner (the attacker's
 * own, planted in a victim's browser) is refused in another's session.
 */
public final class Csrf {
    public static final String COOKIE = "cl_csrf";
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    static final String ATTRIBUTE = "cloudlab.csrf";
    /** What a token may look like: characters that go into markup as they are. */
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{20,120}");
    /** A signed token: a URL-safe base64 id, a dot, and its URL-safe base64 signature. */
    private static final Pattern SIGNED = Pattern.compile("([A-Za-z0-9_-]{16,64})\\.([A-Za-z0-9_-]{43})");
    private final byte[] secret;
    private final Owners learners;

    /** Whose session a request is: a learner's or visitor's id, a new visitor's when {@code give}, else "". */
    public interface Owners {
        String owner(Context ctx, boolean give);
    }

    /** Tokens signed with the secret (servers behind one address share it) for the sessions the owners name. */
    public Csrf(String secret, Owners learners) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.learners = learners;
    }

    /** The token of a CSRF id for a learner or visitor id ("" for a browser with neither) under the secret. */
    public static String tokenFor(String secret, String id, String owner) {
        return id + "." + Tokens.hmac(secret.getBytes(StandardCharsets.UTF_8), "csrf\n" + id + "\n" + owner);
    }

    /** Paths that need no token: the stateless API, and files. */
    public static boolean exempt(Context ctx) {
        String p = ctx.path();
        return p.startsWith("/api/") || p.startsWith("/static/") || p.startsWith("/webjars/") || p.startsWith("/figures/")
                || p.equals("/healthz");
    }

    /**
     * Makes sure the browser holds a token this server signed for its session, and puts it where
     * the templates find it. A reading browser with no session is given a visitor id first, so its
     * token stays good when its first write makes it a learner under that id.
     */
    public void issue(Context ctx) {
        if (exempt(ctx)) return;
        String method = ctx.method().toString();
        String owner = learners.owner(ctx, method.equals("GET") || method.equals("HEAD"));
        String token = ctx.cookie(COOKIE);
        if (!signedFor(token, owner)) token = give(ctx, idOf(token), owner);
        ctx.attribute(ATTRIBUTE, new Issued(this, token, owner));
    }

    /** Whether a POST carries the token its cookie holds, and that token is one this server signed for this session. */
    public boolean valid(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        if (!signedFor(cookie, learners.owner(ctx, false))) return false;
        String sent = ctx.header(HEADER);
        if (sent == null) {
            try {
                sent = ctx.formParam(FIELD);
            } catch (io.javalin.http.HttpResponseException e) {
                throw e; // over the size limit: the 413 says so
            } catch (Exception e) {
                if (ContainerErrors.clientFault(e) > 0) throw e; // a body cut short or too slow: said as what it is
                return false; // a body the container cannot read as a form carries no token
            }
        }
        return Tokens.sameText(cookie, sent);
    }

    /** Whether the value is an id with this server's signature for that owner. */
    private boolean signedFor(String token, String owner) {
        if (token == null) return false;
        Matcher m = SIGNED.matcher(token);
        return m.matches() && Tokens.sameText(m.group(2), signature(m.group(1), owner));
    }

    private String signature(String id, String owner) {
        return Tokens.hmac(secret, "csrf\n" + id + "\n" + owner);
    }

    /**
     * The id of a token of the right form, kept when it is signed again for another session (the id
     * is no secret: only the signature is), else a new random one.
     */
    private static String idOf(String token) {
        Matcher m = token == null ? null : SIGNED.matcher(token);
        return m != null && m.matches() ? m.group(1) : Tokens.random(18);
    }

    /** Sets the cookie to the id's token for the owner, and returns it. */
    private String give(Context ctx, String id, String owner) {
        String token = id + "." + signature(id, owner);
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (Https.secure(ctx) ? "; Secure" : ""));
        return token;
    }

    /** The token a request was given; signed again if the request changed whose session it is (a first write, a resume code). */
    private record Issued(Csrf csrf, String token, String owner) {
        Issued now(Context ctx) {
            String who = csrf.learners.owner(ctx, false);
            if (who.equals(owner)) return this;
            Issued again = new Issued(csrf, csrf.give(ctx, token.substring(0, token.indexOf('.')), who), who);
            ctx.attribute(ATTRIBUTE, again);
            return again;
        }
    }

    /** The token for the page being rendered ("" outside a request that was given one). */
    public static String token(Context ctx) {
        return ctx.attribute(ATTRIBUTE) instanceof Issued i ? i.now(ctx).token() : "";
    }
}
