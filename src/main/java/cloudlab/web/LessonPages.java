package cloudlab.web;

import cloudlab.diagram.Diagrams;
import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.lesson.Segment;
import cloudlab.progress.Learner;
import cloudlab.progress.LearnerProgress;
import cloudlab.progress.Progress;
import cloudlab.quiz.Scoring;
import cloudlab.quiz.Submission;
import cloudlab.sim.Goal;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.LayoutWriter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The course map, the lesson pages and answering a lesson's quiz. */
final class LessonPages {
    private final Services services;
    private final Learners learners;
    private final Figures figures = new Figures();

    LessonPages(Services services, Learners learners) {
        this.services = services;
        this.learners = learners;
    }

    /** One lesson on the course map, with the learner's state of it. */
    record LessonCard(Lesson lesson, int number, String state, String stateLabel, int answered, int questions, double score) {
        public String href() {
            return "/lessons/" + lesson.slug();
        }
    }

    /** A lesson body segment ready for the template: the kind and what to show. */
    record SegmentView(String kind, String html, String caption, String svg, Object data) {
    }

    /** A challenge block: its goals in words and the start layout drawn. */
    record ChallengeView(LessonChallenge challenge, List<String> goals, String svg, String yaml, boolean passed) {
    }

    /** A sandbox block: what to try and the layout drawn. */
    record SandboxView(Segment.Sandbox sandbox, String svg, String yaml) {
    }

    /** One question with the learner's latest answer, if any. */
    record QuestionView(String slug, String quizId, Question question, int number, Submission given, Scoring.Result result,
                        int attempts, String error) {
        public String action() {
            return "/lessons/" + slug + "/quiz/" + question.id();
        }

        public String anchor() {
            return "q-" + question.id();
        }

        public boolean chose(int i) {
            return given != null && given.chose(i);
        }

        public boolean answered() {
            return result != null;
        }

        public String verdict() {
            if (result == null) return "";
            if (result.correct()) return "Correct";
            if (result.score() > 0) return "Partly right: " + Math.round(result.score() * 100) + "% of the points";
            return "Not quite";
        }

        public String givenNumber() {
            return given != null && given.number() != null ? given.number().toPlainString() : "";
        }

        public String givenTruth() {
            return given != null && given.truth() != null ? given.truth().toString() : "";
        }
    }

    void home(Context ctx) {
        Course course = services.course().course();
        Optional<Learner> learner = learners.current(ctx);
        LearnerProgress progress = learner.map(l -> services.progress().of(l.id())).orElse(null);
        Map<String, Object> model = base(ctx, "Cloud Lab — learn how clouds are built");
        model.put("cards", cards(course, progress));
        model.put("learner", learner.orElse(null));
        model.put("problems", course.problems());
        ctx.render("home", model);
    }

    static List<LessonCard> cards(Course course, LearnerProgress progress) {
        List<LessonCard> out = new ArrayList<>();
        int n = 1;
        for (Lesson l : course.lessons()) {
            LearnerProgress.LessonState s = progress == null ? null : progress.lesson(l.slug());
            Quiz quiz = l.quiz();
            int questions = quiz == null ? 0 : quiz.questions().size();
            int answered = 0;
            double score = 0;
            if (quiz != null && progress != null) {
                for (Question q : quiz.questions()) {
                    LearnerProgress.Answer a = progress.answer(quiz.id(), q.id());
                    if (a != null) {
                        answered++;
                        score += a.score();
                    }
                }
            }
            String state = s == null ? "new" : s.completed() ? "done" : "started";
            String label = switch (state) {
                case "done" -> "Completed";
                case "started" -> "In progress";
                default -> "Not started";
            };
            out.add(new LessonCard(l, n++, state, label, answered, questions, score));
        }
        return out;
    }

    void show(Context ctx) {
        Course course = services.course().course();
        Lesson lesson = course.lesson(ctx.pathParam("slug"));
        if (lesson == null) throw new NotFoundResponse("There is no lesson at " + ctx.path());
        Learner learner = learners.ensure(ctx);
        services.progress().opened(learner.id(), lesson.slug());
        LearnerProgress progress = services.progress().of(learner.id());
        Map<String, Object> model = base(ctx, lesson.title() + " — Cloud Lab");
        model.put("lesson", lesson);
        model.put("cards", cards(course, progress));
        model.put("segments", segments(lesson, progress, null, null));
        model.put("next", course.next(lesson));
        model.put("previous", course.previous(lesson));
        model.put("number", course.lessons().indexOf(lesson) + 1);
        model.put("completed", progress.lesson(lesson.slug()) != null && progress.lesson(lesson.slug()).completed());
        ctx.render("lesson/lesson", model);
    }

