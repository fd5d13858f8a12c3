package cloudlab.web;

import cloudlab.access.Learners;
import cloudlab.server.ContainerErrors;
import cloudlab.server.Csrf;
import cloudlab.server.Serving;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The one wiring point: every route, the renderer, static files and error handling, configured
 * up front from {@link Services}. {@code main} and every test build the server here.
 */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    /** For answers whose address changes when they do: see {@link Serving#FOREVER}. */
    static final String FOREVER = Serving.FOREVER;

    private App() {
    }

    /** An unstarted server; start it with {@code start(port)} or {@code start("127.0.0.1", 0)}. */
    public static Javalin create(Services services) {
        Learners learners = new Learners(services.progress(), services.settings().secret());
        RateLimiter limiter = new RateLimiter(java.time.Clock.systemUTC(), services.settings().trustedProxies());
        Csrf csrf = new Csrf(services.settings().secret(), learners::owner);
        LessonPages lessons = new LessonPages(services, learners, new cloudlab.page.FigureImages());
        ProgressPages progress = new ProgressPages(services, learners, limiter);
        Api api = new Api(services);
        SandboxPages sandboxes = new SandboxPages(services, learners);
        RunPanel runs = new RunPanel(services, learners);
        WorkshopPages workshops = new WorkshopPages(services, learners, limiter);
        InstructorPages instructor = new InstructorPages(services, limiter, workshops.rooms());
        WorkshopControls live = new WorkshopControls(services, learners, workshops);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.events.serverStarted(learners::startSweeping);
            config.events.serverStopping(learners::stopSweeping);
            Serving.configure(config, Api.MAX_BODY, services.renderer().staticFiles(),
                    java.util.List.of("image/svg+xml", cloudlab.page.FigureImages.CONTENT_TYPE));
            config.fileRenderer(services.renderer());
            config.routes.before(ctx -> {
                csrf.issue(ctx);
                if (ctx.method().toString().equals("POST") && !Csrf.exempt(ctx) && !csrf.valid(ctx)) {
                    throw new Refusal(403, "This form has expired or came from another site. Reload the page and try again.");
                }
            });
            config.routes.get("/", lessons::home);
            config.routes.get("/lessons", ctx -> ctx.redirect("/", HttpStatus.MOVED_PERMANENTLY));
            config.routes.get("/lessons/{slug}", lessons::show);
            config.routes.post("/lessons/{slug}/quiz/{question}", lessons::answer);
            config.routes.post("/lessons/{slug}/quiz/{question}/hint", lessons::hint);
            config.routes.get("/progress", progress::show);
            config.routes.post("/progress/resume", progress::resume);
            config.routes.post("/progress/resume-code", progress::rotate);
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            config.routes.get("/figures/{name}", lessons::figure);
            config.routes.get("/instructor", instructor::home);
            config.routes.post("/instructor/sign-in", instructor::signIn);
            config.routes.post("/instructor/sign-out", instructor::signOut);
            config.routes.get("/instructor/regrade", instructor::regrade);
            config.routes.post("/instructor/regrade", instructor::applyRegrade);
            config.routes.get("/instructor/gradebook.csv", instructor::gradebook);
            config.routes.get("/instructor/gradebook.json", instructor::gradebook);
            config.routes.get("/instructor/tokens", instructor::tokens);
            config.routes.post("/instructor/tokens", instructor::createToken);
            config.routes.post("/instructor/tokens/{id}/revoke", instructor::revokeToken);
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
            config.routes.get("/instructor/workshops/{id}/questions.csv", workshops::questions);
            config.events.serverStopping(live::close);
            config.routes.before("/instructor/workshops/{id}/live", live::mayWatchRoom);
            config.routes.sse("/instructor/workshops/{id}/live", live::roomStream);
            config.routes.get("/instructor/workshops/{id}/projector", live::projector);
            config.routes.post("/instructor/workshops/{id}/rename", live::rename);
            config.routes.post("/instructor/workshops/{id}/lessons", live::lessons);
            config.routes.post("/instructor/workshops/{id}/instructors", live::addInstructor);
            config.routes.post("/instructor/workshops/{id}/board", live::board);
            config.routes.post("/instructor/workshops/{id}/reopen", live::reopen);
            config.routes.post("/instructor/workshops/{id}/policy", live::policy);
            config.routes.post("/instructor/workshops/{id}/merge", live::merge);
            config.routes.post("/instructor/workshops/{id}/learners/{learner}/remove", live::remove);
            config.routes.post("/instructor/workshops/{id}/delete", live::delete);
            config.routes.before("/workshop/live", live::mayWatchHome);
            config.routes.sse("/workshop/live", live::homeStream);
            config.routes.get("/join", workshops::joinForm);
            config.routes.get("/join/{code}", workshops::joinForm);
            config.routes.post("/join", workshops::join);
            config.routes.get("/workshop", workshops::home);
            config.routes.after("/lessons/*", workshops::seen);
            config.routes.after("/sandboxes/*", ctx -> {
                if (ctx.method().toString().equals("POST")) workshops.seen(ctx);
            });
            config.routes.get("/continue", sandboxes::resume);
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
            config.routes.get("/sandboxes/{id}/delete", sandboxes::deleteForm);
            config.routes.post("/sandboxes/{id}/delete", sandboxes::delete);
            config.routes.get("/sandboxes/{id}/run", runs::show);
            config.routes.post("/sandboxes/{id}/run/load", runs::setLoad);
            config.routes.post("/sandboxes/{id}/run/os-load", runs::setOsLoad);
            config.routes.post("/sandboxes/{id}/run/undo", runs::undo);
            config.routes.post("/sandboxes/{id}/run/redo", runs::redo);
            config.routes.get("/sandboxes/{id}/export.yaml", sandboxes::export);
            config.routes.get("/sandboxes/{id}/export.json", sandboxes::export);
            config.routes.get("/shared/{token}", sandboxes::sharedPreview);
            config.routes.post("/shared/{token}", sandboxes::copyShared);
            config.routes.post("/lessons/{slug}/sandboxes/{index}", sandboxes::openLessonSandbox);
            config.routes.post("/lessons/{slug}/challenges/{challenge}", sandboxes::openChallenge);
            config.routes.post("/api/v1/simulate", api::simulate);
            config.routes.post("/api/v1/grade", api::grade);
            config.routes.post("/api/v1/run", api::run);
            config.routes.post("/api/v1/quizzes/{id}/grade", api::gradeQuiz);
            config.routes.get("/api/v1/regions", api::regions);
            InstructorApi instructorApi = new InstructorApi(services, workshops.rooms());
            config.routes.get("/api/v1/workshops/{id}/results", instructorApi::results);
            config.routes.post("/api/v1/regrade", instructorApi::regrade);
            config.routes.before("/api/v1/quizzes/*", ctx -> { // checking answers without a token: limited per address
                if (ctx.header("Authorization") == null && !limiter.anonymousApiCall(limiter.client(ctx))) {
                    ctx.header("Retry-After", "60");
                    throw new Refusal(429, "too many API calls from this address; wait a minute (calls with an instructor's token are not limited so)");
                }
            });

            config.routes.exception(cloudlab.sandbox.Sandboxes.NotFound.class,
                    (e, ctx) -> Problems.answer(services, ctx, 404, "There is no such shared layout or sandbox."));
            config.routes.exception(cloudlab.sandbox.Caps.Reached.class, (e, ctx) -> Problems.answer(services, ctx, 400, e.getMessage()));
            config.routes.exception(RateLimiter.Busy.class, (e, ctx) -> {
                ctx.header("Retry-After", "5");
                Problems.answer(services, ctx, 503, "The lab is busy signing others in; please try again in a few seconds.");
            });
            config.routes.exception(InstructorPages.SignInNeeded.class, (e, ctx) -> InstructorPages.signInPage(services, ctx, e));
            config.routes.exception(WorkshopPages.ConfirmFirst.class, (e, ctx) -> ctx.html(services.renderer().page("instructor/confirm", e.model)));
            config.routes.exception(cloudlab.workshop.ApiTokens.Denied.class, (e, ctx) -> Problems.answer(services, ctx, e.status, e.getMessage()));
            config.routes.exception(cloudlab.workshop.Workshops.NotYours.class, (e, ctx) -> Problems.answer(services, ctx, 403, e.getMessage()));
            config.routes.exception(Refusal.class, (e, ctx) -> Problems.answer(services, ctx, e.status, e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                Problems.answer(services, ctx, e.getStatus(), Problems.plainWords(e, ctx));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                int refused = ContainerErrors.clientFault(e);
                if (refused > 0) {
                    Problems.answer(services, ctx, refused, refused == 408 ? "The request came in too slowly; please try again."
                            : "The request's body could not be read: it is cut short or badly framed.");
                    ctx.header("Connection", "close");
                    return;
                }
                LOG.error("unexpected fault on {} {}", ctx.method(), ctx.path(), e);
                Problems.answer(services, ctx, 500, "Something went wrong on our side. Your work so far is saved; please try again.");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")) {
                    Problems.answer(services, ctx, 404, "There is no page at " + ctx.path() + ".");
                }
            });
        });
    }

    /**
     * Makes the first sandbox a learner opens after a start as quick as the next ones: renders the
     * page of a sandbox that is never stored (nothing is written). {@code serve} runs it in the
     * background once the server listens; the first page is not held up for it. Returns the page.
     */
    public static String warmUp(Services services) {
        return new SandboxPages(services, new Learners(services.progress(), services.settings().secret())).warmUp();
    }
}
