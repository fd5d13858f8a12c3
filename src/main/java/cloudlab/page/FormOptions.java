package cloudlab.page;

import java.util.Collection;
import java.util.function.Function;

import static org.unbescape.html.HtmlEscape.escapeHtml4Xml;

/**
 * The option lists of the sandbox's forms that list hosts, VMs and apps, written here rather than
 * by the template: they are rendered on most actions, and an option per item cost the template
 * three expressions. The markup is the template's, escaped as Thymeleaf escapes ({@code th:text}
 * and attribute values: markup-significant characters only).
 */
final class FormOptions {
    private FormOptions() {
    }

    /** On a line of its own, indented as the template's options are. */
    static final String LINE = "\n              ";

    /**
     * An option per item: its value {@code value}, its words {@code text}, selected when its value
     * is {@code selected} (null for none); each after {@code before}.
     */
    static <T> String of(Collection<T> items, Function<T, String> value, Function<T, String> text, String selected, String before) {
        StringBuilder out = new StringBuilder(items.size() * 48);
        for (T item : items) {
            String v = value.apply(item);
            out.append(before).append("<option value=\"").append(escapeHtml4Xml(v)).append(v.equals(selected) ? "\" selected=\"selected\">" : "\">")
                    .append(escapeHtml4Xml(text.apply(item))).append("</option>");
        }
        return out.toString();
    }
}
