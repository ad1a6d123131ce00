package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Typography.Align;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lines on a logarithmic y axis against a linear x axis: the shape of every gradient chart, because
 * a vanishing gradient of 10⁻⁶⁰ and an exploding one of 10⁸ must fit on one picture. A value the
 * log axis cannot place is marked, never dropped: ∞ and NaN as a labelled triangle on the top edge,
 * 0 (an underflow) as one on the bottom edge. Horizontal reference lines (the factor 1) and vertical
 * ones (spectral radius 1) are dashed; the legend on the right names each line and may carry a number
 * (the slope). Every length and font follows the style's font scale, so presenter mode enlarges it.
 */
public final class GradientPlot implements Chart {
    /** One line: a rich-text name, its colour, dashed or solid, and its points. */
    public record Series(String name, String note, Color colour, boolean dashed, double[] x, double[] y) {
        public Series {
            if (x.length != y.length) throw new IllegalArgumentException("x and y need the same length, got " + x.length + " and " + y.length);
            x = x.clone();
            y = y.clone();
        }
    }

    /** A dashed reference line with its label: horizontal at y (on the log axis) or vertical at x. */
    public record Reference(boolean horizontal, double at, String label) {
    }

    /** Where a point is drawn in the last drawn size; for tests and hover readouts. */
    public record Placed(double x, double y, boolean marked) {
    }

    private static final double MAX_DECADES = 320;

    private final String title;
    private final String xLabel;
    private final String xSymbol;
    private final String yLabel;
    private final List<Series> series;
    private final List<Reference> references;
    private final ChartStyle style;
    private final double xMin;
    private final double xMax;
    private final double yLo;   // log10 of the bottom of the axis
    private final double yHi;   // log10 of the top
    private final DrawnSize drawn = new DrawnSize(this::preferredSize);

