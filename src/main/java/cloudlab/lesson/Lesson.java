package cloudlab.lesson;

import java.util.List;

/**
 * A lesson: its front matter, its body as segments in reading order, and the quiz and challenges
 * it holds. {@code slug} is its address under {@code /lessons/}.
 */
public record Lesson(String slug, String source, String title, int order, String summary, List<String> teaches, int minutes,
                     List<Segment> segments) {
    public Lesson {
        teaches = List.copyOf(teaches);
        segments = List.copyOf(segments);
    }

    /** The lesson's quiz, or null. */
    public Quiz quiz() {
        for (Segment s : segments) if (s instanceof Segment.QuizBlock q) return q.quiz();
        return null;
    }

    public List<LessonChallenge> challenges() {
        return segments.stream().filter(s -> s instanceof Segment.ChallengeBlock)
                .map(s -> ((Segment.ChallengeBlock) s).challenge()).toList();
    }

    public List<Segment.Sandbox> sandboxes() {
        return segments.stream().filter(s -> s instanceof Segment.Sandbox).map(s -> (Segment.Sandbox) s).toList();
    }

    public List<Segment.Figure> figures() {
        return segments.stream().filter(s -> s instanceof Segment.Figure).map(s -> (Segment.Figure) s).toList();
    }
}
