package io.gatescope.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

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
            g.drawString(run.text(), (float) left, (float) (baseline + shift * font.getSize2D()));
            left += f.getStringBounds(run.text(), FRC).getWidth();
        }
    }

    /** Draws {@code rich} with its visual middle (of the capitals) at {@code y}. */
    public static void drawMiddle(Graphics2D g, String rich, Font font, double x, double y, Align align) {
        draw(g, rich, font, x, y + HALF_CAP * font.getSize2D(), align);
    }

    private static Font font(Font base, Run run) {
        return run.level() == 0 ? base : base.deriveFont((float) (base.getSize2D() * SCRIPT_SIZE));
    }
}
