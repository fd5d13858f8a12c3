package cloudlab.quiz;

import cloudlab.lesson.Question;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.List;

/**
 * What showing a question works out from fixed inputs, each worked out once and kept: a seed (a
 * SHA-256, {@link Question.Seeds#of}), the orders it gives (one more per listed choice,
 * {@link Answering#optionOrder}, {@link Answering#itemOrder}) and a stored answer read back and
 * scored against its variant; on every view these were a fifth of a lesson page's work. Each is a
 * pure function of the values in its key (the rules stay where they are: this only remembers their
 * results), so what is kept is never stale and any server may keep its own. Bounded; the least used
 * go first.
 */
final class QuizCache {
    /** The most seeds, and the most orders, kept: about 200 learners' first two attempts at 250 questions. */
    static final int MAX = 100_000;

    private record SeedKey(String learnerId, String quizId, String questionId, int attempt) {
    }

    /** An order of {@code n} choices of a question (its items when {@code items}, else its options or rows) for a seed. */
    private record OrderKey(boolean items, String questionId, int n, String seed) {
    }

    /** A stored answer ({@code answer}, and the hints seen, as stored) to a variant, compared by identity (one of the course's own). */
    private record AnswerKey(Question variant, String answer, String hints) {
        @Override
        public boolean equals(Object o) {
            return o instanceof AnswerKey k && k.variant == variant && java.util.Objects.equals(k.answer, answer)
                    && java.util.Objects.equals(k.hints, hints);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(variant) * 31 + java.util.Objects.hashCode(answer)) * 31 + java.util.Objects.hashCode(hints);
        }
    }

    /** A stored answer as read for its variant: what was given and its result, both null when it does not fit the variant. */
    record Scored(Submission given, Scoring.Result result) {
    }

    private final Cache<AnswerKey, Scored> answers = Caffeine.newBuilder().maximumSize(MAX).build();
    private final Cache<SeedKey, String> seeds = Caffeine.newBuilder().maximumSize(MAX).build();
    private final Cache<OrderKey, List<Integer>> orders = Caffeine.newBuilder().maximumSize(MAX).build();

    /**
     * A stored answer read back ({@link Submission#fromJson}) and scored against the variant with
     * the hints seen then ({@link Scoring#score}), kept; nothing when it does not fit the variant.
     */
    Scored scored(Question variant, String answer, String hints) {
        return answers.get(new AnswerKey(variant, answer, hints), k -> {
            Submission given = Submission.fromJson(answer);
            if (given.problemWith(variant) != null) return new Scored(null, null);
            return new Scored(given, Scoring.score(variant, given, Regrade.hints(hints)));
        });
    }

    /** {@link Question.Seeds#of}, kept. */
    String seed(String learnerId, String quizId, String questionId, int attempt) {
        return seeds.get(new SeedKey(learnerId, quizId, questionId, attempt),
                k -> Question.Seeds.of(k.learnerId(), k.quizId(), k.questionId(), k.attempt()));
    }

    /** {@link Answering#itemOrder}, kept (it reads the variant's id and item count alone). */
    List<Integer> itemOrder(Question variant, String seed) {
        if (variant.items().isEmpty() || seed == null) return Answering.itemOrder(variant, seed);
        return orders.get(new OrderKey(true, variant.id(), variant.items().size(), seed), k -> List.copyOf(Answering.itemOrder(variant, seed)));
    }

    /** {@link Answering#optionOrder}, kept (it reads the variant's id, type and choice count alone). */
    List<Integer> optionOrder(Question variant, String seed) {
        int n = Answering.listedChoices(variant);
        if (n == 0 || seed == null) return Answering.optionOrder(variant, seed);
        return orders.get(new OrderKey(false, variant.id(), n, seed), k -> List.copyOf(Answering.optionOrder(variant, seed)));
    }
}
