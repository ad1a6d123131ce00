package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Typography.Align;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;

/**
 * A colour bar with its title and scale numbers: the key without which a heatmap is decoration.
 * The bar is painted as many narrow bands rather than a gradient paint because PDF and SVG
 * exporters handle multi-stop gradients unevenly, and ticks sit at {@link ColourScale#position}
 * so a tick and the colour under it always agree. When the data it explains holds values that are
 * not finite, the title line carries their key too: a swatch of {@link ColourScales#NOT_FINITE}
 * and the words present ("NaN, ∞, −∞").
 */
public final class Legend implements Chart {
    private static final int BANDS = 120;

    /** Which way the bar runs. */
    public enum Orientation { HORIZONTAL, VERTICAL }

    private final String title;
    private final ColourScale scale;
    private final Orientation orientation;
    private final ChartStyle style;
    private final DrawnSize drawn = new DrawnSize(this::preferredSize);
    /** The not-finite words present in the data ("NaN, ∞"), or null when every value is finite. */
    private final String notFinite;

    public Legend(String title, ColourScale scale, Orientation orientation, ChartStyle style) {
        this(title, scale, orientation, style, null);
    }

    private Legend(String title, ColourScale scale, Orientation orientation, ChartStyle style, String notFinite) {
        this.title = title;
        this.scale = scale;
        this.orientation = orientation;
        this.style = style;
        this.notFinite = notFinite;
    }

    /** This legend with the key of the not-finite values among {@code values}, if there are any. */
    public Legend keying(double[]... values) {
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        for (String w : new String[] {Numbers.NAN, Numbers.INFINITY, Numbers.MINUS_INFINITY}) {
            for (double[] row : values) {
                for (double v : row) if (w.equals(Numbers.nonFinite(v))) words.add(w);
            }
        }
        return words.isEmpty() ? this : new Legend(title, scale, orientation, style, String.join(", ", words));
    }

    /** The not-finite key's words ("NaN, ∞"), empty when the data is all finite. */
    public java.util.Optional<String> notFiniteKey() { return java.util.Optional.ofNullable(notFinite); }

    /** Where the not-finite key's swatch is in the last drawn size, empty without one. */
    public java.util.Optional<Rectangle2D> notFiniteSwatch() {
        return notFiniteKey().map(k -> swatch());
    }

    @Override
    public Size preferredSize() {
        double titleH = Typography.lineHeight(style.smallFont());
        double labelW = maxTickWidth();
        double titleW = Typography.width(title, style.smallFont()) + keyWidth();
        if (orientation == Orientation.HORIZONTAL) {
            return new Size(Math.max(style.px(220), titleW + 2 * pad()),
                    titleH + thickness() + tickLength() + titleH + 2 * pad());
        }
        return new Size(Math.max(thickness() + tickLength() + style.px(4) + labelW, titleW) + 2 * pad(),
                style.px(200));
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        drawn.drawnAt(width, height);
        Theme theme = style.theme();
        Drawing.paint(g, theme, width, height, () -> {
                g.setPaint(theme.text());
                double titleH = Typography.lineHeight(style.smallFont());
                Typography.drawMiddle(g, title, style.smallFont(), pad(), pad() + titleH / 2, Align.LEFT);
                if (notFinite != null) paintNotFiniteKey(g, theme);
                Rectangle2D bar = barBounds(width, height);
                paintBands(g, bar);
                g.setStroke(new BasicStroke(1f));
                g.setPaint(theme.grid());
                g.draw(bar);
                paintTicks(g, bar, theme);
        });
    }

    /** The colour bar's rectangle in the last drawn size (low values at the left or bottom). */
    public Rectangle2D barBounds() {
        return barBounds(drawn.width(), drawn.height());
    }

    /** The scale this legend explains. */
    public ColourScale scale() { return scale; }

