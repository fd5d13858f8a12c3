package cloudlab.quiz;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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

    @Test
    void whatALessonsStateReadsIsWhatItsItemsSay() {
        // Scores.attempted walks a lesson's items in place (the course map asks it of every lesson on
        // every view); it must agree with the items as Scores.items lists them and Scores.of reads them
        for (Lesson l : TheCourse.course().lessons()) {
            List<TheCourse.Made> made = new ArrayList<>();
            made.add(new TheCourse.Made());
            made.add(new TheCourse.Made().opened(l.slug()));
            TheCourse.Made some = new TheCourse.Made();
            TheCourse.Made all = new TheCourse.Made().opened(l.slug());
            TheCourse.Made allPassed = new TheCourse.Made().opened(l.slug());
            int n = 0;
            for (Scores.Item i : Scores.items(l)) {
                if (i.challengeId() != null) {
                    if (n++ % 2 == 0) some.checked(i.challengeId(), false, 0.5);
                    all.checked(i.challengeId(), false, 0.5);
                    allPassed.checked(i.challengeId(), true, 0.5, 1.0);
                } else {
                    if (n++ % 2 == 0) some.answered(i.quizId(), i.questionId(), 0.0);
                    all.answered(i.quizId(), i.questionId(), 0.0);
                    allPassed.answered(i.quizId(), i.questionId(), 1.0);
                }
            }
            made.addAll(List.of(some, all, allPassed));
            for (TheCourse.Made m : made) {
                var p = m.progress();
                var items = Scores.items(l);
                Scores.Attempted a = Scores.attempted(l, p);
                assertEquals(items.stream().anyMatch(i -> Scores.of(i, p).isPresent()), a.any(), l.slug() + ": any attempted");
                assertEquals(items.stream().allMatch(i -> Scores.of(i, p).isPresent()), a.all(), l.slug() + ": all attempted");
                assertEquals(l.challenges().stream().allMatch(c -> p.challenge(c.id()) != null && p.challenge(c.id()).passed()),
                        a.challengesPassed(), l.slug() + ": challenges passed");
            }
            assertEquals(l.challenges().isEmpty() ? Completion.LessonState.DONE : Completion.LessonState.STARTED,
                    Completion.state(l, all.progress()), l.slug());
            assertEquals(Completion.LessonState.DONE, Completion.state(l, allPassed.progress()), l.slug());
        }
    }
}
