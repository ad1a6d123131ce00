package io.gatescope.chart;

import io.gatescope.chart.DiagramLayout.Label;
import io.gatescope.chart.DiagramLayout.Node;
import io.gatescope.chart.DiagramLayout.Shape;
import io.gatescope.chart.DiagramLayout.Wire;
import io.gatescope.chart.DiagramPart.Type;
import io.gatescope.chart.Notation.State;
import io.gatescope.chart.Typography.Align;
import io.gatescope.engine.CellAnatomy;
import io.gatescope.engine.CellAnatomy.Activated;
import io.gatescope.engine.CellAnatomy.Block;
import io.gatescope.engine.CellAnatomy.CellUpdate;
import io.gatescope.engine.CellAnatomy.Interpolation;
import io.gatescope.engine.CellAnatomy.Update;
import io.gatescope.engine.CellKind;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places the elements of a cell the way lectures draw it (colah's "Understanding LSTM Networks"):
 * the long-lived state runs straight across the top, the gates sit in a row above the merged
 * [h_{t−1}, x_t] bus, x_t rises from below, and pointwise × and + nodes sit where the gates act on
 * the state. Positions are fractions of the cell body; boxes are sized by their text, so the
 * drawing stays legible at every presenter font scale.
 *
 * <p>Which element the flow reaches at which sub-step comes from the kind's {@link CellAnatomy};
 * the drawing follows the shape of its state update (a cell state, a GRU's mix, a plain activation).
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
    private final CellAnatomy anatomy;
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
        this.anatomy = kind.anatomy();
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

    /** The layout of a {@code kind} cell in a width × height frame, drawn after the shape of its state update. */
    static DiagramLayout layout(CellKind kind, boolean peepholes, ChartStyle style, double width, double height) {
        CellGeometry g = new CellGeometry(kind, style.notation(), style, width, height);
        Update update = kind.anatomy().update();
        if (update instanceof CellUpdate u) g.lstm(u, peepholes);
        else if (update instanceof Interpolation u) g.gru(u);
        else g.rnn((Activated) update);
        return new DiagramLayout(g.body, List.copyOf(g.nodes), List.copyOf(g.wires), List.copyOf(g.labels));
    }

    private void lstm(CellUpdate u, boolean peepholes) {
        double xf = x(0.12), xi = x(0.32), xg = x(0.50), xo = x(0.68), xt = x(0.86), xIn = x(0.03);
        int forget = stage(u.forget()), write = Math.max(stage(u.input()), stage(u.candidate()));
        int cell = anatomy.subStepOf(CellAnatomy.State.CELL), out = anatomy.subStepOf(CellAnatomy.State.HIDDEN);
        lstmInputs(xIn);
        chip(Type.CELL_STATE, State.CELL, chipRightX, yC, cell);
        chip(Type.HIDDEN_STATE, State.HIDDEN, chipRightX, yGate, out);
        gate(u.input(), xi);
        gate(u.forget(), xf);
        gate(u.candidate(), xg);
        gate(u.output(), xo);
        op("×", xf, yC, forget);
        op("×", xg, yMid, write);
        op("+", xg, yC, cell);
        op("tanh", xt, yMid, out);
        op("×", xt, yGate, out);
        wire(0, true, chipLeftX + chipW / 2, yC, xf - radius, yC);
        wire(forget, true, xf + radius, yC, xg - radius, yC);
        wire(cell, true, xg + radius, yC, chipRightX - chipW / 2, yC);
        bus(xo);
        wire(forget, true, xf, yGate - boxH / 2, xf, yC + radius);
        wire(stage(u.input()), true, xi, yGate - boxH / 2, xi, yMid, xg - radius, yMid);
        wire(stage(u.candidate()), true, xg, yGate - boxH / 2, xg, yMid + radius);
        wire(cell, true, xg, yMid - radius, xg, yC + radius);
        wire(out, true, xt, yC, xt, yMid - radius);
        wire(out, true, xt, yMid + radius, xt, yGate - radius);
        wire(stage(u.output()), true, xo + boxW / 2, yGate, xt - radius, yGate);
        wire(out, true, xt + radius, yGate, chipRightX - chipW / 2, yGate);
        if (peepholes) {
            Map<Block, Double> xs = Map.of(u.input(), xi, u.forget(), xf, u.candidate(), xg, u.output(), xo);
            peepholes(anatomy.peepholeBlocks().stream().sorted((a, b) -> Double.compare(xs.get(a), xs.get(b)))
                    .map(b -> new double[] {xs.get(b), stage(b)}).toList());
        }
    }

    /** The seeds' peephole variant: the gates that read c_{t−1}, each {x, stage}, fed dashed from the state line. */
    private void peepholes(List<double[]> gates) {
        double yP = yC + radius + style.px(8), xStart = x(0.015), offset = boxW * 0.32;
        double xEnd = gates.get(gates.size() - 1)[0] - offset;
        wires.add(new Wire(path(xStart, yC, xStart, yP, xEnd, yP), (int) gates.get(0)[1], false, true));
        for (double[] gate : gates) {
            double x = gate[0] - offset;
            wires.add(new Wire(path(x, yP, x, yGate - boxH / 2), (int) gate[1], true, true));
        }
    }

    /**
     * Both GRUs: the hidden state runs across the top and is kept by one × and topped up by +.
     * PyTorch's GRU keeps z·h_{t−1} and takes (1 − z)·n; the single-gate GRU keeps (1 − u)·h and
     * takes u·g, so the 1− node sits on the other branch. A reset gate, where there is one, sits
     * between them and feeds the candidate.
     */
    private void gru(Interpolation u) {
        Optional<Block> reset = anatomy.reset();
        int updateStage = stage(u.gate()), candidateStage = stage(u.candidate());
        int mixStage = anatomy.subStepOf(CellAnatomy.State.HIDDEN);
        double xu = x(reset.isPresent() ? 0.24 : 0.34), xr = x(0.50), xn = x(reset.isPresent() ? 0.76 : 0.70);
        double xDown = x(0.03), xIn = x(0.10);
        chip(Type.PREVIOUS_HIDDEN, State.PREVIOUS_HIDDEN, chipLeftX, yC, 0);
        chip(Type.INPUT, State.INPUT, xIn, inputChipY, 0);
        chip(Type.HIDDEN_STATE, State.HIDDEN, chipRightX, yC, mixStage);
        gate(u.gate(), xu);
        gate(u.candidate(), xn);
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
        reset.ifPresent(r -> {
            gate(r, xr);
            busDrop(xr, stage(r));
            wire(stage(r), true, xr + boxW / 2, yGate, xn - boxW / 2, yGate);
        });
        if (u.gateKeepsOld()) {
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

    /**
     * A plain RNN as lectures draw it: h_{t−1} from the left and x_t from below meet and enter one
     * large tanh (or ReLU) layer in the middle of the cell; h_t leaves it to the right.
     */
    private void rnn(Activated a) {
        double yRow = body.getCenterY(), xJoin = x(0.30), xLayer = x(0.56);
        double layerW = Math.max(boxW * 1.6, 0.28 * bw), layerH = Math.max(boxH * 1.5, 0.30 * body.getHeight());
        int stage = stage(a.hidden());
        chip(Type.PREVIOUS_HIDDEN, State.PREVIOUS_HIDDEN, chipLeftX, yRow, 0);
        chip(Type.INPUT, State.INPUT, xJoin, inputChipY, 0);
        chip(Type.HIDDEN_STATE, State.HIDDEN, chipRightX, yRow, anatomy.subStepOf(CellAnatomy.State.HIDDEN));
        block(a.hidden(), xLayer, yRow, layerW, layerH);
        wire(0, false, chipLeftX + chipW / 2, yRow, xJoin, yRow);
        wire(0, false, xJoin, inputChipY - chipH / 2, xJoin, yRow);
        wire(0, true, xJoin, yRow, xLayer - layerW / 2, yRow);
        wire(stage, true, xLayer + layerW / 2, yRow, chipRightX - chipW / 2, yRow);
    }

    /** The LSTM's incoming states: c_{t−1} on the state line, h_{t−1} on the bus, x_t below. */
    private void lstmInputs(double xIn) {
        chip(Type.PREVIOUS_CELL, State.PREVIOUS_CELL, chipLeftX, yC, 0);
        chip(Type.PREVIOUS_HIDDEN, State.PREVIOUS_HIDDEN, chipLeftX, yBus, 0);
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

    /** A block in the gate row. */
    private void gate(Block block, double x) {
        block(block, x, yGate, boxW, boxH);
    }

    /** A block's layer box, captioned by its nonlinearity and labelled with its symbol above-left. */
    private void block(Block block, double x, double y, double w, double h) {
        int stage = stage(block);
        nodes.add(new Node(DiagramPart.gate(block.index()), Shape.LAYER, centred(x, y, w, h), block.activation().symbol(), stage));
        String symbol = block.role() == CellAnatomy.Role.HIDDEN ? notation.stateSymbol(State.HIDDEN, kind)
                : notation.symbol(kind, block.index());
        labels.add(new Label(symbol, x - w / 2 - style.px(6), y - h / 2 - style.px(2), Align.RIGHT, stage));
    }

    private int stage(Block block) {
        return anatomy.subStepOf(block);
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
