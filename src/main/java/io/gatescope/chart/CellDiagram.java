package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.DiagramLayout.Label;
import io.gatescope.chart.DiagramLayout.Node;
import io.gatescope.chart.DiagramLayout.Wire;
import io.gatescope.chart.Typography.Align;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Optional;

/**
 * One cell at the current step, drawn as lectures draw it (see {@link CellGeometry}), with every
 * gate box and state coloured by its value and the value printed: the mean over the units, or the
 * selected unit's value, so a lecturer can follow one unit through the gates.
 *
 * <p>The style's sub-step reveals the flow in order: what the flow has not reached is faded and
 * shows no number (it has not been computed yet), the sub-step's own elements are outlined.
 */
public final class CellDiagram implements Chart {
    // En spaces: SVG collapses runs of ordinary spaces, and the gaps should survive export.
    private static final String SEPARATOR = "\u2002·\u2002";

    private final CellKind kind;
    private final StepTrace step;
    private final String inputLabel;
    private final String time;
    private final boolean peepholes;
    private final double dataMaxAbs;
    private final ChartStyle style;
    private final DrawnSize drawn = new DrawnSize(this::preferredSize);
    /** Per gate block, the units a what-if clamp held at this step (null: none); see {@link HeldMark}. */
    private boolean[][] held = new boolean[0][];

    /**
     * @param time       when the step is, as {@link TimeAxis#stepName} says it: "t = 3", "encoder t = 3"
     * @param inputLabel what x_t encodes, e.g. the character "6", or null when x_t is not a character
     * @param peepholes  draw the LSTM's peephole connections from c_{t−1}
     * @param dataMaxAbs the largest |c| over the run (LSTM) or |h| (ReLU RNN): the range of their scale
     */
    public CellDiagram(CellKind kind, StepTrace step, String time, String inputLabel, boolean peepholes,
                       double dataMaxAbs, ChartStyle style) {
        if (peepholes && kind.anatomy().peepholeBlocks().isEmpty()) {
            throw new IllegalArgumentException("peephole connections exist only for the LSTM, not " + kind.id());
        }
        this.kind = kind;
        this.step = step;
        this.time = time;
        this.inputLabel = inputLabel;
        this.peepholes = peepholes;
        this.dataMaxAbs = dataMaxAbs;
        this.style = style;
    }

    /** Layer {@code layer} at the style's current step; ranges come from the whole run so colours hold while scrubbing. */
    public static CellDiagram of(ModelTrace trace, int layer, boolean peepholes, ChartStyle style) {
        TimeAxis axis = new TimeAxis(trace);
        int t = Math.min(style.currentStep(), axis.length() - 1);
        LayerTrace run = axis.layer(t, layer);
        double maxAbs = ShownQuantities.extent(trace, layer, run.kind().hasCellState() ? Quantity.cellState() : Quantity.hiddenState());
        // Only layer 0 of the encoder reads characters; above it and in the decoder x_t is a vector.
        String input = layer == 0 && !axis.isDecoder(t) ? axis.label(t) : null;
        CellDiagram diagram = new CellDiagram(run.kind(), axis.step(t, layer), axis.when(t, style.notation()), input,
                peepholes, maxAbs, style);
        diagram.held = new boolean[run.kind().blocks()][];
        for (int b = 0; b < diagram.held.length; b++) {
            diagram.held[b] = HeldMark.units(run, axis.localIndex(t), Quantity.gate(b));
        }
        return diagram;
    }

    @Override
    public Size preferredSize() {
        return CellGeometry.preferredSize(style);
    }

    /** Shorter than preferred: the body's rows close up before the text has to shrink. */
    @Override
    public Size minimumSize() {
        return CellGeometry.minimumSize(style);
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        drawn.drawnAt(width, height);
        Theme theme = style.theme();
        Drawing.paint(g, theme, width, height, () -> {
                DiagramLayout layout = layout(width, height);
                paintCaption(g, theme, width);
                Rectangle2D b = layout.body();
                RoundRectangle2D body = new RoundRectangle2D.Double(b.getX(), b.getY(), b.getWidth(), b.getHeight(), style.px(24), style.px(24));
                g.setPaint(theme.panel());
                g.fill(body);
                g.setPaint(theme.grid());
                g.setStroke(Drawing.stroke(style.px(1.5)));
                g.draw(body);
                for (Wire wire : layout.wires()) paintWire(g, wire, theme);
                for (Node node : layout.nodes()) paintNode(g, node, theme);
                for (Label label : layout.labels()) {
                    g.setPaint(tone(theme.text(), label.stage(), theme));
                    Typography.draw(g, label.text(), style.titleFont(), label.x(), label.y(), label.align());
                }
        });
    }

    /** The gate or state under (x, y) in the last drawn size; empty over wires, operations and background. */
    public Optional<DiagramPart> elementAt(double x, double y) {
        for (Node node : layout(drawn.width(), drawn.height()).nodes()) {
            if (node.part() != null && node.bounds().contains(x, y)) return Optional.of(node.part());
        }
        return Optional.empty();
    }

