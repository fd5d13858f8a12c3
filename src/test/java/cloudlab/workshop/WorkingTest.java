package cloudlab.workshop;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.Progress;
import cloudlab.quiz.AttemptPolicy;
import cloudlab.quiz.Gradebook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Results belong to the workshop they were made in; close freezes them; names are unique per workshop. */
class WorkingTest {
    @TempDir
    static Path folder;
    static Room1 lab;

    @BeforeAll
    static void open() throws Instructors.Refused {
        lab = new Room1(folder);
        new Instructors(lab.db).add("bob", "another-long-password".toCharArray());
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    /** An answer given where the learner works on the lesson now (as the lesson page records it); refused work is not stored. */
    static String answer(String learner, Question q, boolean right) {
        Working.Place place = Working.place(lab.course, lab.workshops.working(learner), lab.quizLesson());
        if (place.refusal() != null) return place.refusal();
        lab.progress.answered(learner, place.lesson().quiz().id(), q.id(), new Progress.Attempt(null, right ? "right" : "wrong", null, null),
                right ? 1 : 0, 1, place.scope());
        return null;
    }

    static Workshop workshop(String instructor, String title, List<String> lessons) {
        return lab.rooms.steering().create(instructor, title, lessons, null).workshop();
    }

    static Gradebook.Row result(Workshop w, String learner, Question q) {
        String key = lab.quizLesson().quiz().id() + "/" + q.id();
        return lab.rooms.results(lab.workshops.byId(w.id()).orElseThrow()).stream().filter(r -> r.learnerId().equals(learner) && r.item().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void oneLearnerInTwoInstructorsWorkshopsIsCountedInEachOnlyForTheWorkDoneThere() {
        Lesson l = lab.quizLesson();
        List<String> both = List.of(l.slug(), lab.challengeLesson().slug());
        Workshop ada = workshop("ada", "Ada's morning", both);
        Workshop bob = workshop("bob", "Bob's afternoon", both);
        Question q0 = l.quiz().questions().get(0);
        Question q1 = l.quiz().questions().get(1);
        String ana = lab.joined(ada, "Ana");
        assertNull(answer(ana, q0, true));
        lab.joined(bob, "Someone");
        lab.rooms.joining().join(bob, ana, "Ana");
        assertNull(answer(ana, q0, false));
        assertNull(answer(ana, q1, true));

        assertEquals(1.0, result(ada, ana, q0).score());
        assertEquals(1, result(ada, ana, q0).attempts());
        assertEquals(0, result(ada, ana, q1).attempts(), "the answer given in Bob's workshop is not in Ada's results");
        assertEquals(0.0, result(bob, ana, q0).score(), "Bob's results count only the wrong answer given there");
        assertEquals(1, result(bob, ana, q0).attempts());
        assertEquals(1.0, result(bob, ana, q1).score());
        assertEquals("1.0/" + cells(l), lab.row(lab.rooms.room(lab.fresh(ada)), ana).cells().get(0).score());
        assertEquals("1.0/" + cells(l), lab.row(lab.rooms.room(lab.workshops.byId(bob.id()).orElseThrow()), ana).cells().get(0).score());

        lab.rooms.joining().join(ada, ana, "typed again");
        assertEquals(ada.id(), lab.workshops.working(ana).orElseThrow().workshop().id(), "rejoining makes a workshop the working one again");
        assertEquals("Ana", lab.member(ada, ana).displayName(), "and keeps the name the room knows");
    }

    private static long cells(Lesson l) {
        return cloudlab.quiz.Scores.items(l).size();
    }

    @Test
    void closingFreezesTheWorkshopsResultsAndReopeningAcceptsWorkAgain() {
        Workshop w = workshop("ada", "Frozen", List.of(lab.quizLesson().slug()));
        Question q = lab.quizLesson().quiz().questions().get(0);
        String ana = lab.joined(w, "Ana");
        assertNull(answer(ana, q, false));
        lab.rooms.steering().close(lab.fresh(w));
        String refusal = answer(ana, q, true);
        assertTrue(refusal != null && refusal.contains("Frozen is closed"), refusal);
        assertEquals(0.0, result(w, ana, q).score(), "the answer after Close is not in the results");
        assertEquals(1, result(w, ana, q).attempts());
        assertNull(Working.place(lab.course, lab.workshops.working(ana), lab.quizLesson()).locked(), "its lessons can still be read");

        lab.workshops.reopen(w.id());
        assertNull(answer(ana, q, true));
        assertEquals(1.0, result(w, ana, q).score());
    }

    @Test
    void aLessonTheWorkshopDoesNotCoverIsSelfStudyAndNoRoomCountsIt() {
        Workshop w = workshop("ada", "Only the first", List.of(lab.quizLesson().slug()));
        String ana = lab.joined(w, "Ana");
        Working.Place place = Working.place(lab.course, lab.workshops.working(ana), lab.challengeLesson());
        assertEquals(Progress.Scope.SELF_STUDY, place.scope());
        assertNull(place.refusal());
        assertEquals(Progress.Scope.workshop(w.id()), Working.place(lab.course, lab.workshops.working(ana), lab.quizLesson()).scope());
        assertEquals(Progress.Scope.SELF_STUDY, Working.place(lab.course, lab.workshops.working(lab.progress.newLearner().learner().id()), lab.quizLesson()).scope());
    }

    @Test
    void theWorkshopsAttemptPolicyCountsInItsRoomAndResults() {
        Workshop w = workshop("ada", "First counts", List.of(lab.quizLesson().slug()));
        Question q = lab.quizLesson().quiz().questions().get(0);
        String ana = lab.joined(w, "Ana");
        answer(ana, q, false);
        answer(ana, q, true);
        assertEquals(lab.quizLesson().quiz().policy().counted(List.of(0.0, 1.0)), result(w, ana, q).score(), "the quiz's own policy");

        AttemptPolicy first = new AttemptPolicy(AttemptPolicy.Kind.FIRST, 0, 0);
        lab.workshops.setPolicy(w.id(), first);
        assertEquals(0.0, result(w, ana, q).score(), "under the workshop's first-attempt policy the wrong first answer counts");
        assertEquals(first.label(), result(w, ana, q).policy());
        assertEquals(first, Working.place(lab.course, lab.workshops.working(ana), lab.quizLesson()).lesson().quiz().policy(),
                "the lesson is answered under the workshop's policy too");
        assertSame(Working.place(lab.course, lab.workshops.working(ana), lab.quizLesson()).lesson(),
                Working.place(lab.course, lab.workshops.working(ana), lab.quizLesson()).lesson(),
                "the same lesson object on every view, so the page's kept markup (found by the lesson itself) is found again");
        assertNotSame(lab.quizLesson(), Working.place(lab.course, lab.workshops.working(ana), lab.quizLesson()).lesson());
    }

    @Test
    void aNameIsUniqueInAWorkshopAndTwoRowsOfOnePersonMergeOrOneIsRemoved() {
        Workshop w = workshop("ada", "Names", List.of(lab.quizLesson().slug()));
        Question q = lab.quizLesson().quiz().questions().get(0);
        String ana = lab.joined(w, "Ana");
        Workshops.NameTaken taken = assertThrows(Workshops.NameTaken.class, () -> lab.joined(w, "ana"));
        assertTrue(taken.getMessage().startsWith("name: ") && taken.getMessage().contains("unique within a workshop"), taken.getMessage());
        String phone = lab.joined(w, "Ana (phone)");
        answer(ana, q, false);
        answer(phone, q, true);

        lab.workshops.merge(w.id(), ana, phone);
        assertEquals(List.of(ana), lab.workshops.members(w.id()).stream().map(Member::learnerId).toList());
        assertEquals(2, result(w, ana, q).attempts(), "the phone's attempt is now Ana's, after her own");
        assertEquals(lab.quizLesson().quiz().policy().counted(List.of(0.0, 1.0)), result(w, ana, q).score());

        lab.workshops.remove(w.id(), ana);
        assertTrue(lab.rooms.results(lab.workshops.byId(w.id()).orElseThrow()).isEmpty(), "a removed learner leaves the results");
    }

    @Test
    void anInstructorReachesOnlyTheWorkshopsTheyTeachAndTheFirstInstructorIsAnAdminWhoSeesAll() {
        Workshop adas = workshop("ada", "Ada's", List.of(lab.quizLesson().slug()));
        Workshop bobs = workshop("bob", "Bob's", List.of(lab.quizLesson().slug()));
        Instructors instructors = new Instructors(lab.db);
        assertTrue(instructors.admin("ada"), "the first instructor is an admin");
        assertTrue(!instructors.admin("bob"));
        Workshops.NotYours refused = assertThrows(Workshops.NotYours.class, () -> lab.workshops.forInstructor("bob", adas.id()));
        assertTrue(refused.getMessage().startsWith("workshop: "), refused.getMessage());
        assertTrue(lab.workshops.ofInstructor("bob").stream().noneMatch(w -> w.id().equals(adas.id())));
        assertEquals(bobs.id(), lab.workshops.forInstructor("ada", bobs.id()).orElseThrow().id(), "an admin opens every workshop");
        assertTrue(lab.workshops.forInstructor("bob", "wnothere").isEmpty(), "a workshop that is not there is not found");
        lab.workshops.addInstructor(adas.id(), "bob");
        assertEquals(adas.id(), lab.workshops.forInstructor("bob", adas.id()).orElseThrow().id(), "a co-instructor opens it");

        String ana = lab.joined(adas, "Ana");
        answer(ana, lab.quizLesson().quiz().questions().get(0), true);
        String cy = lab.joined(bobs, "Cy");
        answer(cy, lab.quizLesson().quiz().questions().get(0), true);
        lab.workshops.merge(adas.id(), ana, ana); // merging a row with itself changes nothing
        assertTrue(lab.rooms.gradebook("bob").stream().anyMatch(r -> r.learnerId().equals(ana)), "bob co-teaches Ada's now");
        assertTrue(lab.rooms.gradebook("bob").stream().noneMatch(r -> r.displayName() == null || r.displayName().isEmpty()),
                "every row names its learner");
    }
}
