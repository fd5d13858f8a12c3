package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.progress.LearnerProgress;
import cloudlab.progress.Progress;
import cloudlab.sim.InputException;
import cloudlab.sim.document.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A learner answering a lesson's quiz: which variant they see, answering it, asking for a hint.
 * Each action checks what came in, stores what counts, records the lesson's completion when it
 * comes, and returns the question as the learner now sees it; bad input is refused with a message
 * that names the field, and nothing is stored.
 */
public final class Answering {
    private final Progress progress;
    private final Progress.Scope scope;
    private final QuizCache cache;

    /** Answering over all of a learner's work (recorded in no workshop). */
    public Answering(Progress progress) {
        this(progress, Progress.Scope.ALL, new QuizCache());
    }

    private Answering(Progress progress, Progress.Scope scope, QuizCache cache) {
        this.progress = progress;
        this.scope = scope;
        this.cache = cache;
    }

    /** Answering within a scope: what the learner has done there is read, and what they do is recorded there. */
    public Answering in(Progress.Scope scope) {
        return new Answering(progress, scope, cache);
    }

    /**
     * One question as a learner sees it: the variant (of {@code question}) their seed names, their
     * latest answer to it with its result when it fits that variant, how many tries, the hints
     * they have seen, the check of a challenge question, the order its items are listed in, and
     * the refusal of their last submission (null when there was none); the attempt policy in force,
     * the order its options (or matching rows) are listed in, and the score that counts under the
     * policy (null before any attempt).
     */
    public record QuestionState(Lesson lesson, Quiz quiz, Question question, Question variant, String seed, Submission given,
                                Scoring.Result result, int attempts, List<Integer> hintsShown,
                                LearnerProgress.ChallengeResult challenge, List<Integer> itemOrder, String refusal,
                                AttemptPolicy policy, List<Integer> optionOrder, Double counted) {
        public QuestionState {
            hintsShown = List.copyOf(hintsShown);
            itemOrder = List.copyOf(itemOrder);
            policy = policy == null ? AttemptPolicy.PRACTICE : policy;
            optionOrder = optionOrder == null ? Answering.optionOrder(variant, seed) : List.copyOf(optionOrder);
        }

        /** A state under practice, its options in the order the seed gives them, no score counted yet. */
        public QuestionState(Lesson lesson, Quiz quiz, Question question, Question variant, String seed, Submission given,
                             Scoring.Result result, int attempts, List<Integer> hintsShown,
                             LearnerProgress.ChallengeResult challenge, List<Integer> itemOrder, String refusal) {
            this(lesson, quiz, question, variant, seed, given, result, attempts, hintsShown, challenge, itemOrder, refusal,
                    AttemptPolicy.PRACTICE, null, null);
        }

        /** Whether the explanation and the right answer may be shown: the learner is right or has no attempt left. */
        public boolean revealed() {
            return result != null && policy.reveals(result.correct(), attempts);
        }

        /** Attempts left under the policy, or -1 when unlimited. */
        public int attemptsLeft() {
            return policy.left(attempts);
        }
    }

    /** What became of an answer or a hint request: the question as the learner now sees it; refused when its refusal is set. */
    public record Outcome(QuestionState state) {
        public boolean refused() {
            return state.refusal() != null;
        }

        public String refusal() {
            return state.refusal();
        }
    }

    /**
     * Answers a question of the lesson's quiz with a submitted form: {@code seed} names the
     * variant answered (the learner's next attempt's, or their latest attempt's; none means the
     * latest, or the first), then the answer's fields ({@link Submission#fromForm}). A right
     * answer's score is scaled by the hints the learner had seen; it is stored as their next
     * attempt, and the lesson is recorded complete when this made it so.
     */
    public Outcome answer(String learnerId, Lesson lesson, Question q, Map<String, List<String>> form) {
        return answer(learnerId, lesson, q, form, lesson.quiz().policy());
    }

