package io.gatescope.engine;

import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.engine.trace.SequenceTrace;
import java.util.ArrayList;
import java.util.List;

/** Single-sequence traces for the views: a batch of one through the same code that trains. */
public final class Traces {
    private Traces() {
    }

    /**
     * Runs an encoder–decoder on one input (T_in rows of I numbers) and records everything.
     *
     * @param inputLabels one label per input step (e.g. the characters)
     * @param vocabulary  the output symbols, index-aligned with the head's outputs
     */
    public static ModelTrace of(EncoderDecoder model, double[][] x, List<String> inputLabels, List<String> vocabulary) {
        return of(model, x, inputLabels, vocabulary, GateClamps.NONE);
    }

    /** The same with gates held at constants (see {@link GateClamp}); the trace marks the held entries. */
    public static ModelTrace of(EncoderDecoder model, double[][] x, List<String> inputLabels, List<String> vocabulary,
                                GateClamps clamps) {
        EncoderDecoder.Run run = model.newWorkspace(1);
        run.clamp(clamps);
        model.forward(run, 1, x);
        int steps = model.outputSteps(), v = model.outputSize();
        double[][] probs = new double[steps][];
        List<String> outputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            probs[t] = java.util.Arrays.copyOf(run.probs[t], v);
            int best = 0;
            for (int k = 1; k < v; k++) if (probs[t][k] > probs[t][best]) best = k;
            outputs.add(vocabulary.get(best));
        }
        return new ModelTrace(inputLabels, run.encoderTrace(0), run.decoderTrace(0), probs, outputs, vocabulary);
    }

    /** Runs a bare recurrent stack (e.g. imported PyTorch weights) on one input from zero initial states. */
    public static ModelTrace of(RecurrentStack stack, double[][] x) {
        return of(stack, x, GateClamps.NONE);
    }

    /** The same with gates held at constants (the stack counts as the encoder). */
    public static ModelTrace of(RecurrentStack stack, double[][] x, GateClamps clamps) {
        List<LayerRun> runs = stack.newRun(1, x.length);
        clamps.install(runs, GateClamp.Where.ENCODER);
        stack.forward(runs, 1, x.length, x, null, null);
        SequenceTrace trace = stack.trace(runs, 0);
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < x.length; t++) labels.add("x" + subscript(ModelTrace.shownStep(t)));
        return new ModelTrace(labels, trace, null, new double[0][], List.of(), List.of());
    }

    /** Unicode subscript digits, e.g. 12 → ₁₂. */
    public static String subscript(int n) {
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) sb.append(c == '-' ? '₋' : (char) ('₀' + (c - '0')));
        return sb.toString();
    }
}
