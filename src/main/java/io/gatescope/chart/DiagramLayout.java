package io.gatescope.chart;

import io.gatescope.chart.Typography.Align;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The geometry of one cell diagram at one size: what {@link CellGeometry} computes and
 * {@link CellDiagram} paints. Every element carries the sub-step at which the flow reaches it,
 * which is all the painter needs to dim what is still to come and emphasise what is happening.
 */
record DiagramLayout(Rectangle2D body, List<Node> nodes, List<Wire> wires, List<Label> labels) {

    /** How a node is drawn. */
    enum Shape {
        /** A gate: a σ or tanh layer with weights (colah's yellow boxes). */
        LAYER,
        /** A pointwise operation: ×, +, 1−, tanh (colah's pink circles). */
        POINTWISE,
        /** A state entering or leaving the cell, with its value. */
        STATE
    }

    /**
     * @param part    what the node shows, or null for a pointwise operation
     * @param shape   how it is drawn
     * @param bounds  where
     * @param caption the operation drawn inside: "σ", "tanh", "×", "+", "1−"; for a state its symbol
     * @param stage   the sub-step at which the flow reaches it
     */
    record Node(DiagramPart part, Shape shape, Rectangle2D bounds, String caption, int stage) {
    }

    /** A data-flow line; {@code arrow} puts a head at its end, {@code dashed} marks a peephole. */
    record Wire(Path2D path, int stage, boolean arrow, boolean dashed) {
    }

    /** A rich-text symbol beside an element (the gate names, colah's f_t beside its box). */
    record Label(String text, double x, double y, Align align, int stage) {
    }
}
