package cloudlab.web;

import cloudlab.access.Learners;
import cloudlab.server.Csrf;
import cloudlab.access.Visitors;
import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.page.CourseMap;
import cloudlab.page.FigureImages;
import cloudlab.page.LeftOff;
import cloudlab.page.LessonMarkup;
import cloudlab.progress.Learner;
import cloudlab.progress.LearnerProgress;
import cloudlab.quiz.Answering;
import cloudlab.workshop.Working;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The course map, the lesson pages and answering a lesson's quiz. The rules are the quiz
 * feature's ({@link Answering}) and the workshop's place for the lesson ({@link Working}: lock, freeze, scope, policy); the markup is
 * {@link LessonMarkup}'s.
 */
final class LessonPages {
    private final Services services;
    private final Learners learners;
    private final Answering answering;
    private final LessonMarkup markup;
    private final FigureImages images;

    LessonPages(Services services, Learners learners, FigureImages images) {
        this.services = services;
        this.learners = learners;
        this.answering = new Answering(services.progress());
        this.images = images;
        this.markup = new LessonMarkup(services.renderer(), images, services.course(), Csrf.TOKEN);
    }

    void home(Context ctx) {
        Course course = services.course().course();
        Optional<Learner> learner = learners.current(ctx);
        LearnerProgress progress = learner.map(l -> services.progress().of(l.id())).orElse(null);
        Map<String, Object> model = base(ctx, "Cloud Lab — learn how clouds are built");
        model.put("cards", CourseMap.cards(course, progress));
        model.put("learner", learner.orElse(null));
        model.put("problems", course.problems());
        model.put("membership", learner.flatMap(l -> services.workshops().current(l.id())).orElse(null));
        model.put("leftOff", learner.map(l -> LeftOff.of(services.sandboxes(), course, l.id(), progress)).orElse(LeftOff.NOTHING));
        ctx.render("home", model);
    }

    void show(Context ctx) {
        Course course = services.course().course();
        Lesson lesson = course.lesson(ctx.pathParam("slug"));
        if (lesson == null) throw new NotFoundResponse("There is no lesson at " + ctx.path());
        Learner learner = learners.ensure(ctx);
        Working.Place place = mustBeOpen(services, ctx, learner, lesson);
        Answering.LessonView view = answering.in(place.scope()).open(learner.id(), !Visitors.visitor(learner), place.lesson(),
                ctx.queryParam("variant"), place.lesson().policy());
        if (view.firstVisit()) WorkshopPages.recorded(ctx);
        ctx.contentType(io.javalin.http.ContentType.TEXT_HTML).result(markup.page(ctx.path(), Csrf.token(ctx), course, place.lesson(), view));
    }

    /** {@code POST /lessons/{slug}/quiz/{question}}: answers the question. */
    void answer(Context ctx) {
        Quizzed q = question(ctx);
        respond(ctx, q, q.answering().answer(q.learner().id(), q.lesson(), q.question(), ctx.formParamMap(), q.lesson().policy()));
    }

    /** {@code POST /lessons/{slug}/quiz/{question}/hint}: shows a hint; from now on the question's points are scaled down by its cost. */
    void hint(Context ctx) {
        Quizzed q = question(ctx);
        respond(ctx, q, q.answering().hint(q.learner().id(), q.lesson(), q.question(), ctx.formParam("hint"), q.lesson().policy()));
    }

    /** A question of a lesson's quiz that a learner acts on. */
    private record Quizzed(Course course, Lesson lesson, Question question, Learner learner, Answering answering) {
    }

    /** The question the path names, for the learner of this browser, once its lesson is open to them. */
    private Quizzed question(Context ctx) {
        Course course = services.course().course();
        Lesson lesson = course.lesson(ctx.pathParam("slug"));
        if (lesson == null || lesson.quiz() == null) throw new NotFoundResponse("There is no quiz at " + ctx.path());
        Question q = lesson.quiz().question(ctx.pathParam("question"));
        if (q == null) throw new NotFoundResponse("This quiz has no question " + ctx.pathParam("question"));
        Learner learner = learners.ensure(ctx);
        Working.Place place = place(services, ctx, learner, lesson);
        if (place.refusal() != null) throw new Refusal(403, place.refusal());
        return new Quizzed(course, place.lesson(), place.lesson().quiz().question(q.id()), learner, answering.in(place.scope()));
    }

    /**
     * The answer to an action on a question: with htmx, the question's section alone; without, back
     * to the lesson (a refusal: the lesson page with the refusal at the question, 400).
     */
    private void respond(Context ctx, Quizzed q, Answering.Outcome outcome) {
        if (outcome.refused()) ctx.status(HttpStatus.BAD_REQUEST);
        if (Renderer.wantsFragment(ctx)) {
            ctx.html(markup.question(q.course(), outcome.state(), Csrf.token(ctx)));
        } else if (outcome.refused()) {
            Answering.LessonView view = q.answering().after(q.learner().id(), q.lesson(), outcome, q.lesson().policy());
            ctx.contentType(io.javalin.http.ContentType.TEXT_HTML).result(markup.page(ctx.path(), Csrf.token(ctx), q.course(), q.lesson(), view));
        } else {
            ctx.redirect("/lessons/" + q.lesson().slug() + "#q-" + q.question().id(), HttpStatus.SEE_OTHER);
        }
    }

    /** {@code GET /figures/{name}}: a drawing, to be kept by the browser for a year (its address changes with it). */
    void figure(Context ctx) {
        String svg = images.svg(ctx.pathParam("name")).orElseThrow(() -> new NotFoundResponse("There is no figure " + ctx.pathParam("name")));
        ctx.header("Cache-Control", App.FOREVER);
        ctx.contentType(cloudlab.page.FigureImages.CONTENT_TYPE);
        ctx.result(svg);
    }

    /**
     * The lock check for any room that opens part of a lesson (its page, quiz, hints, sandboxes,
     * challenge): refused (403, the lesson stays closed) when the learner's workshop has not opened it yet.
     */
    static Working.Place mustBeOpen(Services services, Context ctx, Learner learner, Lesson lesson) {
        Working.Place place = place(services, ctx, learner, lesson);
        if (place.locked() != null) throw new Refusal(403, place.locked());
        return place;
    }

    /** Where the learner works on the lesson now: the workshop feature's decision ({@link Working}). */
    static Working.Place place(Services services, Context ctx, Learner learner, Lesson lesson) {
        return Working.place(services.course().course(), WorkshopPages.membership(services.workshops(), ctx, learner.id()), lesson);
    }

    static Map<String, Object> base(Context ctx, String title) {
        return base(ctx.path(), Csrf.token(ctx), title);
    }

    /** What every page's layout needs: its title, its address (which section it is in) and the form token. */
    static Map<String, Object> base(String path, String csrf, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("path", path);
        model.put("home", path.equals("/"));
        model.put("csrf", csrf);
        model.put("section", path.startsWith("/progress") ? "progress" : path.startsWith("/sandboxes") ? "sandboxes" : "course");
        return model;
    }
}
