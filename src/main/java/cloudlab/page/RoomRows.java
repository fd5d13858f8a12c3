package cloudlab.page;

import cloudlab.workshop.Room;

import static org.unbescape.html.HtmlEscape.escapeHtml4Xml;

/**
 * A learner's row of the instructor's live room, written here rather than by a template: the grid
 * draws one per learner (200 in a big workshop) on every poll and every change, and the live stream
 * one per change. This is the markup the row template ({@code instructor/row.html}, gone since)
 * wrote, with the same escaping (Thymeleaf's {@code th:text} and attribute values: markup-significant
 * characters only), for a fraction of the expression work; {@code RoomRowsTest} pins it.
 */
public final class RoomRows {
    private RoomRows() {
    }

    /** The rows of every learner of the room, one after another, as the grid holds them. */
    public static String all(Room room, String csrf) {
        StringBuilder out = new StringBuilder(room.rows().size() * 2048);
        for (Room.LearnerRow r : room.rows()) row(out, room.workshop().id(), r, csrf);
        return out.toString();
    }

    /** One learner's row (the live stream sends it alone). */
    public static String row(String workshopId, Room.LearnerRow r, String csrf) {
        StringBuilder out = new StringBuilder(2048);
        row(out, workshopId, r, csrf);
        return out.toString();
    }

    private static void row(StringBuilder out, String workshopId, Room.LearnerRow r, String csrf) {
        String learner = escapeHtml4Xml(r.learnerId());
        String name = escapeHtml4Xml(r.member().displayName());
        String base = "/instructor/workshops/" + escapeHtml4Xml(workshopId) + "/learners/" + learner;
        String token = escapeHtml4Xml(csrf);
        out.append("<tr data-hx-swap=\"outerHTML\"\n              data-learner=\"").append(learner).append("\" data-sse-swap=\"row-").append(learner)
                .append('"').append(r.idle() ? " class=\"is-idle\"" : "").append(">\n")
                .append("            <th scope=\"row\">\n")
                .append("              <a href=\"").append(base).append("\">").append(name).append("</a>\n")
                .append("              ").append(r.idle() ? "<span class=\"badge\">idle</span>" : "").append('\n')
                .append("              ").append(r.stuckOn() != null ? "<span class=\"badge badge--stuck\">" + escapeHtml4Xml("stuck: " + r.stuckOn())
                        + "</span>" : "").append('\n')
                .append("            </th>\n");
        out.append("            ");
        for (int i = 0; i < r.cells().size(); i++) {
            Room.Cell c = r.cells().get(i);
            out.append(i == 0 ? "" : "\n            ").append("<td class=\"cell cell--").append(c.state().css()).append("\">\n")
                    .append("              <span>").append(escapeHtml4Xml(c.state().label())).append("</span><span class=\"cell__score\">")
                    .append(escapeHtml4Xml(c.score())).append("</span>\n")
                    .append("            </td>");
        }
        out.append("\n            <td class=\"total\"");
        if (r.total() != null) out.append(" title=\"").append(r.total().attempted()).append(" of ").append(r.total().items()).append(" items tried\"");
        out.append('>').append(escapeHtml4Xml(r.totalText())).append("</td>\n")
                .append("            <td class=\"apps ").append(r.appsUp() ? "is-up" : "is-down").append("\">").append(escapeHtml4Xml(r.apps()))
                .append("</td>\n")
                .append("            <td>\n");
        form(out, base + "/reset", token, "Reset sandbox of " + r.member().displayName(), "Reset sandbox");
        form(out, base + "/remove", token, "Remove " + r.member().displayName() + " from the workshop", "Remove…");
        out.append("            </td>\n")
                .append("          </tr>");
    }

    private static void form(StringBuilder out, String action, String token, String label, String button) {
        out.append("              <form method=\"post\" action=\"").append(action).append("\"><input type=\"hidden\" name=\"_csrf\" value=\"")
                .append(token).append("\">\n")
                .append("                <button class=\"button button--small\" type=\"submit\" aria-label=\"").append(escapeHtml4Xml(label))
                .append("\">").append(button).append("</button>\n")
                .append("              </form>\n");
    }
}
