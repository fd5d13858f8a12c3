package cloudlab.web;

import cloudlab.access.Learners;
import cloudlab.access.Limits;
import cloudlab.lesson.Course;
import cloudlab.progress.Learner;
import cloudlab.progress.LearnerProgress;
import cloudlab.page.CourseMap;
import cloudlab.quiz.Completion;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** "My progress": the course map with the learner's state, the resume code, and resuming elsewhere. */
final class ProgressPages {
    private final Services services;
    private final Learners learners;
    private final RateLimiter limiter;

    ProgressPages(Services services, Learners learners, RateLimiter limiter) {
        this.services = services;
        this.learners = learners;
        this.limiter = limiter;
    }

    void show(Context ctx) {
        render(ctx, null, null);
    }

    /** A resume code typed into this browser: this browser becomes that learner's. */
    void resume(Context ctx) {
        String code = ctx.formParam("code");
        String client = limiter.client(ctx);
        if (limiter.guessing(Limits.Guess.RESUME_CODE, client)) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            render(ctx, "code: too many wrong codes from here; wait a minute and try again", code == null ? "" : code.strip());
            return;
        }
        Optional<Learner> learner = services.progress().byResumeCode(code);
        if (learner.isEmpty()) {
            limiter.missed(Limits.Guess.RESUME_CODE, client);
            ctx.status(HttpStatus.BAD_REQUEST);
            String typed = code == null ? "" : code.strip();
            render(ctx, typed.isEmpty() ? "code: type the resume code shown on your other browser's progress page"
                    : "code: no learner has the resume code " + (typed.length() > 20 ? typed.substring(0, 20) + "..." : typed)
                    + "; check it (12 letters and digits, like ABCD-EFGH-JKMN)", typed);
            return;
        }
        learners.signIn(ctx, learner.get());
        ctx.redirect("/progress?resumed=1", HttpStatus.SEE_OTHER);
    }

    /** A new resume code for this browser's learner; the old one stops working and other browsers are signed out. */
    void rotate(Context ctx) {
        Optional<Learner> learner = learners.current(ctx);
        if (learner.isEmpty()) throw new io.javalin.http.BadRequestResponse("code: you have no resume code yet; your first answer or sandbox makes one");
        services.progress().rotateResumeCode(learner.get().id(), ctx.cookie(Learners.COOKIE));
        ctx.redirect("/progress?rotated=1", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String error, String typed) {
        Course course = services.course().course();
        Optional<Learner> learner = learners.current(ctx);
        Map<String, Object> model = LessonPages.base(ctx, "My progress — Cloud Lab");
        model.put("learner", learner.orElse(null));
        List<CourseMap.LessonCard> cards = learner.isEmpty() ? CourseMap.cards(course, (cloudlab.progress.LearnerProgress) null) : CourseMap.cards(course, l -> {
            cloudlab.workshop.Working.Place place = LessonPages.place(services, ctx, learner.get(), l); // each lesson where it is worked
            return new CourseMap.Worked(place.lesson(), services.progress().of(learner.get().id(), place.scope()));
        });
        model.put("cards", cards);
        model.put("error", error);
        model.put("typed", typed);
        model.put("resumed", "1".equals(ctx.queryParam("resumed")));
        model.put("rotated", "1".equals(ctx.queryParam("rotated")));
        long done = cards.stream().filter(c -> c.state().equals(Completion.LessonState.DONE.word())).count();
        model.put("done", done);
        model.put("total", course.lessons().size());
        ctx.render("progress", model);
    }
}
