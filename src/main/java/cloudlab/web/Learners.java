package cloudlab.web;

import cloudlab.progress.Learner;
import cloudlab.progress.Progress;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * The learner behind a request: an anonymous identity carried by an HttpOnly, SameSite cookie
 * (Secure when served over HTTPS), created the first time the learner does something worth keeping.
 */
final class Learners {
    static final String COOKIE = "cl_learner";
    private static final String ATTRIBUTE = "cloudlab.learner";
    private static final int ONE_YEAR = 365 * 24 * 3600;
    private final Progress progress;

    Learners(Progress progress) {
        this.progress = progress;
    }

    /** The learner the cookie names, if any. */
    Optional<Learner> current(Context ctx) {
        Object cached = ctx.attribute(ATTRIBUTE);
        if (cached instanceof Learner l) return Optional.of(l);
        Optional<Learner> found = progress.bySessionToken(ctx.cookie(COOKIE));
        found.ifPresent(l -> ctx.attribute(ATTRIBUTE, l));
        return found;
    }

    /** The current learner, made now (with a cookie) when there is none. */
    Learner ensure(Context ctx) {
        Optional<Learner> l = current(ctx);
        if (l.isPresent()) return l.get();
        Progress.Started s = progress.newLearner();
        setCookie(ctx, s.token());
        ctx.attribute(ATTRIBUTE, s.learner());
        return s.learner();
    }

    /** Makes this browser the given learner's (after a resume code was typed). */
    void signIn(Context ctx, Learner learner) {
        setCookie(ctx, progress.newSession(learner.id()));
        ctx.attribute(ATTRIBUTE, learner);
    }

    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static void setCookie(Context ctx, String token) {
        String cookie = COOKIE + "=" + token + "; Path=/; Max-Age=" + ONE_YEAR + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : "");
        ctx.res().addHeader("Set-Cookie", cookie);
    }
}
