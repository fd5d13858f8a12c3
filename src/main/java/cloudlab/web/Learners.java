package cloudlab.web;

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
     * Who a reader without a learner is while a page is rendered: no one stored, with no progress
     * and no sandboxes, and no cookie set.
     */
    static final Learner VISITOR = new Learner("", "", null);
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

    /**
     * The current learner, made now (with a cookie) when there is none and the request writes
     * (not a GET or HEAD, which see {@link #VISITOR} instead).
     */
    Learner ensure(Context ctx) {
        Optional<Learner> l = current(ctx);
        if (l.isPresent()) return l.get();
        String method = ctx.method().toString();
        if (method.equals("GET") || method.equals("HEAD")) return VISITOR;
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

    /** Whether this is the reader who is no stored learner ({@link #VISITOR}). */
    static boolean visitor(Learner learner) {
        return learner.id().isEmpty();
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
