package cloudlab.page;

import cloudlab.quiz.Scores;
import cloudlab.workshop.Member;
import cloudlab.workshop.Room;
import cloudlab.workshop.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room's rows written in Java are the markup the row template wrote, in every state a row can be in. */
class RoomRowsTest {
    static final Workshop W = new Workshop("wabc123", "ABC234", "Room & \"board\"", "ann", List.of("a", "b"), null, 1, "2026-12-07T04:00:00.000Z", null);

    static List<Room.LearnerRow> rows() {
        List<Room.Cell> every = List.of(new Room.Cell(Room.State.NEW, ""), new Room.Cell(Room.State.STARTED, "0.5/2"),
                new Room.Cell(Room.State.STUCK, "0/1"), new Room.Cell(Room.State.DONE, "3/3"), new Room.Cell(Room.State.LOCKED, ""));
        return List.of(
                new Room.LearnerRow(new Member(W.id(), "L1", "Ada", "s1", "j", "x"), every, "2/2 apps up", true, false, null, 1, List.of(), List.of(),
                        new Scores.LearnerScore(3.5, 7, 3, 7)),
                new Room.LearnerRow(new Member(W.id(), "L<2>", "Bo <b>& 'co'\"", null, "j", null), List.of(), "no sandbox", false, true,
                        "Regions, q<1>", 0, List.of(), List.of()),
                new Room.LearnerRow(new Member(W.id(), "L3", "Čes ünï — 試", "s3", "j", "x"), every.subList(0, 2), "1/2 apps up · euc1-az1 failed",
                        false, true, null, 0, List.of(), List.of(), new Scores.LearnerScore(0, 0, 0, 0)));
    }

    /** The grid as the room template wrote it, each row by the row template, and as it writes it now, the rows from Java. */
    @Test
    void theGridIsWhatTheTemplatesWrote(@TempDir Path old) throws Exception {
        Path templates = Path.of("templates").toAbsolutePath();
        Files.createDirectories(old.resolve("instructor"));
        Files.copy(templates.resolve("instructor/row.html"), old.resolve("instructor/row.html"));
        String now = Files.readString(templates.resolve("instructor/room.html"));
        String rows = "<th:block th:utext=\"${rows}\"></th:block>";
        assertTrue(now.contains(rows));
        Files.writeString(old.resolve("instructor/room.html"),
                now.replace(rows, "<th:block th:each=\"r : ${room.rows()}\"><tr th:replace=\"~{instructor/row :: row}\"></tr></th:block>"));
        Templates before = new Templates(old, cloudlab.server.StaticFiles.in(Path.of("static")));
        Templates after = new Templates(templates, cloudlab.server.StaticFiles.in(Path.of("static")));
        List<Room.Column> columns = List.of(new Room.Column(1, "a", "A & a"), new Room.Column(2, "b", "B"));
        List<Room.LearnerRow> all = rows();
        for (int n = 0; n <= all.size(); n++) {
            Room room = new Room(W, columns, all.subList(0, n), List.of("euc1-az1"));
            Map<String, Object> model = Map.of("room", room, "csrf", "tok-1", "rows", RoomRows.all(room, "tok-1"));
            String want = before.fragment("instructor/room", "grid", model);
            assertEquals(want, after.fragment("instructor/room", "grid", model), n + " rows");
            if (n > 0) assertTrue(want.contains("data-learner="), "rows drawn");
        }
    }

    @Test
    void eachRowIsWhatTheTemplateWrote() {
        Templates t = new Templates(Path.of("templates").toAbsolutePath(), cloudlab.server.StaticFiles.in(Path.of("static")));
        for (String csrf : new String[]{"tok-1", "a&b\"c"}) {
            for (Room.LearnerRow r : rows()) {
                assertEquals(t.fragment("instructor/row", "row", Map.of("workshop", W, "r", r, "csrf", csrf)), RoomRows.row(W.id(), r, csrf));
            }
        }
    }
}
