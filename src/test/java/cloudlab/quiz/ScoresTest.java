package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learner's score: the best attempt of each item counts, and a lesson's challenges count like questions. */
class ScoresTest {
    final Lesson first = TheCourse.lesson("why-virtualize");
    final Lesson last = TheCourse.lesson("putting-it-together");

    @Test
    void theBestAttemptCountsNotTheLatest() {
        Question q = first.quiz().questions().get(0);
        var p = new TheCourse.Made().answered(first.quiz().id(), q.id(), 0.0, 1.0, 0.0).progress();
        Scores.ItemScore s = Scores.of(Scores.item(first.quiz(), q), p).orElseThrow();
        assertEquals(1.0, s.score(), "0, then 1, then 0: the 1 counts");
        assertEquals(3, s.attempts());
        assertTrue(s.full());
        assertEquals(1.0, Scores.quiz(first.quiz(), p).score());
    }

    @Test
    void aQuizScoreAddsItsQuestionsAndCountsWhatWasAttempted() {
        var made = new TheCourse.Made();
        List<Question> qs = first.quiz().questions();
        made.answered(first.quiz().id(), qs.get(0).id(), 0.5);
        made.answered(first.quiz().id(), qs.get(1).id(), 0.25, 0.75);
        Scores.LearnerScore s = Scores.lesson(first, made.progress());
        assertEquals(1.25, s.score(), 1e-9);
        assertEquals(2, s.attempted());
        assertEquals(qs.size(), s.items());
        assertEquals(qs.size(), s.max(), 1e-9, "every question is worth 1");
    }

    @Test
    void aPassedChallengeCountsOnceLikeAQuestionWorthOne() {
        var made = new TheCourse.Made();
        String challenge = null;
        for (Question q : last.quiz().questions()) {
            if (q.type() == Question.Type.CHALLENGE) challenge = q.challenge();
            else made.answered(last.quiz().id(), q.id(), 1.0);
        }
        assertTrue(challenge != null, "the last lesson's quiz asks its challenge");
        assertEquals(last.quiz().questions().size(), Scores.items(last).size(), "the challenge question and its block are one item");
        made.checked(challenge, false, 0.4, 0.6);
        Scores.LearnerScore before = Scores.lesson(last, made.progress());
        assertEquals(last.quiz().questions().size() - 1 + 0.6, before.score(), 1e-9, "a failing check counts its best score");
        made.checked(challenge, true, 0.4, 0.6, 1.0);
        Scores.LearnerScore after = Scores.lesson(last, made.progress());
        assertEquals(last.quiz().questions().size(), after.score(), 1e-9, "\"Challenge passed\" is counted: 7 of 7");
        assertEquals(after.items(), after.attempted());
    }

    @Test
    void aWorkshopScoreIsTheSumOfItsLessons() {
        var made = new TheCourse.Made();
        made.answered(first.quiz().id(), first.quiz().questions().get(0).id(), 1.0);
        made.answered(last.quiz().id(), last.quiz().questions().get(0).id(), 0.0, 0.5);
        var p = made.progress();
        Scores.LearnerScore both = Scores.lessons(List.of(first, last), p);
        assertEquals(1.5, both.score(), 1e-9);
        assertEquals(Scores.lesson(first, p).items() + Scores.lesson(last, p).items(), both.items());
        assertEquals(0, Scores.lessons(List.of(first, last), null).score(), "nobody yet: nothing scored");
    }
}