    /**
     * As above under the attempt policy in force ({@code policy}: the quiz's own, or a workshop's in
     * its place): past its last attempt an answer is refused and nothing is stored.
     */
    public Outcome answer(String learnerId, Lesson lesson, Question q, Map<String, List<String>> form, AttemptPolicy policy) {
        Quiz quiz = lesson.quiz();
        LearnerProgress before = progress.withHints(learnerId, scope);
        LearnerProgress.Answer last = before.answer(quiz.id(), q.id());
        if (last != null && !policy.allowsAnother(last.attempts())) {
            return new Outcome(state(learnerId, lesson, q, before, null, null, "answer: you have used all " + policy.maxAttempts()
                    + (policy.maxAttempts() == 1 ? " attempt" : " attempts") + " at this question (" + policy.label()
                    + "); your score stands", policy));
        }
        String seed = first(form, "seed");
        if (seed == null || seed.isBlank()) seed = last != null && last.seed() != null ? last.seed() : nextSeed(learnerId, quiz, q, last);
        String badSeed = seedProblem(learnerId, quiz, q, last, seed);
        if (badSeed != null) return new Outcome(state(learnerId, lesson, q, before, null, null, badSeed, policy));
        Question variant = q.variant(seed);
        String refusal = variant.answersNumber() ? numberProblem(first(form, "answer")) : null;
        Submission given = null;
        if (refusal == null) {
            try {
                given = Submission.fromForm(variant, form);
            } catch (InputException e) {
                refusal = e.getMessage();
            }
        }
        if (refusal != null) return new Outcome(state(learnerId, lesson, q, before, null, seed, refusal, policy));
        List<Integer> hints = before.hints(quiz.id(), q.id());
        Scoring.Result result = Scoring.score(variant, given, hints);
        progress.answered(learnerId, quiz.id(), q.id(), new Progress.Attempt(seed, given.toJson(), Json.line(hints), q.version()),
                result.score(), result.max(), scope);
        LearnerProgress after = recordCompletion(learnerId, lesson);
        return new Outcome(state(learnerId, lesson, q, after, null, null, null, policy));
    }

    /**
     * Shows hint number {@code hint} (from 0, as the form sends it) of a question: from now on the
     * question's points are scaled down by its cost. Showing it again changes nothing.
     */
    public Outcome hint(String learnerId, Lesson lesson, Question q, String hint) {
        return hint(learnerId, lesson, q, hint, lesson.quiz().policy());
    }

