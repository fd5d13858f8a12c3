package cloudlab.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The one wiring point: every route, the renderer, static files and error handling, configured
 * up front from {@link Services}. {@code main} and every test build the server here.
 */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private App() {
    }

    /** An unstarted server; start it with {@code start(port)} or {@code start("127.0.0.1", 0)}. */
    public static Javalin create(Services services) {
        Learners learners = new Learners(services.progress(), services.settings().secret());
        RateLimiter limiter = new RateLimiter(java.time.Clock.systemUTC(), services.settings().trustedProxies());
        FigureImages figures = new FigureImages();
        Csrf csrf = new Csrf(services.settings().secret());
        LessonPages lessons = new LessonPages(services, learners, figures);
        ProgressPages progress = new ProgressPages(services, learners, limiter);
        Api api = new Api(services);
        SandboxPages sandboxes = new SandboxPages(services, learners);
        InstructorPages instructor = new InstructorPages(services, limiter);
        WorkshopPages workshops = new WorkshopPages(services, learners, limiter);
        java.util.concurrent.ScheduledExecutorService sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloudlab-sweep");
            t.setDaemon(true);
            return t;
        });
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // on start and then daily: expired sessions and learners that never kept anything go
            config.events.serverStarted(() -> sweeper.scheduleWithFixedDelay(() -> sweep(learners), 0, 1, java.util.concurrent.TimeUnit.DAYS));
            config.events.serverStopping(sweeper::shutdownNow);
            config.http.maxRequestSize = Api.MAX_BODY;
            // a page (up to a few hundred KB for a busy sandbox with its world map) is built whole before
            // any byte is sent, so a fault late in a request can still answer cleanly instead of cutting a page off
            config.http.responseBufferSize = 512 * 1024;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(ContainerErrors.server());
                server.setHandler(new SlowBodies()); // the lab's servlet context goes inside it
            });
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(IO_IDLE_MILLIS));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(ContainerErrors.context()));
            config.fileRenderer(services.renderer());
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                if (services.settings().staticFiles() != null) {
                    files.directory = services.settings().staticFiles().toString();
                    files.location = Location.EXTERNAL;
                } else {
                    files.directory = "/static";
                    files.location = Location.CLASSPATH;
                }
            });
            config.routes.before(App::securityHeaders);
            config.routes.before(ContainerErrors::knownCharset);
            config.routes.before(ctx -> {
                csrf.issue(ctx);
                if (ctx.method().toString().equals("POST") && !Csrf.exempt(ctx) && !csrf.valid(ctx)) {
                    throw new CsrfRefused();
                }
            });
            config.routes.get("/", lessons::home);
            config.routes.get("/lessons", ctx -> ctx.redirect("/", HttpStatus.MOVED_PERMANENTLY));
            config.routes.get("/lessons/{slug}", lessons::show);
            config.routes.post("/lessons/{slug}/quiz/{question}", lessons::answer);
            config.routes.post("/lessons/{slug}/quiz/{question}/hint", lessons::hint);
            config.routes.get("/progress", progress::show);
            config.routes.post("/progress/resume", progress::resume);
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            config.routes.get("/figures/{name}", figures::serve);
            config.routes.get("/instructor", instructor::home);
            config.routes.post("/instructor/sign-in", instructor::signIn);
            config.routes.post("/instructor/sign-out", instructor::signOut);
            config.routes.get("/instructor/regrade", instructor::regrade);
            config.routes.post("/instructor/regrade", instructor::applyRegrade);
            config.routes.get("/instructor/gradebook.csv", instructor::gradebook);
            config.routes.get("/instructor/gradebook.json", instructor::gradebook);
            config.routes.get("/instructor/workshops", workshops::list);
            config.routes.post("/instructor/workshops", workshops::create);
            config.routes.get("/instructor/workshops/{id}", workshops::room);
            config.routes.get("/instructor/workshops/{id}/grid", workshops::grid);
            config.routes.post("/instructor/workshops/{id}/pace", workshops::pace);
            config.routes.post("/instructor/workshops/{id}/push", workshops::push);
            config.routes.post("/instructor/workshops/{id}/chaos", workshops::chaos);
            config.routes.post("/instructor/workshops/{id}/close", workshops::closeWorkshop);
            config.routes.post("/instructor/workshops/{id}/learners/{learner}/reset", workshops::resetLearner);
            config.routes.get("/instructor/workshops/{id}/learners/{learner}", workshops::learner);
            config.routes.get("/instructor/workshops/{id}/results.csv", workshops::results);
            config.routes.get("/instructor/workshops/{id}/summary", workshops::summary);
            config.routes.get("/join", workshops::joinForm);
            config.routes.get("/join/{code}", workshops::joinForm);
            config.routes.post("/join", workshops::join);
            config.routes.get("/workshop", workshops::home);
            config.routes.after(App::readRestOfBody);
            config.routes.after("/lessons/*", workshops::seen);
            config.routes.after("/sandboxes/*", ctx -> {
                if (ctx.method().toString().equals("POST")) workshops.seen(ctx);
            });
            config.routes.get("/sandboxes", sandboxes::list);
            config.routes.post("/sandboxes", sandboxes::create);
            config.routes.post("/sandboxes/import", sandboxes::importLayout);
            config.routes.get("/sandboxes/{id}", sandboxes::show);
            config.routes.post("/sandboxes/{id}/do", sandboxes::act);
            config.routes.post("/sandboxes/{id}/undo", sandboxes::undo);
            config.routes.post("/sandboxes/{id}/redo", sandboxes::redo);
            config.routes.post("/sandboxes/{id}/reset", sandboxes::reset);
            config.routes.post("/sandboxes/{id}/step", sandboxes::step);
            config.routes.post("/sandboxes/{id}/share", sandboxes::share);
            config.routes.post("/sandboxes/{id}/check", sandboxes::check);
            config.routes.get("/sandboxes/{id}/export.yaml", sandboxes::export);
            config.routes.get("/sandboxes/{id}/export.json", sandboxes::export);
            config.routes.get("/shared/{token}", sandboxes::sharedPreview);
            config.routes.post("/shared/{token}", sandboxes::copyShared);
            config.routes.post("/lessons/{slug}/sandboxes/{index}", sandboxes::openLessonSandbox);
            config.routes.post("/lessons/{slug}/challenges/{challenge}", sandboxes::openChallenge);
            config.routes.post("/api/v1/simulate", api::simulate);
            config.routes.post("/api/v1/grade", api::grade);
            config.routes.post("/api/v1/run", new RunApi(services)::run);
            config.routes.post("/api/v1/quizzes/{id}/grade", api::gradeQuiz);
            config.routes.get("/api/v1/regions", api::regions);

            config.routes.exception(cloudlab.sandbox.Sandboxes.NotFound.class,
                    (e, ctx) -> problem(services, ctx, 404, "There is no such shared layout or sandbox."));
            config.routes.exception(cloudlab.sandbox.Sandboxes.LimitReached.class, (e, ctx) -> problem(services, ctx, 400, e.getMessage()));
            config.routes.exception(CsrfRefused.class, (e, ctx) -> problem(services, ctx, 403,
                    "This form has expired or came from another site. Reload the page and try again."));
            config.routes.exception(RateLimiter.Busy.class, (e, ctx) -> {
                ctx.header("Retry-After", "5");
                problem(services, ctx, 503, "The lab is busy signing others in; please try again in a few seconds.");
            });
            config.routes.exception(Api.Refusal.class, (e, ctx) -> Api.json(ctx, e.status, Api.error(e.getMessage())));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                problem(services, ctx, e.getStatus(), plainWords(e, ctx));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                int refused = ContainerErrors.clientFault(e);
                if (refused > 0) {
                    problem(services, ctx, refused, refused == 408 ? "The request came in too slowly; please try again."
                            : "The request's body could not be read: it is cut short or badly framed.");
                    ctx.header("Connection", "close");
                    return;
                }
                LOG.error("unexpected fault on {} {}", ctx.method(), ctx.path(), e);
                problem(services, ctx, 500, "Something went wrong on our side. Your work so far is saved; please try again.");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                    problem(services, ctx, 404, "There is no page at " + ctx.path() + ".");
                }
            });
        });
    }

    private static void sweep(Learners learners) {
        try {
            int gone = learners.visitors().sweep(java.time.Clock.systemUTC());
            if (gone > 0) LOG.info("swept {} learners that kept nothing", gone);
        } catch (RuntimeException e) {
            LOG.warn("the sweep of idle learners failed; it runs again tomorrow", e);
        }
    }

    /** A POST without the token its cookie holds. */
    static final class CsrfRefused extends RuntimeException {
        CsrfRefused() {
            super("missing or wrong CSRF token", null, false, false);
        }
    }

    /** Our own words for the framework's stock refusals ("Endpoint GET /x not found", "Content Too Large"). */
    private static String plainWords(HttpResponseException e, Context ctx) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e.getStatus() == 404 && (m.isEmpty() || m.startsWith("Endpoint ") || m.equals("Not Found"))) {
            return "There is no page at " + ctx.path() + ".";
        }
        if (e.getStatus() == 413) return "the body is over 1 MiB";
        if (e.getStatus() == 405) return "That address does not take a " + ctx.method() + " request.";
        return m;
    }

    /** An error answer: JSON for the API, a page (or fragment) for people. */
    static void problem(Services services, Context ctx, int status, String message) {
        if (ctx.path().startsWith("/api/")) {
            Api.json(ctx, status, Api.error(message));
            return;
        }
        Map<String, Object> model = LessonPages.base(ctx, titleFor(status) + " — Cloud Lab");
        model.put("status", status);
        model.put("heading", message.startsWith("This form has expired") ? "Please try again" : titleFor(status));
        model.put("message", message);
        String html;
        try {
            html = services.renderer().page("error", model);
        } catch (RuntimeException e) {
            LOG.error("the error page itself failed", e);
            html = "<!DOCTYPE html><title>Error</title><p>" + status + ": something went wrong.</p>";
        }
        ctx.status(status).html(html);
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 404 -> "Page not found";
            case 413 -> "Too large";
            case 403 -> "Not open yet";
            case 429 -> "Too many tries";
            case 503 -> "Busy";
            case 400 -> "That did not work";
            case 500 -> "Something went wrong";
            default -> "Request refused";
        };
    }

    /** The most of a request body the lab reads only to throw it away; more than this and the connection ends. */
    static final long MOST_TO_DISCARD = 16L * 1024 * 1024;
    /**
     * How long a blocking read of a request body or write of an answer may wait without a byte
     * moving (Jetty's connector waits 30 s): a client that stops sending its body holds a thread
     * no longer than this.
     */
    static final long IO_IDLE_MILLIS = 10_000;

    /**
     * Reads and drops whatever the handler left of the request body, before the answer goes out.
     * When a client sends its CSRF token in the header (a script; the test client), a handler that
     * needs no form field never reads the body; a refused post (a 413, a forged form, a 404) may
     * not read it either. If part of that body is still on its way when the answer is done, Jetty
     * resets the connection (its guard against a client that never finishes), and a page sent in
     * chunks is cut off mid-way. At most {@link #MOST_TO_DISCARD} is read, each wait bounded by
     * {@link #IO_IDLE_MILLIS}; past either, and for a client still waiting for "100 Continue"
     * (reading would invite it to send a body nobody reads), the answer says the connection
     * closes, and goes out whole.
     */
    static void readRestOfBody(Context ctx) {
        jakarta.servlet.http.HttpServletRequest req = ctx.req();
        if (req.getContentLengthLong() <= 0 && req.getHeader("Transfer-Encoding") == null) return;
        if ("100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
            // even asking the body whether it is finished makes Jetty send "100 Continue"
            ctx.header("Connection", "close");
            return;
        }
        try {
            jakarta.servlet.ServletInputStream in = req.getInputStream();
            if (in.isFinished()) return;
            byte[] buffer = new byte[16 * 1024];
            long left = MOST_TO_DISCARD;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) left -= n;
            if (!in.isFinished()) ctx.header("Connection", "close");
        } catch (java.io.IOException | RuntimeException e) {
            // the client stopped sending or went away, or the body was read another way (a reader,
            // a multipart part): the connection has nothing more to give
            ctx.header("Connection", "close");
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
    }
}
