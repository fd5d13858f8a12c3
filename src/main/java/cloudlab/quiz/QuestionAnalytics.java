package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.progress.Progress;
import cloudlab.progress.ScopedWork;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.document.Documents;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.grade.Goal;
import cloudlab.sim.grade.GradeResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How a class did on each question and challenge of some lessons, for the instructor: attempts,
 * learners who tried, the share right on their first try, the wrong answer most learners gave,
 * and for a challenge how many meet each goal. Counted from the attempts and checks of one scope
 * (a workshop's, as its room counts them), never learner by learner from the database.
 *
 * <p>Definitions: a learner's first try is their earliest attempt in the scope; it is right when
 * it earned every point (a hint's cost makes it short). A wrong answer is a piece of an answer
 * that is wrong whatever the score: a wrong option chosen (in the wording of the question's first
 * variant, as options keep their place across variants), a wrong pair matched, an item put in a
 * wrong place, or a wrong true/false or number; for a question with variants, a true/false or a
 * number is wrong only for the variant asked, so it is named with that variant ("6 VMs, asked with
 * cores=8"). Each learner counts once per wrong answer however often they gave it. A challenge's
 * goals are counted on each learner's latest check: met only when it earns credit (not vacuously).
 */
public final class QuestionAnalytics {
    private QuestionAnalytics() {
    }

    /** A wrong answer and how many learners gave it at least once. */
    public record Wrong(String answer, int learners) {
    }

    /** A challenge goal in words, and how many learners' latest check meets it out of how many checked. */
    public record GoalRate(String goal, int met, int checked) {
        public int percent() {
            return QuestionAnalytics.percent(met, checked);
        }
    }

    /**
     * One item of a lesson: its prompt (a question's first variant's wording, or a challenge's title),
     * the attempts (or checks) made, the learners who tried, those right on their first try, the
     * most common wrong answer (null when none) and, for a challenge, each goal's rate.
     */
    public record Item(String lesson, Scores.Item item, String prompt, int attempts, int learners, int rightFirstTime, Wrong commonWrong,
                       List<GoalRate> goals) {
        public Item {
            goals = List.copyOf(goals);
        }

        /** The share right on their first try, as a whole percentage of the learners who tried (0 when nobody did). */
        public int firstTryPercent() {
            return percent(rightFirstTime, learners);
        }

        public boolean challenge() {
            return item.challengeId() != null;
        }
    }

    /** Every item of the lessons, in course order, tried or not. */
    public record Report(List<Item> items) {
        public Report {
            items = List.copyOf(items);
        }

        /** Whether anyone tried anything. */
        public boolean empty() {
            return items.stream().allMatch(i -> i.learners() == 0);
        }

        /**
         * The report as CSV (the gradebook's writer: BOM, every cell quoted and defused): a line per
         * question or challenge, then a line per goal of a challenge.
         */
        public String csv() {
            List<List<String>> lines = new ArrayList<>();
            lines.add(List.of("lesson", "item", "prompt_or_goal", "attempts", "learners", "right_first_try", "first_try_percent",
                    "common_wrong_answer", "wrong_answer_learners", "goal_met", "goal_checked"));
            for (Item i : items) {
                lines.add(List.of(i.lesson(), i.item().key(), i.prompt(), num(i.attempts()), num(i.learners()), num(i.rightFirstTime()),
                        num(i.firstTryPercent()), i.commonWrong() == null ? "" : i.commonWrong().answer(),
                        i.commonWrong() == null ? "" : num(i.commonWrong().learners()), "", ""));
                for (GoalRate g : i.goals()) {
                    lines.add(List.of(i.lesson(), i.item().key(), g.goal(), "", "", "", "", "", "", num(g.met()), num(g.checked())));
                }
            }
            return Gradebook.table(lines);
        }
    }

    /**
     * The report over the lessons' items from one scope's attempts and checks ({@link ScopedWork});
     * {@code catalog} reads the layouts the checks graded, {@code goalWords} says a goal as the
     * lesson page does.
     */
    public static Report of(List<Lesson> lessons, List<Progress.StoredAttempt> attempts, List<ScopedWork.Check> checks,
                            RegionCatalog catalog, Function<Goal, String> goalWords) {
        Map<String, Map<String, List<Progress.StoredAttempt>>> byQuestion = new LinkedHashMap<>();
        for (Progress.StoredAttempt a : attempts) {
            byQuestion.computeIfAbsent(Scores.Item.question(a.quizId(), a.questionId()).key(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(a.learnerId(), k -> new ArrayList<>()).add(a);
        }
        Map<String, Map<String, List<ScopedWork.Check>>> byChallenge = new LinkedHashMap<>();
        for (ScopedWork.Check c : checks) {
            byChallenge.computeIfAbsent(c.challengeId(), k -> new LinkedHashMap<>()).computeIfAbsent(c.learnerId(), k -> new ArrayList<>()).add(c);
        }
        List<Item> out = new ArrayList<>();
        for (Lesson l : lessons) {
            for (Scores.Item i : Scores.items(l)) {
                if (i.challengeId() != null) {
                    LessonChallenge c = l.challenges().stream().filter(x -> x.id().equals(i.challengeId())).findFirst().orElse(null);
                    out.add(challenge(l.title(), i, c, byChallenge.getOrDefault(i.challengeId(), Map.of()), catalog, goalWords));
                } else {
                    out.add(question(l.title(), i, l.quiz().question(i.questionId()), byQuestion.getOrDefault(i.key(), Map.of())));
                }
            }
        }
        return new Report(out);
    }

    private static Item question(String lesson, Scores.Item item, Question q, Map<String, List<Progress.StoredAttempt>> byLearner) {
        int attempts = 0;
        int right = 0;
        Map<String, Integer> wrong = new LinkedHashMap<>();
        for (List<Progress.StoredAttempt> tries : byLearner.values()) {
            attempts += tries.size();
            Progress.StoredAttempt first = tries.get(0); // the earliest in the scope: the list is in attempt order
            if (first.score() >= first.max() - 1e-9) right++;
            Set<String> given = new java.util.LinkedHashSet<>();
            for (Progress.StoredAttempt a : tries) given.addAll(wrongParts(q, a));
            for (String w : given) wrong.merge(w, 1, Integer::sum);
        }
        Wrong common = null;
        for (Map.Entry<String, Integer> e : wrong.entrySet()) {
            if (common == null || e.getValue() > common.learners()) common = new Wrong(e.getKey(), e.getValue());
        }
        return new Item(lesson, item, q.prompt(), attempts, byLearner.size(), right, common, List.of());
    }

    /** The wrong pieces of one stored answer, in words (none for an answer that cannot be read or no longer fits). */
    static List<String> wrongParts(Question q, Progress.StoredAttempt a) {
        Question seen = q.variant(a.seed());
        Submission s;
        try {
            s = Submission.fromJson(a.answer());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (s.problemWith(seen) != null) return List.of();
        List<String> out = new ArrayList<>();
        switch (seen.type()) {
            case SINGLE, MULTIPLE -> {
                for (int c : s.choices()) if (!seen.options().get(c).correct()) out.add(q.options().get(c).text());
            }
            case MATCHING -> {
                List<String> rights = seen.rights();
                for (int i = 0; i < seen.pairs().size(); i++) {
                    if (!rights.get(s.matchOf(i)).equals(seen.pairs().get(i).right())) out.add(q.pairs().get(i).left() + " → " + q.rights().get(s.matchOf(i)));
                }
            }
            case ORDERING -> {
                for (int i = 0; i < seen.items().size(); i++) {
                    if (s.positionOf(i) != i + 1) out.add(q.items().get(i) + " at position " + s.positionOf(i));
                }
            }
            case CHALLENGE -> {
                // checked in a sandbox, never answered
            }
            default -> {
                String given = seen.answersTruth() ? (seen.truth().equals(s.truth()) ? null : String.valueOf(s.truth()))
                        : (Scoring.withinTolerance(seen, s.number()) ? null : number(s.number()) + (seen.unit() == null ? "" : " " + seen.unit()));
                if (given != null) out.add(q.hasVariants() ? given + ", asked with " + seen.variantLabel() : given);
            }
        }
        return out;
    }

    private static Item challenge(String lesson, Scores.Item item, LessonChallenge c, Map<String, List<ScopedWork.Check>> byLearner,
                                  RegionCatalog catalog, Function<Goal, String> goalWords) {
        int attempts = 0;
        int right = 0;
        List<Goal> goals = c == null ? List.of() : c.challenge().goals();
        int[] met = new int[goals.size()];
        for (List<ScopedWork.Check> tries : byLearner.values()) {
            attempts += tries.size();
            if (tries.get(0).passed()) right++;
            if (c == null) continue;
            List<GradeResult.CheckResult> latest = latestChecks(c, tries.get(tries.size() - 1), catalog);
            if (latest.size() != goals.size()) continue; // an unreadable or invalid layout meets no goal
            for (int g = 0; g < goals.size(); g++) if (latest.get(g).earnsCredit()) met[g]++;
        }
        List<GoalRate> rates = new ArrayList<>();
        for (int g = 0; g < goals.size(); g++) rates.add(new GoalRate(goalWords.apply(goals.get(g)), met[g], byLearner.size()));
        String title = c == null ? item.challengeId() : c.challenge().title();
        return new Item(lesson, item, title, attempts, byLearner.size(), right, null, rates);
    }

    /** The goals' verdicts on the layout a check graded, as the lesson grades it now (none when it cannot be read). */
    private static List<GradeResult.CheckResult> latestChecks(LessonChallenge c, ScopedWork.Check check, RegionCatalog catalog) {
        try {
            Layout layout = LayoutReader.read(check.layout(), Documents.Format.JSON, "", catalog);
            return c.grade(layout).checks();
        } catch (InputException e) {
            return List.of();
        }
    }

    static int percent(int n, int of) {
        return of == 0 ? 0 : Math.round(100f * n / of);
    }

    private static String num(int n) {
        return Integer.toString(n);
    }

    private static String number(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
