package cloudlab.web;

import java.util.List;
import java.util.Map;

/**
 * The HTML of a quiz question. A question nobody has answered yet (no answer, no hint, no
 * challenge check) looks the same to every learner but for the variant's seed and their CSRF
 * token, so it is rendered by the {@code lesson/question} fragment once per question and variant
 * and shared ({@link Shapes}). An answered question shows the learner's own answer and is
 * rendered afresh, as is a view with an error or a seed of an unexpected form.
 */
final class QuestionFragments {
    private final Renderer renderer;
    private final Shapes shapes;

    QuestionFragments(Renderer renderer, Shapes shapes) {
        this.renderer = renderer;
        this.shapes = shapes;
    }

    /**
     * What an unanswered question's fragment shows besides the seed and the token: the variant (by
     * identity; its lesson, quiz, number and drawing follow from it) and its items' shuffled order.
     */
    private record Key(Shapes.Identity variant, List<Integer> itemOrder) {
    }

    /** The question's HTML for this learner; {@code version} names the course and templates it is made from. */
    String html(LessonPages.QuestionView qv, String csrf, Object version) {
        boolean untouched = qv.given() == null && qv.result() == null && qv.attempts() == 0 && qv.hintsShown().isEmpty()
                && qv.challengeResult() == null && qv.error() == null;
        if (!untouched || !Shapes.SEED.matcher(qv.seed()).matches()) return render(qv, csrf);
        Key key = new Key(new Shapes.Identity(qv.question()), List.copyOf(qv.itemOrder()));
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
