package cloudlab.lesson;

import cloudlab.sim.History;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.InputException;
import cloudlab.sim.Layout;
import cloudlab.sim.RegionCatalog;
import cloudlab.sim.grade.Grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The lessons of one folder, in course order, with the problems found while reading them. A
 * malformed lesson is left out of the course and reported (file and line) in {@link #problems()}.
 */
public final class Course {
    private final List<Lesson> lessons;
    private final List<String> problems;
    private final RegionCatalog catalog;
    /**
     * Each lesson under each attempt policy a workshop sets, made once: a lesson's kept markup is
     * found by the lesson object itself, so the same lesson under the same policy must be the same
     * object on every view (bounded by {@link #MOST_WORKED}; past it, made anew each time).
     */
    private final Map<Worked, Lesson> worked = new ConcurrentHashMap<>();
    private static final int MOST_WORKED = 10_000;

    private record Worked(String slug, cloudlab.quiz.AttemptPolicy policy) {
    }

    private Course(List<Lesson> lessons, List<String> problems, RegionCatalog catalog) {
        this.lessons = List.copyOf(lessons);
        this.problems = List.copyOf(problems);
        this.catalog = catalog;
    }

    /** Reads every {@code *.md} file of the folder. */
    public static Course load(Path folder, RegionCatalog catalog) {
        List<Lesson> lessons = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            return new Course(List.of(), List.of(folder + ": cannot list the lessons folder (" + e.getMessage() + ")"), catalog);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                lessons.add(LessonReader.read(text, name, folder, catalog));
            } catch (InputException e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add(name + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        lessons.sort(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::slug));
        crossCheck(lessons, problems);
        return new Course(lessons, problems, catalog);
    }

    /** Ids and orders that must be unique across the course. */
    private static void crossCheck(List<Lesson> lessons, List<String> problems) {
        Map<String, String> slugs = new HashMap<>();
        Map<Integer, String> orders = new HashMap<>();
        Map<String, String> quizzes = new HashMap<>();
        Map<String, String> challenges = new HashMap<>();
        for (Lesson l : lessons) {
            String prev = slugs.putIfAbsent(l.slug(), l.source());
            if (prev != null) problems.add(l.source() + ": the slug " + l.slug() + " is already used by " + prev);
            prev = orders.putIfAbsent(l.order(), l.source());
            if (prev != null) problems.add(l.source() + ": place " + l.order() + " in the course is already " + prev
                    + "'s; give one of the two files a free number");
            if (l.quiz() != null) {
                prev = quizzes.putIfAbsent(l.quiz().id(), l.source());
                if (prev != null) problems.add(l.source() + ": the quiz id " + l.quiz().id() + " is already used by " + prev);
            }
            for (LessonChallenge c : l.challenges()) {
                prev = challenges.putIfAbsent(c.id(), l.source());
                if (prev != null) problems.add(l.source() + ": the challenge id " + c.id() + " is already used by " + prev);
            }
        }
        for (Lesson l : lessons) {
            if (l.quiz() == null) continue;
            for (Question q : l.quiz().questions()) {
                if (q.challenge() != null && !challenges.containsKey(q.challenge())) {
                    problems.add(l.source() + ": question " + q.id() + " names the challenge " + q.challenge()
                            + ", which no lesson holds");
                }
            }
        }
    }

    /**
     * Everything {@code check-lessons} refuses beyond what reading refuses: a lesson without
     * {@link #checkSources() sources}, a zone that is not in its catalog region
     * ({@link #checkZones()}) and the {@link #checkChallenges() challenge checks}.
     */
    public List<String> authoringProblems() {
        List<String> out = new ArrayList<>(checkSources());
        out.addAll(checkZones());
        out.addAll(checkChallenges());
        out.addAll(checkTasks());
        return out;
    }

    /**
     * Every lesson sandbox carries its "Try it" as a guided task, and the task is not done before
     * the learner starts: its first step must not hold in the start layout.
     */
    public List<String> checkTasks() {
        List<String> out = new ArrayList<>();
        for (Lesson l : lessons) {
            for (Segment.Sandbox b : l.sandboxes()) {
                String at = l.source() + ": sandbox " + b.index() + " (" + b.title() + "): ";
                if (b.task() == null) {
                    out.add(at + "steps: missing; a lesson sandbox lists its task as steps the lab can tick");
                } else if (b.task().standing(History.from(b.layout(), List.of(), 0)).steps().get(0).done()) {
                    out.add(at + "steps[0] already holds in the start layout, so it would tick before the learner does anything");
                }
            }
        }
        return out;
    }

    /** Each lesson must say where its facts come from: a lesson with no {@code sources} is a problem. */
    public List<String> checkSources() {
        List<String> out = new ArrayList<>();
        for (Lesson l : lessons) {
            if (l.sources().isEmpty()) {
                out.add(l.source() + ": front matter: sources: missing; every lesson lists where its facts come from"
                        + " (title, publisher, url, read)");
            }
        }
        return out;
    }

    /**
     * A lesson teaches real AZ ids, so each zone of a catalog region in any of its layouts (figures,
     * sandboxes, predict questions, challenges) must be one the catalog lists for that region.
     */
    public List<String> checkZones() {
        List<String> out = new ArrayList<>();
        for (Lesson l : lessons) {
            Set<String> seen = new LinkedHashSet<>();
            for (Layout layout : l.layouts()) seen.addAll(catalog.zoneProblems(layout));
            for (String p : seen) out.add(l.source() + ": " + p);
        }
        return out;
    }

    /**
     * The authoring checks that need the grader: each challenge's start layout fails, its
     * reference solution passes and every known-wrong layout fails. Returns the problems found.
     */
    public List<String> checkChallenges() {
        List<String> out = new ArrayList<>();
        for (Lesson l : lessons) {
            for (LessonChallenge c : l.challenges()) {
                String at = l.source() + ": challenge " + c.id() + ": ";
                if (c.grade(c.start()).passed()) out.add(at + "the start layout already passes every goal");
                if (c.solution() == null) {
                    out.add(at + "has no reference solution");
                } else {
                    GradeResult r = c.grade(c.solution());
                    if (!r.passed()) out.add(at + "the reference solution fails: " + firstFailure(r));
                }
                if (c.wrong().isEmpty()) out.add(at + "has no known-wrong layout");
                for (int i = 0; i < c.wrong().size(); i++) {
                    Layout w = c.wrong().get(i);
                    if (c.grade(w).passed()) out.add(at + "wrong[" + i + "] passes every goal, but must fail one");
                }
            }
        }
        return out;
    }

    private static String firstFailure(GradeResult r) {
        for (GradeResult.CheckResult c : r.checks()) if (!c.passed()) return c.goal() + ": " + c.message();
        return "";
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    public List<String> problems() {
        return problems;
    }

    /** One of this course's lessons with its quiz under {@code policy}: the same object each time it is asked for. */
    public Lesson underPolicy(Lesson lesson, cloudlab.quiz.AttemptPolicy policy) {
        if (lesson(lesson.slug()) != lesson || worked.size() >= MOST_WORKED) return lesson.withPolicy(policy);
        return worked.computeIfAbsent(new Worked(lesson.slug(), policy), k -> lesson.withPolicy(policy));
    }

    public Lesson lesson(String slug) {
        for (Lesson l : lessons) if (l.slug().equals(slug)) return l;
        return null;
    }

    /** The lesson holding the quiz, or null. */
    public Lesson lessonOfQuiz(String quizId) {
        for (Lesson l : lessons) if (l.quiz() != null && l.quiz().id().equals(quizId)) return l;
        return null;
    }

    /**
     * Where a learner stands in the guided task of the lesson sandbox their sandbox was opened
     * from: {@code ref} is that sandbox's origin, {@code slug#index}; null when the block is gone
     * or has no task.
     */
    public Task.Standing taskStanding(String ref, History history) {
        Segment.Sandbox block = sandboxBlock(ref);
        return block == null || block.task() == null ? null : block.task().standing(history);
    }

    /** The sandbox block named {@code slug#index}, as lesson sandboxes record their origin, or null. */
    public Segment.Sandbox sandboxBlock(String ref) {
        int hash = ref == null ? -1 : ref.lastIndexOf('#');
        if (hash < 0) return null;
        Lesson l = lesson(ref.substring(0, hash));
        String index = ref.substring(hash + 1);
        if (l == null || !index.matches("[0-9]{1,3}")) return null;
        int i = Integer.parseInt(index);
        return i < l.sandboxes().size() ? l.sandboxes().get(i) : null;
    }

    public LessonChallenge challenge(String id) {
        for (Lesson l : lessons) for (LessonChallenge c : l.challenges()) if (c.id().equals(id)) return c;
        return null;
    }

    /** The lesson after this one in course order, or null. */
    public Lesson next(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i >= 0 && i + 1 < lessons.size() ? lessons.get(i + 1) : null;
    }

    public Lesson previous(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i > 0 ? lessons.get(i - 1) : null;
    }
}
