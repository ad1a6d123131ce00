package io.gatescope.ui.model;

import io.gatescope.chart.StepCaption;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.SequenceTrace;
import io.gatescope.engine.trace.StepTrace;

/**
 * One point on the time axis the views share: step {@code index} counted over the encoder's steps
 * and then the decoder's, resolved to the layer trace and step record it names.
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

    /** Whether the step belongs to the decoder. */
    public boolean inDecoder() { return index >= trace.encoder().length(); }

    /** The step within its own sequence (encoder or decoder), from 0. */
    public int local() { return inDecoder() ? index - trace.encoder().length() : index; }

    public SequenceTrace sequence() { return inDecoder() ? trace.decoder() : trace.encoder(); }

    public LayerTrace layerTrace() { return sequence().layers().get(layer); }

    public StepTrace step() { return layerTrace().step(local()); }

    public CellKind kind() { return layerTrace().kind(); }

    public int hiddenSize() { return layerTrace().hiddenSize(); }

    /** What the step reads (an input character) or, in the decoder, what it predicts. */
    public String symbol() {
        if (!inDecoder()) return trace.inputLabels().get(index);
        int t = local();
        return t < trace.outputLabels().size() ? trace.outputLabels().get(t) : "";
    }

    /** A short line for the status bar, e.g. "Encoder step 3 of 5 · reads '7'" (see {@link StepCaption}). */
    public String describe() {
        return StepCaption.of(trace, index);
    }
}
