package cloudlab.page;

import cloudlab.lesson.Question;
import cloudlab.progress.LearnerProgress;
import cloudlab.quiz.Answering;
import cloudlab.quiz.Scoring;
import cloudlab.quiz.Submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML of a quiz question, from the {@code lesson/question} fragment. Two learners who see the
 * same variant in the same state (the same answer given, the same result, tries, hints and
 * challenge standing) see the same markup but for the variant's seed and their CSRF token, so it
 * is rendered once per such {@link QuestionView} and shared ({@link KeptMarkup}); the order a
 * learner's seed gives the choices is not part of it either: the kept markup lists them in their
 * own order and each learner's order is applied on the way out. A given answer
 * holds only numbers (option indexes, a number, positions), never a learner's free text. A view
 * with an error, or a seed of an unexpected form, is rendered afresh.
 */
final class QuestionFragments {
    private final Templates renderer;
    private final KeptMarkup kept;
    private final LessonDrawings drawings;

    QuestionFragments(Templates renderer, KeptMarkup kept, LessonDrawings drawings) {
        this.renderer = renderer;
        this.kept = kept;
        this.drawings = drawings;
    }

    /**
     * All the {@code lesson/question} fragment shows, and nothing else: where a question is kept,
     * this record (with placeholders for the seed and token) is its key. The variant is one of the
     * course's own questions (compared by identity).
     */
    record QuestionView(KeptMarkup.Same<Question> variant, String slug, int number, String seed, Submission given,
                        Scoring.Result result, int attempts, List<Integer> hintsShown, String error, Standing standing,
                        FigureImages.Image predictImage, List<Integer> itemOrder, String csrf, String policyLabel,
                        boolean revealed, int attemptsLeft, List<Integer> optionOrder, Double counted, String orderMark) {
        public Question question() {
            return variant.value();
        }

        public String action() {
            return "/lessons/" + slug + "/quiz/" + question().id();
        }

        public String anchor() {
            return "q-" + question().id();
        }

        public String type() {
            return question().type().word();
        }

        public boolean chose(int i) {
            return given != null && given.chose(i);
        }

        private boolean challenge() {
            return question().type() == Question.Type.CHALLENGE;
        }

        public boolean answered() {
            return challenge() ? standing != null : result != null;
        }

        public boolean correct() {
            return challenge() ? standing != null && standing.passed() : result != null && result.correct();
        }

        public String verdict() {
            if (!answered()) return "";
            if (challenge()) return standing.passed() ? "Challenge passed" : "Best so far: " + standing.percent() + "% of the goals";
            String hintNote = hintsShown.isEmpty() ? ""
                    : " (hints cost " + Math.round(question().hintCost(hintsShown).doubleValue() * 100) + "% of the points)";
            if (result.correct()) return "Correct" + hintNote;
            String again = revealed ? (attemptsLeft == 0 ? " — no attempts left" : "")
                    : " — try again" + (attemptsLeft < 0 ? "" : " (" + attemptsLeft + (attemptsLeft == 1 ? " attempt" : " attempts") + " left)");
            if (result.score() > 0) return "Partly right: " + Math.round(result.score() * 100) + "% of the points" + hintNote + again;
            return "Not quite" + again;
        }

        /** The policy's name and the score that counts under it, like "Graded: 2 attempts · counts 50%" (just the name before any attempt). */
        public String standingLine() {
            return counted == null ? policyLabel : policyLabel + " · counts " + Math.round(counted * 100) + "%";
        }

        public boolean hintShown(int i) {
            return hintsShown.contains(i);
        }

        public String costPercent(int i) {
            return Math.round(question().hints().get(i).cost().doubleValue() * 100) + "%";
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
            List<String> rights = question().rights();
            for (int i = 0; i < rights.size(); i++) out.add(Map.entry(i, rights.get(i)));
            out.sort(Map.Entry.comparingByValue());
            return out;
        }

        public List<Integer> positions() {
            List<Integer> out = new ArrayList<>();
            for (int i = 1; i <= question().items().size(); i++) out.add(i);
            return out;
        }

        public String newVariantHref() {
            return "/lessons/" + slug + "?variant=" + question().id() + "#" + anchor();
        }

        /** The order this question's listed choices are shown in: an ordering question's items, else its options or rows. */
        List<Integer> listed() {
            return question().type() == Question.Type.ORDERING ? itemOrder : optionOrder;
        }

        /**
         * The view to keep for all learners in this state: placeholders for the seed and token, and
         * the choices in their own order, each between two order marks, to be put in the learner's
         * order on the way out ({@link KeptMarkup.Kept#write}).
         */
        QuestionView shared(String seed, String csrf, String mark) {
            return new QuestionView(variant, slug, number, seed, given, result, attempts, hintsShown, error, standing, predictImage,
                    inOrder(itemOrder.size()), csrf, policyLabel, revealed, attemptsLeft, inOrder(optionOrder.size()), counted, mark);
        }

        /** 0, 1, ... n-1: made once for the lengths questions have, as every shared view asks for them. */
        private static final List<List<Integer>> IN_ORDER = java.util.stream.IntStream.range(0, 32)
                .mapToObj(n -> java.util.stream.IntStream.range(0, n).boxed().toList()).toList();

        private static List<Integer> inOrder(int n) {
            return n < IN_ORDER.size() ? IN_ORDER.get(n) : java.util.stream.IntStream.range(0, n).boxed().toList();
        }
    }

