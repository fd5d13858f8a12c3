package cloudlab.quiz;

import java.util.regex.Pattern;

/**
 * GIFT's escapes. In GIFT text the characters {@code ~ = # { } :} and the backslash itself are
 * syntax, so text writes them with a backslash in front; {@code \n} is a line break, which keeps
 * every question free of blank lines (a blank line ends a question).
 *
 * <p>One extension: inside an answer block {@code ->} is the matching arrow, and GIFT has no
 * escape for it, so answer text writes it as {@code -\>}. This reader turns it back into
 * {@code ->}; Moodle would show the backslash.
 */
final class GiftText {
    private static final String SPECIAL = "~=#{}:\\";
    /** A format marker at the start of a question's text, which GIFT reads as syntax. */
    static final Pattern FORMAT = Pattern.compile("^\\s*\\[(html|moodle|plain|markdown)]");

    private GiftText() {
    }

    /** Text as GIFT writes it in a question's text or general feedback. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else {
                if (SPECIAL.indexOf(c) >= 0) sb.append('\\');
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A question's text as GIFT writes it. Text that starts like a format marker gets the default
     * marker in front, so the look-alike stays text.
     */
    static String escapePrompt(String s) {
        return (FORMAT.matcher(s).find() ? "[moodle]" : "") + escape(s);
    }

    /** Text as GIFT writes it inside an answer block, where {@code ->} would start a matching pair. */
    static String escapeAnswer(String s) {
        return escape(s).replace("->", "-\\>");
    }

    /** The text a GIFT fragment stands for. A backslash before any other character stays, as in Moodle. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == 'n') {
                    sb.append('\n');
                    i++;
                    continue;
                }
                if (SPECIAL.indexOf(next) >= 0 || next == '>') {
                    sb.append(next);
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Where {@code token} first occurs unescaped at or after {@code from} and before {@code to}, or -1. */
    static int find(String s, String token, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\\') {
                i++; // the escaped character is text, never syntax
                continue;
            }
            if (s.startsWith(token, i) && i + token.length() <= to) return i;
        }
        return -1;
    }

    static int find(String s, String token, int from) {
        return find(s, token, from, s.length());
    }
}
