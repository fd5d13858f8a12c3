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
import cloudlab.sim.Json;
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
    private final FigureImages images;
    private final Shapes shapes = new Shapes();
    private final QuestionFragments questions;

    LessonPages(Services services, Learners learners, FigureImages images) {
        this.services = services;
        this.learners = learners;
        this.images = images;
        this.questions = new QuestionFragments(services.renderer(), shapes);
        images.whenUnknown(this::drawCourse);
    }

    /** One lesson on the course map, with the learner's state of it. */
    record LessonCard(Lesson lesson, int number, String state, String stateLabel, int answered, int questions, double score) {
        public String href() {
            return "/lessons/" + lesson.slug();
        }
    }

    /** A lesson body segment ready for the template: the kind and what to show (its drawing as an image, if any). */
    record SegmentView(String kind, String html, String caption, FigureImages.Image image, Object data) {
    }

    /** A challenge block: its goals in words and the start layout as YAML. */
    record ChallengeView(LessonChallenge challenge, List<String> goals, String yaml, boolean passed) {
    }

    /** A sandbox block: what to try and its layout as YAML. */
    record SandboxView(Segment.Sandbox sandbox, String yaml) {
    }

    /**
     * One question as this learner sees it: the variant their seed names, their latest answer to
     * it with its result, the hints they have seen, and any error from their last submission.
     */
    record QuestionView(String slug, String quizId, Question question, int number, String seed, Submission given,
                        Scoring.Result result, int attempts, List<Integer> hintsShown, String error,
                        LearnerProgress.ChallengeResult challengeResult, FigureImages.Image predictImage, List<Integer> itemOrder) {
        public String action() {
            return "/lessons/" + slug + "/quiz/" + question.id();
        }

        public String anchor() {
            return "q-" + question.id();
        }

        public String type() {
            return question.type().word();
        }

        public boolean chose(int i) {
            return given != null && given.chose(i);
        }

        public boolean answered() {
            return question.type() == Question.Type.CHALLENGE ? challengeResult != null : result != null;
        }

        public boolean correct() {
            return question.type() == Question.Type.CHALLENGE ? challengeResult != null && challengeResult.passed()
                    : result != null && result.correct();
        }

        public String verdict() {
            if (!answered()) return "";
            if (question.type() == Question.Type.CHALLENGE) {
                return challengeResult.passed() ? "Challenge passed" : "Best so far: " + Math.round(challengeResult.bestScore() * 100) + "% of the goals";
            }
            String hintNote = hintsShown.isEmpty() ? "" : " (hints cost " + Math.round(question.hintCost(hintsShown).doubleValue() * 100) + "% of the points)";
            if (result.correct()) return "Correct" + hintNote;
            if (result.score() > 0) return "Partly right: " + Math.round(result.score() * 100) + "% of the points" + hintNote;
            return "Not quite";
        }

        public boolean hintShown(int i) {
            return hintsShown.contains(i);
        }

        public String costPercent(int i) {
            return Math.round(question.hints().get(i).cost().doubleValue() * 100) + "%";
        }

        public String givenNumber() {
            return given != null && given.number() != null ? given.number().toPlainString() : "";
        }

        public String givenTruth() {
            return given != null && given.truth() != null ? given.truth().toString() : "";
        }

        public int matchOf(int i) {
            return given == null ? -1 : given.matchOf(i);
        }

        public int positionOf(int i) {
            return given == null ? 0 : given.positionOf(i);
        }

        /** The right-hand choices of a matching question, by canonical index, shown in alphabetical order. */
        public List<Map.Entry<Integer, String>> rightChoices() {
            List<Map.Entry<Integer, String>> out = new ArrayList<>();
            List<String> rights = question.rights();
            for (int i = 0; i < rights.size(); i++) out.add(Map.entry(i, rights.get(i)));
            out.sort(Map.Entry.comparingByValue());
            return out;
        }

        public List<Integer> positions() {
            List<Integer> out = new ArrayList<>();
            for (int i = 1; i <= question.items().size(); i++) out.add(i);
            return out;
        }

        public String newVariantHref() {
            return "/lessons/" + slug + "?variant=" + question.id() + "#" + anchor();
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
        model.put("membership", learner.flatMap(l -> services.workshops().current(l.id())).orElse(null));
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
        if (locked(ctx, learner, lesson)) return;
        LearnerProgress progress = services.progress().withHints(learner.id());
        if (progress.lesson(lesson.slug()) == null && !Learners.visitor(learner)) { // the first visit: note it (later visits write nothing)
            services.progress().opened(learner.id(), lesson.slug());
            progress = services.progress().withHints(learner.id());
        }
        ctx.html(lessonPage(ctx, course, lesson, learner, progress, ctx.queryParam("variant"), null, null));
    }

    /**
     * The lesson page for this learner. Its body is made of kept blocks and questions; the page
     * around it depends only on the lesson, where the learner stands in each lesson and the
     * address, so it is kept too, with a stand-in for the body.
     */
    private String lessonPage(Context ctx, Course course, Lesson lesson, Learner learner, LearnerProgress progress, String newFor,
                              Question errorQuestion, String error) {
        String csrf = Csrf.token(ctx);
        Object version = shapeVersion(course);
        String body = body(lesson, learner, progress, newFor, errorQuestion, error, csrf, version);
        List<LessonCard> cards = cards(course, progress);
        boolean completed = progress.lesson(lesson.slug()) != null && progress.lesson(lesson.slug()).completed();
        List<String> states = cards.stream().map(LessonCard::state).toList();
        String frame = shapes.shape(version, new FrameKey(new Shapes.Identity(lesson), states, completed, ctx.path()),
                () -> frame(ctx, course, lesson, cards, completed));
        return shapes.fillAround(frame, csrf, body);
    }

    /** What the page around a lesson's body is made from besides the token: see {@link #lessonPage}. */
    private record FrameKey(Shapes.Identity lesson, List<String> states, boolean completed, String path) {
    }

    /** The lesson page around its body (the course map, the header, the pager), with the stand-ins. */
    private String frame(Context ctx, Course course, Lesson lesson, List<LessonCard> cards, boolean completed) {
        Map<String, Object> model = base(ctx, lesson.title() + " — Cloud Lab");
        model.put("csrf", shapes.csrfHole);
        model.put("lesson", lesson);
        model.put("cards", cards);
        model.put("body", shapes.innerHole);
        model.put("next", course.next(lesson));
        model.put("previous", course.previous(lesson));
        model.put("number", course.lessons().indexOf(lesson) + 1);
        model.put("completed", completed);
        return services.renderer().page("lesson/lesson", model);
    }

    void answer(Context ctx) {
        Course course = services.course().course();
        Lesson lesson = course.lesson(ctx.pathParam("slug"));
        if (lesson == null || lesson.quiz() == null) throw new NotFoundResponse("There is no quiz at " + ctx.path());
        Quiz quiz = lesson.quiz();
        Question q = quiz.question(ctx.pathParam("question"));
        if (q == null) throw new NotFoundResponse("This quiz has no question " + ctx.pathParam("question"));
        Learner learner = learners.ensure(ctx);
        if (locked(ctx, learner, lesson)) return;
        Progress progress = services.progress();
        LearnerProgress before = progress.of(learner.id());
        LearnerProgress.Answer last = before.answer(quiz.id(), q.id());
        int attempts = last == null ? 0 : last.attempts();
        String seed = ctx.formParam("seed");
        String next = Question.Seeds.of(learner.id(), quiz.id(), q.id(), attempts + 1);
        String error = null;
        Submission given = null;
        if (seed == null || seed.isBlank()) seed = last != null && last.seed() != null ? last.seed() : next;
        if (!seed.equals(next) && (last == null || !seed.equals(last.seed()))) {
            error = "seed: this variant of the question was not given to you; reload the lesson to get yours";
        } else if (q.variant(seed).answersNumber() && numberProblem(ctx.formParam("answer")) != null) {
            error = numberProblem(ctx.formParam("answer"));
        } else {
            try {
                given = Submission.fromForm(q.variant(seed), ctx.formParamMap());
            } catch (InputException e) {
                error = e.getMessage();
            }
        }
        if (error != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            if (htmx(ctx)) {
                boolean badSeed = error.startsWith("seed:");
                questionFragment(ctx, course, questionView(lesson, quiz, q, learner, before, null, error, badSeed ? null : seed));
            } else {
                renderLessonWithError(ctx, course, lesson, learner, q, error);
            }
            return;
        }
        Question variant = q.variant(seed);
        List<Integer> hints = progress.hintsShown(learner.id(), quiz.id(), q.id());
        Scoring.Result result = Scoring.score(variant, given, hints);
        progress.answered(learner.id(), quiz.id(), q.id(), new Progress.Attempt(seed, given.toJson(), Json.line(hints), q.version()),
                result.score(), result.max());
        completeIfDone(services, learner, lesson);
        afterQuestion(ctx, course, lesson, quiz, q, learner);
    }

    /**
     * Why a typed number answer cannot be scored, or null: exact scoring would spend minutes on a
     * thousand digits or an exponent like {@code 1e-99999999}, so such answers are refused first.
     */
    static String numberProblem(String typed) {
        if (typed == null) return null;
        String t = typed.strip();
        if (t.length() > 40) return "answer: must be a number of at most 40 characters, like 3 or 42.5";
        try {
            return numberProblem(new java.math.BigDecimal(t.replace(",", ".")));
        } catch (NumberFormatException e) {
            return null; // not a number at all: the submission says so
        }
    }

    /** As above, for a number already read (the grading API). */
    static String numberProblem(java.math.BigDecimal n) {
        if (n == null) return null;
        if (n.precision() > 40 || n.scale() > 1000 || n.scale() < -1000 || n.abs().compareTo(new java.math.BigDecimal("1e12")) > 0) {
            return "answer: must be a number below a trillion";
        }
        if (n.stripTrailingZeros().scale() > 12) return "answer: must have at most 12 digits after the point";
        return null;
    }

    /**
     * Whether the learner's workshop has not opened this lesson yet; if so the answer is a page
     * that says so (403) and the lesson stays closed.
     */
    private boolean locked(Context ctx, Learner learner, Lesson lesson) {
        return locked(services, ctx, learner, lesson);
    }

    /** The lock check for any room that opens part of a lesson (its quiz, hints, sandboxes, challenge). */
    static boolean locked(Services services, Context ctx, Learner learner, Lesson lesson) {
        var ms = WorkshopPages.membership(services.workshops(), ctx, learner.id());
        if (ms.isEmpty() || ms.get().workshop().lessonOpen(lesson.slug())) return false;
        App.problem(services, ctx, 403, "Your instructor has not opened \"" + lesson.title() + "\" yet in "
                + ms.get().workshop().title() + ". It opens when the room gets there.");
        return true;
    }

    /** Shows a hint; from now on the question's points are scaled down by its cost. */
    void hint(Context ctx) {
        Course course = services.course().course();
        Lesson lesson = course.lesson(ctx.pathParam("slug"));
        if (lesson == null || lesson.quiz() == null) throw new NotFoundResponse("There is no quiz at " + ctx.path());
        Quiz quiz = lesson.quiz();
        Question q = quiz.question(ctx.pathParam("question"));
        if (q == null) throw new NotFoundResponse("This quiz has no question " + ctx.pathParam("question"));
        Learner learner = learners.ensure(ctx);
        if (locked(ctx, learner, lesson)) return;
        int hint;
        try {
            hint = Integer.parseInt(String.valueOf(ctx.formParam("hint")).strip());
        } catch (NumberFormatException e) {
            hint = -1;
        }
        if (hint < 0 || hint >= q.hints().size()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            String error = "hint: this question has " + q.hints().size() + (q.hints().size() == 1 ? " hint" : " hints");
            if (htmx(ctx)) {
                questionFragment(ctx, course, questionView(lesson, quiz, q, learner, services.progress().of(learner.id()), null, error, null));
            } else {
                renderLessonWithError(ctx, course, lesson, learner, q, error);
            }
            return;
        }
        services.progress().hintShown(learner.id(), quiz.id(), q.id(), hint);
        afterQuestion(ctx, course, lesson, quiz, q, learner);
    }

    private void afterQuestion(Context ctx, Course course, Lesson lesson, Quiz quiz, Question q, Learner learner) {
        if (htmx(ctx)) {
            questionFragment(ctx, course, questionView(lesson, quiz, q, learner, services.progress().of(learner.id()), null, null, null));
        } else {
            ctx.redirect("/lessons/" + lesson.slug() + "#q-" + q.id(), HttpStatus.SEE_OTHER);
        }
    }

    /** The answer to an htmx request about one question: that question's section alone. */
    private void questionFragment(Context ctx, Course course, QuestionView qv) {
        ctx.html(questions.html(qv, Csrf.token(ctx), shapeVersion(course)));
    }

    private static boolean htmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    /**
     * The question as this learner sees it. The variant is the one of their latest attempt, or of
     * their next attempt when they asked for a new variant ({@code newFor} names the question) or
     * have not answered yet; {@code forcedSeed} pins it (an error shown for the variant they sent).
     */
    QuestionView questionView(Lesson lesson, Quiz quiz, Question q, Learner learner, LearnerProgress progress, String newFor,
                              String error, String forcedSeed) {
        LearnerProgress.Answer a = progress == null ? null : progress.answer(quiz.id(), q.id());
        int attempts = a == null ? 0 : a.attempts();
        boolean fresh = a == null || (q.hasVariants() && q.id().equals(newFor));
        String seed = forcedSeed != null ? forcedSeed
                : fresh ? Question.Seeds.of(learner.id(), quiz.id(), q.id(), attempts + 1)
                : a.seed() != null ? a.seed() : Question.Seeds.of(learner.id(), quiz.id(), q.id(), attempts);
        Question variant = q.variant(seed);
        List<Integer> hints = progress == null ? null : progress.hints(quiz.id(), q.id());
        if (hints == null) hints = services.progress().hintsShown(learner.id(), quiz.id(), q.id());
        Submission given = null;
        Scoring.Result result = null;
        if (a != null && !fresh && error == null && q.type() != Question.Type.CHALLENGE) {
            given = Submission.fromJson(a.answer());
            if (given.problemWith(variant) == null) result = Scoring.score(variant, given, cloudlab.quiz.Regrade.hintsOf(a.hints()));
            else given = null;
        }
        LearnerProgress.ChallengeResult cr = q.challenge() == null || progress == null ? null : progress.challenge(q.challenge());
        return new QuestionView(lesson.slug(), quiz.id(), variant, quiz.questions().indexOf(q) + 1, seed, given, result, attempts,
                hints, error, cr, predictImage(variant), itemOrder(variant, seed));
    }

    /** The items of an ordering question in an order shuffled by the seed that does not give the answer away. */
    static List<Integer> itemOrder(Question question, String seed) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < question.items().size(); i++) out.add(i);
        out.sort(java.util.Comparator.comparing(i -> Question.Seeds.of(seed, question.id(), String.valueOf(i), 0)));
        boolean identity = true;
        for (int i = 0; i < out.size(); i++) identity &= out.get(i) == i;
        if (identity && out.size() > 1) java.util.Collections.reverse(out);
        return out;
    }

    /** A lesson is complete once every quiz question is answered and every challenge passed. */
    static void completeIfDone(Services services, Learner learner, Lesson lesson) {
        LearnerProgress now = services.progress().of(learner.id());
        Quiz quiz = lesson.quiz();
        boolean answered = quiz == null || quiz.questions().stream().allMatch(x -> x.type() == Question.Type.CHALLENGE
                ? now.challenge(x.challenge()) != null : now.answer(quiz.id(), x.id()) != null);
        boolean passed = lesson.challenges().stream().allMatch(c -> now.challenge(c.id()) != null && now.challenge(c.id()).passed());
        if (answered && passed) services.progress().completed(learner.id(), lesson.slug());
    }

    private void renderLessonWithError(Context ctx, Course course, Lesson lesson, Learner learner, Question q, String error) {
        ctx.html(lessonPage(ctx, course, lesson, learner, services.progress().withHints(learner.id()), null, q, error));
    }

    /** The lesson's body for this learner: its blocks in order, the quiz with their questions. */
    private String body(Lesson lesson, Learner learner, LearnerProgress progress, String newFor, Question errorQuestion, String error,
                        String csrf, Object version) {
        StringBuilder out = new StringBuilder(16384);
        for (Segment s : lesson.segments()) {
            if (s instanceof Segment.QuizBlock qb) {
                StringBuilder qs = new StringBuilder(8192);
                for (Question q : qb.quiz().questions()) {
                    qs.append(questions.html(questionView(lesson, qb.quiz(), q, learner, progress, newFor, q == errorQuestion ? error : null,
                            null), csrf, version));
                }
                String wrapper = shapes.shape(version, new SegmentKey(new Shapes.Identity(s), new Shapes.Identity(lesson), false),
                        () -> renderSegment(lesson, new SegmentView("quiz", shapes.innerHole, null, null, null)));
                out.append(shapes.fillAround(wrapper, csrf, qs.toString()));
                continue;
            }
            boolean passed = s instanceof Segment.ChallengeBlock cb && progress != null && progress.challenge(cb.challenge().id()) != null
                    && progress.challenge(cb.challenge().id()).passed();
            String shape = shapes.shape(version, new SegmentKey(new Shapes.Identity(s), new Shapes.Identity(lesson), passed),
                    () -> renderSegment(lesson, view(s, passed)));
            out.append(shapes.fill(shape, null, csrf));
        }
        return out.toString();
    }

    /**
     * What kept lesson markup was made from besides each key: the course as read (a course read
     * again after an edit has new lessons and questions) and the text of the templates.
     */
    private Object shapeVersion(Course course) {
        Renderer r = services.renderer();
        return List.of(new Shapes.Identity(course), r.stamp("lesson/segment"), r.stamp("lesson/question"), r.stamp("lesson/lesson"),
                r.stamp("fragments/chrome"));
    }

    /**
     * Draws every drawing the course shows as an image (lesson figures, sandbox and challenge
     * blocks, each variant of each predict question), so that any of their addresses can be
     * served by this server, also before it has shown the page that links it (several servers
     * behind one address, a restart).
     */
    private void drawCourse() {
        for (Lesson lesson : services.course().course().lessons()) {
            for (Segment s : lesson.segments()) {
                if (s instanceof Segment.QuizBlock qb) {
                    for (Question q : qb.quiz().questions()) {
                        for (Question v : q.variants().isEmpty() ? List.of(q) : q.variants()) predictImage(v);
                    }
                } else {
                    drawing(s);
                }
            }
        }
    }

    /** The image of a lesson block's drawing: a figure's, or a sandbox's or challenge's start layout; null for prose and the quiz. */
    private FigureImages.Image drawing(Segment s) {
        if (s instanceof Segment.Figure f) return images.of(figures.cached(f.view(), f.layout(), f.fail()));
        if (s instanceof Segment.Sandbox sb) {
            return images.of(figures.cached(sb.layout().hosts().isEmpty() ? "infrastructure" : "hosts", sb.layout(), List.of()));
        }
        if (s instanceof Segment.ChallengeBlock cb) return images.of(figures.cached("infrastructure", cb.challenge().start(), List.of()));
        return null;
    }

    /** The image of the layout a predict question asks about, or null for other questions. */
    private FigureImages.Image predictImage(Question variant) {
        Question.Predict p = variant.predict();
        return p == null ? null : images.of(figures.cached(p.view(), p.layout(), p.fail()));
    }

    /** What a lesson block's markup is made from besides the CSRF token: the block and its lesson (by identity), and a challenge's result. */
    private record SegmentKey(Shapes.Identity segment, Shapes.Identity lesson, boolean passed) {
    }

    /** One block of the lesson's body through the {@code lesson/segment} fragment, with the token's stand-in. */
    private String renderSegment(Lesson lesson, SegmentView view) {
        Map<String, Object> model = new HashMap<>();
        model.put("s", view);
        model.put("lesson", lesson);
        model.put("csrf", shapes.csrfHole);
        return services.renderer().fragment("lesson/segment", "segment", model);
    }

    /** What the {@code lesson/segment} fragment shows of a block (not the quiz). */
    private SegmentView view(Segment s, boolean passed) {
        SegmentView view;
        if (s instanceof Segment.Prose p) {
            view = new SegmentView("prose", p.html(), null, null, null);
        } else if (s instanceof Segment.Figure f) {
            view = new SegmentView("figure", null, f.caption(), drawing(s), f);
        } else if (s instanceof Segment.Sandbox sb) {
            view = new SegmentView("sandbox", null, sb.title(), drawing(s), new SandboxView(sb, figures.yaml(sb.layout())));
        } else if (s instanceof Segment.ChallengeBlock cb) {
            LessonChallenge c = cb.challenge();
            List<String> goals = new ArrayList<>();
            for (Goal g : c.challenge().goals()) goals.add(Goals.describe(g));
            view = new SegmentView("challenge", null, c.challenge().title(), drawing(s),
                    new ChallengeView(c, goals, figures.yaml(c.start()), passed));
        } else {
            throw new IllegalStateException("a lesson block of an unknown kind: " + s.getClass().getSimpleName());
        }
        return view;
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

    /** The course's drawings and layout documents, made once per layout while the course holds it. */
    static final class Figures {
        /** Drawings and YAML of the course's own layouts (figures, sandbox and challenge blocks, predict questions), made once each. */
        private final Map<Layout, Map<String, Diagrams.Drawing>> drawn = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
        private final Map<Layout, String> yamls = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        /** {@link Diagrams#drawing} of a layout that belongs to the course (never changed once read), kept while the course holds it. */
        Diagrams.Drawing cached(String view, Layout layout, List<String> fail) {
            return drawn.computeIfAbsent(layout, k -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(view + "\u0000" + String.join("\u0000", fail), k -> Diagrams.drawing(view, layout, fail));
        }

        /** The YAML of a course layout, kept like {@link #cached}. */
        String yaml(Layout layout) {
            return yamls.computeIfAbsent(layout, LayoutWriter::toYaml);
        }
    }
}
