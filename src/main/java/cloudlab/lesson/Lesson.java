package cloudlab.lesson;

import cloudlab.sim.Layout;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson: its front matter, its body as segments in reading order, and the quiz and challenges
 * it holds. {@code slug} is its address under {@code /lessons/}; {@code sources} are where its
 * facts come from, shown at the end of the page (empty only in a lesson that check-lessons refuses).
 */
public record Lesson(String slug, String source, String title, int order, String summary, List<String> teaches, int minutes,
                     List<Source> sources, List<Segment> segments) {
    public Lesson {
        teaches = List.copyOf(teaches);
        sources = List.copyOf(sources);
        segments = List.copyOf(segments);
    }

    /** A work the lesson's facts were checked against, and when it was read ({@code YYYY-MM} or {@code YYYY-MM-DD}). */
    public record Source(String title, String publisher, String url, String read) {
    }

    /** Every layout the lesson shows or grades: figures, sandboxes, predict questions (each variant), challenges. */
    public List<Layout> layouts() {
        List<Layout> out = new ArrayList<>();
        for (Segment s : segments) {
            if (s instanceof Segment.Figure f) out.add(f.layout());
            else if (s instanceof Segment.Sandbox b) out.add(b.layout());
            else if (s instanceof Segment.ChallengeBlock c) {
                out.add(c.challenge().start());
                if (c.challenge().solution() != null) out.add(c.challenge().solution());
                out.addAll(c.challenge().wrong());
            } else if (s instanceof Segment.QuizBlock q) {
                for (Question question : q.quiz().questions()) {
                    if (question.predict() != null) out.add(question.predict().layout());
                    for (Question v : question.variants()) if (v.predict() != null) out.add(v.predict().layout());
                }
            }
        }
        return out;
    }

    /** The same lesson with its quiz under another attempt policy (a workshop's override). */
    public Lesson withPolicy(cloudlab.quiz.AttemptPolicy policy) {
        List<Segment> out = segments.stream().map(s -> s instanceof Segment.QuizBlock q
                ? (Segment) new Segment.QuizBlock(new Quiz(q.quiz().id(), q.quiz().questions(), policy)) : s).toList();
        return new Lesson(slug, source, title, order, summary, teaches, minutes, sources, out);
    }

    /** The lesson's quiz, or null. */
    public Quiz quiz() {
        for (Segment s : segments) if (s instanceof Segment.QuizBlock q) return q.quiz();
        return null;
    }

    /** The attempt policy the lesson's quiz is scored under: its own, or practice when it has no quiz. */
    public cloudlab.quiz.AttemptPolicy policy() {
        Quiz quiz = quiz();
        return quiz == null ? cloudlab.quiz.AttemptPolicy.PRACTICE : quiz.policy();
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