    /** Where {@code part} is drawn in the last drawn size, empty if this kind has no such part. */
    public Optional<Rectangle2D> bounds(DiagramPart part) {
        return layout(drawn.width(), drawn.height()).nodes().stream().filter(n -> part.equals(n.part()))
                .map(Node::bounds).findFirst();
    }

    /** Where every gate and state box is drawn in the last drawn size (what a hover popup keeps off). */
    public java.util.List<Rectangle2D> partBounds() {
        return layout(drawn.width(), drawn.height()).nodes().stream().filter(n -> n.part() != null).map(Node::bounds).toList();
    }

    /** The number a part shows: the selected unit's value or the mean over units; NaN for x_t. */
    public double value(DiagramPart part) {
        double[] v = vector(part);
        if (v.length == 0) return Double.NaN;
        if (showsOneUnit()) return v[style.selectedUnit()];
        double sum = 0;
        for (double d : v) sum += d;
        return sum / v.length;
    }

    /** The colour scale a part is painted with; x_t has none and is painted neutral. */
    public Optional<ColourScale> scale(DiagramPart part) {
        ColourScales scales = style.scales();
        return Optional.ofNullable(switch (part.type()) {
            case GATE -> scales.forQuantity(Quantity.gate(part.block()), kind, dataMaxAbs);
            case PREVIOUS_CELL, CELL_STATE -> scales.cellState(dataMaxAbs);
            case PREVIOUS_HIDDEN, HIDDEN_STATE -> scales.forQuantity(Quantity.hiddenState(), kind, dataMaxAbs);
            case INPUT -> null;
        });
    }

    /** A tooltip: "forget gate f: mean over 16 units = 0.602 (0.60213…)". */
    public String describe(DiagramPart part) {
        Notation n = style.notation();
        String name = switch (part.type()) {
            case GATE -> n.longName(kind, part.block()) + " " + Notation.plain(n.symbol(kind, part.block()));
            case INPUT -> n.stateName(Notation.State.INPUT) + " " + Notation.plain(n.stateSymbol(Notation.State.INPUT, kind));
            case PREVIOUS_HIDDEN -> stateText(Notation.State.PREVIOUS_HIDDEN);
            case PREVIOUS_CELL -> stateText(Notation.State.PREVIOUS_CELL);
            case CELL_STATE -> stateText(Notation.State.CELL);
            case HIDDEN_STATE -> stateText(Notation.State.HIDDEN);
        };
        double v = value(part);
        if (part.type() == DiagramPart.Type.INPUT) return inputLabel == null ? name : name + ": reads \"" + inputLabel + "\"";
        if (isHeld(part)) name += " (held by the what-if clamp)";
        String over = shownUnits();
        return name + ": " + over + " = " + Equations.number(v) + " (" + Notation.fullPrecision(v) + ")";
    }

    /** Whether a clamp held this gate at this step: the selected unit, or any unit when none is selected. */
    public boolean isHeld(DiagramPart part) {
        if (part == null || part.type() != DiagramPart.Type.GATE || part.block() >= held.length) return false;
        boolean[] units = held[part.block()];
        if (units == null) return false;
        if (style.hasSelectedUnit() && style.selectedUnit() < units.length) return units[style.selectedUnit()];
        for (boolean u : units) if (u) return true;
        return false;
    }

    /** The caption line's height: the diagram leaves this much room above the cell. */
    static double captionHeight(ChartStyle style) {
        return Typography.lineHeight(style.titleFont()) + style.px(6);
    }

    /**
     * Whose numbers the boxes print, as the caption says it in large type: "unit 3", or "mean over
     * 16 units" when no unit is selected, so a mean is never mistaken for one unit's value (the
     * equations always show one unit).
     */
    public String shownUnits() {
        return showsOneUnit() ? "unit " + style.selectedUnit() : "mean over " + step.hiddenSize() + " units";
    }

    private boolean showsOneUnit() {
        return style.hasSelectedUnit() && style.selectedUnit() < step.hiddenSize();
    }

    private DiagramLayout layout(double width, double height) {
        return CellGeometry.layout(kind, peepholes, style, width, height);
    }

    private void paintCaption(Graphics2D g, Theme theme, double width) {
        double y = style.px(8) + captionHeight(style) / 2;
        String when = kind.title() + SEPARATOR + time + SEPARATOR;
        g.setPaint(theme.text());
        Typography.drawMiddle(g, when, style.bodyFont(), style.px(8), y, Align.LEFT);
        // Whose values these are, in the title's size; a mean also sits on a tinted badge.
        Font big = style.titleFont();
        double x = style.px(8) + Typography.width(when, style.bodyFont());
        String what = shownUnits();
        if (!showsOneUnit()) {
            double w = Typography.width(what, big) + style.px(12), h = Typography.lineHeight(big) + style.px(4);
            g.setPaint(theme.currentFill());
            g.fill(new RoundRectangle2D.Double(x, y - h / 2, w, h, style.px(8), style.px(8)));
            g.setPaint(theme.text());
            x += style.px(6);
        }
        Typography.drawMiddle(g, what, big, x, y, Align.LEFT);
        if (stepping()) {
            String text = (style.subStep() + 1) + "/" + kind.anatomy().subStepCount() + "\u2002"
                    + style.notation().subStepName(kind, style.subStep());
            Typography.drawMiddle(g, text, style.boldFont(), width - style.px(8), y, Align.RIGHT);
        }
    }

