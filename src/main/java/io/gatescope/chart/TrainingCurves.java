package io.gatescope.chart;

import io.gatescope.chart.Typography.Align;
import io.gatescope.train.TrainingHistory.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Training curves of one or more runs, overlaid and labelled: on the left the loss (training, per
 * batch and smoothed; validation, per epoch), on the right the validation accuracy (full answer and
 * per character). Text sizes follow the style's font scale, so the window's zoom reaches the back
 * of a hall; the same drawing is exported, its words through {@link Typography} so a PDF in the
 * standard fonts shows every character. A value that is not finite (a loss of NaN or ∞) has no
 * place on an axis: it is marked on the plot's edge by a triangle in {@link ColourScales#NOT_FINITE},
 * outlined in the run's colour, with the word ({@link Numbers}).
 */
public final class TrainingCurves implements Chart {
    /**
     * One run's curves under its label (e.g. "LSTM 128"): its recorded points, fixed, with the
     * curves drawn from them ({@link RunCurves} makes them as a run grows).
     */
    public static final class Series {
        private final String label;
        private final RunCurves owner;
        private final Point[] points;
        private final int count;
        private final Curve validationLoss, sequences, chars;
        private final List<RunCurves.Overflow> overflows;

        /** The curves of {@code points}, a run's points in the order recorded. */
        public Series(String label, List<Point> points) {
            this(RunCurves.of(label, points));
        }

        private Series(Series s) {
            this(s.label, s.owner, s.points, s.count, s.validationLoss, s.sequences, s.chars, s.overflows);
        }

        Series(String label, RunCurves owner, Point[] points, int count, Curve validationLoss, Curve sequences, Curve chars,
               List<RunCurves.Overflow> overflows) {
            this.label = label;
            this.owner = owner;
            this.points = points;
            this.count = count;
            this.validationLoss = validationLoss;
            this.sequences = sequences;
            this.chars = chars;
            this.overflows = overflows;
        }

        public String label() { return label; }

        /** Every point recorded, a point per batch and one per epoch (read only). */
        public List<Point> points() { return java.util.Collections.unmodifiableList(java.util.Arrays.asList(points).subList(0, count)); }

        /** Where the run has got to, in epochs. */
        double lastEpoch() { return count == 0 ? 0 : points[count - 1].epoch(); }

        Curve smoothedTrain(double smoothing) { return owner.smoothedTrain(smoothing, points, count); }
    }

