package io.gatescope.ui.model;

import io.gatescope.chart.Quantity;
import io.gatescope.engine.CellKind;

/**
 * In which of the cell diagram's sub-steps each quantity is computed (sub-step 0 shows the inputs),
 * matching the order the diagram reveals them, so the equations panel can light up the equation
 * of what the diagram is showing.
 */
public final class SubSteps {
    private SubSteps() {
    }

    /** The sub-step in which {@code q} of a {@code kind} cell gets its value. */
    public static int of(CellKind kind, Quantity q) {
        return switch (q.type()) {
            case CELL_STATE -> 3;
            case HIDDEN_STATE -> kind == CellKind.GRU_SIMPLE ? 3 : kind.isPlainRnn() ? 1 : 4;
            case GATE, PREACTIVATION -> switch (kind) {
                case LSTM -> new int[] {2, 1, 2, 4}[q.block()];   // f first, then i and g together, o last
                case GRU -> q.block() + 1;                          // r, z, n
                case GRU_SIMPLE -> q.block() + 1;                   // u, g
                case RNN_TANH, RNN_RELU -> 1;
            };
        };
    }
}
