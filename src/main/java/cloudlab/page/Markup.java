package cloudlab.page;

import static org.unbescape.html.HtmlEscape.escapeHtml4Xml;

/**
 * A small writer of markup for the parts written in Java: text as it is, words and attribute values
 * escaped as Thymeleaf escapes them ({@code th:text} and attribute values: markup-significant
 * characters only), an attribute left out when its value is null as {@code th:attr} leaves it out.
 */
final class Markup {
    private final StringBuilder out;

    Markup(int size) {
        out = new StringBuilder(size);
    }

    /** Markup as it is. */
    Markup raw(String html) {
        out.append(html);
        return this;
    }

    /** Markup when {@code on}. */
    Markup raw(boolean on, String html) {
        if (on) out.append(html);
        return this;
    }

    /** Words, escaped; nothing for null, as {@code th:text} writes it. */
    Markup text(Object words) {
        if (words != null) out.append(escapeHtml4Xml(String.valueOf(words)));
        return this;
    }

    /** {@code  name="value"}, the value escaped; nothing when it is null. */
    Markup attr(String name, Object value) {
        if (value != null) out.append(' ').append(name).append("=\"").append(escapeHtml4Xml(String.valueOf(value))).append('"');
        return this;
    }

    /** A boolean attribute as Thymeleaf writes it ({@code th:selected}, {@code th:disabled}): {@code  name="name"} when on. */
    Markup flag(String name, boolean on) {
        if (on) out.append(' ').append(name).append("=\"").append(name).append('"');
        return this;
    }

    /** The hidden field with the form's token. */
    Markup csrf(String csrf) {
        return raw("<input type=\"hidden\" name=\"_csrf\"").attr("value", csrf).raw(">");
    }

    /**
     * A form's opening tag posting to {@code action}, by htmx as well, with {@code extra} attributes
     * and its {@code id} (null for none); as Thymeleaf writes it, the attribute {@code th:attr} adds
     * comes after the others.
     */
    Markup postForm(String action, String extra, String id) {
        return raw("<form method=\"post\"").attr("action", action).raw(extra).attr("id", id).attr("data-hx-post", action).raw(">");
    }

    /**
     * An element per item after the whitespace {@code before} it, as {@code th:each} repeats an
     * element with the whitespace before it; the whitespace alone when there is no item.
     */
    <T> Markup each(java.util.Collection<T> items, String before, java.util.function.Consumer<T> element) {
        if (items.isEmpty()) out.append(before);
        for (T item : items) {
            out.append(before);
            element.accept(item);
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
