package io.gatescope.ui.model;

import io.gatescope.chart.ShownQuantities;
import io.gatescope.chart.Notation;
import io.gatescope.chart.Quantity;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;
import java.util.List;

/** Which vectors the panels show for a cell kind, in the notation's order, and their value ranges over a run. */
public final class Quantities {
    private Quantities() {
    }

    /** The vectors the panels show, in the notation's order: see {@link ShownQuantities#of}. */
    public static List<Quantity> shown(CellKind kind, Notation notation) {
        return ShownQuantities.of(kind, notation);
    }

    /** What the data-driven colour scale of {@code q} in layer {@code layer} spans: see {@link ShownQuantities#extent}. */
    public static double extent(ModelTrace trace, int layer, Quantity q) {
        return ShownQuantities.extent(trace, layer, q);
    }

    /**
     * What a tooltip says about one unit: its name, where it is, the exact value, and its equation
     * with the numbers of this step filled in. Rich text, one fact per line.
     */
    public static String describeUnit(Notation n, TraceCursor at, Quantity q, int unit) {
        return describeUnit(n, at, q, unit, false);
    }

    /**
     * Whether the equations for {@code at} carry the peephole term: the model has peepholes and is
     * the LSTM the cursor's trace was computed by. While a new model loads over an old trace of
     * another kind the two disagree; the trace's kind wins, so no peephole is ever asked of a GRU.
     */
    public static boolean peepholes(LoadedModel model, TraceCursor at) {
        return model != null && at != null && model.peepholes()
                && !at.kind().anatomy().peepholeBlocks().isEmpty() && model.kind() == at.kind();
    }

    /** {@link #describeUnit(Notation, TraceCursor, Quantity, int)} for a peephole LSTM when {@code peepholes}. */
    public static String describeUnit(Notation n, TraceCursor at, Quantity q, int unit, boolean peepholes) {
        StepTrace step = at.step();
        CellKind kind = at.kind();
        double value = q.value(step, unit);
        return n.title(kind, q) + ", unit " + unit + "\n"
                + at.describe(n) + "\n"
                + "value = " + Notation.fullPrecision(value) + "\n"
                + n.unitEquation(kind, peepholes && !kind.anatomy().peepholeBlocks().isEmpty(), q, step, unit);
    }
}
