package io.gatescope.chart;

import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Typography.Align;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Locale;

/**
 * The network unrolled in time, as the seeds' encoder–decoder is drawn on a whiteboard: one cell
 * per encoder step with the character it reads below, the encoder's last state handed to a
 * "repeat" bridge that feeds every decoder step, and each decoder step's predicted character with
 * its softmax probability above. The current step is filled and outlined, so the overview tells
 * where in the sequence the cell diagram is.
 */
public final class UnrolledView implements Chart {
    private final TimeAxis axis;
    private final CellKind kind;
    private final ChartStyle style;
    private double lastWidth;
    private double lastHeight;

    /** Positions of the row of cells for one size. */
    private record Layout(double left, double cellW, double gap, double bridge, double cellTop, double cellH,
                          int encoderLength, double outputY, double inputY) {
        double x(int step) {
            return left + step * (cellW + gap) + (step >= encoderLength ? bridge : 0);
        }

        double bridgeX() { return x(encoderLength - 1) + cellW + gap; }
    }

    private UnrolledView(ModelTrace trace, int layer, ChartStyle style) {
        this.axis = new TimeAxis(trace);
        this.kind = axis.layer(0, layer).kind();
        this.style = style;
        Size preferred = preferredSize();
        this.lastWidth = preferred.width();
        this.lastHeight = preferred.height();
    }

    /** The unrolled run of {@code trace}; {@code layer} picks whose cell kind is named in the boxes. */
    public static UnrolledView of(ModelTrace trace, int layer, ChartStyle style) {
        return new UnrolledView(trace, layer, style);
    }

    @Override
    public Size preferredSize() {
        double w = 2 * pad() + axis.length() * (cellWidth() + gapWidth()) + bridgeWidth();
        double h = 2 * pad() + Typography.lineHeight(style.smallFont()) + Typography.lineHeight(style.bodyFont())
                + 2 * charLine() + style.px(4) + 2 * arrowRoom() + cellHeight();
        return new Size(w, h);
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        lastWidth = width;
        lastHeight = height;
        Theme theme = style.theme();
        Drawing.Saved saved = Drawing.begin(g, theme, width, height);
        try {
            Layout l = layout(width, height);
            paintSections(g, l, theme);
            for (int t = 0; t < axis.length(); t++) paintStep(g, l, t, theme);
            if (axis.encoderLength() < axis.length()) paintBridge(g, l, theme);
        } finally {
            saved.restore();
        }
    }

    /** The step whose column (cell, its input and its output) holds (x, y) in the last drawn size, or −1. */
    public int stepAt(double x, double y) {
        Layout l = layout(lastWidth, lastHeight);
        if (y < l.outputY() - charLine() / 2 - Typography.lineHeight(style.bodyFont()) || y > l.inputY() + charLine() / 2) {
            return -1;
        }
        for (int t = 0; t < axis.length(); t++) {
            if (x >= l.x(t) && x <= l.x(t) + l.cellW()) return t;
        }
        return -1;
    }

    /** The box of step {@code t}'s cell in the last drawn size. */
    public Rectangle2D cellBounds(int t) {
        Layout l = layout(lastWidth, lastHeight);
        return new Rectangle2D.Double(l.x(t), l.cellTop(), l.cellW(), l.cellH());
    }

    private void paintSections(Graphics2D g, Layout l, Theme theme) {
        g.setPaint(theme.mutedText());
        double y = pad() + Typography.lineHeight(style.smallFont()) / 2;
        double encoderEnd = l.x(axis.encoderLength() - 1) + l.cellW();
        Typography.drawMiddle(g, "encoder", style.smallFont(), (l.x(0) + encoderEnd) / 2, y, Align.CENTRE);
        if (axis.encoderLength() < axis.length()) {
            double decoderEnd = l.x(axis.length() - 1) + l.cellW();
            Typography.drawMiddle(g, "decoder", style.smallFont(), (l.x(axis.encoderLength()) + decoderEnd) / 2, y, Align.CENTRE);
        }
    }

    private void paintStep(Graphics2D g, Layout l, int t, Theme theme) {
        boolean current = t == style.currentStep();
        double x = l.x(t), cx = x + l.cellW() / 2, cellBottom = l.cellTop() + l.cellH();
        RoundRectangle2D box = new RoundRectangle2D.Double(x, l.cellTop(), l.cellW(), l.cellH(), style.px(12), style.px(12));
        g.setPaint(current ? theme.currentFill() : theme.panel());
        g.fill(box);
        g.setPaint(theme.wire());
        g.setStroke(Drawing.stroke(style.px(1.5)));
        g.draw(box);
        g.setPaint(theme.text());
        double line = Typography.lineHeight(style.bodyFont());
        Typography.drawMiddle(g, shortName(), style.boldFont(), cx, l.cellTop() + l.cellH() / 2 - line / 2, Align.CENTRE);
        g.setPaint(theme.mutedText());
        Typography.drawMiddle(g, "t = " + t, style.smallFont(), cx, l.cellTop() + l.cellH() / 2 + line / 2, Align.CENTRE);
        if (current) Drawing.highlight(g, box, theme, style.px(2.5));

        g.setPaint(theme.wire());
        g.setStroke(Drawing.stroke(style.px(2)));
        boolean lastOfSection = t == axis.encoderLength() - 1 || t == axis.length() - 1;
        if (!lastOfSection) {
            // The recurrent arrow: the state handed to the next step.
            double y = l.cellTop() + l.cellH() / 2;
            Drawing.arrow(g, x + l.cellW(), y, l.x(t + 1), y, style.px(8));
            if (t == 0) {
                g.setPaint(theme.mutedText());
                Typography.draw(g, stateNames(), style.smallFont(), x + l.cellW() + l.gap() / 2, y - style.px(6), Align.CENTRE);
                g.setPaint(theme.wire());
            }
        }
        if (!axis.isDecoder(t)) {
            Drawing.arrow(g, cx, l.inputY() - charLine() * 0.6, cx, cellBottom, style.px(8));
            g.setPaint(current ? theme.text() : theme.mutedText());
            Typography.drawMiddle(g, axis.displayLabel(t), style.titleFont(), cx, l.inputY(), Align.CENTRE);
        } else {
            Drawing.arrow(g, cx, l.cellTop(), cx, l.outputY() + charLine() * 0.6, style.px(8));
            g.setPaint(current ? theme.text() : theme.mutedText());
            Typography.drawMiddle(g, axis.displayLabel(t), style.titleFont(), cx, l.outputY(), Align.CENTRE);
            double p = axis.probability(t);
            if (!Double.isNaN(p)) {
                Typography.drawMiddle(g, "p = " + String.format(Locale.ROOT, "%.2f", p), style.smallFont(), cx,
                        l.outputY() - charLine() / 2 - line / 2, Align.CENTRE);
            }
        }
    }

