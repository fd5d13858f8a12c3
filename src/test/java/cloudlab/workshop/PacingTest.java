package cloudlab.workshop;

import cloudlab.lesson.Lesson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening lessons as the room goes, and the lock a learner meets on a lesson not open yet. */
class PacingTest {
    static final List<String> LESSONS = List.of("one", "two", "three");

    static Workshop workshop(int unlocked, String closedAt) {
        return new Workshop("w1", "ABC234", "Tuesday class", "ada", LESSONS, null, unlocked, "2026-11-27T09:00:00Z", closedAt);
    }

    static Lesson lesson(String slug, String title) {
        return new Lesson(slug, slug + ".md", title, 1, "", List.of(), 10, List.of(), List.of());
    }

    static Optional<Workshops.Membership> in(Workshop w) {
        return Optional.of(new Workshops.Membership(w, new Member(w.id(), "l1", "Ana", null, "2026-11-27T09:01:00Z", "2026-11-27T09:01:00Z")));
    }

    @Test
    void nextOpensOneMoreUpToTheLastPreviousClosesOneButNeverTheFirstAllOpensEvery() {
        assertEquals(2, Pacing.unlockedAfter(workshop(1, null), Pacing.Step.NEXT));
        assertEquals(3, Pacing.unlockedAfter(workshop(3, null), Pacing.Step.NEXT), "never past the last lesson");
        assertEquals(3, Pacing.unlockedAfter(workshop(-1, null), Pacing.Step.NEXT), "after open all, next keeps all open");
        assertEquals(1, Pacing.unlockedAfter(workshop(2, null), Pacing.Step.PREVIOUS));
        assertEquals(1, Pacing.unlockedAfter(workshop(1, null), Pacing.Step.PREVIOUS), "the first lesson stays open");
        assertEquals(2, Pacing.unlockedAfter(workshop(-1, null), Pacing.Step.PREVIOUS), "from all open, the last one closes");
        assertEquals(-1, Pacing.unlockedAfter(workshop(1, null), Pacing.Step.ALL));
        assertEquals(Optional.of(Pacing.Step.NEXT), Pacing.Step.named("next"));
        assertEquals(Optional.empty(), Pacing.Step.named("NEXT"));
        assertEquals(Optional.empty(), Pacing.Step.named(null));
    }

    @Test
    void aLessonTheWorkshopHasNotReachedIsLockedWithAMessageNamingItAndTheWorkshop() {
        Workshop w = workshop(1, null);
        assertEquals(Optional.of("Your instructor has not opened \"Lesson two\" yet in Tuesday class. It opens when the room gets there."),
                Pacing.lessonLock(in(w), lesson("two", "Lesson two")));
        assertTrue(Pacing.lessonLock(in(w), lesson("three", "Lesson three")).isPresent());
    }

    @Test
    void anOpenLessonALessonOutsideTheWorkshopAndALearnerInNoWorkshopAreNeverLocked() {
        assertEquals(Optional.empty(), Pacing.lessonLock(in(workshop(1, null)), lesson("one", "Lesson one")));
        assertEquals(Optional.empty(), Pacing.lessonLock(in(workshop(2, null)), lesson("two", "Lesson two")));
        assertEquals(Optional.empty(), Pacing.lessonLock(in(workshop(-1, null)), lesson("three", "Lesson three")));
        assertEquals(Optional.empty(), Pacing.lessonLock(in(workshop(1, null)), lesson("elsewhere", "Not in it")));
        assertEquals(Optional.empty(), Pacing.lessonLock(Optional.empty(), lesson("two", "Lesson two")));
        assertEquals(Optional.empty(), Pacing.lessonLock(in(workshop(1, "2026-11-27T12:00:00Z")), lesson("two", "Lesson two")),
                "a closed workshop locks nothing");
    }
}
