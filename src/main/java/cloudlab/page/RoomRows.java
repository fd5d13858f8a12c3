package cloudlab.page;

import cloudlab.workshop.Room;

/**
 * A learner's row of the instructor's live room, written here rather than by a template: the grid
 * draws one per learner (200 in a big workshop) on every poll and every change, and the live stream
 * one per change. This is the markup the row template ({@code instructor/row.html}, gone since)
 * wrote, with the same escaping ({@link Markup}), for a fraction of the expression work; {@code RoomRowsTest} pins it.
 */
public final class RoomRows {
    private RoomRows() {
    }

    /** The rows of every learner of the room, one after another, as the grid holds them. */
    public static String all(Room room, String csrf) {
        Markup out = new Markup(room.rows().size() * 2048);
        for (Room.LearnerRow r : room.rows()) row(out, room.workshop().id(), r, csrf);
        return out.toString();
    }

    /** One learner's row (the live stream sends it alone). */
    public static String row(String workshopId, Room.LearnerRow r, String csrf) {
        Markup out = new Markup(2048);
        row(out, workshopId, r, csrf);
        return out.toString();
    }

    private static void row(Markup out, String workshopId, Room.LearnerRow r, String csrf) {
        String base = "/instructor/workshops/" + workshopId + "/learners/" + r.learnerId();
        out.raw("<tr data-hx-swap=\"outerHTML\"\n             ").attr("data-learner", r.learnerId()).attr("data-sse-swap", "row-" + r.learnerId())
                .raw(r.idle(), " class=\"is-idle\"").raw(">\n")
                .raw("            <th scope=\"row\">\n")
                .raw("              <a").attr("href", base).raw(">").text(r.member().displayName()).raw("</a>\n")
                .raw("              ").raw(r.idle(), "<span class=\"badge\">idle</span>").raw("\n")
                .raw("              ");
        if (r.stuckOn() != null) out.raw("<span class=\"badge badge--stuck\">").text("stuck: " + r.stuckOn()).raw("</span>");
        out.raw("\n            </th>\n            ");
        for (int i = 0; i < r.cells().size(); i++) {
            Room.Cell c = r.cells().get(i);
            out.raw(i == 0 ? "" : "\n            ").raw("<td class=\"cell cell--").raw(c.state().css()).raw("\">\n")
                    .raw("              <span>").text(c.state().label()).raw("</span><span class=\"cell__score\">").text(c.score()).raw("</span>\n")
                    .raw("            </td>");
        }
        out.raw("\n            <td class=\"total\"")
                .attr("title", r.total() == null ? null : r.total().attempted() + " of " + r.total().items() + " items tried")
                .raw(">").text(r.totalText()).raw("</td>\n")
                .raw("            <td class=\"apps ").raw(r.appsUp() ? "is-up" : "is-down").raw("\">").text(r.apps()).raw("</td>\n")
                .raw("            <td>\n");
        form(out, base + "/reset", csrf, "Reset sandbox of " + r.member().displayName(), "Reset sandbox");
        form(out, base + "/remove", csrf, "Remove " + r.member().displayName() + " from the workshop", "Remove…");
        out.raw("            </td>\n          </tr>");
    }

    private static void form(Markup out, String action, String csrf, String label, String button) {
        out.raw("              <form method=\"post\"").attr("action", action).raw(">").csrf(csrf).raw("\n")
                .raw("                <button class=\"button button--small\" type=\"submit\"").attr("aria-label", label).raw(">").raw(button).raw("</button>\n")
                .raw("              </form>\n");
    }
}
