package cloudlab.workshop;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** "Fails most" over the room's rows, and the room's counts. */
class RoomTest {
    static Room.LearnerRow row(String learner, boolean up, boolean idle, int done, List<String> questions, List<String> goals) {
        Member m = new Member("w1", learner, learner, null, "2026-11-27T09:00:00Z", "2026-11-27T09:00:00Z");
        return new Room.LearnerRow(m, List.of(), up ? "1/1 apps up" : "0/1 apps up", up, idle, null, done, questions, goals);
    }

    static Room room(Room.LearnerRow... rows) {
        Workshop w = new Workshop("w1", "ABC234", "Class", "ada", List.of("one"), null, 1, "2026-11-27T09:00:00Z", null);
        return new Room(w, List.of(new Room.Column(1, "one", "One")), List.of(rows), List.of());
    }

    @Test
    void failsMostIsTheItemFailingForTheMostLearnersCountingEachLearnerOnce() {
        Room r = room(
                row("ana", true, false, 0, List.of("One: q1", "One: q2"), List.of("Shop: keep it up")),
                row("ben", true, false, 0, List.of("One: q2", "One: q2"), List.of()),
                row("cy", true, false, 0, List.of("One: q2", "One: q3"), List.of("Shop: keep it up", "Shop: two zones")));
        assertEquals(new Room.Trouble("One: q2", 3), r.worstQuestion());
        assertEquals(new Room.Trouble("Shop: keep it up", 2), r.worstGoal());
    }

    @Test
    void onEqualCountsTheFirstInRoomOrderWinsAndNothingFailingIsNull() {
        Room r = room(row("ana", true, false, 0, List.of("One: q3"), List.of()), row("ben", true, false, 0, List.of("One: q1"), List.of()));
        assertEquals(new Room.Trouble("One: q3", 1), r.worstQuestion());
        assertNull(r.worstGoal());
        assertNull(room().worstQuestion());
    }

    @Test
    void theRoomCountsAppsUpIdleLearnersAndLessonsDone() {
        Room r = room(row("ana", true, true, 2, List.of(), List.of()), row("ben", false, true, 1, List.of(), List.of()),
                row("cy", true, false, 0, List.of(), List.of()));
        assertEquals(2, r.upCount());
        assertEquals(2, r.idleCount());
        assertEquals(3, r.lessonsDone());
    }

    @Test
    void withRowReplacesThatLearnersRowInPlaceOrAddsIt() {
        Room r = room(row("ana", false, false, 0, List.of(), List.of()), row("ben", false, false, 0, List.of(), List.of()));
        Room changed = r.withRow(row("ana", true, false, 1, List.of(), List.of()));
        assertEquals(List.of("ana", "ben"), changed.rows().stream().map(Room.LearnerRow::learnerId).toList());
        assertEquals(1, changed.upCount());
        assertEquals(3, changed.withRow(row("cy", false, false, 0, List.of(), List.of())).rows().size());
    }
}
