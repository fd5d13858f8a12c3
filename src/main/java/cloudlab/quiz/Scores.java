package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.lesson.Segment;
import cloudlab.progress.LearnerProgress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A learner's score, defined once: for one item (a quiz question or a challenge), a quiz, a lesson
 * and a set of lessons (a workshop). The course map, the progress page, the gradebook (CSV, JSON,
 * the instructor's download), regrade and the room all read these functions.
 *
 * <p>The rule: every item is worth its question's points (1, a challenge too), and an item counts
 * what its quiz's {@link AttemptPolicy} makes of the learner's attempts ({@link AttemptPolicy#counted}:
 * practice counts the best; a challenge counts its best check). A lesson's items are its quiz's questions and
 * its challenges, each once: a challenge question of the quiz and the challenge block it names are
 * one item, scored by the challenge's checks.
 */
public final class Scores {
    private Scores() {
    }

    /**
     * One thing that is scored: a quiz question, or a challenge (by its id); {@code key} names it in
     * the gradebook; {@code policy} is how its attempts count (a challenge's: practice, its best check).
     */
    public record Item(String key, String quizId, String questionId, String challengeId, AttemptPolicy policy) {
        public Item {
            policy = policy == null ? AttemptPolicy.PRACTICE : policy;
        }

        /** A question of a quiz (not a challenge question: see {@link #challenge}), under the quiz's policy. */
        public static Item question(Quiz quiz, String questionId) {
            return new Item(quiz.id() + "/" + questionId, quiz.id(), questionId, null, quiz.policy());
        }

        /** A question of a quiz no lesson holds any more: its attempts count as practice. */
        public static Item question(String quizId, String questionId) {
            return new Item(quizId + "/" + questionId, quizId, questionId, null, AttemptPolicy.PRACTICE);
        }

        /** A challenge, whether the quiz asks it or the lesson holds it as a block. */
        public static Item challenge(String challengeId) {
            return new Item("challenge/" + challengeId, null, null, challengeId, AttemptPolicy.PRACTICE);
        }
    }

    /**
     * A learner's standing on one item they attempted: the score that counts (under the item's
     * policy), what it is out of, how many attempts and when the latest came.
     */
    public record ItemScore(Item item, double score, double max, int attempts, String lastAt) {
        /** The name of the policy the score counts under ("Practice", "Graded: 2 attempts, −50% per retry"). */
        public String policyLabel() {
            return item.policy().label();
        }

        /** Whether the score that counts has every point. */
        public boolean full() {
            return score >= max;
        }
    }

    /**
     * A learner's score over several items: the points that count, the most there are, how many
     * items were attempted out of how many there are.
     */
    public record LearnerScore(double score, double max, int attempted, int items) {
        /** No items: where a sum starts. */
        public static final LearnerScore NONE = new LearnerScore(0, 0, 0, 0);

        /** This and another, added. */
        public LearnerScore plus(LearnerScore o) {
            return new LearnerScore(score + o.score, max + o.max, attempted + o.attempted, items + o.items);
        }
    }

    /** The score of a run of checks or practice attempts: the best of them (zero for none). */
    public static double best(List<Double> attempts) {
        return AttemptPolicy.PRACTICE.counted(attempts);
    }

    /** The items of a quiz, in its order: its questions, a challenge question as its challenge. */
    public static List<Item> items(Quiz quiz) {
        List<Item> out = new ArrayList<>();
        for (Question q : quiz.questions()) {
            out.add(item(quiz, q));
        }
        return out;
    }

    /** The items of a lesson, in its order: its quiz's, then its challenge blocks the quiz does not already ask. */
    public static List<Item> items(Lesson lesson) {
        Set<Item> out = new LinkedHashSet<>();
        if (lesson.quiz() != null) out.addAll(items(lesson.quiz()));
        for (LessonChallenge c : lesson.challenges()) out.add(Item.challenge(c.id()));
        return List.copyOf(out);
    }

    /**
     * What the learner did of a lesson's items ({@link #items(Lesson)}, the same items walked in
     * place, none built): whether they attempted any of them, all of them, and passed every
     * challenge block. The course map asks this of every lesson on every lesson page.
     */
    public record Attempted(boolean any, boolean all, boolean challengesPassed) {
    }

    /** What the learner did of the lesson's items (nothing when {@code progress} is null). */
    public static Attempted attempted(Lesson lesson, LearnerProgress progress) {
        if (progress == null) return new Attempted(false, false, false);
        boolean any = false;
        boolean all = true;
        boolean passed = true;
        for (Segment s : lesson.segments()) {
            if (s instanceof Segment.QuizBlock b) {
                Quiz quiz = b.quiz();
                for (Question q : quiz.questions()) {
                    boolean a = q.type() == Question.Type.CHALLENGE ? checked(progress.challenge(q.challenge()))
                            : progress.answer(quiz.id(), q.id()) != null;
                    any |= a;
                    all &= a;
                }
            } else if (s instanceof Segment.ChallengeBlock c) {
                LearnerProgress.ChallengeResult r = progress.challenge(c.challenge().id());
                any |= checked(r);
                all &= checked(r);
                passed &= r != null && r.passed();
            }
        }
        return new Attempted(any, all, passed);
    }

    /** Whether a challenge's checks count as attempting it (as {@link #of} reads them). */
    private static boolean checked(LearnerProgress.ChallengeResult r) {
        return r != null && r.attempts() > 0;
    }

    /** The item a question of a quiz is. */
    public static Item item(Quiz quiz, Question q) {
        return q.type() == Question.Type.CHALLENGE ? Item.challenge(q.challenge()) : Item.question(quiz, q.id());
    }

    /** The learner's standing on an item, or empty when they have not attempted it. */
    public static Optional<ItemScore> of(Item item, LearnerProgress progress) {
        if (progress == null) return Optional.empty();
        if (item.challengeId() != null) {
            LearnerProgress.ChallengeResult c = progress.challenge(item.challengeId());
            return !checked(c) ? Optional.empty()
                    : Optional.of(new ItemScore(item, best(c.scores()), 1.0, c.attempts(), c.lastAt()));
        }
        LearnerProgress.Answer a = progress.answer(item.quizId(), item.questionId());
        return a == null ? Optional.empty() : Optional.of(new ItemScore(item, item.policy().counted(a.scores()), a.max(), a.attempts(),
                a.submittedAt()));
    }

    /** The learner's score over the items. */
    public static LearnerScore over(List<Item> items, LearnerProgress progress) {
        LearnerScore total = LearnerScore.NONE;
        for (Item i : items) {
            Optional<ItemScore> s = of(i, progress);
            total = total.plus(s.map(x -> new LearnerScore(x.score(), x.max(), 1, 1)).orElse(new LearnerScore(0, 1, 0, 1)));
        }
        return total;
    }

    /** The learner's score on a quiz. */
    public static LearnerScore quiz(Quiz quiz, LearnerProgress progress) {
        return over(items(quiz), progress);
    }

    /** The learner's score on a lesson, its challenges included. */
    public static LearnerScore lesson(Lesson lesson, LearnerProgress progress) {
        return over(items(lesson), progress);
    }

    /** The learner's score over a set of lessons (a workshop's). */
    public static LearnerScore lessons(List<Lesson> lessons, LearnerProgress progress) {
        LearnerScore total = LearnerScore.NONE;
        for (Lesson l : lessons) total = total.plus(lesson(l, progress));
        return total;
    }
}