    /** The seeds' RepeatVector: the encoder's final h becomes every decoder step's input. */
    private void paintBridge(Graphics2D g, Layout l, Theme theme) {
        double line = Typography.lineHeight(style.bodyFont());
        double encoderRight = l.x(axis.encoderLength() - 1) + l.cellW();
        double midY = l.cellTop() + l.cellH() / 2;
        double w = Typography.width("repeat", style.smallFont()) + style.px(14), h = line + style.px(4);
        double bx = l.bridgeX() + (l.bridge() - w) / 2 - l.gap() / 2;
        RoundRectangle2D pill = new RoundRectangle2D.Double(bx, midY - h / 2, w, h, h, h);
        g.setPaint(theme.wire());
        g.setStroke(Drawing.stroke(style.px(2)));
        Drawing.arrow(g, encoderRight, midY, bx, midY, style.px(8));
        // From the pill down to a bus under the decoder, then up into each decoder cell.
        double busY = l.inputY();
        double px = bx + w / 2;
        g.draw(new Line2D.Double(px, midY + h / 2, px, busY));
        double lastX = l.x(axis.length() - 1) + l.cellW() / 2;
        g.draw(new Line2D.Double(px, busY, lastX, busY));
        for (int t = axis.encoderLength(); t < axis.length(); t++) {
            double cx = l.x(t) + l.cellW() / 2;
            Drawing.arrow(g, cx, busY, cx, l.cellTop() + l.cellH(), style.px(8));
        }
        g.setPaint(theme.panel());
        g.fill(pill);
        g.setPaint(theme.wire());
        g.draw(pill);
        g.setPaint(theme.text());
        Typography.drawMiddle(g, "repeat", style.smallFont(), px, midY, Align.CENTRE);
    }

    private Layout layout(double width, double height) {
        double cellW = cellWidth(), gap = gapWidth(), bridge = bridgeWidth();
        double natural = axis.length() * (cellW + gap) + bridge;
        double available = Math.max(1, width - 2 * pad());
        // Shrink cells and gaps alike when the window is narrow; keep them when it is wide and centre the row.
        double shrink = Math.min(1, available / natural);
        double left = pad() + Math.max(0, (available - natural) / 2) + gap * shrink / 2;
        double outputY = pad() + Typography.lineHeight(style.smallFont()) + Typography.lineHeight(style.bodyFont())
                + charLine() / 2 + style.px(4);
        double cellTop = outputY + charLine() / 2 + arrowRoom();
        // Spare height goes to the cells (up to 1.6×), never to the margins.
        double cellH = Math.max(cellHeight(), height - cellTop - 2 * arrowRoom() - charLine() - pad());
        cellH = Math.min(cellH, cellHeight() * 1.6);
        double inputY = cellTop + cellH + arrowRoom() + charLine() / 2;
        return new Layout(left, cellW * shrink, gap * shrink, bridge * shrink, cellTop, cellH, axis.encoderLength(),
                outputY, inputY);
    }

    /** The kind's short name in a cell box. */
    private String shortName() {
        return switch (kind) {
            case LSTM -> "LSTM";
            case GRU, GRU_SIMPLE -> "GRU";
            case RNN_TANH, RNN_RELU -> "RNN";
        };
    }

    /** What the recurrent arrow carries, in the notation: "c, h", "c, a", or just "h". */
    private String stateNames() {
        Notation n = style.notation();
        String hidden = n.hiddenLetter(kind);
        return kind.hasCellState() ? "c, " + hidden : hidden;
    }

    private double cellWidth() {
        return Math.max(Typography.width("LSTM", style.boldFont()), Typography.width("t = 00", style.smallFont())) + style.px(18);
    }

    /** The characters read and predicted are the view's headline: they get the title font. */
    private double charLine() { return Typography.lineHeight(style.titleFont()); }

    private double cellHeight() { return 2 * Typography.lineHeight(style.bodyFont()) + style.px(14); }

    private double gapWidth() { return style.px(34); }

    private double bridgeWidth() {
        return axis.encoderLength() < axis.length() ? Typography.width("repeat", style.smallFont()) + style.px(40) : 0;
    }

    private double arrowRoom() { return style.px(22); }

    private double pad() { return style.px(10); }
}
