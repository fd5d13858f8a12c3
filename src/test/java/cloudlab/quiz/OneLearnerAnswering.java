package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.LearnerProgress;
import cloudlab.progress.Progress;
import cloudlab.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The fixture the answering tests share: each test gets a fresh database with one learner, and
 * answers the prediction question of the hypervisor-types lesson ({@code q-predict-fit}).
 */
abstract class OneLearnerAnswering {
    @TempDir
    Path dir;
    Database db;
    Progress progress;
    Answering answering;
    String learner;
    final Lesson types = TheCourse.lesson("hypervisor-types");
    final Question fit = types.quiz().question("q-predict-fit");

    @BeforeEach
    void aLearner() {
        db = Database.openSqlite(dir.resolve("lab.db"));
        progress = new Progress(db);
        answering = new Answering(progress);
        learner = progress.newLearner().learner().id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The seed of {@code who}'s attempt at the question. */
    String seed(String who, int attempt) {
        return Question.Seeds.of(who, types.quiz().id(), fit.id(), attempt);
    }

    /** A right answer to the variant of the seed, with the seed. */
    Map<String, List<String>> right(String seed) {
        return TheCourse.validForm(fit.variant(seed), seed);
    }

    /** The learner's right answer at the given attempt. */
    Map<String, List<String>> right(int attempt) {
        return right(seed(learner, attempt));
    }

    /** What is stored for the learner's question, or null. */
    LearnerProgress.Answer stored() {
        return progress.of(learner).answer(types.quiz().id(), fit.id());
    }
}
