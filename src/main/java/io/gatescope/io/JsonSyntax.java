package io.gatescope.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in words a reader can act on: where it is (line, column), what was found and
 * what was expected, e.g. {@code line 3, column 19: malformed JSON (found ','; expected a field name
 * in double quotes)}. Jackson's own message carries its internals ("(code 44)", "[Source: REDACTED
 * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]"); none of that is shown.
 */
public final class JsonSyntax {
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    private static final Pattern CHAR = Pattern.compile("\\('((?:[^']|'(?=[^(]))*)' \\(code \\d+\\)\\)");
    private static final Pattern CTRL = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern VALUE = Pattern.compile("\\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)");
    private static final String A_VALUE = "a value (a number, a \"string\", a [list], an {object}, true, false or null)";

    private JsonSyntax() {
    }

    /** "line L, column C: malformed JSON (found …; expected …)", one line, without Jackson's internals. */
    public static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return where + "malformed JSON (" + reason(e.getOriginalMessage()) + ")";
    }

    /** Jackson's original message rewritten: found what, expected what, any opening bracket's place. */
    static String reason(String original) {
        if (original == null || original.isBlank()) return "unreadable";
        String m = original.strip();
        int cut = m.indexOf("\n at [Source");
        if (cut >= 0) m = m.substring(0, cut);
        Matcher opened = SOURCE.matcher(m);
        String openedAt = opened.find() ? "line " + opened.group(1) + ", column " + opened.group(2) : null;

        Matcher dup = Pattern.compile("^Duplicate field '(.*)'$").matcher(m);
        if (dup.find()) return "the field \"" + dup.group(1) + "\" appears twice; expected each field once";
        if (m.startsWith("Unexpected end-of-input")) {
            if (m.contains("close marker for Object")) return "the file ends inside the object opened at " + openedAt + "; expected }";
            if (m.contains("close marker for Array")) return "the file ends inside the list opened at " + openedAt + "; expected ]";
            if (m.contains("string value") || m.contains("field name") || m.contains("String value")
                    || m.contains("VALUE_STRING") || m.contains("FIELD_NAME") || m.contains("quote")) {
                return "the file ends inside a string; expected a closing \"";
            }
            return "the file ends too early; expected more";
        }
        Matcher close = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'").matcher(m);
        if (close.find()) {
            String what = close.group(2).equals("]") ? "list" : "object";
            return "found '" + close.group(1) + "'; expected '" + close.group(2) + "' to close the " + what
                    + (openedAt == null ? "" : " opened at " + openedAt);
        }
        Matcher ch = CHAR.matcher(m);
        if (ch.find()) {
            String found = ch.group(1).equals("'") ? "found \"'\"" : "found '" + ch.group(1) + "'";
            if (m.contains("double-quote to start field name")) return found + "; expected a field name in double quotes";
            if (m.contains("separate Object entries")) return found + "; expected ',' or '}'";
            if (m.contains("separate Array entries")) return found + "; expected ',' or ']'";
            if (m.contains("expecting a colon") || m.contains("expected a colon")) return found + "; expected ':' after the field name";
            if (m.contains("expected a valid value") || VALUE.matcher(m).find()) return found + "; expected " + A_VALUE;
        }
        Matcher token = Pattern.compile("^Unrecognized token '(.*?)': was expecting").matcher(m);
        if (token.find()) return "found '" + token.group(1) + "'; expected " + A_VALUE;
        if (m.startsWith("Unexpected character") && m.contains("end-of-input")) return "found text after the end; expected nothing more";
        if (m.contains("Trailing token")) return "found text after the end; expected nothing more";
        Matcher ctrl = CTRL.matcher(m);
        if (ctrl.find() && m.contains("escaped")) {
            int code = Integer.parseInt(ctrl.group(1));
            String what = code == 10 || code == 13 ? "a line break" : String.format(Locale.ROOT, "control character U+%04X", code);
            return "found " + what + " inside a string; expected it escaped with a backslash (\\n for a line break)";
        }
        // Anything else: Jackson's words with its internals cut out.
        m = SOURCE.matcher(m).replaceAll("line $1, column $2");
        m = m.replaceAll(" \\(code \\d+\\)", "").replaceAll("\\(CTRL-CHAR, code (\\d+)\\)", "a control character");
        m = VALUE.matcher(m).replaceAll(A_VALUE);
        m = m.replaceAll("\\s+", " ").strip();
        return m.isEmpty() ? "unreadable" : m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
    }
}
