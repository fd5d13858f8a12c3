package cloudlab.page;

import cloudlab.quiz.Scores;
import cloudlab.workshop.Member;
import cloudlab.workshop.Room;
import cloudlab.workshop.Workshop;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The room's rows, written in Java: the markup the row template wrote (proved equal, template
 * against Java over every cell state, idle, stuck, no total, markup-significant and non-Latin text,
 * and the whole grid, in commit 9d8e6d7), pinned here, and the grid holds them as they are.
 */
class RoomRowsTest {
    static final Workshop W = new Workshop("wabc123", "ABC234", "Room & \"board\"", "ann", List.of("a", "b"), null, 1, "2026-12-07T04:00:00.000Z", null);
    static final Room.LearnerRow ADA = new Room.LearnerRow(new Member(W.id(), "L1", "Ada", "s1", "j", "x"), List.of(new Room.Cell(Room.State.NEW, ""),
            new Room.Cell(Room.State.STUCK, "0/1"), new Room.Cell(Room.State.DONE, "3/3")), "2/2 apps up", true, false, null, 1, List.of(), List.of(),
            new Scores.LearnerScore(3.5, 7, 3, 7));
    static final Room.LearnerRow BO = new Room.LearnerRow(new Member(W.id(), "L<2>", "Bo <b>& 'co'\"", null, "j", null), List.of(), "no sandbox",
            false, true, "Regions, q<1>", 0, List.of(), List.of());

    @Test
    void aRowWithCellsAndATotal() {
        assertEquals("<tr data-hx-swap=\"outerHTML\"\n"
                + "              data-learner=\"L1\" data-sse-swap=\"row-L1\">\n"
                + "            <th scope=\"row\">\n"
                + "              <a href=\"/instructor/workshops/wabc123/learners/L1\">Ada</a>\n"
                + "              \n"
                + "              \n"
                + "            </th>\n"
                + "            <td class=\"cell cell--new\">\n"
                + "              <span>not started</span><span class=\"cell__score\"></span>\n"
                + "            </td>\n"
                + "            <td class=\"cell cell--stuck\">\n"
                + "              <span>stuck</span><span class=\"cell__score\">0/1</span>\n"
                + "            </td>\n"
                + "            <td class=\"cell cell--done\">\n"
                + "              <span>done</span><span class=\"cell__score\">3/3</span>\n"
                + "            </td>\n"
                + "            <td class=\"total\" title=\"3 of 7 items tried\">3.5/7</td>\n"
                + "            <td class=\"apps is-up\">2/2 apps up</td>\n"
                + "            <td>\n"
                + "              <form method=\"post\" action=\"/instructor/workshops/wabc123/learners/L1/reset\"><input type=\"hidden\" name=\"_csrf\" value=\"a&amp;b&quot;c\">\n"
                + "                <button class=\"button button--small\" type=\"submit\" aria-label=\"Reset sandbox of Ada\">Reset sandbox</button>\n"
                + "              </form>\n"
                + "              <form method=\"post\" action=\"/instructor/workshops/wabc123/learners/L1/remove\"><input type=\"hidden\" name=\"_csrf\" value=\"a&amp;b&quot;c\">\n"
                + "                <button class=\"button button--small\" type=\"submit\" aria-label=\"Remove Ada from the workshop\">Remove…</button>\n"
                + "              </form>\n"
                + "            </td>\n"
                + "          </tr>", RoomRows.row(W.id(), ADA, "a&b\"c"));
    }

    @Test
    void anIdleStuckRowWithoutCellsOrTotalEscapesWhatItShows() {
        assertEquals("<tr data-hx-swap=\"outerHTML\"\n"
                + "              data-learner=\"L&lt;2&gt;\" data-sse-swap=\"row-L&lt;2&gt;\" class=\"is-idle\">\n"
                + "            <th scope=\"row\">\n"
                + "              <a href=\"/instructor/workshops/wabc123/learners/L&lt;2&gt;\">Bo &lt;b&gt;&amp; &#39;co&#39;&quot;</a>\n"
                + "              <span class=\"badge\">idle</span>\n"
                + "              <span class=\"badge badge--stuck\">stuck: Regions, q&lt;1&gt;</span>\n"
                + "            </th>\n"
                + "            \n"
                + "            <td class=\"total\"></td>\n"
                + "            <td class=\"apps is-down\">no sandbox</td>\n"
                + "            <td>\n"
                + "              <form method=\"post\" action=\"/instructor/workshops/wabc123/learners/L&lt;2&gt;/reset\"><input type=\"hidden\" name=\"_csrf\" value=\"a&amp;b&quot;c\">\n"
                + "                <button class=\"button button--small\" type=\"submit\" aria-label=\"Reset sandbox of Bo &lt;b&gt;&amp; &#39;co&#39;&quot;\">Reset sandbox</button>\n"
                + "              </form>\n"
                + "              <form method=\"post\" action=\"/instructor/workshops/wabc123/learners/L&lt;2&gt;/remove\"><input type=\"hidden\" name=\"_csrf\" value=\"a&amp;b&quot;c\">\n"
                + "                <button class=\"button button--small\" type=\"submit\" aria-label=\"Remove Bo &lt;b&gt;&amp; &#39;co&#39;&quot; from the workshop\">Remove…</button>\n"
                + "              </form>\n"
                + "            </td>\n"
                + "          </tr>", RoomRows.row(W.id(), BO, "a&b\"c"));
    }

    @Test
    void theGridHoldsEveryRowInRoomOrder() {
        Templates t = new Templates(Path.of("templates").toAbsolutePath(), cloudlab.server.StaticFiles.in(Path.of("static")));
        Room room = new Room(W, List.of(new Room.Column(1, "a", "A & a"), new Room.Column(2, "b", "B")), List.of(ADA, BO), List.of("euc1-az1"));
        String rows = RoomRows.all(room, "tok-1");
        assertEquals(RoomRows.row(W.id(), ADA, "tok-1") + RoomRows.row(W.id(), BO, "tok-1"), rows);
        String grid = t.fragment("instructor/room", "grid", Map.of("room", room, "csrf", "tok-1", "rows", rows));
        assertTrue(grid.contains("<tbody>\n          " + rows + "\n          </tbody>"), grid);
    }
}
