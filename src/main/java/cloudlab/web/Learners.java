package cloudlab.web;

import cloudlab.common.Tokens;
import cloudlab.progress.Learner;
import cloudlab.progress.Progress;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The learner behind a request: an anonymous identity carried by an HttpOnly, SameSite cookie
 * (Secure when served over HTTPS), created the first time the learner does something worth keeping
 * (a POST): reading pages makes no rows, so a crawler or a flood of cookieless GETs costs nothing.
 * Sessions last as long as the cookie; {@link #sweep} forgets older ones and learners that never
 * kept anything.
 */
final class Learners {
    static final String COOKIE = "cl_learner";
    private static final String ATTRIBUTE = "cloudlab.learner";
    private static final int ONE_YEAR = 365 * 24 * 3600;
    /** How long a browser session lasts: the cookie's lifetime. */
    static final Duration SESSION_LIFETIME = Duration.ofSeconds(ONE_YEAR);
    /** How old a learner with nothing kept must be before it is swept (a day: one still at work keeps it). */
    static final Duration IDLE_LEARNER_AGE = Duration.ofDays(1);
    /**
     * The cookie of a reader who is no learner yet: the id its learner will get, signed, so the
     * question variants a lesson showed it (seeded by that id) are still its own when it answers.
     */
    static final String VISITOR_COOKIE = "cl_visitor";
    private static final java.util.regex.Pattern SIGNED_ID = java.util.regex.Pattern.compile("(L[A-Z0-9]{6,20})\\.([A-Za-z0-9_-]{43})");
    private final byte[] secret;
    private final Progress progress;

    /** Learners in the store, with visitor ids signed by the secret. */
    Learners(Progress progress, String secret) {
        this.progress = progress;
        this.secret = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The learner the cookie names, if any. */
    Optional<Learner> current(Context ctx) {
        Object cached = ctx.attribute(ATTRIBUTE);
        if (cached instanceof Learner l) return Optional.of(l);
        Optional<Learner> found = progress.bySessionToken(ctx.cookie(COOKIE));
        found.ifPresent(l -> ctx.attribute(ATTRIBUTE, l));
        return found;
    }

    /**
     * The current learner, made now (with a cookie) when there is none and the request writes. A
     * GET or HEAD makes none: it sees a visitor (no resume code, nothing stored) under the id its
     * learner will get, kept in a signed cookie.
     */
    Learner ensure(Context ctx) {
        Optional<Learner> l = current(ctx);
        if (l.isPresent()) return l.get();
        String pending = pendingId(ctx);
        String method = ctx.method().toString();
        if (method.equals("GET") || method.equals("HEAD")) {
            if (pending == null) {
                pending = progress.newLearnerId();
                ctx.res().addHeader("Set-Cookie", VISITOR_COOKIE + "=" + pending + "." + Tokens.hmac(secret, "visitor\n" + pending)
                        + "; Path=/; Max-Age=" + ONE_YEAR + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
            }
            return new Learner(pending, "", null);
        }
        Progress.Started s;
        try {
            s = pending != null && progress.byId(pending).isEmpty() ? progress.newLearner(pending) : progress.newLearner();
        } catch (cloudlab.store.StoreException e) {
            s = progress.newLearner(); // the same visitor's other first write took that id a moment ago
        }
        if (pending != null) ctx.res().addHeader("Set-Cookie", VISITOR_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        setCookie(ctx, s.token());
        ctx.attribute(ATTRIBUTE, s.learner());
        return s.learner();
    }

    /** Makes this browser the given learner's (after a resume code was typed). */
    void signIn(Context ctx, Learner learner) {
        setCookie(ctx, progress.newSession(learner.id()));
        ctx.attribute(ATTRIBUTE, learner);
    }

    /** Whether this is a reader who is no stored learner yet (see {@link #ensure}). */
    static boolean visitor(Learner learner) {
        return learner.resumeCode() == null || learner.resumeCode().isEmpty();
    }

    /** The id the visitor cookie holds with a valid signature, or null. */
    private String pendingId(Context ctx) {
        String v = ctx.cookie(VISITOR_COOKIE);
        if (v == null) return null;
        java.util.regex.Matcher m = SIGNED_ID.matcher(v);
        return m.matches() && Tokens.sameText(m.group(2), Tokens.hmac(secret, "visitor\n" + m.group(1))) ? m.group(1) : null;
    }

    /** Forgets expired sessions and learners that kept nothing; returns how many learners went. */
    int sweep(Clock clock) {
        progress.expireSessions(clock.instant().minus(SESSION_LIFETIME));
        return progress.sweepIdleLearners(clock.instant().minus(IDLE_LEARNER_AGE));
    }

    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static void setCookie(Context ctx, String token) {
        String cookie = COOKIE + "=" + token + "; Path=/; Max-Age=" + ONE_YEAR + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : "");
        ctx.res().addHeader("Set-Cookie", cookie);
    }
}
