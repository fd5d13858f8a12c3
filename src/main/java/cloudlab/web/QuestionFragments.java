package cloudlab.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The HTML of a quiz question, rendered by the {@code lesson/question} fragment once per thing it
 * can show and shared ({@link Shapes}): every learner who has not answered a question sees the
 * same markup but for the variant's seed and their CSRF token. A view with an error, or whose
 * seed or token is not of the expected shape, is rendered afresh.
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

    /** Everything the fragment reads but the seed and the token; the question by identity. */
    private record Key(Shapes.Identity question, String slug, String quizId, int number, Object given, Object result, int attempts,
                       List<Integer> hintsShown, Object challengeResult, Object predictImage, List<Integer> itemOrder) {
    }

    /** The question's HTML for this learner. */
    String html(LessonPages.QuestionView qv, String csrf) {
        if (qv.error() != null || !SEED.matcher(qv.seed()).matches() || !TOKEN.matcher(csrf).matches()) return render(qv, csrf);
        Key key = new Key(new Shapes.Identity(qv.question()), qv.slug(), qv.quizId(), qv.number(), qv.given(), qv.result(), qv.attempts(),
                qv.hintsShown(), qv.challengeResult(), qv.predictImage(), qv.itemOrder());
        String shape = shapes.shape(key, () -> render(withSeed(qv, shapes.seedHole), shapes.csrfHole));
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
