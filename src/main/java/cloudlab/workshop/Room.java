package cloudlab.workshop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live room of a workshop as plain values: one row per learner, the lesson columns, the
 * question and the goal that fail for the most learners, and what the chaos button can fail.
 * Everything the room page and the summary show is here; nothing is left to work out.
 */
public record Room(Workshop workshop, List<Column> lessons, List<LearnerRow> rows, List<String> chaosTargets) {
    public Room {
        lessons = List.copyOf(lessons);
        rows = List.copyOf(rows);
        chaosTargets = List.copyOf(chaosTargets);
    }

    /** A lesson column: its number in the workshop (from 1), its address and its title. */
    public record Column(int number, String slug, String title) {
    }

    /** How far a learner is in one lesson. */
    public enum State {
        NEW("not started", "Not started"), STARTED("in progress", "In progress"), STUCK("stuck", "In progress"), DONE("done", "Completed"),
        /** Not started, and the workshop has not opened the lesson yet. */
        LOCKED("locked", "Locked");

        private final String label;
        private final String phrase;

        State(String label, String phrase) {
            this.label = label;
            this.phrase = phrase;
        }

        /** The room's word for it ("in progress"). */
        public String label() {
            return label;
        }

        /** The learner's own word for it ("In progress"): a learner is never told they are stuck. */
        public String phrase() {
            return phrase;
        }

        /** Its name in a CSS class ({@code cell--started}). */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One learner x lesson cell: the state and the quiz score ("1.5/4", empty before any answer). */
    public record Cell(State state, String score) {
    }

    /**
     * One learner's row: their cells, their workshop sandbox's apps in words and whether every app
     * is up, whether they are idle, the question they are stuck on (null if none), how many lessons
     * they completed, and the questions and goals failing for them (what "fails most" counts).
     */
    public record LearnerRow(Member member, List<Cell> cells, String apps, boolean appsUp, boolean idle, String stuckOn, int done,
                             List<String> failingQuestions, List<String> failingGoals, cloudlab.quiz.Scores.LearnerScore total) {
        public LearnerRow {
            cells = List.copyOf(cells);
            failingQuestions = List.copyOf(failingQuestions);
            failingGoals = List.copyOf(failingGoals);
        }

        /** A row without a workshop total (none counted). */
        public LearnerRow(Member member, List<Cell> cells, String apps, boolean appsUp, boolean idle, String stuckOn, int done,
                          List<String> failingQuestions, List<String> failingGoals) {
            this(member, cells, apps, appsUp, idle, stuckOn, done, failingQuestions, failingGoals, null);
        }

        /** The learner's score over the workshop's lessons as text ("2.5/7"), the quiz feature's one definition. */
        public String totalText() {
            return total == null ? "" : cloudlab.quiz.Gradebook.number(total.score()) + "/" + cloudlab.quiz.Gradebook.number(total.max());
        }

        public String learnerId() {
            return member.learnerId();
        }
    }

    /** A question or goal and how many learners it fails for. */
    public record Trouble(String what, int learners) {
    }

    /** The question that fails for the most learners (the first such in room order), or null. */
    public Trouble worstQuestion() {
        return worst(rows.stream().map(LearnerRow::failingQuestions).toList());
    }

    /** The challenge goal that fails for the most learners (the first such in room order), or null. */
    public Trouble worstGoal() {
        return worst(rows.stream().map(LearnerRow::failingGoals).toList());
    }

    /** Learners whose workshop sandbox has every app up. */
    public long upCount() {
        return rows.stream().filter(LearnerRow::appsUp).count();
    }

    /** Learners idle for {@link Attendance#IDLE} or more. */
    public long idleCount() {
        return rows.stream().filter(LearnerRow::idle).count();
    }

    /** Lessons completed, summed over every learner. */
    public int lessonsDone() {
        return rows.stream().mapToInt(LearnerRow::done).sum();
    }

    /** The same room with one learner's row put in place of their old one (added when they are new). */
    public Room withRow(LearnerRow row) {
        List<LearnerRow> out = new java.util.ArrayList<>(rows);
        int at = -1;
        for (int i = 0; i < out.size(); i++) if (out.get(i).learnerId().equals(row.learnerId())) at = i;
        if (at >= 0) out.set(at, row);
        else out.add(row);
        return new Room(workshop, lessons, out, chaosTargets);
    }

    /** One lesson's column counted over the class: how many learners are in each state (locked counts as not started). */
    public record LessonCount(Column lesson, int done, int started, int stuck, int notStarted) {
    }

    /** The room for the whole class to see: counts per lesson and per failing goal and question, no names. */
    public record ClassView(int learners, long allUp, List<LessonCount> lessons, List<Trouble> goals, List<Trouble> questions) {
        /** A count as a whole percentage of the class (0 in an empty room). */
        public int percent(long n) {
            return learners == 0 ? 0 : Math.round(100f * n / learners);
        }
    }

    /** The class-level view (the projector's and the summary's rates). */
    public ClassView classView() {
        List<LessonCount> counts = new java.util.ArrayList<>();
        for (int i = 0; i < lessons.size(); i++) {
            int[] by = new int[State.values().length];
            for (LearnerRow r : rows) by[r.cells().get(i).state().ordinal()]++;
            counts.add(new LessonCount(lessons.get(i), by[State.DONE.ordinal()], by[State.STARTED.ordinal()], by[State.STUCK.ordinal()],
                    by[State.NEW.ordinal()] + by[State.LOCKED.ordinal()]));
        }
        return new ClassView(rows.size(), upCount(), counts, ranked(rows.stream().map(LearnerRow::failingGoals).toList()),
                ranked(rows.stream().map(LearnerRow::failingQuestions).toList()));
    }

    /** Every failing item with how many learners it fails for, most first (room order among equals). */
    static List<Trouble> ranked(List<List<String>> failingPerLearner) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> failing : failingPerLearner) {
            for (String item : failing.stream().distinct().toList()) counts.merge(item, 1, Integer::sum);
        }
        List<Trouble> out = new java.util.ArrayList<>();
        counts.forEach((k, v) -> out.add(new Trouble(k, v)));
        out.sort(java.util.Comparator.comparingInt(Trouble::learners).reversed());
        return out;
    }

    /** "Fails most": counts each item once per learner it fails for; the first of equal counts wins. */
    static Trouble worst(List<List<String>> failingPerLearner) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> failing : failingPerLearner) {
            for (String item : failing.stream().distinct().toList()) counts.merge(item, 1, Integer::sum);
        }
        Trouble worst = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (worst == null || e.getValue() > worst.learners()) worst = new Trouble(e.getKey(), e.getValue());
        }
        return worst;
    }
}
