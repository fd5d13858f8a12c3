package cloudlab.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The HTML of a quiz question, rendered by the {@code lesson/question} fragment once per thing it
 * can show and then reused. Every learner who has not answered a question sees the same markup
 * but for two values: the variant's seed and the learner's CSRF token. So the fragment is
 * rendered with stand-ins for those two (long random words no learner can know or type), kept
 * under everything else the fragment reads, and each use puts the learner's values in. A view
 * with an error, or whose seed or token is not of the expected shape, is rendered afresh.
 * At most {@link #MAX} shapes are kept, least recently used first out.
 */
final class QuestionFragments {
    static final int MAX = 2048;
    private static final Pattern SEED = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final Renderer renderer;
    private final String seedHole;
    private final String csrfHole;
    private final Map<Key, String> shapes = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > MAX;
        }
    };

    QuestionFragments(Renderer renderer) {
        this.renderer = renderer;
        SecureRandom random = new SecureRandom();
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        random.nextBytes(a);
        random.nextBytes(b);
        this.seedHole = "seed" + HexFormat.of().formatHex(a);
        this.csrfHole = "csrf" + HexFormat.of().formatHex(b);
    }

    /**
     * Everything the fragment reads but the seed and the token. The question is compared by
     * identity: the course's questions and variants are made once when the course is read (a
     * course read again after an edit makes new ones, and the old shapes age out).
     */
    private record Key(Identity question, String slug, String quizId, int number, Object given, Object result, int attempts,
                       List<Integer> hintsShown, Object challengeResult, Object predictImage, List<Integer> itemOrder) {
    }

    private record Identity(Object of) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
    }

    /** The question's HTML for this learner. */
    String html(LessonPages.QuestionView qv, String csrf) {
        if (qv.error() != null || !SEED.matcher(qv.seed()).matches() || !TOKEN.matcher(csrf).matches()) return render(qv, csrf);
        Key key = new Key(new Identity(qv.question()), qv.slug(), qv.quizId(), qv.number(), qv.given(), qv.result(), qv.attempts(),
                qv.hintsShown(), qv.challengeResult(), qv.predictImage(), qv.itemOrder());
        String shape;
        synchronized (shapes) {
            shape = shapes.get(key);
        }
        if (shape == null) {
            shape = render(withSeed(qv, seedHole), csrfHole);
            synchronized (shapes) {
                shapes.put(key, shape);
            }
        }
        return shape.replace(seedHole, qv.seed()).replace(csrfHole, csrf);
    }

    private String render(LessonPages.QuestionView qv, String csrf) {
        return renderer.fragment("lesson/question", "question", Map.of("qv", qv, "csrf", csrf));
    }

    private static LessonPages.QuestionView withSeed(LessonPages.QuestionView qv, String seed) {
        return new LessonPages.QuestionView(qv.slug(), qv.quizId(), qv.question(), qv.number(), seed, qv.given(), qv.result(),
                qv.attempts(), qv.hintsShown(), qv.error(), qv.challengeResult(), qv.predictImage(), qv.itemOrder());
    }
}
