package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.HeatmapGeometry.Layout;
import io.gatescope.chart.Typography.Align;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One gate or state for every unit over every step: units down, time across, the encoder's steps
 * then, past a divider, the decoder's. It is the overview (in CNN Explainer's sense) next to the
 * cell diagram's detail: the current step's column is outlined, its character shown in a badge,
 * the selected unit's row marked, and the columns are labelled with the characters read and
 * predicted, because "the forget gate closes after the +" is how students find structure.
 *
 * <p>The cells, axes and legend are the base layer; the outline, badge and row marker are the
 * overlay, so a view can scrub a 256 × 200 heatmap by repainting only the overlay.
 * {@link HeatmapGeometry} places the parts.
 */
public final class Heatmap implements LayeredChart {
    private static final double PREFERRED_COLUMN = 34;
    private static final double PREFERRED_ROW = 16;
    private static final double MAX_PREFERRED_GRID_HEIGHT = 520;

    /** A unit at a step: what the mouse is over. */
    public record Cell(int step, int unit) {
    }

    private final String title;
    private final double[][] values;
    private final List<String> timeLabels;
    private final int encoderLength;
    private final int units;
    private final ChartStyle style;
    private final Legend legend;
    private final HeatmapGeometry geometry;
    private final DrawnSize drawn = new DrawnSize(this::preferredSize);
    /** Per step, the units a what-if clamp held (null rows where none), or null: see {@link HeldMark}. */
    private boolean[][] held;
    /** The sub-step that computes this quantity inside a step; while the diagram has not reached it, the current column is blank. */
    private int computedAt;

    /**
     * @param title         rich-text title ("f — forget gate")
     * @param values        per step, the unit values (T rows; a row may be shorter than the widest)
     * @param timeLabels    one label per step: the character read or predicted
     * @param encoderLength steps before the divider (equal to T when there is no decoder)
     * @param scale         the quantity's colour scale
     */
    public Heatmap(String title, double[][] values, List<String> timeLabels, int encoderLength,
                   ColourScale scale, ChartStyle style) {
        this(title, copyChecked(values, timeLabels, encoderLength), List.copyOf(timeLabels), encoderLength,
                new Legend("", scale, Legend.Orientation.VERTICAL, style).keying(values), style);
    }

    /** Takes its arrays as they are: callers hand over copies nobody else holds, or another heatmap's. */
    private Heatmap(String title, double[][] values, List<String> timeLabels, int encoderLength, Legend legend,
                    ChartStyle style) {
        this.title = title;
        this.values = values;
        this.timeLabels = timeLabels;
        this.encoderLength = encoderLength;
        this.units = Arrays.stream(values).mapToInt(r -> r.length).max().orElse(0);
        this.style = style;
        this.legend = legend;
        this.geometry = new HeatmapGeometry(values.length, units, encoderLength, timeLabels, legend, style);
    }