    /** A tick's text: 0.5, −1, 2.5, and 1e−4 for powers of ten on a log scale. */
    static String tickLabel(double value, ColourScale.Kind kind) {
        if (kind == ColourScale.Kind.LOG_MAGNITUDE) {
            return ("1e" + Math.round(Math.log10(value))).replace('-', '−');
        }
        if (Math.abs(value) < 1e-12) return "0";
        String s = BigDecimal.valueOf(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        return s.replace('-', '−');
    }

    /** The swatch after the title, in the not-finite colour, and the words it stands for. */
    private void paintNotFiniteKey(Graphics2D g, Theme theme) {
        Rectangle2D box = swatch();
        g.setPaint(ColourScales.NOT_FINITE);
        g.fill(box);
        g.setPaint(theme.grid());
        g.setStroke(new BasicStroke(1f));
        g.draw(box);
        g.setPaint(theme.text());
        Typography.drawMiddle(g, notFinite, style.smallFont(), box.getMaxX() + style.px(4), box.getCenterY(), Align.LEFT);
    }

    private Rectangle2D swatch() {
        double titleH = Typography.lineHeight(style.smallFont()), side = titleH * 0.75;
        double x = pad() + Typography.width(title, style.smallFont()) + (title.isEmpty() ? 0 : style.px(10));
        return new Rectangle2D.Double(x, pad() + (titleH - side) / 2, side, side);
    }

    /** The room the not-finite key takes on the title line: 0 without one. */
    private double keyWidth() {
        if (notFinite == null) return 0;
        double side = Typography.lineHeight(style.smallFont()) * 0.75;
        return (title.isEmpty() ? 0 : style.px(10)) + side + style.px(4) + Typography.width(notFinite, style.smallFont());
    }

    private void paintBands(Graphics2D g, Rectangle2D bar) {
        boolean horizontal = orientation == Orientation.HORIZONTAL;
        double length = horizontal ? bar.getWidth() : bar.getHeight();
        double band = length / BANDS;
        // Antialiased band edges would blend neighbours into colours the scale never gives; whole pixels do not.
        Object antialias = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        for (int k = 0; k < BANDS; k++) {
            g.setPaint(scale.at((k + 0.5) / BANDS));
            Rectangle2D r = horizontal
                    ? new Rectangle2D.Double(bar.getX() + k * band, bar.getY(), band, bar.getHeight())
                    : new Rectangle2D.Double(bar.getX(), bar.getMaxY() - (k + 1) * band, bar.getWidth(), band);
            g.fill(r);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
    }

    private void paintTicks(Graphics2D g, Rectangle2D bar, Theme theme) {
        for (double tick : scale.ticks()) {
            double p = scale.position(tick);
            String text = tickLabel(tick, scale.kind());
            g.setPaint(theme.text());
            if (orientation == Orientation.HORIZONTAL) {
                double x = bar.getX() + p * bar.getWidth();
                g.draw(new Line2D.Double(x, bar.getMaxY(), x, bar.getMaxY() + tickLength()));
                Align align = p < 0.01 ? Align.LEFT : p > 0.99 ? Align.RIGHT : Align.CENTRE;
                double baseline = bar.getMaxY() + tickLength() + Typography.lineHeight(style.smallFont()) * 0.8;
                Typography.draw(g, text, style.smallFont(), x, baseline, align);
            } else {
                double y = bar.getMaxY() - p * bar.getHeight();
                g.draw(new Line2D.Double(bar.getMaxX(), y, bar.getMaxX() + tickLength(), y));
                Typography.drawMiddle(g, text, style.smallFont(), bar.getMaxX() + tickLength() + style.px(4), y, Align.LEFT);
            }
        }
    }

    private Rectangle2D barBounds(double width, double height) {
        if (orientation == Orientation.HORIZONTAL) {
            return new Rectangle2D.Double(pad(), topInset(), Math.max(1, width - 2 * pad()), thickness());
        }
        return new Rectangle2D.Double(pad(), topInset(), thickness(), Math.max(1, height - topInset() - bottomInset()));
    }

    /** From the legend's top to the bar's: room for the title. A host aligns the bar with its grid by it. */
    double topInset() { return pad() + Typography.lineHeight(style.smallFont()) + style.px(4); }

    /** Below a vertical bar: room for half of the lowest tick label. */
    double bottomInset() { return Typography.lineHeight(style.smallFont()) / 2 + pad(); }

    private double maxTickWidth() {
        double w = 0;
        for (double tick : scale.ticks()) w = Math.max(w, Typography.width(tickLabel(tick, scale.kind()), style.smallFont()));
        return w;
    }

    private double thickness() { return style.px(16); }

    private double tickLength() { return style.px(5); }

    private double pad() { return style.px(6); }
}
