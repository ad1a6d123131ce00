package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Typography.Align;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.StepTrace;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * One vector at one step, e.g. the forget gate's H values, as a row of coloured squares with its
 * symbol on the left. Large H wraps into a grid instead of shrinking squares to slivers, because a
 * lecturer points at a square ("unit 3 is almost closed"), which needs a target a hall can see.
 * The selected unit is outlined and its exact value printed under the symbol.
 */
public final class UnitStrip implements Chart {
    private static final double BASE_SQUARE = 24;
    private static final double MIN_SQUARE = 4;
    private static final int PREFERRED_COLUMNS = 16;
    private static final int MAX_INDEXED_UNITS = 32;

    private final String label;
    private final double[] values;
    private final ColourScale scale;
    private final ChartStyle style;
    private final DrawnSize drawn = new DrawnSize(this::preferredSize);
    /** The units a what-if clamp held, or null: see {@link HeldMark}. */
    private boolean[] held;
    /** Not yet computed at the cell diagram's sub-step: drawn as empty squares, no numbers. */
    private boolean pending;
    /** What the strip says in place of numbers while it is pending. */
    public static final String PENDING_CAPTION = "not yet";

    /** Where the squares sit for one size: origin, square size, pitch and grid shape. */
    private record Layout(double left, double top, double square, double pitchX, double pitchY, int columns,
                          boolean indexed) {
        Rectangle2D bounds(int unit) {
            int row = unit / columns, column = unit % columns;
            return new Rectangle2D.Double(left + column * pitchX, top + row * pitchY, square, square);
        }
    }

    /**
     * @param label  rich-text symbol drawn on the left ("f", "c_t", "Γ_u")
     * @param values one value per unit
     * @param scale  the colour scale of this quantity (from {@link ColourScales})
     */
    public UnitStrip(String label, double[] values, ColourScale scale, ChartStyle style) {
        if (values.length == 0) throw new IllegalArgumentException("a unit strip needs at least one unit");
        this.label = label;
        this.values = values.clone();
        this.scale = scale;
        this.style = style;
    }

    /**
     * The strip of {@code quantity} at {@code step}, labelled in the style's notation and coloured by
     * the quantity's scale.
     *
     * @param dataMaxAbs the largest |value| of the quantity over the whole run (for unbounded scales)
     */
    public static UnitStrip of(CellKind kind, StepTrace step, Quantity quantity, double dataMaxAbs, ChartStyle style) {
        return new UnitStrip(style.notation().label(kind, quantity), quantity.values(step),
                style.scales().forQuantity(quantity, kind, dataMaxAbs), style);
    }

    /** Marks the units a what-if clamp held (null: none); returns this strip. */
    public UnitStrip withHeld(boolean[] units) {
        this.held = units == null ? null : units.clone();
        return this;
    }

    /**
     * Marks the strip as not yet computed at the current sub-step (the diagram has not reached it):
     * its squares are drawn empty, so the strips never give away what the walk-through is about to show.
     */
    public UnitStrip withPending(boolean notYetComputed) {
        this.pending = notYetComputed;
        return this;
    }

    /** Whether the strip is drawn as not yet computed. */
    public boolean pending() { return pending; }

