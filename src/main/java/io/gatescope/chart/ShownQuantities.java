package io.gatescope.chart;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.SequenceTrace;
import io.gatescope.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Which vectors the pictures show for a cell kind, in the notation's order, their value ranges over
 * a run, and in which of the cell diagram's sub-steps each gets its value. The panels and the
 * exports both read it, so a slide shows exactly the strips, heatmaps and equations the window does.
 */
public final class ShownQuantities {
    private ShownQuantities() {
    }

    /**
     * The gates in the notation's display order, then c (LSTM) and h. A plain RNN has no gates: its
     * pre-activation and h are shown instead, so the tanh squashing is visible.
     */
    public static List<Quantity> of(CellKind kind, Notation notation) {
        List<Quantity> out = new ArrayList<>();
        if (kind.isPlainRnn()) {
            out.add(Quantity.preactivation(0));
        } else {
            for (int b : notation.displayOrder(kind)) out.add(Quantity.gate(b));
        }
        if (kind.hasCellState()) out.add(Quantity.cellState());
        out.add(Quantity.hiddenState());
        return out;
    }

    /** The largest |value| of {@code q} in layer {@code layer} over every encoder and decoder step. */
    public static double maxAbs(ModelTrace trace, int layer, Quantity q) {
        double m = 0;
        for (SequenceTrace seq : trace.hasDecoder() ? List.of(trace.encoder(), trace.decoder()) : List.of(trace.encoder())) {
            LayerTrace lt = seq.layers().get(layer);
            if (!q.existsFor(lt.kind())) continue;
            for (StepTrace s : lt.steps()) m = Math.max(m, ColourScales.maxAbs(q.values(s)));
        }
        return m;
    }

    /**
     * The sub-step of the cell diagram in which {@code q} of a {@code kind} cell gets its value
     * (sub-step 0 shows the inputs), so the equations light up what the diagram is showing.
     */
    public static int subStep(CellKind kind, Quantity q) {
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
