package cloudlab.workshop;

import java.util.List;

/**
 * An instructor's workshop: a join code, the lessons it covers in order, the layout its sandboxes
 * start from (layout JSON, or null for an empty layout) and how many of its lessons are open
 * ({@code unlocked}; -1 opens them all).
 */
public record Workshop(String id, String code, String title, String instructor, List<String> lessons, String startLayout,
                       int unlocked, String createdAt, String closedAt) {
    public Workshop {
        lessons = List.copyOf(lessons);
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
