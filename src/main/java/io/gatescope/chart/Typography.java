package io.gatescope.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import org.jfree.pdf.PDFHints;

/**
 * Measures and draws the charts' labels, with real subscripts and superscripts.
 *
 * <p>Lectures write h<sub>t−1</sub> and a<sup>⟨t⟩</sup>, not "h_{t-1}", so labels carry a tiny
 * TeX-like markup ({@code _x}, {@code _{..}}, {@code ^x}, {@code ^{..}}) that is drawn as smaller,
 * shifted text. Measuring uses a fixed antialiased {@link FontRenderContext}, so layouts (and hit
 * tests) can be computed without a Graphics2D and agree across screen, PNG, SVG and PDF.
 */
public final class Typography {

    /** A piece of text at one level: 0 on the baseline, −1 subscript, +1 superscript. */
    public record Run(String text, int level) {
    }

    /** Horizontal anchoring of a label at its x. */
    public enum Align { LEFT, CENTRE, RIGHT }

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final double SCRIPT_SIZE = 0.72;
    private static final double SUB_SHIFT = 0.26;
    private static final double SUPER_SHIFT = -0.40;
    // DejaVu's cap height is 0.73 em: half of it puts a label's visual middle on the given y.
    private static final double HALF_CAP = 0.36;

    private Typography() {
    }

    /** Splits rich text into runs; an underscore or caret takes the next character or a braced group. */
    public static List<Run> parse(String rich) {
        List<Run> runs = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < rich.length()) {
            char ch = rich.charAt(i);
            if ((ch == '_' || ch == '^') && i + 1 < rich.length()) {
                if (plain.length() > 0) {
                    runs.add(new Run(plain.toString(), 0));
                    plain.setLength(0);
                }
                int level = ch == '_' ? -1 : 1;
                int end;
                String script;
                if (rich.charAt(i + 1) == '{') {
                    end = rich.indexOf('}', i + 2);
                    if (end < 0) end = rich.length();
                    script = rich.substring(i + 2, end);
                    end++;
                } else {
                    end = i + 1 + Character.charCount(rich.codePointAt(i + 1));
                    script = rich.substring(i + 1, end);
                }
                runs.add(new Run(script, level));
                i = end;
            } else {
                plain.append(ch);
                i++;
            }
        }
        if (plain.length() > 0) runs.add(new Run(plain.toString(), 0));
        return runs;
    }

    /** The advance width of {@code rich} in {@code font}, in px. */
    public static double width(String rich, Font font) {
        double w = 0;
        for (Run run : parse(rich)) {
            w += font(font, run).getStringBounds(run.text(), FRC).getWidth();
        }
        return w;
    }

    /** The height of one line of {@code font}: the step between stacked labels. */
    public static double lineHeight(Font font) {
        return font.getLineMetrics("Hg", FRC).getHeight();
    }

    /** Draws {@code rich} with its baseline at {@code baseline}, anchored at {@code x} by {@code align}. */
    public static void draw(Graphics2D g, String rich, Font font, double x, double baseline, Align align) {
        double left = switch (align) {
            case LEFT -> x;
            case CENTRE -> x - width(rich, font) / 2;
            case RIGHT -> x - width(rich, font);
        };
        for (Run run : parse(rich)) {
            Font f = font(font, run);
            double shift = run.level() < 0 ? SUB_SHIFT : run.level() > 0 ? SUPER_SHIFT : 0;
            g.setFont(f);
            drawRun(g, run.text(), f, left, baseline + shift * font.getSize2D());
            left += f.getStringBounds(run.text(), FRC).getWidth();
        }
    }

    /**
     * Draws one run. On a PDF page that asks for standard fonts, the plain ASCII words go in as
     * Helvetica text (searchable, selectable, the same in every reader) and the rest (σ, ⊙, Γ,
     * subscript digits, which the standard fonts' encoding lacks) as outlines. Each piece starts
     * where this font's metrics put it, so the layout is the screen's; Helvetica being a little
     * narrower only widens the spaces between words.
     */
    private static void drawRun(Graphics2D g, String text, Font f, double x, double baseline) {
        if (g.getRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE) != PDFHints.VALUE_DRAW_STRING_TYPE_STANDARD) {
            g.drawString(text, (float) x, (float) baseline);
            return;
        }
        int start = 0;
        double at = x;
        while (start < text.length()) {
            boolean ascii = text.charAt(start) < 128;
            int end = start + 1;
            // A piece is a run of non-ASCII characters, or one ASCII word with the spaces after it.
            while (end < text.length() && (text.charAt(end) < 128) == ascii
                    && !(ascii && text.charAt(end - 1) == ' ' && text.charAt(end) != ' ')) {
                end++;
            }
            String piece = text.substring(start, end);
            g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE,
                    ascii ? PDFHints.VALUE_DRAW_STRING_TYPE_STANDARD : PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
            // JFreePDF writes the text into a PDF string as it is: parentheses and backslashes need escaping.
            g.drawString(ascii ? piece.replaceAll("([()\\\\])", "\\\\$1") : piece, (float) at, (float) baseline);
            at += f.getStringBounds(piece, FRC).getWidth();
            start = end;
        }
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    }

    /** Draws {@code rich} with its visual middle (of the capitals) at {@code y}. */
    public static void drawMiddle(Graphics2D g, String rich, Font font, double x, double y, Align align) {
        draw(g, rich, font, x, y + HALF_CAP * font.getSize2D(), align);
    }

    private static Font font(Font base, Run run) {
        return run.level() == 0 ? base : base.deriveFont((float) (base.getSize2D() * SCRIPT_SIZE));
    }
}
