package io.gatescope.text;

/**
 * User input as a message may show it: control characters, escape codes, invisible and direction
 * marks written as escapes ({@code \n}, {@code \u001B}, {@code \uFEFF}), so a file name with a line
 * break keeps the message on one line and no escape sequence reaches the terminal; and cut to a
 * readable length, so a 10 MB line makes a short message that says how long it was.
 */
public final class Quote {
    /** Characters of user text a message shows at most. */
    public static final int MAX = 60;

    private Quote() {
    }

    /** {@code text} escaped and, beyond {@link #MAX} characters, cut with its length said. */
    public static String text(String text) {
        return text(text, MAX);
    }

    /** {@code text} escaped and, beyond {@code max} characters, cut with its length said. */
    public static String text(String text, int max) {
        if (text == null) return "null";
        int n = text.length();
        if (n <= max) return escape(text);
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return escape(text.substring(0, cut)) + String.format(java.util.Locale.ROOT, "… (%,d characters)", n);
    }

    /** {@code text} with every character a terminal would not print plainly written as an escape. */
    public static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String e = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> invisible(c) ? String.format("\\u%04X", (int) c) : null;
            };
            if (e != null && sb == null) sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            if (sb != null) {
                if (e != null) sb.append(e); else sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** C0 and C1 controls, DEL, the byte-order mark, zero-width and bidirectional marks. */
    private static boolean invisible(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFEFF' || (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';
    }
}
