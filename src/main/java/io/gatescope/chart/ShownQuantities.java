package io.gatescope.chart;

import io.gatescope.engine.CellAnatomy;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.SequenceTrace;
import io.gatescope.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Which vectors the pictures show for a cell kind, in the notation's order, and their value ranges
 * over a run. The panels and the exports both read it, so a slide shows exactly the strips,
 * heatmaps and equations the window does.
 */
public final class ShownQuantities {
    private ShownQuantities() {
    }

    /**
     * The blocks in the notation's display order, then c (LSTM) and h. A plain RNN's block is h
     * itself: its pre-activation is shown instead, so the tanh squashing is visible.
     */
    public static List<Quantity> of(CellKind kind, Notation notation) {
        List<Quantity> out = new ArrayList<>();
        for (int b : notation.displayOrder(kind)) {
            boolean isH = kind.anatomy().block(b).role() == CellAnatomy.Role.HIDDEN;
            out.add(isH ? Quantity.preactivation(b) : Quantity.gate(b));
        }
        if (kind.hasCellState()) out.add(Quantity.cellState());
        out.add(Quantity.hiddenState());
        return out;
    }

    /**
     * The {@link ColourScales#extent} of {@code q} in layer {@code layer} over every encoder and
     * decoder step: what its data-driven colour scale spans, the same in the heatmap, the strips and
     * the diagram.
     */
    public static double extent(ModelTrace trace, int layer, Quantity q) {
        List<double[]> rows = new ArrayList<>();
        for (SequenceTrace seq : trace.hasDecoder() ? List.of(trace.encoder(), trace.decoder()) : List.of(trace.encoder())) {
            LayerTrace lt = seq.layers().get(layer);
            if (!q.existsFor(lt.kind())) continue;
            for (StepTrace s : lt.steps()) rows.add(q.values(s));
        }
        return ColourScales.extent(rows.toArray(double[][]::new));
    }
}
