package cloudlab.workshop;

import cloudlab.lesson.Course;
import cloudlab.progress.Progress;
import cloudlab.quiz.Gradebook;
import cloudlab.quiz.Regrade;
import cloudlab.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An instructor's regrade, kept to what they may touch and written down: an instructor regrades
 * the attempts made in the workshops they own or co-teach, an admin every attempt. Applying leaves
 * one audit row per workshop it changed: who, when, how, how many scores, and the workshop's total
 * of counted scores before and after; the workshop page lists them.
 */
public final class Regrading {
    private final Workshops workshops;
    private final Instructors instructors;
    private final Progress progress;
    private final Supplier<Course> course;
    private final Function<Workshop, List<Gradebook.Row>> results;

    Regrading(Workshops workshops, Progress progress, Supplier<Course> course, Function<Workshop, List<Gradebook.Row>> results) {
        this.workshops = workshops;
        this.instructors = new Instructors(workshops.db());
        this.progress = progress;
        this.course = course;
        this.results = results;
    }

    /** One applied regrade of one workshop (null {@code workshopId}: attempts made in no workshop). */
    public record Audit(String workshopId, String instructor, String at, String mode, int changed, double totalBefore, double totalAfter,
                        String details) {
    }

    /** The dry run: what regrading the attempts this instructor may touch would change. */
    public Regrade.Plan plan(String instructor) {
        Map<String, Optional<Workshop>> seen = new HashMap<>();
        Function<String, Optional<Workshop>> workshop = id -> seen.computeIfAbsent(id, workshops::byId);
        return Regrade.plan(course.get(), progress, within(instructor), id -> workshop.apply(id).map(Workshop::policy).orElse(null));
    }

    /**
     * Scores changed, in all and per place, in the order of their names: each workshop by its title
     * (with its join code when two share a title), and "self-study" for work done in none.
     */
    public record Counts(int total, Map<String, Integer> byWorkshop) {
        public Counts {
            byWorkshop = Collections.unmodifiableMap(new LinkedHashMap<>(byWorkshop));
        }

        /** The counts in a sentence with the verb given: "3 scores changed: Monday class 2, Tuesday class 1". */
        public String text(String verb) {
            List<String> parts = new ArrayList<>();
            byWorkshop.forEach((k, v) -> parts.add(k + " " + v));
            return total + (total == 1 ? " score " : " scores ") + verb + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
        }
    }

    /** The dry run as the regrade page shows it: the plan and how many scores it would change kept-higher and replacing. */
    public record DryRun(Regrade.Plan plan, Counts keepHigher, Counts replace) {
    }

    /** The dry run with its counts per workshop. */
    public DryRun dryRun(String instructor) {
        Regrade.Plan plan = plan(instructor);
        return new DryRun(plan, counts(plan, true), counts(plan, false));
    }

    /** What applying did: the scores changed (counted as the dry run counts them, per workshop) and the audit rows written. */
    public record Applied(Counts changed, List<Audit> audits) {
    }

    /** Applies the regrade of the attempts this instructor may touch ({@code keepHigher}: no score goes down) and records it. */
    public Applied apply(String instructor, boolean keepHigher) {
        Regrade.Plan plan = plan(instructor);
        Map<String, Workshop> touched = new LinkedHashMap<>();
        for (Regrade.Change c : plan.changes()) {
            if (c.workshopId() != null && Math.abs(c.applied(keepHigher) - c.oldScore()) > 1e-9) {
                workshops.byId(c.workshopId()).ifPresent(w -> touched.put(w.id(), w));
            }
        }
        Map<String, Double> before = new LinkedHashMap<>();
        touched.values().forEach(w -> before.put(w.id(), total(w)));
        Counts counts = counts(plan, keepHigher);
        Map<String, Integer> byId = plan.scoresChangedByWorkshop(keepHigher);
        Regrade.apply(plan, progress, keepHigher);
        List<Audit> audits = new ArrayList<>();
        String at = Database.now();
        String mode = keepHigher ? "keep higher" : "replace";
        for (Workshop w : touched.values()) {
            List<String> lines = new ArrayList<>();
            Map<String, String> names = names(w);
            for (Regrade.Change c : plan.changes()) {
                if (!w.id().equals(c.workshopId()) || Math.abs(c.applied(keepHigher) - c.oldScore()) < 1e-9) continue;
                lines.add(names.getOrDefault(c.learnerId(), c.learnerId()) + " " + c.quizId() + "/" + c.questionId() + " attempt " + c.attempt()
                        + ": " + Gradebook.number(c.oldScore()) + " → " + Gradebook.number(c.applied(keepHigher)));
            }
            audits.add(record(new Audit(w.id(), instructor, at, mode, byId.getOrDefault(w.id(), 0), before.get(w.id()), total(w),
                    String.join("\n", lines))));
        }
        return new Applied(counts, audits);
    }

    private Counts counts(Regrade.Plan plan, boolean keepHigher) {
        Map<String, Integer> named = new java.util.TreeMap<>(); // by name, so the page reads the same each time
        plan.scoresChangedByWorkshop(keepHigher).forEach((id, n) -> {
            String name = id == null ? "self-study" : workshops.byId(id).map(Workshop::title).orElse(id);
            if (named.containsKey(name) && id != null) name = name + " (" + workshops.byId(id).map(Workshop::code).orElse(id) + ")";
            named.merge(name, n, Integer::sum);
        });
        return new Counts(plan.scoresChanged(keepHigher), named);
    }

    /** The regrades applied to a workshop, newest first. */
    public List<Audit> audits(String workshopId) {
        return workshops.db().read(c -> {
            List<Audit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT workshop_id, instructor, at, mode, changed, total_before, total_after, details "
                    + "FROM regrade_audit WHERE workshop_id = ? ORDER BY at DESC")) {
                ps.setString(1, workshopId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Audit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getDouble(6), rs.getDouble(7), rs.getString(8)));
                }
            }
            return out;
        });
    }

    private java.util.function.Predicate<Progress.StoredAttempt> within(String instructor) {
        if (instructors.admin(instructor)) return a -> true;
        Set<String> mine = new java.util.HashSet<>();
        for (Workshop w : workshops.ofInstructor(instructor)) mine.add(w.id());
        return a -> a.workshopId() != null && mine.contains(a.workshopId());
    }

    private double total(Workshop w) {
        return results.apply(w).stream().mapToDouble(Gradebook.Row::score).sum();
    }

    private Map<String, String> names(Workshop w) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Member m : workshops.members(w.id())) out.put(m.learnerId(), m.displayName());
        return out;
    }

    private Audit record(Audit a) {
        workshops.db().transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO regrade_audit (id, workshop_id, instructor, at, mode, changed, "
                    + "total_before, total_after, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, a.workshopId());
                ps.setString(3, a.instructor());
                ps.setString(4, a.at());
                ps.setString(5, a.mode());
                ps.setInt(6, a.changed());
                ps.setDouble(7, a.totalBefore());
                ps.setDouble(8, a.totalAfter());
                ps.setString(9, a.details());
                ps.executeUpdate();
            }
            return null;
        });
        return a;
    }
}