    void answer(Context ctx) {
        Course course = services.course().course();
        Lesson lesson = course.lesson(ctx.pathParam("slug"));
        if (lesson == null || lesson.quiz() == null) throw new NotFoundResponse("There is no quiz at " + ctx.path());
        Quiz quiz = lesson.quiz();
        Question q = quiz.question(ctx.pathParam("question"));
        if (q == null) throw new NotFoundResponse("This quiz has no question " + ctx.pathParam("question"));
        Learner learner = learners.ensure(ctx);
        Progress progress = services.progress();
        int number = quiz.questions().indexOf(q) + 1;
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        Submission given;
        try {
            given = Submission.fromForm(q, ctx.formParams("choice"), ctx.formParam("answer"));
        } catch (InputException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            if (htmx) {
                Map<String, Object> model = base(ctx, lesson.title());
                model.put("qv", new QuestionView(lesson.slug(), quiz.id(), q, number, null, null, 0, e.getMessage()));
                ctx.html(services.renderer().fragment("lesson/question", "question", model));
            } else {
                renderLessonWithError(ctx, course, lesson, learner, q, e.getMessage());
            }
            return;
        }
        Scoring.Result result = Scoring.score(q, given);
        int attempt = progress.answered(learner.id(), quiz.id(), q.id(), given.toJson(), result.score(), result.max());
        completeIfDone(services, learner, lesson);
        if (htmx) {
            Map<String, Object> model = base(ctx, lesson.title());
            model.put("qv", new QuestionView(lesson.slug(), quiz.id(), q, number, given, result, attempt, null));
            ctx.html(services.renderer().fragment("lesson/question", "question", model));
        } else {
            ctx.redirect("/lessons/" + lesson.slug() + "#q-" + q.id(), HttpStatus.SEE_OTHER);
        }
    }

    /** A lesson is complete once every quiz question is answered and every challenge passed. */
    static void completeIfDone(Services services, Learner learner, Lesson lesson) {
        LearnerProgress now = services.progress().of(learner.id());
        Quiz quiz = lesson.quiz();
        boolean answered = quiz == null || quiz.questions().stream().allMatch(x -> now.answer(quiz.id(), x.id()) != null);
        boolean passed = lesson.challenges().stream().allMatch(c -> now.challenge(c.id()) != null && now.challenge(c.id()).passed());
        if (answered && passed) services.progress().completed(learner.id(), lesson.slug());
    }

    private void renderLessonWithError(Context ctx, Course course, Lesson lesson, Learner learner, Question q, String error) {
        LearnerProgress progress = services.progress().of(learner.id());
        Map<String, Object> model = base(ctx, lesson.title() + " — Cloud Lab");
        model.put("lesson", lesson);
        model.put("cards", cards(course, progress));
        model.put("segments", segments(lesson, progress, q, error));
        model.put("next", course.next(lesson));
        model.put("previous", course.previous(lesson));
        model.put("number", course.lessons().indexOf(lesson) + 1);
        model.put("completed", progress.lesson(lesson.slug()) != null && progress.lesson(lesson.slug()).completed());
        ctx.html(services.renderer().page("lesson/lesson", model));
    }

    private List<SegmentView> segments(Lesson lesson, LearnerProgress progress, Question errorQuestion, String error) {
        List<SegmentView> out = new ArrayList<>();
        for (Segment s : lesson.segments()) {
            if (s instanceof Segment.Prose p) {
                out.add(new SegmentView("prose", p.html(), null, null, null));
            } else if (s instanceof Segment.Figure f) {
                out.add(new SegmentView("figure", null, f.caption(), figures.svg(f), f));
            } else if (s instanceof Segment.Sandbox sb) {
                String svg = figures.draw(sb.layout().hosts().isEmpty() ? "infrastructure" : "hosts", sb.layout(), List.of());
                out.add(new SegmentView("sandbox", null, sb.title(), svg, new SandboxView(sb, svg, LayoutWriter.toYaml(sb.layout()))));
            } else if (s instanceof Segment.QuizBlock qb) {
                List<QuestionView> qs = new ArrayList<>();
                int n = 1;
                for (Question q : qb.quiz().questions()) {
                    LearnerProgress.Answer a = progress == null ? null : progress.answer(qb.quiz().id(), q.id());
                    Submission given = a == null ? null : Submission.fromJson(a.answer());
                    Scoring.Result r = given == null ? null : Scoring.score(q, given);
                    String err = q == errorQuestion ? error : null;
                    qs.add(new QuestionView(lesson.slug(), qb.quiz().id(), q, n++, given, r, a == null ? 0 : a.attempts(), err));
                }
                out.add(new SegmentView("quiz", null, null, null, qs));
            } else if (s instanceof Segment.ChallengeBlock cb) {
                LessonChallenge c = cb.challenge();
                List<String> goals = new ArrayList<>();
                for (Goal g : c.challenge().goals()) goals.add(Goals.describe(g));
                String svg = figures.draw("infrastructure", c.start(), List.of());
                boolean passed = progress != null && progress.challenge(c.id()) != null && progress.challenge(c.id()).passed();
                out.add(new SegmentView("challenge", null, c.challenge().title(), svg,
                        new ChallengeView(c, goals, svg, LayoutWriter.toYaml(c.start()), passed)));
            }
        }
        return out;
    }

    static Map<String, Object> base(Context ctx, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("path", ctx.path());
        model.put("home", ctx.path().equals("/"));
        model.put("section", ctx.path().startsWith("/progress") ? "progress" : ctx.path().startsWith("/sandboxes") ? "sandboxes" : "course");
        return model;
    }

    /** Diagrams of lesson figures, drawn once per figure while its lesson is unchanged. */
    static final class Figures {
        private final Map<Object, String> cache = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        String svg(Segment.Figure f) {
            return cache.computeIfAbsent(f.layout(), k -> draw(f.view(), f.layout(), f.fail()));
        }

        String draw(String view, Layout layout, List<String> fail) {
            return switch (view) {
                case "hosts" -> Diagrams.hosts(layout, fail);
                case "map" -> Diagrams.map(layout, fail, false);
                default -> Diagrams.infrastructure(layout, fail);
            };
        }
    }
}