    private static double[][] copyChecked(double[][] values, List<String> timeLabels, int encoderLength) {
        if (values.length == 0) throw new IllegalArgumentException("a heatmap needs at least one step");
        if (timeLabels.size() != values.length) {
            throw new IllegalArgumentException("need one time label per step: " + values.length + " steps, "
                    + timeLabels.size() + " labels");
        }
        if (encoderLength < 0 || encoderLength > values.length) {
            throw new IllegalArgumentException("encoder length must be in 0.." + values.length + ", got " + encoderLength);
        }
        return Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    /** The heatmap of {@code quantity} in layer {@code layer} over the whole run, in the style's notation. */
    public static Heatmap of(ModelTrace trace, int layer, Quantity quantity, ChartStyle style) {
        TimeAxis axis = new TimeAxis(trace);
        CellKind kind = axis.layer(0, layer).kind();
        double[][] values = new double[axis.length()][];
        String[] labels = new String[axis.length()];
        for (int t = 0; t < axis.length(); t++) {
            StepTrace step = axis.step(t, layer);
            values[t] = quantity.existsFor(axis.layer(t, layer).kind()) ? quantity.values(step) : new double[0];
            labels[t] = axis.displayLabel(t);
        }
        ColourScale scale = style.scales().forQuantity(quantity, kind, ColourScales.extent(values));
        Heatmap map = new Heatmap(style.notation().title(kind, quantity), values, List.of(labels), axis.encoderLength(), scale, style);
        boolean[][] held = new boolean[axis.length()][];
        boolean any = false;
        for (int t = 0; t < axis.length(); t++) {
            held[t] = HeldMark.units(axis.layer(t, layer), t - (axis.isDecoder(t) ? axis.encoderLength() : 0), quantity);
            any |= held[t] != null;
        }
        map.held = any ? held : null;
        map.computedAt = quantity.subStep(kind);
        return map;
    }

    /**
     * This heatmap with the cursor (current step, selected unit) of {@code style}, sharing the data:
     * scrubbing costs no copy of 51,200 values. The look must be this heatmap's own.
     */
    public Heatmap withCursorOf(ChartStyle style) {
        if (!style.withoutCursor().equals(this.style.withoutCursor())) {
            throw new IllegalArgumentException("only the cursor may change; build a new heatmap for a new look, got "
                    + style + " for " + this.style);
        }
        Heatmap map = new Heatmap(title, values, timeLabels, encoderLength, legend, style);
        map.held = held;
        map.computedAt = computedAt;
        return map;
    }

    @Override
    public Size preferredSize() {
        double gridW = values.length * style.px(PREFERRED_COLUMN) + geometry.dividerWidth();
        double gridH = Math.min(units * style.px(PREFERRED_ROW), style.px(MAX_PREFERRED_GRID_HEIGHT));
        double width = geometry.pad() + geometry.axisWidth() + gridW + geometry.legendGap() + legend.preferredSize().width() + geometry.pad();
        double height = geometry.headerHeight() + gridH + geometry.footerHeight() + geometry.pad();
        return new Size(Math.max(width, Typography.width(title, style.titleFont()) + 2 * geometry.pad()), Math.max(height, style.px(180)));
    }

    /**
     * One pixel per step and per unit, with the axes and the colour bar: any smaller and the grid
     * would drop steps or push its legend out, so a view scrolls instead.
     */
    @Override
    public Size minimumSize() {
        double width = geometry.pad() + geometry.axisWidth() + values.length + geometry.dividerWidth() + geometry.legendGap() + legend.preferredSize().width() + geometry.pad();
        return new Size(width, geometry.headerHeight() + Math.max(1, units) + geometry.footerHeight() + geometry.pad());
    }

    @Override
    public void drawBase(Graphics2D g, double width, double height) {
        drawn.drawnAt(width, height);
        Theme theme = style.theme();
        Drawing.paint(g, theme, width, height, () -> {
                Layout l = layout(width, height);
                g.setPaint(theme.text());
                Typography.drawMiddle(g, shownTitle(width), style.titleFont(), geometry.pad(), geometry.pad() + Typography.lineHeight(style.titleFont()) / 2, Align.LEFT);
                paintCells(g, l);
                if (held != null) {
                    for (int t = 0; t < held.length; t++) {
                        for (int u = 0; held[t] != null && u < held[t].length; u++) {
                            if (held[t][u]) HeldMark.draw(g, new Rectangle2D.Double(l.x(t), l.y(u), l.columnWidth(), l.rowHeight()), theme);
                        }
                    }
                }
                paintSectionCaptions(g, l, theme);
                paintAxes(g, l, theme);
                // Align the colour bar with the grid, so the key reads as the grid's own axis.
                AffineTransform beforeLegend = g.getTransform();
                g.translate(l.legendLeft(), l.top() - legend.topInset());
                legend.draw(g, legend.preferredSize().width(), legend.topInset() + l.rowHeight() * units + legend.bottomInset());
                g.setTransform(beforeLegend);
        });
    }

    @Override
    public void drawOverlay(Graphics2D g, double width, double height) {
        drawn.drawnAt(width, height);
        Drawing.paintOverlay(g, () -> {
                Layout l = layout(width, height);
                if (pendingNow()) paintPending(g, l, style.theme());
                paintSelectedUnit(g, l, style.theme());
                paintCurrentStep(g, l, style.theme());
        });
    }

    /** The (step, unit) under (x, y) in the last drawn size, empty outside the grid and on the divider. */
    public Optional<Cell> hitTest(double x, double y) {
        Layout l = layout(drawn.width(), drawn.height());
        int unit = (int) Math.floor((y - l.top()) / l.rowHeight());
        if (y < l.top() || unit >= units) return Optional.empty();
        for (int t = 0; t < values.length; t++) {
            if (x >= l.x(t) && x < l.x(t) + l.columnWidth()) return Optional.of(new Cell(t, unit));
        }
        return Optional.empty();
    }

    /** The rectangle of (step, unit) in the last drawn size. */
    public Rectangle2D cellBounds(int step, int unit) {
        Layout l = layout(drawn.width(), drawn.height());
        return new Rectangle2D.Double(l.x(step), l.y(unit), l.columnWidth(), l.rowHeight());
    }

    /** The colour scale the cells use: for a legend elsewhere or a test. */
    public ColourScale scale() { return legend.scale(); }

    /** The colour bar's key to the values that are not finite ("NaN, ∞"), empty when all are finite. */
    public Optional<String> notFiniteKey() { return legend.notFiniteKey(); }

    /** Where that key's swatch is drawn in the last drawn size, empty without one. */
    public Optional<Rectangle2D> notFiniteSwatch() {
        Layout l = layout(drawn.width(), drawn.height());
        double dx = l.legendLeft(), dy = l.top() - legend.topInset();
        return legend.notFiniteSwatch().map(r -> new Rectangle2D.Double(r.getX() + dx, r.getY() + dy, r.getWidth(), r.getHeight()));
    }

    private void paintCells(Graphics2D g, Layout l) {
        // Without antialiasing, neighbouring cells meet on whole pixels: no hairline seams between rows.
        Object antialias = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        for (int t = 0; t < values.length; t++) {
            for (int u = 0; u < values[t].length; u++) {
                g.setPaint(legend.scale().colour(values[t][u]));
                g.fill(new Rectangle2D.Double(l.x(t), l.y(u), l.columnWidth(), l.rowHeight()));
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
    }

    private void paintSectionCaptions(Graphics2D g, Layout l, Theme theme) {
        if (encoderLength == values.length || encoderLength == 0) return;
        double y = l.top() - Typography.lineHeight(style.smallFont()) * 0.6;
        g.setPaint(theme.mutedText());
        double encoderMid = (l.x(0) + l.x(encoderLength - 1) + l.columnWidth()) / 2;
        double decoderMid = (l.x(encoderLength) + l.x(values.length - 1) + l.columnWidth()) / 2;
        Typography.drawMiddle(g, "encoder", style.smallFont(), encoderMid, y, Align.CENTRE);
        Typography.drawMiddle(g, "decoder", style.smallFont(), decoderMid, y, Align.CENTRE);
        // The divider: a bar in the gap between the sections, as tall as the grid.
        double x = l.x(encoderLength) - l.divider() / 2;
        g.setPaint(theme.text());
        g.setStroke(Drawing.stroke(Math.max(2, l.divider() / 3)));
        g.draw(new Line2D.Double(x, l.top() - style.px(4), x, l.y(units) + style.px(4)));
    }

    private void paintAxes(Graphics2D g, Layout l, Theme theme) {
        g.setPaint(theme.mutedText());
        Typography.drawMiddle(g, "unit", style.smallFont(), l.left() - style.px(6), l.top() - Typography.lineHeight(style.smallFont()) * 0.6, Align.RIGHT);
        int every = HeatmapGeometry.labelEvery(Typography.lineHeight(style.smallFont()) / l.rowHeight());
        for (int u = 0; u < units; u += every) {
            Typography.drawMiddle(g, Integer.toString(u), style.smallFont(), l.left() - style.px(6), l.y(u) + l.rowHeight() / 2, Align.RIGHT);
        }
        int timeEvery = geometry.timeEvery(l);
        double baseline = l.y(units) + style.px(6) + Typography.lineHeight(style.bodyFont()) * 0.8;
        g.setPaint(theme.mutedText());
        for (int t = 0; t < values.length; t += timeEvery) {
            Typography.draw(g, timeLabels.get(t), style.bodyFont(), l.x(t) + l.columnWidth() / 2, baseline, Align.CENTRE);
        }
    }

    /** Whether the current step's values are not yet computed at the style's sub-step. */
    public boolean pendingNow() {
        return style.subStep() != ChartStyle.WHOLE_STEP && computedAt > style.subStep() && style.currentStep() < values.length;
    }

    /** Blanks the current column: the walk through the step has not computed it yet. */
    private void paintPending(Graphics2D g, Layout l, Theme theme) {
        int t = style.currentStep();
        g.setPaint(theme.background());
        g.fill(new Rectangle2D.Double(l.x(t), l.top(), l.columnWidth(), l.rowHeight() * units));
    }

    private void paintSelectedUnit(Graphics2D g, Layout l, Theme theme) {
        int unit = style.selectedUnit();
        if (!style.hasSelectedUnit() || unit >= units) return;
        double gridRight = l.x(values.length - 1) + l.columnWidth();
        Rectangle2D row = new Rectangle2D.Double(l.left(), l.y(unit), gridRight - l.left(), l.rowHeight());
        // As wide as the column outline, but never so wide that it hides the thin rows of a large layer.
        Drawing.highlight(g, row, theme, Math.max(1, Math.min(style.px(2), l.rowHeight() / 4)));
        double size = style.px(7), cy = l.y(unit) + l.rowHeight() / 2, x = l.left() - style.px(1);
        Path2D.Double marker = new Path2D.Double();
        marker.moveTo(x, cy);
        marker.lineTo(x - size, cy - size * 0.7);
        marker.lineTo(x - size, cy + size * 0.7);
        marker.closePath();
        g.setPaint(theme.highlight());
        g.fill(marker);
        g.setStroke(new BasicStroke(1f));
        g.setPaint(theme.text());
        g.draw(marker);
    }

    /**
     * The current column's outline and, under it, its character in a badge: on a 200-step axis
     * only every tenth column is labelled, and the step the cursor is on must always say what it read.
     */
    private void paintCurrentStep(Graphics2D g, Layout l, Theme theme) {
        int t = style.currentStep();
        if (t >= values.length) return;
        Rectangle2D column = new Rectangle2D.Double(l.x(t), l.top(), l.columnWidth(), l.rowHeight() * units);
        Drawing.highlight(g, column, theme, style.px(2));
        String label = timeLabels.get(t);
        if (label.isEmpty()) return;
        Font font = style.boldFont();
        Rectangle2D box = geometry.badgeBounds(l, t);
        g.setPaint(theme.background());
        for (int n : maskedSteps(l, box)) g.fill(geometry.labelBounds(l, n));
        double cx = box.getCenterX(), cy = box.getCenterY();
        RoundRectangle2D badge = new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(),
                style.px(6), style.px(6));
        g.setPaint(theme.currentFill());
        g.fill(badge);
        g.setStroke(Drawing.stroke(1));
        g.setPaint(theme.text());
        g.draw(badge);
        Typography.drawMiddle(g, label, font, cx, cy, Align.CENTRE);
    }

    /** The current step's badge in the last drawn size: its character with a margin, under its column. */
    public Rectangle2D badgeBounds() {
        return geometry.badgeBounds(layout(drawn.width(), drawn.height()), style.currentStep());
    }

    /**
     * The steps whose axis character the badge would partly cover in the last drawn size: the overlay
     * blanks them whole, so the row reads the badge and whole characters, never a badge over half a "7".
     */
    public List<Integer> maskedSteps() {
        Layout l = layout(drawn.width(), drawn.height());
        return maskedSteps(l, geometry.badgeBounds(l, style.currentStep()));
    }

    private List<Integer> maskedSteps(Layout l, Rectangle2D badge) {
        List<Integer> out = new java.util.ArrayList<>();
        int every = geometry.timeEvery(l);
        for (int n = 0; n < values.length; n += every) {
            if (n == style.currentStep()) continue;
            Rectangle2D box = geometry.labelBounds(l, n);
            if (box.getMaxX() > badge.getMinX() && box.getMinX() < badge.getMaxX()) out.add(n);
        }
        return out;
    }

    /** Every how many columns the time axis prints its character in the last drawn size (1 when they all fit). */
    public int timeLabelEvery() { return geometry.timeEvery(layout(drawn.width(), drawn.height())); }

    /**
     * The title as drawn in {@code width}: whole when it fits, else only its symbol ("f" of "f — forget
     * gate"), so a long title never runs into the next heatmap; the full title is in the hover.
     */
    public String shownTitle(double width) {
        double room = width - 2 * geometry.pad();
        if (Typography.width(title, style.titleFont()) <= room) return title;
        int dash = title.indexOf(" — ");
        return dash > 0 ? title.substring(0, dash) : title;
    }

    private Layout layout(double width, double height) { return geometry.layout(width, height); }
}
