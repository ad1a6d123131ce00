package io.gatescope.chart;

import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;
import java.util.List;

/**
 * The one time axis the views scrub over: the encoder's steps, then the decoder's. Every chart
 * that takes {@link ChartStyle#currentStep()} resolves it here, so "step 6" means the same
 * column in the heatmap, the same box in the unrolled view and the same numbers in the diagram.
 */
public final class TimeAxis {
    private final ModelTrace trace;
    private final int encoderLength;

    public TimeAxis(ModelTrace trace) {
        this.trace = trace;
        this.encoderLength = trace.encoder().length();
    }

    /** Encoder plus decoder steps. */
    public int length() { return trace.totalSteps(); }

    /** Encoder steps: the divider in the heatmap sits after this many columns. */
    public int encoderLength() { return encoderLength; }

    /** Whether step {@code t} belongs to the decoder. */
    public boolean isDecoder(int t) { return t >= encoderLength; }

    /** Layer {@code layer} of the stack that ran step {@code t}. */
    public LayerTrace layer(int t, int layer) {
        checkStep(t);
        List<LayerTrace> layers = (isDecoder(t) ? trace.decoder() : trace.encoder()).layers();
        if (layer < 0 || layer >= layers.size()) {
            throw new IllegalArgumentException("layer must be in 0.." + (layers.size() - 1) + " at step " + t + ", got " + layer);
        }
        return layers.get(layer);
    }

    /** What layer {@code layer} computed at step {@code t}. */
    public StepTrace step(int t, int layer) {
        return layer(t, layer).step(isDecoder(t) ? t - encoderLength : t);
    }

    /** The character a step reads (encoder) or predicts (decoder); "" when the model has no head. */
    public String label(int t) {
        checkStep(t);
        if (!isDecoder(t)) return trace.inputLabels().get(t);
        int d = t - encoderLength;
        return d < trace.outputLabels().size() ? trace.outputLabels().get(d) : "";
    }

    /** {@link #label} for display: the seeds pad with spaces, shown as ␣ so a column is never blank. */
    public String displayLabel(int t) {
        String label = label(t);
        return label.equals(" ") ? "␣" : label;
    }

    /** The softmax probability of the predicted character at decoder step {@code t}, or NaN without a head. */
    public double probability(int t) {
        checkStep(t);
        int d = t - encoderLength;
        if (d < 0 || d >= trace.probabilities().length) return Double.NaN;
        double best = Double.NaN;
        for (double p : trace.probabilities()[d]) {
            if (Double.isNaN(best) || p > best) best = p;
        }
        return best;
    }

    private void checkStep(int t) {
        if (t < 0 || t >= length()) {
            throw new IllegalArgumentException("step must be in 0.." + (length() - 1) + ", got " + t);
        }
    }
}
