package cloudlab.web;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.Learner;
import cloudlab.progress.LearnerProgress;
import cloudlab.quiz.Answering;
import cloudlab.quiz.Completion;
import cloudlab.progress.Progress;
import cloudlab.quiz.Scoring;
import cloudlab.quiz.Submission;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.document.Json;
import cloudlab.sim.document.LayoutWriter;
import cloudlab.sim.grade.Goal;
import cloudlab.sim.grade.Goals;
import cloudlab.workshop.Working;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The course map, the lesson pages and answering a lesson's quiz (the rules are the quiz feature's, {@link Answering}). */
final class LessonPages {
    private final Services services;
    private final Learners learners;
    private final Answering answering;
    private final LessonMarkup markup;

    LessonPages(Services services, Learners learners, FigureImages images) {
        this.services = services;
        this.learners = learners;
        this.answering = new Answering(services.progress());
        this.markup = new LessonMarkup(services.renderer(), new LessonDrawings(images, services.course()));
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
        ctx.render("home", model);
    }

    void show(Context ctx) {
        Course course = services.course().course();
        Lesson lesson = course.lesson(ctx.pathParam("slug"));
        if (lesson == null) throw new NotFoundResponse("There is no lesson at " + ctx.path());
        Learner learner = learners.ensure(ctx);
        Working.Place place = place(services, ctx, learner, lesson);
        if (refused(services, ctx, place.locked())) return;
        LearnerProgress progress = services.progress().withHints(learner.id(), place.scope());
        if (progress.lesson(lesson.slug()) == null && !Learners.visitor(learner)) { // the first visit: note it (later visits write nothing)
            services.progress().opened(learner.id(), lesson.slug());
            progress = services.progress().withHints(learner.id(), place.scope());
        }
        ctx.html(page(ctx, course, place.lesson(), learner, progress, answering.in(place.scope()).states(learner.id(), place.lesson(), progress,
                ctx.queryParam("variant"), policy(place.lesson()))));
    }

    /** {@code POST /lessons/{slug}/quiz/{question}}: answers the question. */
    void answer(Context ctx) {
        Quizzed q = question(ctx);
        if (q == null) return;
        respond(ctx, q, q.answering().answer(q.learner().id(), q.lesson(), q.question(), ctx.formParamMap(), policy(q.lesson())));
    }

    /** {@code POST /lessons/{slug}/quiz/{question}/hint}: shows a hint; from now on the question's points are scaled down by its cost. */
    void hint(Context ctx) {
        Quizzed q = question(ctx);
        if (q == null) return;
        respond(ctx, q, q.answering().hint(q.learner().id(), q.lesson(), q.question(), ctx.formParam("hint"), policy(q.lesson())));
    }

    /** The attempt policy in force for a lesson's quiz (a workshop's override is already in the lesson, see {@link Working}). */
    private static cloudlab.quiz.AttemptPolicy policy(Lesson lesson) {
        return lesson.quiz() == null ? cloudlab.quiz.AttemptPolicy.PRACTICE : lesson.quiz().policy();
    }

    /** A question of a lesson's quiz that a learner acts on. */
    private record Quizzed(Course course, Lesson lesson, Question question, Learner learner, Answering answering) {
    }

    /** The question the path names, for the learner of this browser; null when its lesson is locked (the refusal is sent). */
    private Quizzed question(Context ctx) {
        Course course = services.course().course();
        Lesson lesson = course.lesson(ctx.pathParam("slug"));
        if (lesson == null || lesson.quiz() == null) throw new NotFoundResponse("There is no quiz at " + ctx.path());
        Question q = lesson.quiz().question(ctx.pathParam("question"));
        if (q == null) throw new NotFoundResponse("This quiz has no question " + ctx.pathParam("question"));
        Learner learner = learners.ensure(ctx);
        Working.Place place = place(services, ctx, learner, lesson);
        return refused(services, ctx, place.refusal()) ? null
                : new Quizzed(course, place.lesson(), place.lesson().quiz().question(q.id()), learner, answering.in(place.scope()));
    }

    /**
     * The answer to an action on a question: with htmx, the question's section alone; without, back
     * to the lesson (a refusal: the lesson page with the refusal at the question, 400).
     */
    private void respond(Context ctx, Quizzed q, Answering.Outcome outcome) {
        if (outcome.refused()) ctx.status(HttpStatus.BAD_REQUEST);
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.html(markup.question(q.course(), outcome.state(), Csrf.token(ctx)));
        } else if (outcome.refused()) {
            LearnerProgress progress = services.progress().withHints(q.learner().id(), place(services, ctx, q.learner(), q.lesson()).scope());
            List<Answering.QuestionState> states = q.answering().states(q.learner().id(), q.lesson(), progress, null, policy(q.lesson())).stream()
                    .map(s -> s.question() == q.question() ? outcome.state() : s).toList();
            ctx.html(page(ctx, q.course(), q.lesson(), q.learner(), progress, states));
        } else {
            ctx.redirect("/lessons/" + q.lesson().slug() + "#q-" + q.question().id(), HttpStatus.SEE_OTHER);
        }
    }

    private String page(Context ctx, Course course, Lesson lesson, Learner learner, LearnerProgress progress,
                        List<Answering.QuestionState> states) {
        boolean completed = Completion.state(lesson, progress) == Completion.LessonState.DONE;
        return markup.page(ctx.path(), Csrf.token(ctx), course, lesson, CourseMap.cards(course, progress), completed, progress, states);
    }

    /**
     * The lock check for any room that opens part of a lesson (its quiz, hints, sandboxes,
     * challenge): whether the learner's workshop has not opened this lesson yet; if so the answer
     * is a page that says so (403) and the lesson stays closed.
     */
    static boolean locked(Services services, Context ctx, Learner learner, Lesson lesson) {
        return refused(services, ctx, place(services, ctx, learner, lesson).locked());
    }

    /** Where the learner works on the lesson now: the workshop feature's decision ({@link Working}). */
    static Working.Place place(Services services, Context ctx, Learner learner, Lesson lesson) {
        return Working.place(WorkshopPages.membership(services.workshops(), ctx, learner.id()), lesson);
    }

    /** Answers with the refusal (403) when there is one; whether there was. */
    static boolean refused(Services services, Context ctx, String refusal) {
        if (refusal != null) App.problem(services, ctx, 403, refusal);
        return refusal != null;
    }

    /** Records the lesson complete when a learner's work makes it so (a sandbox challenge check calls this). */
    static void completeIfDone(Services services, Learner learner, Lesson lesson) {
        new Answering(services.progress()).recordCompletion(learner.id(), lesson);
    }

    static Map<String, Object> base(Context ctx, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("path", ctx.path());
        model.put("home", ctx.path().equals("/"));
        model.put("csrf", Csrf.token(ctx));
        model.put("section", ctx.path().startsWith("/progress") ? "progress" : ctx.path().startsWith("/sandboxes") ? "sandboxes" : "course");
        return model;
    }
}
