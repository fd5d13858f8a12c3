package cloudlab.page;

import cloudlab.sandbox.Workspace;

import static org.unbescape.html.HtmlEscape.escapeHtml4Xml;

/**
 * The rows of a sandbox's table ("Everything, as a table"), written here rather than by the
 * template: a group of rows is drawn on most actions, and this is the markup the template wrote,
 * with the same escaping (Thymeleaf's {@code th:text} and attribute values: markup-significant
 * characters only), for a fraction of the expression work.
 */
final class TableRows {
    private TableRows() {
    }

    private static final String BUTTON = "button button--small";

    /** The inside of a group's {@code tbody}: a line and a row per row. */
    static String html(Workspace.RowGroup g) {
        StringBuilder out = new StringBuilder(g.rows().size() * 512);
        for (Workspace.Row r : g.rows()) {
            String id = escapeHtml4Xml(r.id());
            out.append("\n<tr class=\"depth-").append(r.depth()).append(" kind-").append(escapeHtml4Xml(r.kind()))
                    .append(r.down() || r.status().equals("down") ? " is-down" : "").append("\" data-id=\"").append(id)
                    .append("\"><th scope=\"row\">").append(escapeHtml4Xml(r.label()))
                    .append("</th><td>").append(r.kind().equals("datacenter") ? "data center" : escapeHtml4Xml(r.kind()))
                    .append("</td><td>").append(escapeHtml4Xml(r.detail()))
                    .append("</td><td class=\"status\">").append(escapeHtml4Xml(r.status())).append("</td><td class=\"actions\">");
            if (r.vm() != null) {
                if (r.vm().running()) button(out, BUTTON, "stop-vm", r.id(), "Stop");
                else button(out, BUTTON, "start-vm", r.id(), "Start");
                button(out, BUTTON, "remove-vm", r.id(), "Delete");
            }
            if (r.canFail()) {
                if (r.failed()) button(out, BUTTON, "restore", r.id(), "Restore");
                else button(out, BUTTON + " button--danger", "fail", r.id(), "Fail");
                button(out, BUTTON, "remove-" + r.kind(), r.id(), "Remove");
            }
            out.append("</td></tr>");
        }
        return out.toString();
    }

    /** A button of the table's form: it sends the command and the node's id, which the button's id writes with dashes. */
    private static void button(StringBuilder out, String cls, String op, String id, String verb) {
        String act = op + " " + id;
        out.append("<button class=\"").append(cls).append("\" name=\"act\" id=\"").append(escapeHtml4Xml("tree-" + act.replace(' ', '-')))
                .append("\" value=\"").append(escapeHtml4Xml(act)).append("\" aria-label=\"").append(escapeHtml4Xml(verb + " " + id))
                .append("\">").append(verb).append("</button>");
    }
}
