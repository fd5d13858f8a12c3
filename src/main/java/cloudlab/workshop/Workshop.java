package cloudlab.workshop;

import cloudlab.lesson.Lesson;
import cloudlab.quiz.AttemptPolicy;

import java.util.List;

/**
 * An instructor's workshop: a join code, the lessons it covers in order, the layout its sandboxes
 * start from (layout JSON, or null for an empty layout) and how many of its lessons are open
 * ({@code unlocked}; -1 opens them all), and the attempt policy it sets for every quiz it covers
 * ({@code policy}; null leaves each quiz its own).
 */
public record Workshop(String id, String code, String title, String instructor, List<String> lessons, String startLayout,
                       int unlocked, String createdAt, String closedAt, AttemptPolicy policy) {
    public Workshop {
        lessons = List.copyOf(lessons);
    }

    /** A workshop that leaves each quiz its own policy. */
    public Workshop(String id, String code, String title, String instructor, List<String> lessons, String startLayout,
                    int unlocked, String createdAt, String closedAt) {
        this(id, code, title, instructor, lessons, startLayout, unlocked, createdAt, closedAt, null);
    }

    /** Whether the lesson is one this workshop covers. */
    public boolean covers(String slug) {
        return lessons.contains(slug);
    }

    /**
     * The lesson as it is worked in this workshop: its quiz under the workshop's policy when the
     * workshop sets one (every score of it, anywhere, then counts under that policy); the same
     * object for the same lesson of {@code course} each time.
     */
    public Lesson asWorkedHere(cloudlab.lesson.Course course, Lesson lesson) {
        return policy == null || lesson.quiz() == null ? lesson : course.underPolicy(lesson, policy);
    }

    public boolean open() {
        return closedAt == null;
    }

    /** Whether the lesson may be opened now: every lesson outside the workshop is open. */
    public boolean lessonOpen(String slug) {
        int i = lessons.indexOf(slug);
        return i < 0 || unlocked < 0 || i < unlocked;
    }

    /** How many of its lessons are open now. */
    public int openCount() {
        return unlocked < 0 ? lessons.size() : Math.min(unlocked, lessons.size());
    }
}
