package cloudlab.page;

import cloudlab.sim.grade.Goals;
import cloudlab.lesson.Course;
import cloudlab.lesson.CourseSource;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Segment;
import cloudlab.progress.LearnerProgress;
import cloudlab.quiz.Answering;
import cloudlab.quiz.Completion;
import cloudlab.sim.grade.Goal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The markup of a lesson page for one learner. The page around the body (the course map, the
 * header, the pager), each block of the body and each question are rendered from view records
 * that hold everything they show, and kept per record ({@link KeptMarkup}): most of a page is
 * shared between learners and filled with each one's token and seeds.
 */
public final class LessonMarkup {
    private final Templates renderer;
    private final LessonDrawings drawings;
    private final KeptMarkup kept;
    private final QuestionFragments questions;
    private volatile Object version = List.of();

    /**
     * Lesson pages from these templates, with the course's drawings served as {@code images}, for
     * learners whose CSRF tokens have the form {@code tokenForm}.
     */
    public LessonMarkup(Templates renderer, FigureImages images, CourseSource course, Pattern tokenForm) {
        this.renderer = renderer;
        this.drawings = new LessonDrawings(images, course);
        this.kept = new KeptMarkup(tokenForm);
        this.questions = new QuestionFragments(renderer, kept, drawings);
    }

    /**
     * A lesson in the course map beside a lesson: its number, the learner's state of it and whether
     * it is the lesson shown (the key of its kept markup: a map is made of one per lesson).
     */
    record CardView(KeptMarkup.Same<Lesson> of, int number, String state, String stateLabel, boolean current) {
        public Lesson lesson() {
            return of.value();
        }

        public String href() {
            return "/lessons/" + lesson().slug();
        }
    }

    /**
     * All the page around a lesson's body shows but the course map: the key of its kept markup
     * (with placeholders for the token, then the course map's cards and the body, in that order).
     */
    record FrameView(String title, String path, KeptMarkup.Same<Lesson> lesson, int number, boolean completed,
                     KeptMarkup.Same<Lesson> previous, KeptMarkup.Same<Lesson> next, String csrf, String cards, String body) {
    }

    /** All one block of a lesson's body shows (through the {@code lesson/segment} fragment): its kept markup's key. */
    record SegmentView(String kind, String slug, String html, String caption, FigureImages.Image image, String prompt, int sandboxIndex,
                       String challengeId, KeptMarkup.Same<LessonChallenge> challenge, String yaml, boolean passed, String csrf) {
        /** A challenge's goals in words (worked out when its markup is made, not on every view). */
        public List<String> goals() {
            return challenge == null ? null
                    : challenge.value().challenge().goals().stream().map(Goal.class::cast).map(Goals::describe).toList();
        }
    }

    /**
     * The whole lesson page for a learner, as UTF-8: the course map's cards, the lesson's blocks, and
     * each question as the quiz feature reports it.
     */
    public byte[] page(String path, String csrf, Course course, Lesson lesson, Answering.LessonView view) {
        Object version = version(course);
        KeptMarkup.Token token = kept.token(csrf);
        FrameView frame = new FrameView(lesson.title() + " — Cloud Lab", path, new KeptMarkup.Same<>(lesson),
                course.lessons().indexOf(lesson) + 1, view.completed(), same(course.previous(lesson)), same(course.next(lesson)),
                kept.tokenPlaceholder, kept.innerPlaceholder, kept.innerPlaceholder);
        PageBuffer out = new PageBuffer(32768);
        kept.markup(version, frame, this::frame).write(out, token, null, null,
                cards -> map(cards, course, lesson, view.progress(), token, version),
                body -> body(body, lesson, view.progress(), view.states(), token, version));
        return out.toBytes();
    }

    /** The course map's cards: each lesson's state alone (no scores are worked out for it), one kept markup per lesson and state. */
    private void map(PageBuffer out, Course course, Lesson shown, LearnerProgress progress, KeptMarkup.Token token, Object version) {
        int number = 1;
        for (Lesson l : course.lessons()) {
            Completion.LessonState state = Completion.state(l, progress);
            CardView card = new CardView(new KeptMarkup.Same<>(l), number++, state.word(), state.label(), l.slug().equals(shown.slug()));
            kept.markup(version, card, this::card).write(out, token, null, null);
        }
    }