    /** As above, the question shown under the attempt policy in force. */
    public Outcome hint(String learnerId, Lesson lesson, Question q, String hint, AttemptPolicy policy) {
        int n;
        try {
            n = Integer.parseInt(String.valueOf(hint).strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n >= q.hints().size()) {
            String refusal = "hint: this question has " + q.hints().size() + (q.hints().size() == 1 ? " hint" : " hints");
            return new Outcome(state(learnerId, lesson, q, progress.withHints(learnerId, scope), null, null, refusal, policy));
        }
        progress.hintShown(learnerId, lesson.quiz().id(), q.id(), n, scope);
        return new Outcome(state(learnerId, lesson, q, progress.withHints(learnerId, scope), null, null, null, policy));
    }

    /**
     * Records the lesson complete when the learner's work makes it so ({@link Completion}); a
     * sandbox challenge check calls this too. Returns what the learner has done now.
     */
    public LearnerProgress recordCompletion(String learnerId, Lesson lesson) {
        LearnerProgress now = progress.withHints(learnerId, scope);
        LearnerProgress.LessonState recorded = now.lesson(lesson.slug());
        if (Completion.state(lesson, now) == Completion.LessonState.DONE && (recorded == null || !recorded.completed())) {
            progress.completed(learnerId, lesson.slug());
            now = progress.withHints(learnerId, scope);
        }
        return now;
    }

    /**
     * A lesson as one learner sees it: what they have done, each question of its quiz, whether the
     * lesson is done, and whether this view recorded their first visit of it.
     */
    public record LessonView(LearnerProgress progress, List<QuestionState> states, boolean completed, boolean firstVisit) {
    }

    /**
     * Opens a lesson for a learner under the policy in force: a stored learner's first visit is
     * noted (later visits, and readers who are no stored learner yet, write nothing);
     * {@code newFor} names a question the learner asked a new variant of.
     */
    public LessonView open(String learnerId, boolean stored, Lesson lesson, String newFor, AttemptPolicy policy) {
        LearnerProgress p = progress.withHints(learnerId, scope);
        boolean first = stored && p.lesson(lesson.slug()) == null;
        if (first) p = p.with(lesson.slug(), progress.opened(learnerId, lesson.slug()));
        return view(p, states(learnerId, lesson, p, newFor, policy), lesson, first);
    }

    /** The lesson after an answer or a hint, with that question as the outcome shows it (its refusal included). */
    public LessonView after(String learnerId, Lesson lesson, Outcome outcome, AttemptPolicy policy) {
        LearnerProgress p = progress.withHints(learnerId, scope);
        List<QuestionState> states = states(learnerId, lesson, p, null, policy).stream()
                .map(s -> s.question() == outcome.state().question() ? outcome.state() : s).toList();
        return view(p, states, lesson, false);
    }

    private static LessonView view(LearnerProgress p, List<QuestionState> states, Lesson lesson, boolean firstVisit) {
        return new LessonView(p, states, Completion.state(lesson, p) == Completion.LessonState.DONE, firstVisit);
    }

    /**
     * Every question of the lesson's quiz as the learner sees it (none when it has no quiz);
     * {@code progress} is what they have done, read with its hints.
     */
    public List<QuestionState> states(String learnerId, Lesson lesson, LearnerProgress progress, String newFor) {
        return states(learnerId, lesson, progress, newFor, lesson.policy());
    }

    /** As above, under the attempt policy in force. */
    public List<QuestionState> states(String learnerId, Lesson lesson, LearnerProgress progress, String newFor, AttemptPolicy policy) {
        List<QuestionState> out = new ArrayList<>();
        if (lesson.quiz() == null) return out;
        for (Question q : lesson.quiz().questions()) out.add(state(learnerId, lesson, q, progress, newFor, null, null, policy));
        return out;
    }

    /**
     * The question as the learner sees it. The variant is the one of their latest attempt, or of
     * their next attempt when they asked for a new variant ({@code newFor} names the question) or
     * have not answered yet; {@code pinnedSeed} pins it (a refusal shown for the variant they sent).
     */
    public QuestionState state(String learnerId, Lesson lesson, Question q, LearnerProgress p, String newFor, String pinnedSeed,
                               String refusal, AttemptPolicy policy) {
        Quiz quiz = lesson.quiz();
        LearnerProgress.Answer a = p.answer(quiz.id(), q.id());
        int attempts = a == null ? 0 : a.attempts();
        boolean fresh = a == null || (q.hasVariants() && q.id().equals(newFor));
        String seed = pinnedSeed != null ? pinnedSeed
                : fresh ? nextSeed(learnerId, quiz, q, a)
                : a.seed() != null ? a.seed() : cache.seed(learnerId, quiz.id(), q.id(), attempts);
        Question variant = q.variant(seed);
        List<Integer> hints = p.hints(quiz.id(), q.id());
        if (hints == null) hints = progress.hintsShown(learnerId, quiz.id(), q.id());
        Submission given = null;
        Scoring.Result result = null;
        if (a != null && !fresh && refusal == null && q.type() != Question.Type.CHALLENGE) {
            QuizCache.Scored scored = cache.scored(variant, a.answer(), a.hints());
            given = scored.given();
            result = scored.result();
        }
        LearnerProgress.ChallengeResult check = q.challenge() == null ? null : p.challenge(q.challenge());
        Double counted = a == null ? null : policy.counted(a.scores());
        return new QuestionState(lesson, quiz, q, variant, seed, given, result, attempts, hints, check, cache.itemOrder(variant, seed), refusal,
                policy, cache.optionOrder(variant, seed), counted);
    }

    /** The seed of the learner's next attempt at the question. */
    private String nextSeed(String learnerId, Quiz quiz, Question q, LearnerProgress.Answer last) {
        return cache.seed(learnerId, quiz.id(), q.id(), (last == null ? 0 : last.attempts()) + 1);
    }

    /**
     * Why a learner may not answer under this seed, or null: a learner answers the variant of
     * their next attempt, or again the one of their latest attempt, and no other (so nobody picks
     * an easier variant, or one whose answer they already know).
     */
    private String seedProblem(String learnerId, Quiz quiz, Question q, LearnerProgress.Answer last, String seed) {
        if (seed.equals(nextSeed(learnerId, quiz, q, last))) return null;
        if (last != null && seed.equals(last.seed())) return null;
        return "seed: this variant of the question was not given to you; reload the lesson to get yours";
    }

    /**
     * Why a typed number answer cannot be scored, or null: exact scoring would spend minutes on a
     * thousand digits or an exponent like {@code 1e-99999999}, so such answers are refused first.
     * Text that is no number at all passes here; reading the submission says so.
     */
    public static String numberProblem(String typed) {
        if (typed == null) return null;
        String t = typed.strip();
        if (t.length() > 40) return "answer: must be a number of at most 40 characters, like 3 or 42.5";
        try {
            return numberProblem(new BigDecimal(t.replace(",", ".")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** As above, for a number already read (the grading API). */
    public static String numberProblem(BigDecimal n) {
        if (n == null) return null;
        if (n.precision() > 40 || n.scale() > 1000 || n.scale() < -1000 || n.abs().compareTo(new BigDecimal("1e12")) > 0) {
            return "answer: must be a number below a trillion";
        }
        if (n.stripTrailingZeros().scale() > 12) return "answer: must have at most 12 digits after the point";
        return null;
    }

    /** The items of an ordering question in an order shuffled by the seed that never gives the answer away. */
    public static List<Integer> itemOrder(Question question, String seed) {
        List<Integer> out = shuffled(question.items().size(), i -> Question.Seeds.of(seed, question.id(), String.valueOf(i), 0));
        boolean identity = true;
        for (int i = 0; i < out.size(); i++) identity &= out.get(i) == i;
        if (identity && out.size() > 1) Collections.reverse(out);
        return out;
    }

    /**
     * The order a question's options (single and multiple choice) or matching rows are listed in
     * for the attempt this seed names: shuffled from the seed, so the same on every reload and for a
     * regrade, different between learners and attempts. The answer holds canonical indexes, so
     * scoring does not depend on it. Other questions: none.
     */
    public static List<Integer> optionOrder(Question question, String seed) {
        String s = seed == null ? "" : seed;
        return shuffled(listedChoices(question), i -> Question.Seeds.of(s, question.id(), "option " + i, 0));
    }

    /** How many choices {@link #optionOrder} lists in an order of the seed's: options, matching rows, or none. */
    static int listedChoices(Question question) {
        return switch (question.type()) {
            case SINGLE, MULTIPLE -> question.options().size();
            case MATCHING -> question.pairs().size();
            default -> 0;
        };
    }

    /** The indexes 0..n-1 sorted by their keys, each key made once (a seed's digest is not cheap to make per comparison). */
    private static List<Integer> shuffled(int n, java.util.function.IntFunction<String> key) {
        String[] keys = new String[n];
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys[i] = key.apply(i);
            out.add(i);
        }
        out.sort(Comparator.comparing(i -> keys[i]));
        return out;
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
