package io.gatescope.chart;

import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.StepTrace;
import java.util.List;

/**
 * The one time axis the views scrub over: the encoder's steps, then the decoder's. Every chart
 * that takes {@link ChartStyle#currentStep()} resolves it here, so "step 6" means the same
 * column in the heatmap, the same box in the unrolled view and the same numbers in the diagram.
 *
 * <p>It is also the one place that says a step's time to a user: an axis index (0 ≤ t &lt; length,
 * as arrays count) is shown as t = 1..T within its own sequence ({@link ModelTrace#FIRST_STEP}),
 * in the notation's letter: "t = 3" ("i = 3" in the interview book), "encoder t = 3 of 5".
 * Cell boxes, the diagram's caption, the status line, tooltips, equations and exports all read it.
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

    /** Step {@code t}'s index within its own sequence (encoder or decoder), from 0. */
    public int localIndex(int t) {
        checkStep(t);
        return isDecoder(t) ? t - encoderLength : t;
    }

    /** The length of the sequence (encoder or decoder) step {@code t} belongs to. */
    public int sequenceLength(int t) {
        checkStep(t);
        return isDecoder(t) ? length() - encoderLength : encoderLength;
    }

    /** The time a user reads for step {@code t}: 1..T within its sequence. */
    public int number(int t) {
        return numberOf(localIndex(t));
    }

    /** The time a user reads for index {@code localIndex} of a sequence (a table row, a file's step). */
    public static int numberOf(int localIndex) {
        return ModelTrace.shownStep(localIndex);
    }

    /** "t = 3", "i = 3" (the interview book's letter). */
    public String stepName(int t, Notation notation) {
        return notation.timeLetter() + " = " + number(t);
    }

    /** "encoder", "decoder", or "" for a model without a decoder. */
    public String section(int t) {
        checkStep(t);
        return !trace.hasDecoder() ? "" : isDecoder(t) ? "decoder" : "encoder";
    }

    /**
     * A line for the status bar and tooltips: "Encoder t = 3 of 5 · reads '7'",
     * "Decoder t = 2 of 5 · predicts '1'", "t = 4 of 8 · reads x₄".
     */
    public String describe(int t, Notation notation) {
        return describe(t, notation, ChartStyle.WHOLE_STEP);
    }

    /** {@link #describe}, with "predicts ?" while the step is shown at a sub-step before its prediction exists. */
    public String describe(int t, Notation notation, int subStep) {
        String when = when(t, notation);
        String predicted = predictionPending(t, subStep) ? "?" : "'" + label(t) + "'";
        String what = isDecoder(t) ? " · predicts " + predicted : " · reads " + quoted(label(t));
        // "Encoder t = 3" starts a sentence; a bare "t = 3" keeps the letter as the notation writes it.
        String start = section(t).isEmpty() ? when : Character.toUpperCase(when.charAt(0)) + when.substring(1);
        return start + " of " + sequenceLength(t) + what;
    }

    /**
     * Whether decoder step {@code t}'s prediction is not computed yet when the step is revealed up to
     * {@code subStep}: the softmax reads h, which comes at the cell's last sub-step.
     */
    public boolean predictionPending(int t, int subStep) {
        return isDecoder(t) && subStep < layer(t, 0).kind().anatomy().subStepOf(io.gatescope.engine.CellAnatomy.State.HIDDEN);
    }

    /** {@link #stepName} with its sequence where the model has two: "encoder t = 3", "decoder t = 1", "t = 3". */
    public String when(int t, Notation notation) {
        String section = section(t);
        return (section.isEmpty() ? "" : section + " ") + stepName(t, notation);
    }

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
        return layer(t, layer).step(localIndex(t));
    }

    /** The character a step reads (encoder) or predicts (decoder); "" when the model has no head. */
    public String label(int t) {
        checkStep(t);
        if (!isDecoder(t)) return trace.inputLabels().get(t);
        int d = localIndex(t);
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
        if (d < 0 || d >= trace.outputSteps()) return Double.NaN;
        return trace.bestProbability(d);
    }

    private static String quoted(String label) {
        return label.length() == 1 ? "'" + label + "'" : label;
    }

    private void checkStep(int t) {
        if (t < 0 || t >= length()) {
            throw new IllegalArgumentException("step must be in 0.." + (length() - 1) + ", got " + t);
        }
    }
}