    private void paintWire(Graphics2D g, Wire wire, Theme theme) {
        boolean active = stepping() && wire.stage() == style.subStep();
        double width = style.px(active ? 3 : 2);
        g.setPaint(active ? theme.highlight() : tone(theme.wire(), wire.stage(), theme));
        g.setStroke(wire.dashed() ? Drawing.dashed(width) : Drawing.stroke(width));
        g.draw(wire.path());
        if (wire.arrow()) {
            double[] last = new double[2], previous = new double[2];
            for (PathIterator it = wire.path().getPathIterator(null); !it.isDone(); it.next()) {
                previous[0] = last[0];
                previous[1] = last[1];
                it.currentSegment(last);
            }
            Drawing.arrowHead(g, previous[0], previous[1], last[0], last[1], style.px(8));
        }
    }

    private void paintNode(Graphics2D g, Node node, Theme theme) {
        Rectangle2D b = node.bounds();
        boolean reached = !dimmed(node.stage());
        DiagramPart part = node.part();
        Color fill = theme.panel();
        if (part != null && reached) {
            fill = scale(part).map(s -> s.colour(value(part))).orElse(theme.panel());
        }
        fill = tone(fill, node.stage(), theme);
        Shape shape = switch (node.shape()) {
            case POINTWISE -> node.caption().length() >= 2
                    ? new RoundRectangle2D.Double(b.getX(), b.getY(), b.getWidth(), b.getHeight(), b.getHeight(), b.getHeight())
                    : new Ellipse2D.Double(b.getX(), b.getY(), b.getWidth(), b.getHeight());
            default -> new RoundRectangle2D.Double(b.getX(), b.getY(), b.getWidth(), b.getHeight(), style.px(10), style.px(10));
        };
        g.setPaint(fill);
        g.fill(shape);
        g.setPaint(tone(theme.wire(), node.stage(), theme));
        g.setStroke(new BasicStroke((float) style.px(1.5)));
        g.draw(shape);
        Color ink = reached ? ColourScales.textOn(fill) : tone(theme.text(), node.stage(), theme);
        g.setPaint(ink);
        double line = Typography.lineHeight(style.bodyFont());
        if (node.shape() == DiagramLayout.Shape.POINTWISE) {
            Typography.drawMiddle(g, node.caption(), style.boldFont(), b.getCenterX(), b.getCenterY(), Align.CENTRE);
        } else {
            String second = !reached ? "" : part.type() == DiagramPart.Type.INPUT
                    ? (inputLabel == null ? "" : "“" + inputLabel + "”") : twoDecimals(value(part));
            boolean boldFirst = node.shape() == DiagramLayout.Shape.STATE;
            // A box drawn large (the plain RNN's one layer) speaks in the title's size, to fill it as a slide would.
            boolean large = b.getHeight() >= 3 * line;
            Font first = large ? style.titleFont() : boldFirst ? style.boldFont() : style.bodyFont();
            Font value = large ? style.titleFont() : style.bodyFont();
            double step = large ? Typography.lineHeight(value) : line;
            Typography.drawMiddle(g, node.caption(), first, b.getCenterX(), b.getCenterY() - step / 2, Align.CENTRE);
            Typography.drawMiddle(g, second, value, b.getCenterX(), b.getCenterY() + step / 2, Align.CENTRE);
        }
        if (stepping() && node.stage() == style.subStep()) {
            Drawing.highlight(g, shape, theme, style.px(2.5));
        }
        if (isHeld(part)) HeldMark.draw(g, b, theme);
    }

    /** Whether the sub-step walk is on (a sub-step past the last one shows the step whole). */
    private boolean stepping() {
        return style.subStep() < kind.anatomy().subStepCount();
    }

    private boolean dimmed(int stage) {
        return stepping() && stage > style.subStep();
    }

    private Color tone(Color colour, int stage, Theme theme) {
        return dimmed(stage) ? ColourScales.dim(colour, theme) : colour;
    }

    private double[] vector(DiagramPart part) {
        return switch (part.type()) {
            case GATE -> step.gateCopy(part.block());
            case INPUT -> new double[0];
            case PREVIOUS_HIDDEN -> step.hPrevCopy();
            case PREVIOUS_CELL -> step.cPrevCopy();
            case CELL_STATE -> step.cCopy();
            case HIDDEN_STATE -> step.hCopy();
        };
    }

    private String stateText(Notation.State state) {
        Notation n = style.notation();
        return n.stateName(state) + " " + Notation.plain(n.stateSymbol(state, kind));
    }

    private static String twoDecimals(double v) {
        return Numbers.fixed(v, 2);
    }
}
