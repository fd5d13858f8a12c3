package cloudlab.web;

import cloudlab.access.Learners;
import cloudlab.quiz.Gradebook;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instructor's pages: sign in, regrade stored attempts after a question is fixed (a dry run
 * first, then apply), and export the gradebook. Every page but sign-in needs a signed-in
 * instructor; a learner's cookie opens nothing here.
 */
final class InstructorPages {
    static final String COOKIE = "cl_instructor";
    /** How long a wrong sign-in takes, so that guessing is slow. */
    static final long WRONG_PASSWORD_DELAY_MS = 1000;
    private final Services services;
    private final RateLimiter limiter;
    private final cloudlab.workshop.Rooms rooms;

    InstructorPages(Services services, RateLimiter limiter, cloudlab.workshop.Rooms rooms) {
        this.services = services;
        this.limiter = limiter;
        this.rooms = rooms;
    }

    private Optional<String> instructor(Context ctx) {
        return services.instructors().bySession(ctx.cookie(COOKIE));
    }

    void home(Context ctx) {
        Optional<String> who = instructor(ctx);
        Map<String, Object> model = homeModel(ctx, who.orElse(null), null, null);
        if (who.isPresent()) {
            List<Gradebook.Row> rows = rooms.gradebook(who.get());
            model.put("rows", rows.size());
            model.put("learners", rows.stream().map(Gradebook.Row::learnerId).distinct().count());
            model.put("workshops", services.workshops().ofInstructor(who.get()));
        }
        ctx.render("instructor/home", model);
    }

    /** The instructor's home page model: signed in as {@code who}, or the sign-in form with an error and the name typed. */
    private static Map<String, Object> homeModel(Context ctx, String who, String error, String typedName) {
        Map<String, Object> model = LessonPages.base(ctx, "Instructor — Cloud Lab");
        model.put("section", "instructor");
        model.put("instructor", who);
        model.put("error", error);
        model.put("typedName", typedName);
        return model;
    }