    /** One question's section alone (the answer to an htmx request about it). */
    public String question(Course course, Answering.QuestionState state, String csrf) {
        return questions.html(state, csrf, version(course));
    }

    private static KeptMarkup.Same<Lesson> same(Lesson l) {
        return l == null ? null : new KeptMarkup.Same<>(l);
    }

    private String frame(FrameView v) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", v.title());
        model.put("path", v.path());
        model.put("home", false);
        model.put("section", "course");
        model.put("csrf", v.csrf());
        model.put("lesson", v.lesson().value());
        model.put("number", v.number());
        model.put("cards", List.of());
        model.put("map", v.cards());
        model.put("completed", v.completed());
        model.put("previous", v.previous() == null ? null : v.previous().value());
        model.put("next", v.next() == null ? null : v.next().value());
        model.put("body", v.body());
        return renderer.page("lesson/lesson", model);
    }

    private String card(CardView card) {
        return renderer.fragment("lesson/lesson", "card", Map.of("cards", List.of(card)));
    }

    /** Appends the lesson's body for this learner: its blocks in order, the quiz with their questions. */
    private void body(PageBuffer out, Lesson lesson, LearnerProgress progress, List<Answering.QuestionState> states, KeptMarkup.Token token,
                      Object version) {
        for (Segment s : lesson.segments()) {
            if (s instanceof Segment.QuizBlock) {
                SegmentView wrapper = new SegmentView("quiz", lesson.slug(), kept.innerPlaceholder, null, null, null, 0, null, null, null,
                        false, kept.tokenPlaceholder);
                kept.markup(version, wrapper, this::segment).write(out, token, null, null, qs -> {
                    for (Answering.QuestionState q : states) questions.write(qs, q, token, version);
                });
            } else {
                kept.markup(version, view(lesson, s, progress), this::segment).write(out, token, null, null);
            }
        }
    }

    private String segment(SegmentView view) {
        return renderer.fragment("lesson/segment", "segment", Map.of("s", view));
    }

    /** What the {@code lesson/segment} fragment shows of a block (not the quiz), with the token's placeholder. */
    private SegmentView view(Lesson lesson, Segment s, LearnerProgress progress) {
        String slug = lesson.slug();
        String token = kept.tokenPlaceholder;
        if (s instanceof Segment.Prose p) return new SegmentView("prose", slug, p.html(), null, null, null, 0, null, null, null, false, token);
        if (s instanceof Segment.Figure f) {
            return new SegmentView("figure", slug, null, f.caption(), drawings.of(s), null, 0, null, null, null, false, token);
        }
        if (s instanceof Segment.Sandbox sb) {
            return new SegmentView("sandbox", slug, null, sb.title(), drawings.of(s), sb.prompt(), sb.index(), null, null,
                    drawings.yaml(s), false, token);
        }
        if (s instanceof Segment.ChallengeBlock cb) {
            LessonChallenge c = cb.challenge();
            LearnerProgress.ChallengeResult r = progress == null ? null : progress.challenge(c.id());
            return new SegmentView("challenge", slug, null, c.challenge().title(), drawings.of(s), null, 0, c.id(), new KeptMarkup.Same<>(c),
                    drawings.yaml(s), r != null && r.passed(), token);
        }
        throw new IllegalStateException("a lesson block of an unknown kind: " + s.getClass().getSimpleName());
    }

    /**
     * What kept lesson markup was made from besides each view: the course as read (a course read
     * again after an edit has new lessons and questions) and the text of the templates. The same
     * object while neither changes, so comparing it is one identity check.
     */
    private Object version(Course course) {
        Object now = List.of(new KeptMarkup.Same<>(course), renderer.stamp("lesson/segment"), renderer.stamp("lesson/question"),
                renderer.stamp("lesson/lesson"), renderer.stamp("fragments/chrome"));
        Object last = version;
        if (now.equals(last)) return last;
        version = now;
        return now;
    }
}
