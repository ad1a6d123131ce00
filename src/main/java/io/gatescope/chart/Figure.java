package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Typography.Align;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/**
 * A picture for a slide or a paper: a title, a line saying what is shown (step, unit, notation),
 * one or more charts in a row or a column, and the colour legends of the scales they use. The
 * charts inside draw themselves with their own code at their preferred sizes, so a figure shows
 * exactly what the panels show, plus the words that make it stand alone.
 */
public final class Figure implements Chart {

    /** How the charts are placed. */
    public enum Arrangement { ROW, COLUMN }

    private final String title;
    private final String subtitle;
    private final List<Chart> charts;
    private final Arrangement arrangement;
    private final List<Legend> legends;
    private final ChartStyle style;

    /**
     * @param title    rich text, drawn in the title font
     * @param subtitle rich text under it in the caption font, or "" for none
     * @param legends  drawn in a row under the charts (none when the charts carry their own)
     */
    public Figure(String title, String subtitle, List<? extends Chart> charts, Arrangement arrangement,
                  List<Legend> legends, ChartStyle style) {
        if (charts.isEmpty()) throw new IllegalArgumentException("a figure needs at least one chart");
        this.title = title;
        this.subtitle = subtitle;
        this.charts = List.copyOf(charts);
        this.arrangement = arrangement;
        this.legends = List.copyOf(legends);
        this.style = style;
    }

    /** The title, as drawn (rich text). */
    public String title() { return title; }

    /** The line under the title, as drawn (rich text). */
    public String subtitle() { return subtitle; }

    /** The charts in the figure, in order. */
    public List<Chart> charts() { return charts; }

    /** The legends under the charts, in order. */
    public List<Legend> legends() { return legends; }

    @Override
    public Size preferredSize() {
        double w = 0, h = 0;
        for (Chart c : charts) {
            Size s = c.preferredSize();
            if (arrangement == Arrangement.ROW) {
                w += s.width() + (w > 0 ? gap() : 0);
                h = Math.max(h, s.height());
            } else {
                w = Math.max(w, s.width());
                h += s.height() + (h > 0 ? gap() : 0);
            }
        }
        double legendsW = 0, legendsH = 0;
        for (Legend l : legends) {
            legendsW += l.preferredSize().width() + (legendsW > 0 ? gap() : 0);
            legendsH = Math.max(legendsH, l.preferredSize().height());
        }
        double width = Math.max(Math.max(w, legendsW), headerWidth()) + 2 * pad();
        double height = headerHeight() + h + (legends.isEmpty() ? 0 : gap() + legendsH) + 2 * pad();
        return new Size(Math.ceil(width), Math.ceil(height));
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Theme theme = style.theme();
        Drawing.paint(g, theme, width, height, () -> {
            double y = pad();
            g.setPaint(theme.text());
            Typography.draw(g, title, style.titleFont(), pad(), y + ascent(style.titleFont().getSize2D()), Align.LEFT);
            y += Typography.lineHeight(style.titleFont());
            if (!subtitle.isEmpty()) {
                g.setPaint(theme.mutedText());
                Typography.draw(g, subtitle, style.smallFont(), pad(), y + ascent(style.smallFont().getSize2D()), Align.LEFT);
            }
            double x = pad();
            y = pad() + headerHeight();
            double tallest = 0;
            for (Chart c : charts) {
                Size s = c.preferredSize();
                place(g, c, x, y, s);
                if (arrangement == Arrangement.ROW) {
                    x += s.width() + gap();
                    tallest = Math.max(tallest, s.height());
                } else {
                    y += s.height() + gap();
                }
            }
            double legendTop = arrangement == Arrangement.ROW ? y + tallest + gap() : y;
            double lx = pad();
            for (Legend l : legends) {
                Size s = l.preferredSize();
                place(g, l, lx, legendTop, s);
                lx += s.width() + gap();
            }
        });
    }

    /** Draws {@code chart} at (x, y) in its own coordinates, giving {@code g} back as it was. */
    private static void place(Graphics2D g, Chart chart, double x, double y, Size size) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        chart.draw(g, size.width(), size.height());
        g.setTransform(saved);
    }

    private double headerWidth() {
        return Math.max(Typography.width(title, style.titleFont()), Typography.width(subtitle, style.smallFont()));
    }

    private double headerHeight() {
        return Typography.lineHeight(style.titleFont())
                + (subtitle.isEmpty() ? 0 : Typography.lineHeight(style.smallFont())) + gap();
    }

    private static double ascent(float size) {
        return size * 0.95;
    }

    private double pad() { return style.px(14); }

    private double gap() { return style.px(12); }
}
