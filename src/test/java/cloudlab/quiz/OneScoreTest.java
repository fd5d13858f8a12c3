package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.Progress;
import cloudlab.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gradebook and the lesson score agree: both count the best attempt and the lesson's challenge. */
class OneScoreTest {
    @TempDir
    Path dir;

    @Test
    void theGradebookAddsUpToTheLessonScoreChallengeIncluded() {
        Lesson last = TheCourse.lesson("putting-it-together");
        try (Database db = Database.openSqlite(dir.resolve("lab.db"))) {
            Progress progress = new Progress(db);
            String learner = progress.newLearner().learner().id();
            String challenge = null;
            for (Question q : last.quiz().questions()) {
                if (q.type() == Question.Type.CHALLENGE) {
                    challenge = q.challenge();
                    continue;
                }
                progress.answered(learner, last.quiz().id(), q.id(), "{}", 0.0, 1.0);
                progress.answered(learner, last.quiz().id(), q.id(), "{}", 1.0, 1.0);
                progress.answered(learner, last.quiz().id(), q.id(), "{}", 0.5, 1.0); // a worse retry: the best still counts
            }
            progress.challengeChecked(learner, challenge, 0.6, false, "{}");
            progress.challengeChecked(learner, challenge, 1.0, true, "{}");

            Scores.LearnerScore lesson = Scores.lesson(last, progress.of(learner));
            assertEquals(last.quiz().questions().size(), lesson.score(), 1e-9, "every item full, the challenge counted once");
            List<Gradebook.Row> rows = Gradebook.rows(List.of(last), Map.of(learner, "Ann"), progress);
            assertEquals(lesson.items(), rows.size(), "one row per item, attempted or not");
            assertEquals(lesson.score(), rows.stream().mapToDouble(Gradebook.Row::score).sum(), 1e-9);
            assertEquals(rows, Gradebook.rows(TheCourse.course(), progress).stream().map(r -> r.withName("Ann"))
                    .toList(), "the course-wide gradebook says the same");
        }
    }
}
