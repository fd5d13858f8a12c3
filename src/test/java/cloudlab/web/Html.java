package cloudlab.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HTML reading for the tests: rows, sections and text of the lab's own pages. */
final class Html {
    private Html() {
    }

    /** The text of the HTML with tags removed, entities for quotes and ampersands undone, spaces collapsed. */
    static String text(String html) {
        return html.replaceAll("(?s)<[^>]*>", " ").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    /** The progress table row of a lesson (by slug), as text; fails when there is none. */
    static String progressRow(String html, String slug) {
        Matcher m = Pattern.compile("(?s)<tr[^>]*data-lesson=\"" + Pattern.quote(slug) + "\"[^>]*>(.*?)</tr>").matcher(html);
        if (!m.find()) throw new AssertionError("no progress row for " + slug + " in:\n" + html);
        return text(m.group(1));
    }

    /** The resume code shown on the progress page; fails when there is none. */
    static String resumeCode(String html) {
        Matcher m = Pattern.compile("id=\"resume-code\"[^>]*>([^<]+)<").matcher(html);
        if (!m.find()) throw new AssertionError("no resume code on:\n" + html);
        return m.group(1).strip();
    }

    /** The opening tag of the question's section, e.g. {@code <section class="question is-correct" id="q-x">}. */
    static String questionTag(String html, String questionId) {
        Matcher m = Pattern.compile("<section[^>]*id=\"q-" + Pattern.quote(questionId) + "\"[^>]*>").matcher(html);
        if (!m.find()) throw new AssertionError("no section for question " + questionId + " in:\n" + html);
        return m.group();
    }

    /** The whole section of one question, as HTML. */
    static String questionSection(String html, String questionId) {
        String tag = questionTag(html, questionId);
        int start = html.indexOf(tag);
        int end = html.indexOf("</section>", start);
        if (end < 0) throw new AssertionError("the section of " + questionId + " is not closed");
        return html.substring(start, end + "</section>".length());
    }

    /** The text of the first element with the class, or null. */
    static String classText(String html, String cssClass) {
        Matcher m = Pattern.compile("(?s)<(\\w+)[^>]*class=\"[^\"]*\\b" + Pattern.quote(cssClass) + "\\b[^\"]*\"[^>]*>(.*?)</\\1>").matcher(html);
        return m.find() ? text(m.group(2)) : null;
    }

    /** Whether the HTML carries a stack trace or an exception's name. */
    static boolean leaksInternals(String html) {
        return html.contains("Exception") || html.matches("(?s).*\\bat (cloudlab|io\\.javalin|org\\.eclipse|java)\\.[\\w.$]+\\(.*");
    }
}