    @Override
    public Size preferredSize() {
        int columns = Math.min(values.length, PREFERRED_COLUMNS);
        int rows = (values.length + columns - 1) / columns;
        double square = style.px(BASE_SQUARE);
        double pitchY = square + gap() + (values.length <= MAX_INDEXED_UNITS ? indexHeight() : 0);
        double height = Math.max(rows * pitchY, labelBlockHeight()) + 2 * pad();
        return new Size(labelWidth() + columns * (square + gap()) + 2 * pad(), height);
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        drawn.drawnAt(width, height);
        Theme theme = style.theme();
        Drawing.paint(g, theme, width, height, () -> {
                Layout layout = layout(width, height);
                g.setPaint(theme.text());
                Typography.drawMiddle(g, label, style.boldFont(), pad(), layout.top() + layout.square() / 2, Align.LEFT);
                double captionY = layout.top() + layout.square() / 2 + Typography.lineHeight(style.boldFont());
                if (pending) {
                    g.setPaint(theme.mutedText());
                    Typography.drawMiddle(g, PENDING_CAPTION, style.smallFont(), pad(), captionY, Align.LEFT);
                } else if (hasSelection()) {
                    g.setPaint(theme.mutedText());
                    Typography.drawMiddle(g, "#" + style.selectedUnit() + " " + Equations.number(values[style.selectedUnit()]),
                            style.smallFont(), pad(), captionY, Align.LEFT);
                }
                for (int u = 0; u < values.length; u++) {
                    Rectangle2D box = layout.bounds(u);
                    // A 1 px outline painted as a fill under an inset square rather than stroked: the same
                    // pixels, but JavaFX's software renderer strokes 1,536 squares (six 256-unit strips)
                    // several times slower than it fills them, and the strips are redrawn on every step.
                    g.setPaint(theme.grid());
                    g.fill(inset(box, -0.5));
                    g.setPaint(pending ? theme.background() : scale.colour(values[u]));
                    g.fill(inset(box, 0.5));
                    if (held != null && u < held.length && held[u]) HeldMark.draw(g, inset(box, 0.5), theme);
                    if (layout.indexed()) {
                        g.setPaint(theme.mutedText());
                        Typography.draw(g, Integer.toString(u), style.smallFont(), box.getCenterX(),
                                box.getMaxY() + indexHeight() - style.px(3), Align.CENTRE);
                    }
                }
                if (hasSelection()) {
                    Drawing.highlight(g, layout.bounds(style.selectedUnit()), theme, style.px(2));
                }
        });
    }

    private static Rectangle2D inset(Rectangle2D r, double d) {
        return new Rectangle2D.Double(r.getX() + d, r.getY() + d, r.getWidth() - 2 * d, r.getHeight() - 2 * d);
    }

    /** The unit under (x, y) in the last drawn size, or −1 between or outside the squares. */
    public int unitAt(double x, double y) {
        Layout layout = layout(drawn.width(), drawn.height());
        for (int u = 0; u < values.length; u++) {
            if (layout.bounds(u).contains(x, y)) return u;
        }
        return -1;
    }

    /** The square of {@code unit} in the last drawn size: where a tooltip anchors. */
    public Rectangle2D unitBounds(int unit) {
        if (unit < 0 || unit >= values.length) {
            throw new IllegalArgumentException("unit must be in 0.." + (values.length - 1) + ", got " + unit);
        }
        return layout(drawn.width(), drawn.height()).bounds(unit);
    }

    /** The rich-text label on the left. */
    public String label() { return label; }

    private Layout layout(double width, double height) {
        double left = pad() + labelWidth();
        double availableW = Math.max(1, width - left - pad());
        double availableH = Math.max(1, height - 2 * pad());
        boolean indexed = values.length <= MAX_INDEXED_UNITS;
        double extraY = indexed ? indexHeight() : 0;
        // The largest square not above the preferred size whose wrapped grid fits the rectangle.
        double square = style.px(BASE_SQUARE);
        int columns;
        while (true) {
            columns = (int) Math.max(1, Math.min(values.length, Math.floor(availableW / (square + gap()))));
            int rows = (values.length + columns - 1) / columns;
            if (rows * (square + gap() + extraY) <= availableH || square <= MIN_SQUARE) break;
            square = Math.max(MIN_SQUARE, square - 0.5);
        }
        return new Layout(left, pad(), square, square + gap(), square + gap() + extraY, columns, indexed);
    }

    private boolean hasSelection() {
        return style.hasSelectedUnit() && style.selectedUnit() < values.length;
    }

    private double labelWidth() {
        double w = Math.max(Typography.width(label, style.boldFont()), style.px(28));
        w = Math.max(w, Typography.width(PENDING_CAPTION, style.smallFont()));
        if (style.hasSelectedUnit()) {
            w = Math.max(w, Typography.width("#000 −0.000", style.smallFont()));
        }
        return w + style.px(12);
    }

    private double labelBlockHeight() {
        return Typography.lineHeight(style.boldFont()) + Typography.lineHeight(style.smallFont());
    }

    private double indexHeight() { return Typography.lineHeight(style.smallFont()); }

    private double gap() { return Math.max(1, style.px(2)); }

    private double pad() { return style.px(8); }
}