    void signIn(Context ctx) throws InterruptedException {
        String name = ctx.formParam("name");
        String password = ctx.formParam("password");
        Optional<RateLimiter.Ticket> attempt = limiter.signInAttempt(name, limiter.client(ctx));
        if (attempt.isEmpty()) {
            String error = "Too many wrong passwords for this name. Wait 15 minutes, then try again.";
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).html(services.renderer().page("instructor/home", homeModel(ctx, null, error, name)));
            return;
        }
        Optional<String> token = limiter.slowly(() -> services.instructors().signIn(name, password == null ? new char[0] : password.toCharArray()));
        if (token.isEmpty()) {
            Thread.sleep(WRONG_PASSWORD_DELAY_MS);
            String error = "That name and password do not match an instructor.";
            ctx.status(HttpStatus.UNAUTHORIZED).html(services.renderer().page("instructor/home", homeModel(ctx, null, error, name)));
            return;
        }
        limiter.giveBack(attempt.get());
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + token.get() + "; Path=/instructor; Max-Age=" + 12 * 3600
                + "; HttpOnly; SameSite=Strict" + (Learners.secure(ctx) ? "; Secure" : ""));
        ctx.redirect("/instructor", HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        services.instructors().signOut(ctx.cookie(COOKIE));
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/instructor; Max-Age=0; HttpOnly; SameSite=Strict" + (Learners.secure(ctx) ? "; Secure" : ""));
        ctx.redirect("/instructor", HttpStatus.SEE_OTHER);
    }

    void regrade(Context ctx) {
        signedIn(ctx);
        ctx.render("instructor/regrade", regradeModel(ctx, null, null));
    }

    void applyRegrade(Context ctx) {
        String who = signedIn(ctx);
        String mode = ctx.formParam("mode");
        if (!"keep".equals(mode) && !"replace".equals(mode)) {
            String error = "mode: choose keep (the higher score stays) or replace";
            ctx.status(HttpStatus.BAD_REQUEST).html(services.renderer().page("instructor/regrade", regradeModel(ctx, null, error)));
            return;
        }
        boolean keep = mode.equals("keep");
        String applied = rooms.regrading().apply(who, keep).changed().text("changed") + (keep ? " (higher score kept)." : ".");
        ctx.render("instructor/regrade", regradeModel(ctx, applied, null));
    }

    /** The regrade page: the dry run as things stand now, what was just applied, or an error. */
    private Map<String, Object> regradeModel(Context ctx, String applied, String error) {
        Map<String, Object> model = LessonPages.base(ctx, "Regrade — Cloud Lab");
        model.put("section", "instructor");
        model.put("dry", rooms.regrading().dryRun(instructor(ctx).orElseThrow()));
        model.put("applied", applied);
        model.put("error", error);
        return model;
    }

    void gradebook(Context ctx) {
        List<Gradebook.Row> rows = rooms.gradebook(signedIn(ctx));
        boolean json = ctx.path().endsWith(".json");
        ctx.header("Content-Disposition", "attachment; filename=\"gradebook." + (json ? "json" : "csv") + "\"");
        ctx.contentType(json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8");
        ctx.result(json ? Gradebook.json(rows) : Gradebook.csv(rows));
    }

    /** The signed-in instructor's name; refuses ({@link SignInNeeded}) without one. */
    private String signedIn(Context ctx) {
        return instructor(ctx).orElseThrow(SignInNeeded::new);
    }

    /** A page that needs a signed-in instructor, asked for without one. */
    static final class SignInNeeded extends RuntimeException {
        SignInNeeded() {
            super("Sign in as an instructor to see this page.", null, false, false);
        }
    }

    /**
     * The answer to {@link SignInNeeded} (401): inside the room (htmx) a sign-in link in place, not
     * a page inside the page; elsewhere the sign-in page.
     */
    static void signInPage(Services services, Context ctx, SignInNeeded e) {
        ctx.status(HttpStatus.UNAUTHORIZED);
        if (ctx.header("HX-Request") != null) ctx.html(services.renderer().fragment("instructor/room", "signedOut", LessonPages.base(ctx, "Signed out")));
        else ctx.html(services.renderer().page("instructor/home", homeModel(ctx, null, e.getMessage(), null)));
    }

    // ---- API tokens ----

    void tokens(Context ctx) {
        signedIn(ctx);
        ctx.render("instructor/tokens", tokensModel(ctx, null, null));
    }

    /** Makes a token and shows it this once. */
    void createToken(Context ctx) {
        signedIn(ctx);
        try {
            var made = new cloudlab.workshop.ApiTokens(services.database()).create(instructor(ctx).orElseThrow(), ctx.formParam("name"), ctx.formParam("scope"));
            ctx.render("instructor/tokens", tokensModel(ctx, made, null));
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST).html(services.renderer().page("instructor/tokens", tokensModel(ctx, null, e.getMessage())));
        }
    }

    void revokeToken(Context ctx) {
        signedIn(ctx);
        if (!new cloudlab.workshop.ApiTokens(services.database()).revoke(instructor(ctx).orElseThrow(), ctx.pathParam("id"))) {
            throw new Refusal(404, "There is no API token " + ctx.pathParam("id") + " among yours.");
        }
        ctx.redirect("/instructor/tokens", HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> tokensModel(Context ctx, cloudlab.workshop.ApiTokens.Created made, String error) {
        Map<String, Object> model = LessonPages.base(ctx, "API tokens — Cloud Lab");
        model.put("section", "instructor");
        model.put("tokens", new cloudlab.workshop.ApiTokens(services.database()).of(instructor(ctx).orElseThrow()));
        model.put("made", made);
        model.put("scopes", cloudlab.workshop.ApiTokens.Scope.values());
        model.put("error", error);
        return model;
    }
}
