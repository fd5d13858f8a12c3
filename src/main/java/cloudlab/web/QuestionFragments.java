package cloudlab.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The HTML of a quiz question. A question nobody has answered yet (no answer, no hint, no
 * challenge check) looks the same to every learner but for the variant's seed and their CSRF
 * token, so it is rendered by the {@code lesson/question} fragment once per question and variant
 * and shared ({@link Shapes}). An answered question shows the learner's own answer and is
 * rendered afresh, as is a view with an error or a seed or token of an unexpected form.
 */
final class QuestionFragments {
    private static final Pattern SEED = Pattern.compile("[0-9a-f]{16}");
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final Renderer renderer;
    private final Shapes shapes;

    QuestionFragments(Renderer renderer, Shapes shapes) {
        this.renderer = renderer;
        this.shapes = shapes;
    }

    /** Everything an unanswered question's fragment reads but the seed and the token; the question by identity. */
    private record Key(Shapes.Identity question, String slug, String quizId, int number, Object predictImage, List<Integer> itemOrder) {
    }

    /** The question's HTML for this learner; {@code version} names the course and templates it is made from. */
    String html(LessonPages.QuestionView qv, String csrf, Object version) {
        boolean untouched = qv.given() == null && qv.result() == null && qv.attempts() == 0 && qv.hintsShown().isEmpty()
                && qv.challengeResult() == null && qv.error() == null;
        if (!untouched || !SEED.matcher(qv.seed()).matches() || !TOKEN.matcher(csrf).matches()) return render(qv, csrf);
        Key key = new Key(new Shapes.Identity(qv.question()), qv.slug(), qv.quizId(), qv.number(), qv.predictImage(),
                List.copyOf(qv.itemOrder()));
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
