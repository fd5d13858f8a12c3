package cloudlab.page;

import cloudlab.sandbox.Workspace;

import java.util.List;

import static org.unbescape.html.HtmlEscape.escapeHtml4Xml;

/**
 * The steps of a sandbox's history (its timeline), written here rather than by the template: the
 * history is rendered on every action and a step cost the template nine expressions. The markup is
 * the template's, escaped as Thymeleaf escapes ({@code th:text}: markup-significant characters only).
 */
final class TimelineSteps {
    private TimelineSteps() {
    }

    /** A step per line, each with its badges and, unless it is where the learner is or the instructor's, its "Go here" button. */
    static String html(List<Workspace.Step> steps) {
        StringBuilder out = new StringBuilder(steps.size() * 200);
        for (Workspace.Step st : steps) {
            out.append("\n      <li class=\"step ").append(st.current() ? "is-current" : st.applied() ? "is-applied" : "is-undone")
                    .append(st.instructor() ? " is-instructor\"" : "\"").append(st.current() ? " aria-current=\"step\">" : ">")
                    .append("<span class=\"timeline__text\">").append(escapeHtml4Xml(st.text())).append("</span>");
            if (st.current()) out.append("<span class=\"badge\">you are here</span>");
            if (!st.applied()) out.append("<span class=\"badge badge--undone\">undone · redo brings it back; a new step replaces it</span>");
            if (st.instructor()) out.append("<span class=\"badge\">instructor · your undo skips it</span>");
            if (!st.current() && !st.instructor()) {
                out.append("<button class=\"button button--small\" type=\"submit\" name=\"step\" value=\"").append(st.number())
                        .append("\" aria-label=\"Go here: step ").append(st.number()).append("\">Go here</button>");
            }
            out.append("</li>");
        }
        return out.toString();
    }
}
