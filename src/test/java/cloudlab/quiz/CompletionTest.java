package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A lesson's state: new, started, done only once every question is answered and every challenge passed. */
class CompletionTest {
    final Lesson first = TheCourse.lesson("why-virtualize");
    final Lesson last = TheCourse.lesson("putting-it-together");

    @Test
    void aLessonNobodyOpenedIsNewAndOpeningStartsIt() {
        assertEquals(Completion.LessonState.NEW, Completion.state(first, null));
        assertEquals(Completion.LessonState.NEW, Completion.state(first, new TheCourse.Made().progress()));
        assertEquals(Completion.LessonState.STARTED, Completion.state(first, new TheCourse.Made().opened(first.slug()).progress()));
        var answeredOne = new TheCourse.Made().answered(first.quiz().id(), first.quiz().questions().get(0).id(), 0.0).progress();
        assertEquals(Completion.LessonState.STARTED, Completion.state(first, answeredOne), "an answer starts a lesson too");
    }

    @Test
    void everyQuestionAnsweredCompletesALessonWithoutChallengesRightOrNot() {
        var made = new TheCourse.Made().opened(first.slug());
        var questions = first.quiz().questions();
        for (int i = 0; i < questions.size() - 1; i++) made.answered(first.quiz().id(), questions.get(i).id(), 0.0);
        assertEquals(Completion.LessonState.STARTED, Completion.state(first, made.progress()), "one question left");
        made.answered(first.quiz().id(), questions.get(questions.size() - 1).id(), 0.0);
        assertEquals(Completion.LessonState.DONE, Completion.state(first, made.progress()), "answered is enough, right or not");
        assertEquals("done", Completion.state(first, made.progress()).word());
    }

    @Test
    void aLessonWithAChallengeCompletesOnlyWhenItPasses() {
        var made = new TheCourse.Made().opened(last.slug());
        String challenge = null;
        for (Question q : last.quiz().questions()) {
            if (q.type() == Question.Type.CHALLENGE) challenge = q.challenge();
            else made.answered(last.quiz().id(), q.id(), 1.0);
        }
        made.checked(challenge, false, 0.6);
        assertEquals(Completion.LessonState.STARTED, Completion.state(last, made.progress()), "checked but failing");
        made.checked(challenge, true, 0.6, 1.0);
        assertEquals(Completion.LessonState.DONE, Completion.state(last, made.progress()));
    }
}
