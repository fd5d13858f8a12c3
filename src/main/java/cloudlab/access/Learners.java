package cloudlab.access;

import cloudlab.progress.Learner;
import cloudlab.progress.Progress;
import cloudlab.server.Https;
import io.javalin.http.Context;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The learner behind a request: an anonymous identity carried by an HttpOnly, SameSite cookie
 * (Secure when served over HTTPS), created the first time the learner does something worth keeping
 * (a POST): reading pages makes no rows, so a crawler or a flood of cookieless GETs costs nothing.
 * When a reader becomes a learner, and how its id is signed, is {@link Visitors}'s to say; this
 * class carries it in cookies.
 */
public class Learners {
    private static final Logger LOG = LoggerFactory.getLogger(Learners.class);
    public static final String COOKIE = "cl_learner";
    private static final String ATTRIBUTE = "cloudlab.learner";
    /** The visitor id this request was just given, before the browser sends its cookie back. */
    private static final String VISITOR_ATTRIBUTE = "cloudlab.visitor";
    private static final long ONE_YEAR = Visitors.SESSION_LIFETIME.toSeconds();
    /**
     * The cookie of a reader who is no learner yet: the id its learner will get, signed, so the
     * question variants a lesson showed it (seeded by that id) are still its own when it answers.
     */
    public static final String VISITOR_COOKIE = "cl_visitor";
    private final Progress progress;
    private final Visitors visitors;
    private ScheduledExecutorService sweeper;

    /** Learners in the store, with visitor ids signed by the secret. */
    public Learners(Progress progress, String secret) {
        this.progress = progress;
        this.visitors = new Visitors(progress, secret);
    }

    /** The learner the cookie names, if any. */
    public Optional<Learner> current(Context ctx) {
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
    public Learner ensure(Context ctx) {
        Optional<Learner> l = current(ctx);
        if (l.isPresent()) return l.get();
        String pending = pendingId(ctx);
        String method = ctx.method().toString();
        if (method.equals("GET") || method.equals("HEAD")) return new Learner(pending != null ? pending : newVisitor(ctx), "", null);
        Progress.Started s = visitors.start(pending);
        if (pending != null) ctx.res().addHeader("Set-Cookie", VISITOR_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        setCookie(ctx, s.token());
        ctx.attribute(ATTRIBUTE, s.learner());
        return s.learner();
    }

    /**
     * Whose session the request is, for binding its CSRF token: the learner's id, else the
     * visitor's; a browser with neither gets a visitor id now when {@code give} (it is reading a
     * page), else the answer is "".
     */
    public String owner(Context ctx, boolean give) {
        Optional<Learner> l = current(ctx);
        if (l.isPresent()) return l.get().id();
        String pending = pendingId(ctx);
        if (pending != null) return pending;
        return give ? newVisitor(ctx) : "";
    }

    /** Gives the browser a signed visitor id (no row is made) and returns the id. */
    private String newVisitor(Context ctx) {
        String signed = visitors.newSignedId();
        String id = Visitors.id(signed);
        ctx.res().addHeader("Set-Cookie", VISITOR_COOKIE + "=" + signed
                + "; Path=/; Max-Age=" + ONE_YEAR + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
        ctx.attribute(VISITOR_ATTRIBUTE, id);
        return id;
    }

    /** Makes this browser the given learner's (after a resume code was typed). */
    public void signIn(Context ctx, Learner learner) {
        setCookie(ctx, progress.newSession(learner.id()));
        ctx.attribute(ATTRIBUTE, learner);
    }

    /** The id the visitor cookie holds with a valid signature, or null. */
    private String pendingId(Context ctx) {
        if (ctx.attribute(VISITOR_ATTRIBUTE) instanceof String given) return given;
        return visitors.idOf(ctx.cookie(VISITOR_COOKIE));
    }

    public Visitors visitors() {
        return visitors;
    }

    /** On start and then daily: expired sessions and learners that never kept anything go. */
    public synchronized void startSweeping() {
        if (sweeper != null) return;
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloudlab-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 0, 1, TimeUnit.DAYS);
    }

    /** Stops the daily sweep (the server is stopping). */
    public synchronized void stopSweeping() {
        if (sweeper != null) sweeper.shutdownNow();
        sweeper = null;
    }

    private void sweep() {
        try {
            int gone = visitors.sweep(Clock.systemUTC());
            if (gone > 0) LOG.info("swept {} learners that kept nothing", gone);
        } catch (RuntimeException e) {
            LOG.warn("the sweep of idle learners failed; it runs again tomorrow", e);
        }
    }

    /** Whether the request came over HTTPS: see {@link Https#secure}. */
    public static boolean secure(Context ctx) {
        return Https.secure(ctx);
    }

    private static void setCookie(Context ctx, String token) {
        String cookie = COOKIE + "=" + token + "; Path=/; Max-Age=" + ONE_YEAR + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : "");
        ctx.res().addHeader("Set-Cookie", cookie);
    }
}
