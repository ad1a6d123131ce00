package io.gatescope.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** User text in messages: one line, no terminal escapes, bounded length, its size said when cut. */
class QuoteTest {
    @Example
    void escapesLineBreaksEscapeCodesAndInvisibleMarks() {
        assertThat(Quote.escape("a\nb\r\tc\u001B[31md\uFEFFe\u202Ef")).isEqualTo("a\\nb\\r\\tc\\u001B[31md\\uFEFFe\\u202Ef");
        assertThat(Quote.text("plain.json")).isEqualTo("plain.json");
    }

    @Example
    void longTextIsCutWithItsLengthSaid() {
        assertThat(Quote.text("x".repeat(10_000_000), 5)).isEqualTo("xxxxx… (10,000,000 characters)");
        assertThat(Quote.text("ab\uD83D\uDE00cd", 3)).isEqualTo("ab… (6 characters)");   // never half a surrogate pair
    }

    @Property
    void anyTextBecomesOneShortPrintableLine(@ForAll @StringLength(max = 400) String s) {
        String q = Quote.text(s, 60);
        assertThat(q.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF || c == 0x2028 || c == 0x2029);
        assertThat(q.length()).isLessThanOrEqualTo(6 * 60 + 30);   // every kept character escaped at most to \\uXXXX
        if (s.length() <= 60 && s.indexOf('\\') < 0) assertThat(unescape(q)).isEqualTo(s);   // nothing lost, only written out
    }

    private static String unescape(String q) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char k = q.charAt(++i);
            if (k == 'u') {
                sb.append((char) Integer.parseInt(q.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                sb.append(k == 'n' ? '\n' : k == 'r' ? '\r' : '\t');
            }
        }
        return sb.toString();
    }
}