    /**
     * @param xSymbol what the x axis counts, for the hover text ("k", "ρ")
     */
    public GradientPlot(String title, String xLabel, String xSymbol, String yLabel, List<Series> series, List<Reference> references,
                        ChartStyle style) {
        if (series.isEmpty()) throw new IllegalArgumentException("a plot needs at least one line");
        this.title = title;
        this.xLabel = xLabel;
        this.xSymbol = xSymbol;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
        this.references = List.copyOf(references);
        this.style = style;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                x0 = Math.min(x0, s.x()[i]);
                x1 = Math.max(x1, s.x()[i]);
                double v = s.y()[i];
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, Math.log10(v));
                    hi = Math.max(hi, Math.log10(v));
                }
            }
        }
        for (Reference r : references) {
            if (r.horizontal() && r.at() > 0) {
                lo = Math.min(lo, Math.log10(r.at()));
                hi = Math.max(hi, Math.log10(r.at()));
            }
        }
        if (lo > hi) {          // nothing finite and positive: one decade around 1
            lo = -1;
            hi = 1;
        }
        this.yLo = Math.max(-MAX_DECADES, Math.floor(lo - 0.05));
        this.yHi = Math.min(MAX_DECADES, Math.max(Math.ceil(hi + 0.05), yLo + 1));
        this.xMin = x0;
        this.xMax = x1 > x0 ? x1 : x0 + 1;
    }

    public List<Series> series() { return series; }

    /** The title over the plot (rich text). */
    public String title() { return title; }

    /** The axis range in decades: 10^low to 10^high. */
    public double[] decades() { return new double[] {yLo, yHi}; }

    @Override
    public Size preferredSize() {
        // Wide enough for the title and the y axis's label, both drawn from the left edge on one line.
        double words = Math.max(Typography.width(title, style.titleFont()), Typography.width(yLabel, style.bodyFont())) + 2 * pad();
        return new Size(Math.max(style.px(640), Math.ceil(words)), style.px(300));
    }

    @Override
    public Size minimumSize() {
        return new Size(legendWidth() + style.px(260), style.px(200));
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        drawn.drawnAt(width, height);
        Theme theme = style.theme();
        Drawing.paint(g, theme, width, height, () -> {
            Rectangle2D plot = plotArea(width, height);
            g.setPaint(theme.text());
            Typography.drawMiddle(g, title, style.titleFont(), pad(), pad() + Typography.lineHeight(style.titleFont()) / 2, Align.LEFT);
            paintAxes(g, plot, theme);
            paintReferences(g, plot, theme);
            for (Series s : series) paintSeries(g, plot, s, theme);
            paintLegend(g, plot, theme);
        });
    }

    /**
     * What the mouse at (x, y) points at, in the last drawn size: the x value under it and every
     * line's value there, one per line (rich text), or empty outside the plot.
     */
    public java.util.Optional<String> describe(double x, double y) {
        Rectangle2D plot = plotArea(drawn.width(), drawn.height());
        if (!plot.contains(x, y)) return java.util.Optional.empty();
        double at = xMin + (x - plot.getMinX()) / plot.getWidth() * (xMax - xMin);
        StringBuilder b = new StringBuilder();
        for (Series s : series) {
            int best = 0;
            for (int i = 1; i < s.x().length; i++) {
                if (Math.abs(s.x()[i] - at) < Math.abs(s.x()[best] - at)) best = i;
            }
            if (b.length() == 0) b.append(xSymbol).append(" = ").append(tickText(s.x()[best]));
            b.append('\n').append(s.name()).append(": ").append(GradientText.number(s.y()[best]));
        }
        return java.util.Optional.of(b.toString());
    }

    /** Where point {@code i} of line {@code s} is drawn in the last drawn size; marked if it is off the log axis. */
    public Placed placed(int s, int i) {
        Rectangle2D plot = plotArea(drawn.width(), drawn.height());
        Series line = series.get(s);
        double v = line.y()[i];
        boolean onAxis = v > 0 && Double.isFinite(v);
        double y = onAxis ? yOf(plot, v) : (v == 0 ? plot.getMaxY() : plot.getMinY());
        return new Placed(xOf(plot, line.x()[i]), y, !onAxis);
    }

    private void paintAxes(Graphics2D g, Rectangle2D plot, Theme theme) {
        Font small = style.smallFont();
        g.setStroke(Drawing.stroke(Math.max(1, style.px(0.8))));
        int every = decadeStep(plot.getHeight());
        for (int d = (int) Math.ceil(yLo); d <= yHi; d++) {
            if (Math.floorMod(d, every) != 0) continue;
            double y = plot.getMaxY() - (d - yLo) / (yHi - yLo) * plot.getHeight();
            g.setPaint(theme.grid());
            g.draw(new Line2D.Double(plot.getMinX(), y, plot.getMaxX(), y));
            g.setPaint(theme.mutedText());
            Typography.drawMiddle(g, decadeLabel(d), small, plot.getMinX() - style.px(6), y, Align.RIGHT);
        }
        double[] ticks = xTicks(plot.getWidth());
        double base = plot.getMaxY() + style.px(6) + Typography.lineHeight(small) * 0.8;
        for (double t : ticks) {
            double x = xOf(plot, t);
            g.setPaint(theme.grid());
            g.draw(new Line2D.Double(x, plot.getMaxY(), x, plot.getMaxY() + style.px(4)));
            g.setPaint(theme.mutedText());
            Typography.draw(g, tickText(t), small, x, base, Align.CENTRE);
        }
        g.setPaint(theme.text());
        g.draw(new Rectangle2D.Double(plot.getX(), plot.getY(), plot.getWidth(), plot.getHeight()));
        Font body = style.bodyFont();
        Typography.draw(g, xLabel, body, plot.getCenterX(), base + Typography.lineHeight(body) * 1.1, Align.CENTRE);
        Typography.draw(g, yLabel, body, pad(), plot.getMinY() - style.px(8), Align.LEFT);
    }

    private void paintReferences(Graphics2D g, Rectangle2D plot, Theme theme) {
        g.setStroke(Drawing.dashed(Math.max(1, style.px(1.2))));
        for (Reference r : references) {
            g.setPaint(theme.text());
            if (r.horizontal()) {
                if (!(r.at() > 0)) continue;
                double y = yOf(plot, r.at());
                g.draw(new Line2D.Double(plot.getMinX(), y, plot.getMaxX(), y));
                Typography.draw(g, r.label(), style.smallFont(), plot.getMaxX() - style.px(4), y - style.px(4), Align.RIGHT);
            } else {
                if (r.at() < xMin || r.at() > xMax) continue;
                double x = xOf(plot, r.at());
                g.draw(new Line2D.Double(x, plot.getMinY(), x, plot.getMaxY()));
                Typography.draw(g, r.label(), style.smallFont(), x + style.px(4), plot.getMinY() + Typography.lineHeight(style.smallFont()), Align.LEFT);
            }
        }
    }

    private void paintSeries(Graphics2D g, Rectangle2D plot, Series s, Theme theme) {
        double w = style.px(s.dashed() ? 1.6 : 2.2);
        g.setStroke(s.dashed() ? Drawing.dashed(w) : new BasicStroke((float) w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setPaint(s.colour());
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        List<Integer> marks = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            double v = s.y()[i];
            if (!(v > 0) || !Double.isFinite(v)) {
                open = false;            // the line breaks where the log axis has no place for the value
                marks.add(i);
                continue;
            }
            double x = xOf(plot, s.x()[i]), y = yOf(plot, v);
            if (open) path.lineTo(x, y); else path.moveTo(x, y);
            open = true;
        }
        g.draw(path);
        if (s.x().length == 1 && s.y()[0] > 0 && Double.isFinite(s.y()[0])) {
            double r = style.px(3);
            g.fill(new Ellipse2D.Double(xOf(plot, s.x()[0]) - r, yOf(plot, s.y()[0]) - r, 2 * r, 2 * r));
        }
        paintMarks(g, plot, s, marks, theme);
    }

    /** Off-axis values: a triangle per point, and the text (∞, NaN, 0) at the first of each run. */
    private void paintMarks(Graphics2D g, Rectangle2D plot, Series s, List<Integer> marks, Theme theme) {
        double size = style.px(5);
        String last = null;
        int previous = -2;
        for (int i : marks) {
            double v = s.y()[i];
            boolean top = v != 0;
            double x = xOf(plot, s.x()[i]), y = top ? plot.getMinY() : plot.getMaxY();
            // NaN and ∞ in the not-finite colour, outlined in the line's; a zero in the line's colour
            Drawing.edgeMark(g, x, y, top, size, Double.isFinite(v) ? s.colour() : ColourScales.NOT_FINITE, s.colour(), style.px(1.2));
            String text = GradientText.number(v);
            if (!text.equals(last) || i != previous + 1) {
                g.setPaint(s.colour());
                double ty = top ? plot.getMinY() + size + Typography.lineHeight(style.boldFont()) * 0.9 : plot.getMaxY() - size * 1.6;
                Typography.draw(g, text, style.boldFont(), x + size, ty, Align.LEFT);
            }
            last = text;
            previous = i;
        }
    }

    private void paintLegend(Graphics2D g, Rectangle2D plot, Theme theme) {
        double x = plot.getMaxX() + style.px(18), y = plot.getMinY();
        double line = Typography.lineHeight(style.bodyFont()), noteLine = Typography.lineHeight(style.smallFont());
        for (Series s : series) {
            double mid = y + line / 2;
            g.setPaint(s.colour());
            g.setStroke(s.dashed() ? Drawing.dashed(style.px(1.6)) : Drawing.stroke(style.px(2.6)));
            g.draw(new Line2D.Double(x, mid, x + style.px(24), mid));
            g.setPaint(theme.text());
            Typography.drawMiddle(g, s.name(), style.bodyFont(), x + style.px(30), mid, Align.LEFT);
            y += line;
            if (!s.note().isEmpty()) {
                g.setPaint(theme.mutedText());
                Typography.drawMiddle(g, s.note(), style.smallFont(), x + style.px(30), y + noteLine / 2, Align.LEFT);
                y += noteLine;
            }
            y += style.px(6);
        }
    }

    private Rectangle2D plotArea(double width, double height) {
        double left = pad() + Typography.width("10^{−300}", style.smallFont()) + style.px(10);
        double top = pad() + Typography.lineHeight(style.titleFont()) + Typography.lineHeight(style.bodyFont()) + style.px(10);
        double bottom = style.px(12) + Typography.lineHeight(style.smallFont()) + Typography.lineHeight(style.bodyFont()) * 1.4 + pad();
        double right = legendWidth() + style.px(24) + pad();
        return new Rectangle2D.Double(left, top, Math.max(style.px(40), width - left - right), Math.max(style.px(40), height - top - bottom));
    }

    private double legendWidth() {
        double w = 0;
        for (Series s : series) {
            w = Math.max(w, Typography.width(s.name(), style.bodyFont()));
            w = Math.max(w, Typography.width(s.note(), style.smallFont()));
        }
        return w + style.px(30);
    }

    private double xOf(Rectangle2D plot, double x) {
        return plot.getMinX() + (x - xMin) / (xMax - xMin) * plot.getWidth();
    }

    private double yOf(Rectangle2D plot, double v) {
        return plot.getMaxY() - (Math.log10(v) - yLo) / (yHi - yLo) * plot.getHeight();
    }

    /** Label every k-th decade, k from 1, 2, 5, 10, 20, 50, ... so labels never overlap. */
    private int decadeStep(double plotHeight) {
        double room = plotHeight / (Typography.lineHeight(style.smallFont()) * 1.3);
        double needed = (yHi - yLo) / Math.max(1, room);
        for (int k : new int[] {1, 2, 5, 10, 20, 25, 50, 100, 200}) {
            if (k >= needed) return k;
        }
        return 500;
    }

    /** The x axis's ticks on a plot {@code plotWidth} px wide: as many as fit, at 1, 2, 2.5 or 5 times a power of ten. */
    double[] xTicks(double plotWidth) {
        double span = xMax - xMin;
        double room = plotWidth / (Typography.width(tickText(xMax) + "  ", style.smallFont()) + style.px(8));
        double raw = span / Math.max(1, room);
        // Steps are whole numbers: never a tick between two of them, so no step below 1 and no 2.5.
        boolean integral = integralX();
        if (integral) raw = Math.max(1, raw);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : integral && mag < 10 ? new double[] {1, 2, 5, 10} : new double[] {1, 2, 2.5, 5, 10}) {
            step = m * mag;
            if (step >= raw) break;
        }
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(xMin / step - 1e-9) * step; t <= xMax + 1e-9 * span; t += step) ticks.add(t);
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private boolean integralX() {
        for (Series s : series) {
            for (double x : s.x()) {
                if (x != Math.rint(x)) return false;
            }
        }
        return true;
    }

    private static String tickText(double t) {
        return Math.abs(t - Math.rint(t)) < 1e-9 ? Long.toString(Math.round(t)) : String.format(Locale.ROOT, "%.2f", t).replaceAll("0+$", "");
    }

    /** 10^d in the charts' markup: "1" for d = 0, "10" for 1, "10^{−3}" otherwise. */
    static String decadeLabel(int d) {
        return switch (d) {
            case 0 -> "1";
            case 1 -> "10";
            default -> "10^{" + (d < 0 ? "−" + -d : Integer.toString(d)) + "}";
        };
    }

    private double pad() { return style.px(8); }
}
