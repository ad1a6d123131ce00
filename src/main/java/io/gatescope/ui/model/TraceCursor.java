package io.gatescope.ui.model;

import io.gatescope.chart.Notation;
import io.gatescope.chart.TimeAxis;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;

/**
 * One point on the time axis the views share: axis index {@code index} and the layer shown. What
 * the index means (encoder or decoder, the step within its sequence, its label, how it is numbered
 * for a user) is {@link TimeAxis}'s to say; this record only holds the position.
 *
 * @param trace the whole trace
 * @param index 0 ≤ index &lt; trace.totalSteps()
 * @param layer which layer of the stack is shown
 */
public record TraceCursor(ModelTrace trace, int index, int layer) {
    public TraceCursor {
        if (index < 0 || index >= trace.totalSteps()) {
            throw new IllegalArgumentException("step " + index + " is outside 0.." + (trace.totalSteps() - 1));
        }
        int layers = trace.encoder().layers().size();
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException("layer " + layer + " is outside 0.." + (layers - 1));
        }
    }

    /** The trace's time axis. */
    public TimeAxis axis() { return new TimeAxis(trace); }

    /** The step's index within its own sequence, from 0 (as the trace records count). */
    public int localIndex() { return axis().localIndex(index); }

    public LayerTrace layerTrace() { return axis().layer(index, layer); }

    public StepTrace step() { return axis().step(index, layer); }

    public CellKind kind() { return layerTrace().kind(); }

    public int hiddenSize() { return layerTrace().hiddenSize(); }

    /** A short line for the status bar, e.g. "encoder t = 3 of 5 · reads '7'" (see {@link TimeAxis#describe}). */
    public String describe(Notation notation) { return axis().describe(index, notation); }
}