    /** Line colours of the runs in order: Okabe and Ito's set, told apart with any colour vision. */
    static final Color[] RUN_COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9)};

    private final List<Series> runs;
    private final boolean logLoss;
    private final double smoothing;
    private final ChartStyle style;
    private Rectangle2D lossPlot = new Rectangle2D.Double();
    private Rectangle2D accuracyPlot = new Rectangle2D.Double();
    private double xMax = 1;
    private double lossLow = 0;
    private double lossHigh = 1;
    private double lossStep = 0.5;

    /**
     * @param logLoss   the loss axis in powers of ten
     * @param smoothing 0 (raw batch losses) to 0.99: weight of the past in the training loss's moving average
     */
    public TrainingCurves(List<Series> runs, boolean logLoss, double smoothing, ChartStyle style) {
        if (!(smoothing >= 0 && smoothing < 1)) throw new IllegalArgumentException("smoothing must be in [0, 1), got " + smoothing);
        this.runs = List.copyOf(runs);
        this.logLoss = logLoss;
        this.smoothing = smoothing;
        this.style = style;
    }

    /**
     * Text is measured from the fonts themselves, as {@link Typography} measures: a Graphics2D's own
     * metrics may describe another font (FXGraphics2D's, on screen, describe its default 12 px font
     * whatever it is asked for, which laid the curves out for text half the size drawn and cut off
     * the x axis's name in presenter mode).
     */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static double ascent(Font f) { return f.getLineMetrics("Hg", FRC).getAscent(); }

    @Override
    public Size preferredSize() {
        return new Size(style.px(900), style.px(340));
    }

    @Override
    public Size minimumSize() {
        return new Size(style.px(480), style.px(240));
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Drawing.paint(g, style.theme(), width, height, () -> body(g, width, height));
    }

    private void body(Graphics2D g, double width, double height) {
        double pad = style.px(10);
        Font small = style.smallFont();
        double legendH = legend(g, pad, pad, width - 2 * pad);
        // below the legend: a gap, the plot titles' line, a gap, the plots
        double top = pad + legendH + style.px(8) + Typography.lineHeight(style.titleFont()) + style.px(6);
        double axisW = Typography.width("0.0001", small) + style.px(10);
        double bottom = height - pad - style.px(3) - Typography.lineHeight(small);   // one line of epoch numbers below
        double gap = style.px(36);
        double plotW = Math.max(10, (width - 2 * pad - 2 * axisW - gap) / 2);
        lossPlot = new Rectangle2D.Double(pad + axisW, top, plotW, Math.max(10, bottom - top));
        accuracyPlot = new Rectangle2D.Double(lossPlot.getMaxX() + gap + axisW, top, plotW, lossPlot.getHeight());
        xMax = Math.max(1, runs.stream().mapToDouble(Series::lastEpoch).max().orElse(1));
        List<Curve> train = runs.stream().map(r -> r.smoothedTrain(smoothing)).toList();
        lossRange(train);
        // the titles name the x axis, whose numbers then need no line of their own under them
        plotFrame(g, lossPlot, "Loss by epoch" + (logLoss ? " (log scale)" : ""), lossTicks(), this::lossY);
        plotFrame(g, accuracyPlot, "Validation accuracy by epoch", List.of(0.0, 0.25, 0.5, 0.75, 1.0), this::accuracyY);
        // columns no wider than half a device pixel: every pixel's extremes are drawn (Curve.drawn)
        double columnsPerUnit = Math.max(2, Math.abs(g.getTransform().getScaleX()));
        for (int i = 0; i < runs.size(); i++) {
            Color c = RUN_COLOURS[i % RUN_COLOURS.length];
            Series r = runs.get(i);
            curve(g, lossPlot, train.get(i), this::lossY, columnsPerUnit, c, style.px(2), false, false);
            curve(g, lossPlot, r.validationLoss, this::lossY, columnsPerUnit, c, style.px(3), true, true);
            curve(g, accuracyPlot, r.sequences, this::accuracyY, columnsPerUnit, c, style.px(3), false, true);
            curve(g, accuracyPlot, r.chars, this::accuracyY, columnsPerUnit, c, style.px(2), true, true);
            paintOverflows(g, r.overflows, c);
        }
    }

    /** Where the {@code k}-th value of run {@code run} that is not finite is marked in the last drawing: {x, y of the edge}. */
    public double[] overflowAt(int run, int k) {
        return place(runs.get(run).overflows.get(k));
    }

    /** Where point {@code k} of run {@code run}'s smoothed training loss lies in the last drawing: {x, y}. */
    double[] trainingLossAt(int run, int k) {
        Curve c = runs.get(run).smoothedTrain(smoothing);
        return new double[] {x(lossPlot, c.x(k)), lossY(c.y(k))};
    }

    /** Where an overflow is marked: on the top edge (NaN, +∞) or the bottom edge (−∞) of its plot. */
    private double[] place(RunCurves.Overflow o) {
        Rectangle2D plot = o.lossPlot() ? lossPlot : accuracyPlot;
        return new double[] {x(plot, o.epoch()), o.value() < 0 ? plot.getMaxY() : plot.getMinY()};
    }

    private void paintOverflows(Graphics2D g, List<RunCurves.Overflow> marks, Color run) {
        double size = style.px(6), lastTextEnd = Double.NEGATIVE_INFINITY;
        Font bold = style.boldFont();
        for (RunCurves.Overflow o : marks) {
            double[] at = place(o);
            boolean top = !(o.value() < 0);
            Drawing.edgeMark(g, at[0], at[1], top, size, ColourScales.NOT_FINITE, run, style.px(1.2));
            String text = Numbers.nonFinite(o.value());
            if (at[0] > lastTextEnd) {           // one word per cluster of marks, never overprinted
                g.setColor(run);
                Typography.draw(g, text, bold, at[0] + size, top ? at[1] + size + ascent(bold) : at[1] - size * 1.6, Align.LEFT);
                lastTextEnd = at[0] + size + Typography.width(text, bold) + style.px(4);
            }
        }
    }

    /** Run labels with their colours, then the key to the line styles; returns the height used. */
    private double legend(Graphics2D g, double x0, double y0, double width) {
        Font body = style.bodyFont(), small = style.smallFont();
        double ascent = ascent(body), x = x0, y = y0 + ascent, sw = style.px(22);
        for (int i = 0; i < runs.size(); i++) {
            g.setColor(RUN_COLOURS[i % RUN_COLOURS.length]);
            g.setStroke(Drawing.stroke(style.px(4)));
            g.draw(new Line2D.Double(x, y - ascent / 3.0, x + sw, y - ascent / 3.0));
            g.setColor(style.theme().text());
            Typography.draw(g, runs.get(i).label(), body, x + sw + style.px(5), y, Align.LEFT);
            x += sw + style.px(5) + Typography.width(runs.get(i).label(), body) + style.px(18);
        }
        String key = "── training loss · full answer      - - validation loss · per character";
        g.setColor(style.theme().mutedText());
        double keyW = Typography.width(key, small);
        float keyX = (float) Math.max(x, x0 + width - keyW);
        if (keyX + keyW > x0 + width) {
            y += Typography.lineHeight(body);
            keyX = (float) x0;
        }
        Typography.draw(g, key, small, keyX, y, Align.LEFT);
        return y - y0 + body.getLineMetrics("Hg", FRC).getDescent();
    }

    private void plotFrame(Graphics2D g, Rectangle2D plot, String title, List<Double> ticks, ToDoubleFunction<Double> toY) {
        Color text = style.theme().text(), muted = style.theme().mutedText(), grid = style.theme().grid();
        g.setColor(text);
        Typography.draw(g, title, style.titleFont(), plot.getX(), plot.getY() - style.px(6), Align.LEFT);
        Font small = style.smallFont();
        double lineH = Typography.lineHeight(small), ascent = ascent(small);
        g.setStroke(new BasicStroke((float) style.px(1)));
        // On a short plot, label only every n-th grid line so the labels never overlap.
        double spacing = ticks.size() < 2 ? plot.getHeight() : plot.getHeight() / (ticks.size() - 1);
        int every = (int) Math.max(1, Math.ceil(lineH / Math.max(1, spacing)));
        for (int i = 0; i < ticks.size(); i++) {
            double t = ticks.get(i), y = toY.applyAsDouble(t);
            g.setColor(grid);
            g.draw(new Line2D.Double(plot.getX(), y, plot.getMaxX(), y));
            if (i % every != 0) continue;
            String label = plot == accuracyPlot ? Math.round(t * 100) + " %" : number(t);
            g.setColor(muted);
            Typography.draw(g, label, small, plot.getX() - style.px(5), y + ascent / 2.5, Align.RIGHT);
        }
        int step = (int) Math.max(1, Math.ceil(xMax / 8));
        for (int e = 0; e <= xMax; e += step) {
            double x = x(plot, e);
            g.setColor(grid);
            g.draw(new Line2D.Double(x, plot.getY(), x, plot.getMaxY()));
            g.setColor(muted);
            String label = Integer.toString(e);
            Typography.draw(g, label, small, x, plot.getMaxY() + ascent + style.px(3), Align.CENTRE);
        }
        g.setColor(text);
        g.draw(plot);
    }

    /**
     * A curve through the points {@link Curve#drawn} keeps at {@code columnsPerUnit} columns per unit
     * of width, with a dot on each where {@code dots} (a dot per epoch, while the dots stand apart).
     */
    private void curve(Graphics2D g, Rectangle2D plot, Curve c, DoubleUnaryOperator toY, double columnsPerUnit, Color colour,
                       double width, boolean dashed, boolean dots) {
        if (c.size() == 0) return;
        int[] shown = c.drawn(0, xMax / (plot.getWidth() * columnsPerUnit));
        Path2D.Double path = new Path2D.Double();
        for (int i : shown) {
            double x = x(plot, c.x(i)), y = toY.applyAsDouble(c.y(i));
            if (i == shown[0]) path.moveTo(x, y);
            else path.lineTo(x, y);
        }
        g.setColor(colour);
        g.setStroke(dashed ? Drawing.dashed(width) : Drawing.stroke(width));
        g.draw(path);
        double r = width * 1.3;
        if (!dots || shown.length * 4 * r > plot.getWidth()) return;   // dots closer than two apiece would only thicken the line
        for (int i : shown) g.fill(new Ellipse2D.Double(x(plot, c.x(i)) - r, toY.applyAsDouble(c.y(i)) - r, 2 * r, 2 * r));
    }

    private void lossRange(List<Curve> train) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < runs.size(); i++) {
            for (Curve c : List.of(train.get(i), runs.get(i).validationLoss)) {
                if (c.size() == 0) continue;
                lo = Math.min(lo, c.y(c.lowest(0, c.size())));
                hi = Math.max(hi, c.y(c.highest(0, c.size())));
            }
        }
        if (!(lo <= hi)) { lo = 0.01; hi = 3; }
        if (logLoss) {
            lossLow = Math.floor(Math.log10(Math.max(lo, 1e-6)));
            lossHigh = Math.max(lossLow + 1, Math.ceil(Math.log10(Math.max(hi, 1e-6))));
        } else {
            lossLow = 0;
            lossStep = niceStep(Math.max(hi, 1e-6) / 4);
            lossHigh = Math.ceil(hi / lossStep) * lossStep;
        }
    }

    private List<Double> lossTicks() {
        List<Double> ticks = new ArrayList<>();
        if (logLoss) {
            for (double e = lossLow; e <= lossHigh + 1e-9; e++) ticks.add(Math.pow(10, e));
        } else {
            for (double t = 0; t <= lossHigh + lossStep / 2; t += lossStep) ticks.add(t);
        }
        return ticks;
    }

    private double lossY(double loss) {
        double v = logLoss ? Math.log10(Math.max(loss, 1e-12)) : loss;
        double f = (v - lossLow) / (lossHigh - lossLow);
        return lossPlot.getMaxY() - Math.max(0, Math.min(1, f)) * lossPlot.getHeight();
    }

    private double accuracyY(double a) {
        return accuracyPlot.getMaxY() - Math.max(0, Math.min(1, a)) * accuracyPlot.getHeight();
    }

    private double x(Rectangle2D plot, double epoch) {
        return plot.getX() + epoch / xMax * plot.getWidth();
    }

    /**
     * What lies under (x, y) of the last drawing: the nearest point of any curve in that plot, as
     * "LSTM 128 · epoch 3.40 · training loss 0.1234"; empty outside the plots or with no data.
     */
    public String describe(double px, double py) {
        boolean loss = lossPlot.contains(px, py);
        if (!loss && !accuracyPlot.contains(px, py)) return "";
        Rectangle2D plot = loss ? lossPlot : accuracyPlot;
        String best = "";
        double bestD = Double.POSITIVE_INFINITY;
        DoubleUnaryOperator toX = e -> x(plot, e), toY = loss ? this::lossY : this::accuracyY;
        for (Series r : runs) {
            List<Curve> curves = loss ? List.of(r.smoothedTrain(smoothing), r.validationLoss) : List.of(r.sequences, r.chars);
            String[] names = loss ? new String[] {"training loss", "validation loss"} : new String[] {"full answers right", "characters right"};
            for (int c = 0; c < 2; c++) {
                Curve curve = curves.get(c);
                int i = curve.nearest(toX, toY, px, py);     // a recorded point, whatever was drawn
                if (i < 0) continue;
                double d = Math.hypot(toX.applyAsDouble(curve.x(i)) - px, toY.applyAsDouble(curve.y(i)) - py);
                if (d < bestD) {
                    bestD = d;
                    String value = loss ? Numbers.fixed(curve.y(i), 4) : Numbers.fixed(100 * curve.y(i), 2) + " %";
                    best = String.format(Locale.ROOT, "%s · epoch %.2f · %s %s", r.label(), curve.x(i), names[c], value);
                }
            }
            for (RunCurves.Overflow o : r.overflows) {
                if (o.lossPlot() != loss) continue;
                double[] at = place(o);
                double d = Math.hypot(at[0] - px, at[1] - py);
                if (d < bestD) {
                    bestD = d;
                    best = String.format(Locale.ROOT, "%s · epoch %.2f · %s %s", r.label(), o.epoch(), o.curve(), Numbers.nonFinite(o.value()));
                }
            }
        }
        return best;
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code v}: tick steps a reader can add up. */
    private static double niceStep(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= v) return m * p;
        return 10 * p;
    }

    private static String number(double v) {
        if (v == 0) return "0";
        if (v >= 100 || v < 0.001) return String.format(Locale.ROOT, "%.0e", v);
        return String.format(Locale.ROOT, v >= 1 ? "%.1f" : v >= 0.1 ? "%.2f" : v >= 0.01 ? "%.3f" : "%.4f", v);
    }
}
