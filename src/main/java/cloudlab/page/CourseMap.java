package cloudlab.page;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.progress.LearnerProgress;
import cloudlab.quiz.Completion;
import cloudlab.quiz.Scores;

import java.util.ArrayList;
import java.util.List;

/** The course map's cards: each lesson with the learner's state of it and their score, as the quiz feature defines them. */
public final class CourseMap {
    private CourseMap() {
    }

    /**
     * One lesson on the course map: its state's word and label, the learner's score on its items and
     * the name of the policy its quiz's score counts under.
     */
    public record LessonCard(Lesson lesson, int number, String state, String stateLabel, int answered, int questions, double score,
                      String policy) {
        public String href() {
            return "/lessons/" + lesson.slug();
        }
    }

    /** The cards of every lesson of the course, for a learner (null: nobody yet). */
    public static List<LessonCard> cards(Course course, LearnerProgress progress) {
        return cards(course, l -> new Worked(l, progress));
    }

    /** A lesson as the learner works it (a workshop's policy in its quiz) and what they did there. */
    public record Worked(Lesson lesson, LearnerProgress progress) {
    }

    /** The cards of every lesson, each read where the learner works it ({@code worked}). */
    public static List<LessonCard> cards(Course course, java.util.function.Function<Lesson, Worked> worked) {
        List<LessonCard> out = new ArrayList<>();
        int n = 1;
        for (Lesson inCourse : course.lessons()) {
            Worked w = worked.apply(inCourse);
            Lesson l = w.lesson();
            LearnerProgress progress = w.progress();
            Completion.LessonState state = Completion.state(l, progress);
            Scores.LearnerScore score = Scores.lesson(l, progress);
            String policy = l.policy().label();
            out.add(new LessonCard(l, n++, state.word(), state.label(), score.attempted(), score.items(), score.score(), policy));
        }
        return out;
    }
}
