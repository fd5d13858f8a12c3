package cloudlab.web;

import cloudlab.progress.LearnerProgress;
import cloudlab.quiz.Scoring;
import cloudlab.quiz.Submission;

import java.util.List;
import java.util.Map;

/**
 * The HTML of a quiz question. Two learners who see the same variant in the same state (the same
 * answer given, the same result, attempts, hints and challenge check) see the same markup but for
 * the variant's seed and their CSRF token, so the {@code lesson/question} fragment is rendered once
 * per such state and shared ({@link Shapes}). A given answer holds only numbers (option indexes, a
 * number, positions), never a learner's free text. A view with an error, or a seed of an
 * unexpected form, is rendered afresh.
 */
final class QuestionFragments {
    private final Renderer renderer;
    private final Shapes shapes;

    QuestionFragments(Renderer renderer, Shapes shapes) {
        this.renderer = renderer;
        this.shapes = shapes;
    }

    /**
     * What a question's fragment shows besides the seed and the token: the variant (by identity;
     * its lesson, quiz, number and drawing follow from it), its items' shuffled order, and the
     * learner's state of it. All but the variant are values (records of unmodifiable lists), so a
     * kept key cannot change under the cache.
     */
    private record Key(Shapes.Identity variant, List<Integer> itemOrder, Submission given, Scoring.Result result, int attempts,
                       List<Integer> hintsShown, Check check) {
    }

    /**
     * What the fragment shows of a sandbox challenge's check: passed or not, and the best score in
     * whole percent. Keying on these alone (not on when or how often the learner checked) lets
     * learners with the same standing share one shape.
     */
    private record Check(boolean passed, long percent) {
        static Check of(LearnerProgress.ChallengeResult r) {
            return r == null ? null : new Check(r.passed(), Math.round(r.bestScore() * 100));
        }
    }

    /** The question's HTML for this learner; {@code version} names the course and templates it is made from. */
    String html(LessonPages.QuestionView qv, String csrf, Object version) {
        if (qv.error() != null || !Shapes.SEED.matcher(qv.seed()).matches()) return render(qv, csrf);
        Key key = new Key(new Shapes.Identity(qv.question()), List.copyOf(qv.itemOrder()), qv.given(), qv.result(), qv.attempts(),
                List.copyOf(qv.hintsShown()), Check.of(qv.challengeResult()));
        String shape = shapes.shape(version, key, () -> render(withSeed(qv, shapes.seedHole), shapes.csrfHole));
        return shapes.fill(shape, qv.seed(), csrf);
    }

    private String render(LessonPages.QuestionView qv, String csrf) {
        return renderer.fragment("lesson/question", "question", Map.of("qv", qv, "csrf", csrf));
    }

    private static LessonPages.QuestionView withSeed(LessonPages.QuestionView qv, String seed) {
        return new LessonPages.QuestionView(qv.slug(), qv.quizId(), qv.question(), qv.number(), seed, qv.given(), qv.result(),
                qv.attempts(), qv.hintsShown(), qv.error(), qv.challengeResult(), qv.predictImage(), qv.itemOrder());
    }
}
