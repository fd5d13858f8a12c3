package cloudlab.workshop;

import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.Progress;
import cloudlab.quiz.Gradebook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gradebook as each instructor sees it: a learner in two workshops has a block in each, named by its workshop. */
class ResultsTest {
    @TempDir
    static Path folder;
    static Room1 lab;
    static Workshop adas;
    static Workshop bobs;
    static String ann;

    @BeforeAll
    static void annWorksInTwoWorkshopsAndAlone() throws Instructors.Refused {
        lab = new Room1(folder); // ada, the first instructor, is an admin
        new Instructors(lab.db).add("bob", "bobs-own-long-password".toCharArray());
        adas = lab.workshop(null);
        bobs = lab.rooms.steering().create("bob", "Bob's class", List.of(lab.quizLesson().slug()), null).workshop();
        ann = lab.joined(adas, "Ann");
        lab.rooms.joining().join(bobs, ann, "Annie");
        answer(Progress.Scope.workshop(adas.id()), 1);
        answer(Progress.Scope.workshop(bobs.id()), 0);
        answer(Progress.Scope.SELF_STUDY, 1);
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    static void answer(Progress.Scope where, double score) {
        Lesson l = lab.quizLesson();
        Question q = l.quiz().questions().get(0);
        lab.progress.answered(ann, l.quiz().id(), q.id(), new Progress.Attempt(null, "{}", null, null), score, 1, where);
    }

    static List<Gradebook.Row> firstItem(List<Gradebook.Row> rows) {
        String item = lab.quizLesson().quiz().id() + "/" + lab.quizLesson().quiz().questions().get(0).id();
        return rows.stream().filter(r -> r.learnerId().equals(ann) && r.item().equals(item)).toList();
    }

    @Test
    void anInstructorWhoIsNoAdminSeesTheirOwnWorkshopsRowsAlone() {
        List<Gradebook.Row> rows = lab.rooms.gradebook("bob");
        assertEquals(Set.of(bobs.id()), rows.stream().map(Gradebook.Row::workshopId).collect(Collectors.toSet()));
        List<Gradebook.Row> mine = firstItem(rows);
        assertEquals(1, mine.size());
        assertEquals(List.of("Annie", "Bob's class", "0.0"), List.of(mine.get(0).displayName(), mine.get(0).workshop(), "" + mine.get(0).score()));
    }

    @Test
    void theAdminSeesALearnerOncePerWorkshopAndOnceForSelfStudy() {
        List<Gradebook.Row> mine = firstItem(lab.rooms.gradebook("ada"));
        assertEquals(3, mine.size(), mine.toString());
        assertEquals(Set.of(adas.id() + " Class Ann 1.0", bobs.id() + " Bob's class Annie 0.0", "null null null 1.0"),
                mine.stream().map(r -> r.workshopId() + " " + r.workshop() + " " + r.displayName() + " " + r.score()).collect(Collectors.toSet()));
    }
}
