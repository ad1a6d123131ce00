package io.gatescope.chart;

import io.gatescope.chart.DiagramLayout.Label;
import io.gatescope.chart.DiagramLayout.Node;
import io.gatescope.chart.DiagramLayout.Shape;
import io.gatescope.chart.DiagramLayout.Wire;
import io.gatescope.chart.DiagramPart.Type;
import io.gatescope.chart.Notation.State;
import io.gatescope.chart.Typography.Align;
import io.gatescope.engine.CellKind;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the elements of a cell the way lectures draw it (colah's "Understanding LSTM Networks"):
 * the long-lived state runs straight across the top, the gates sit in a row above the merged
 * [h_{t−1}, x_t] bus, x_t rises from below, and pointwise × and + nodes sit where the gates act on
 * the state. Positions are fractions of the cell body; boxes are sized by their text, so the
 * drawing stays legible at every presenter font scale.
 *
 * <p>Sub-steps: LSTM 0 inputs, 1 forget gate, 2 input gate and candidate, 3 cell update,
 * 4 output gate and h; GRU 0 inputs, 1 reset, 2 update, 3 candidate, 4 new h; single-gate GRU 0
 * inputs, 1 update, 2 candidate, 3 new h; RNN 0 inputs, 1 new h.
 */
final class CellGeometry {
    // Base lengths in px at font scale 1.
    private static final double PAD = 8;
    private static final double INPUT_GAP = 22;
    private static final double MIN_BODY_WIDTH = 200;
    private static final double MIN_BODY_HEIGHT = 150;
    private static final double PREFERRED_BODY_HEIGHT = 300;
    private static final double PREFERRED_WIDTH = 820;
    /** The narrowest the body spreads four gates with their labels apart, whole chart included. */
    private static final double MINIMUM_WIDTH = 560;

    private final CellKind kind;
    private final Notation notation;
    private final ChartStyle style;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Wire> wires = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();

    // Element sizes, from the text they hold.
    private final double boxW, boxH, chipW, chipH, radius;
    // The cell body and its rows: state line, pointwise row, gate row, bus.
    private final double bx0, bw, yC, yMid, yGate, yBus, chipLeftX, chipRightX, inputChipY;
    private final Rectangle2D body;

    private CellGeometry(CellKind kind, Notation notation, ChartStyle style, double width, double height) {
        this.kind = kind;
        this.notation = notation;
        this.style = style;
        double line = Typography.lineHeight(style.bodyFont());
        boxW = Math.max(Typography.width("tanh", style.bodyFont()), Typography.width("−0.00", style.bodyFont())) + style.px(16);
        boxH = 2 * line + style.px(6);
        double symbols = 0;
        for (State s : State.values()) symbols = Math.max(symbols, Typography.width(notation.stateSymbol(s, kind), style.boldFont()));
        chipW = Math.max(symbols, Typography.width("−0.00", style.bodyFont())) + style.px(16);
        chipH = boxH;
        radius = line * 0.62;
        double pad = style.px(PAD);
        double top = top(style);
        bx0 = pad + chipW + style.px(INPUT_GAP);
        bw = Math.max(style.px(MIN_BODY_WIDTH), width - 2 * bx0);
        double bottom = Math.max(top + style.px(MIN_BODY_HEIGHT), height - pad - chipH - style.px(INPUT_GAP));
        double bh = bottom - top;
        yC = top + 0.13 * bh;
        yMid = top + 0.40 * bh;
        yGate = top + 0.66 * bh;
        yBus = top + 0.91 * bh;
        chipLeftX = pad + chipW / 2;
        chipRightX = bx0 + bw + style.px(INPUT_GAP) + chipW / 2;
        inputChipY = bottom + style.px(16) + chipH / 2;
        body = new Rectangle2D.Double(bx0, top, bw, bh);
    }

    /** The size at which the body is roomy: wide enough for four gates with their labels and wires between. */
    static Chart.Size preferredSize(ChartStyle style) {
        double boxH = 2 * Typography.lineHeight(style.bodyFont()) + style.px(6);
        double height = top(style) + style.px(PREFERRED_BODY_HEIGHT) + style.px(INPUT_GAP) + boxH + style.px(PAD);
        return new Chart.Size(style.px(PREFERRED_WIDTH), height);
    }

    /**
     * The smallest size at which the drawing keeps its proportions (the body at its minimum height):
     * a view that must fit the chart into less room shrinks it only below this.
     */
    static Chart.Size minimumSize(ChartStyle style) {
        double boxH = 2 * Typography.lineHeight(style.bodyFont()) + style.px(6);
        double height = top(style) + style.px(MIN_BODY_HEIGHT) + style.px(INPUT_GAP) + boxH + style.px(PAD);
        return new Chart.Size(style.px(MINIMUM_WIDTH), height);
    }

    private static double top(ChartStyle style) {
        return style.px(PAD) + CellDiagram.captionHeight(style) + style.px(10);
    }

    /** The layout of a {@code kind} cell in a width × height frame. */
    static DiagramLayout layout(CellKind kind, boolean peepholes, ChartStyle style, double width, double height) {
        CellGeometry g = new CellGeometry(kind, style.notation(), style, width, height);
        switch (kind) {
            case LSTM -> g.lstm(peepholes);
            case GRU, GRU_SIMPLE -> g.gru();
            case RNN_TANH, RNN_RELU -> g.rnn();
        }
        return new DiagramLayout(g.body, List.copyOf(g.nodes), List.copyOf(g.wires), List.copyOf(g.labels));
    }

    private void lstm(boolean peepholes) {
        double xf = x(0.12), xi = x(0.32), xg = x(0.50), xo = x(0.68), xt = x(0.86), xIn = x(0.03);
        states(State.PREVIOUS_CELL, State.PREVIOUS_HIDDEN, xIn);
        chip(Type.CELL_STATE, State.CELL, chipRightX, yC, 3);
        chip(Type.HIDDEN_STATE, State.HIDDEN, chipRightX, yGate, 4);
        gate(0, xi, 2);
        gate(1, xf, 1);
        gate(2, xg, 2);
        gate(3, xo, 4);
        op("×", xf, yC, 1);
        op("×", xg, yMid, 2);
        op("+", xg, yC, 3);
        op("tanh", xt, yMid, 4);
        op("×", xt, yGate, 4);
        wire(0, true, chipLeftX + chipW / 2, yC, xf - radius, yC);
        wire(1, true, xf + radius, yC, xg - radius, yC);
        wire(3, true, xg + radius, yC, chipRightX - chipW / 2, yC);
        bus(xo);
        wire(1, true, xf, yGate - boxH / 2, xf, yC + radius);
        wire(2, true, xi, yGate - boxH / 2, xi, yMid, xg - radius, yMid);
        wire(2, true, xg, yGate - boxH / 2, xg, yMid + radius);
        wire(3, true, xg, yMid - radius, xg, yC + radius);
        wire(4, true, xt, yC, xt, yMid - radius);
        wire(4, true, xt, yMid + radius, xt, yGate - radius);
        wire(4, true, xo + boxW / 2, yGate, xt - radius, yGate);
        wire(4, true, xt + radius, yGate, chipRightX - chipW / 2, yGate);
        if (peepholes) peepholes(xf, xi, xo);
    }

    /** The seeds' peephole variant: i, f and o also read c_{t−1}, drawn dashed from the state line. */
    private void peepholes(double... gateXs) {
        double yP = yC + radius + style.px(8), xStart = x(0.015), offset = boxW * 0.32;
        double xEnd = gateXs[gateXs.length - 1] - offset;
        wires.add(new Wire(path(xStart, yC, xStart, yP, xEnd, yP), 1, false, true));
        int[] stages = {1, 2, 4};
        for (int k = 0; k < gateXs.length; k++) {
            double x = gateXs[k] - offset;
            wires.add(new Wire(path(x, yP, x, yGate - boxH / 2), stages[k], true, true));
        }
    }

    /**
     * Both GRUs: the hidden state runs across the top and is kept by one × and topped up by +.
     * PyTorch's GRU keeps z·h_{t−1} and takes (1 − z)·n; the single-gate GRU keeps (1 − u)·h and
     * takes u·g, so the 1− node sits on the other branch.
     */
    private void gru() {
        boolean pytorch = kind == CellKind.GRU;
        int update = pytorch ? 1 : 0, candidate = pytorch ? 2 : 1;
        int updateStage = pytorch ? 2 : 1, candidateStage = pytorch ? 3 : 2, mixStage = pytorch ? 4 : 3;
        double xu = x(pytorch ? 0.24 : 0.34), xr = x(0.50), xn = x(pytorch ? 0.76 : 0.70);
        double xDown = x(0.03), xIn = x(0.10);
        chip(Type.PREVIOUS_HIDDEN, State.PREVIOUS_HIDDEN, chipLeftX, yC, 0);
        chip(Type.INPUT, State.INPUT, xIn, inputChipY, 0);
        chip(Type.HIDDEN_STATE, State.HIDDEN, chipRightX, yC, mixStage);
        gate(update, xu, updateStage);
        gate(candidate, xn, candidateStage);
        op("×", xu, yC, mixStage);
        op("×", xn, yMid, mixStage);
        op("+", xn, yC, mixStage);
        wire(0, true, chipLeftX + chipW / 2, yC, xu - radius, yC);
        wire(mixStage, true, xu + radius, yC, xn - radius, yC);
        wire(mixStage, true, xn + radius, yC, chipRightX - chipW / 2, yC);
        wire(0, false, xDown, yC, xDown, yBus, xn, yBus);
        wire(0, true, xIn, inputChipY - chipH / 2, xIn, yBus);
        wire(updateStage, false, xu, yGate - boxH / 2, xu, yMid);
        wire(candidateStage, true, xn, yGate - boxH / 2, xn, yMid + radius);
        wire(mixStage, true, xn, yMid - radius, xn, yC + radius);
        busDrop(xu, updateStage);
        busDrop(xn, candidateStage);
        if (pytorch) {
            gate(0, xr, 1);
            busDrop(xr, 1);
            wire(1, true, xr + boxW / 2, yGate, xn - boxW / 2, yGate);
            double xOne = (xu + xn) / 2 + radius;
            op("1−", xOne, yMid, mixStage);
            wire(mixStage, true, xu, yMid, xu, yC + radius);
            wire(mixStage, true, xu, yMid, xOne - radius, yMid);
            wire(mixStage, true, xOne + radius, yMid, xn - radius, yMid);
        } else {
            double yOne = (yC + yMid) / 2;
            op("1−", xu, yOne, mixStage);
            wire(mixStage, true, xu, yMid, xu, yOne + radius);
            wire(mixStage, true, xu, yOne - radius, xu, yC + radius);
            wire(mixStage, true, xu, yMid, xn - radius, yMid);
        }
    }

    private void rnn() {
        double xh = x(0.50), xIn = x(0.12);
        states(null, State.PREVIOUS_HIDDEN, xIn);
        // No state line: the new h leaves the tanh box straight to the right.
        chip(Type.HIDDEN_STATE, State.HIDDEN, chipRightX, yGate, 1);
        gate(0, xh, 1);
        bus(xh);
        wire(1, true, xh + boxW / 2, yGate, chipRightX - chipW / 2, yGate);
    }

    /** The incoming states on the left and x_t below; a null cell state means the kind has none. */
    private void states(State cell, State hidden, double xIn) {
        if (cell != null) chip(Type.PREVIOUS_CELL, cell, chipLeftX, yC, 0);
        chip(Type.PREVIOUS_HIDDEN, hidden, chipLeftX, yBus, 0);
        chip(Type.INPUT, State.INPUT, xIn, inputChipY, 0);
    }

    /** h_{t−1} along the bottom to the last gate, x_t joining from below, and a drop into each gate. */
    private void bus(double lastGateX) {
        wire(0, false, chipLeftX + chipW / 2, yBus, lastGateX, yBus);
        for (Node n : nodes) {
            if (n.shape() == Shape.STATE && n.part() != null && n.part().type() == Type.INPUT) {
                wire(0, true, n.bounds().getCenterX(), n.bounds().getMinY(), n.bounds().getCenterX(), yBus);
            }
        }
        for (Node n : List.copyOf(nodes)) {
            if (n.shape() == Shape.LAYER) busDrop(n.bounds().getCenterX(), n.stage());
        }
    }

    private void busDrop(double x, int stage) {
        wire(stage, true, x, yBus, x, yGate + boxH / 2);
    }

    private void gate(int block, double x, int stage) {
        String caption = Quantity.activationName(kind, block);
        nodes.add(new Node(DiagramPart.gate(block), Shape.LAYER, centred(x, yGate, boxW, boxH), caption, stage));
        String symbol = kind.isPlainRnn() ? notation.stateSymbol(State.HIDDEN, kind) : notation.symbol(kind, block);
        labels.add(new Label(symbol, x - boxW / 2 - style.px(6), yGate - boxH / 2 - style.px(2), Align.RIGHT, stage));
    }

    private void chip(Type type, State state, double x, double y, int stage) {
        nodes.add(new Node(DiagramPart.of(type), Shape.STATE, centred(x, y, chipW, chipH), notation.stateSymbol(state, kind), stage));
    }

    private void op(String caption, double x, double y, int stage) {
        double w = caption.length() >= 2 ? Typography.width(caption, style.bodyFont()) + style.px(12) : 2 * radius;
        nodes.add(new Node(null, Shape.POINTWISE, centred(x, y, w, 2 * radius), caption, stage));
    }

    /** A wire through the given (x, y) pairs. */
    private void wire(int stage, boolean arrow, double... xy) {
        wires.add(new Wire(path(xy), stage, arrow, false));
    }

    private static Path2D path(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int k = 2; k < xy.length; k += 2) p.lineTo(xy[k], xy[k + 1]);
        return p;
    }

    private double x(double fraction) { return bx0 + fraction * bw; }

    private static Rectangle2D centred(double x, double y, double w, double h) {
        return new Rectangle2D.Double(x - w / 2, y - h / 2, w, h);
    }
}