    /**
     * What the fragment shows of a sandbox challenge's checks: passed or not, and the best score in
     * whole percent (not when or how often the learner checked, so learners with the same standing
     * share one markup).
     */
    record Standing(boolean passed, long percent) {
        static Standing of(LearnerProgress.ChallengeResult r) {
            return r == null ? null : new Standing(r.passed(), Math.round(cloudlab.quiz.Scores.best(r.scores()) * 100));
        }
    }

    /** The view of a question as the quiz feature reports it. */
    QuestionView view(Answering.QuestionState s, String csrf) {
        return new QuestionView(new KeptMarkup.Same<>(s.variant()), s.lesson().slug(), number(s),
                s.seed(), s.given(), s.result(), s.attempts(), s.hintsShown(), s.refusal(), Standing.of(s.challenge()),
                drawings.predict(s.variant()), s.itemOrder(), csrf, s.policy().label(), s.revealed(), s.attemptsLeft(), s.optionOrder(),
                s.counted(), "");
    }

    /** The question's number in its quiz, from 1 (found by identity: comparing questions by value walks their layouts). */
    private static int number(Answering.QuestionState s) {
        List<Question> all = s.quiz().questions();
        for (int i = 0; i < all.size(); i++) if (all.get(i) == s.question()) return i + 1;
        throw new IllegalArgumentException("the question " + s.question().id() + " is not in the quiz " + s.quiz().id());
    }

    /** The question's HTML for this learner; {@code version} names the course and templates it is made from. */
    String html(Answering.QuestionState state, String csrf, Object version) {
        QuestionView qv = view(state, csrf);
        if (afresh(qv)) return render(qv);
        PageBuffer out = new PageBuffer(4096);
        write(out, state, kept.token(csrf), version);
        return out.toString();
    }

    /** Appends the question's HTML for this learner, whose token is checked. */
    void write(PageBuffer out, Answering.QuestionState state, KeptMarkup.Token token, Object version) {
        QuestionView qv = view(state, token.value);
        if (afresh(qv)) {
            out.append(render(qv));
            return;
        }
        kept.markup(version, qv.shared(kept.seedPlaceholder, kept.tokenPlaceholder, kept.orderPlaceholder), this::render)
                .write(out, token, qv.seed(), qv.listed());
    }

    /** Whether a view is rendered for its learner alone: it shows an error, or its seed is not of the form the lab makes. */
    private static boolean afresh(QuestionView qv) {
        return qv.error() != null || !Question.Seeds.valid(qv.seed());
    }

    private String render(QuestionView qv) {
        return renderer.fragment("lesson/question", "question", Map.of("qv", qv));
    }
}
