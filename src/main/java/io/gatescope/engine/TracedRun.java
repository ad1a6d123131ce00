package io.gatescope.engine;

import io.gatescope.engine.trace.GradientTrace;
import io.gatescope.engine.trace.SequenceTrace;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One sequence run through a recurrent stack as the trace command and the exports record it: the
 * forward pass and, when an upstream gradient was given, the backward pass. The engine computes it;
 * {@code io/TraceFiles} only writes it.
 *
 * @param x         the input, one private row per step
 * @param forward   what every layer computed at every step
 * @param gradients every gradient BPTT produced, when an upstream gradient was given
 */
public record TracedRun(double[][] x, SequenceTrace forward, Optional<GradientTrace> gradients) {
    /**
     * Runs {@code stack} over {@code x} (T×I) from {@code h0}/{@code c0} (one row of H per layer, or
     * null for zeros) and, when {@code gradH} (T×H, the gradient on each top-layer h_t) is not null,
     * back-propagates it as {@code torch.autograd.backward(h, gradH)} would.
     */
    public static TracedRun of(RecurrentStack stack, double[][] x, double[][] h0, double[][] c0, double[][] gradH) {
        return of(stack, x, h0, c0, gradH, GateClamps.NONE);
    }

    /** The same with gates held at constants (a what-if run; the stack counts as the encoder). */
    public static TracedRun of(RecurrentStack stack, double[][] x, double[][] h0, double[][] c0, double[][] gradH,
                                GateClamps clamps) {
        int steps = x.length, hidden = stack.hiddenSize(), layers = stack.numLayers();
        checkRows("x", x, steps, stack.inputSize());
        if (h0 != null) checkRows("h0", h0, layers, hidden);
        if (c0 != null) checkRows("c0", c0, layers, hidden);
        if (gradH != null) checkRows("gradH", gradH, steps, hidden);
        // Private row copies: the engine projects x once when every step is the same array (the decoder's
        // repeated vector) and then reports only the summed input gradient; a trace wants dL/dx_t per step.
        double[][] xs = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        List<LayerRun> runs = stack.newRun(1, steps);
        clamps.install(runs, GateClamp.Where.ENCODER);
        stack.forward(runs, 1, steps, xs, h0, stack.kind().hasCellState() ? c0 : null);
        SequenceTrace forward = stack.trace(runs, 0);
        if (gradH == null) return new TracedRun(xs, forward, Optional.empty());

        Gradients grads = new Gradients(stack.parameters());
        stack.backward(runs, gradH, null, grads);
        double[][] dx = new double[steps][];
        for (int t = 0; t < steps; t++) dx[t] = runs.get(0).inputGradient(t).clone();
        double[][] dh0 = new double[layers][], dc0 = new double[layers][];
        for (int k = 0; k < layers; k++) {
            dh0[k] = runs.get(k).initialHiddenGradient().clone();
            dc0[k] = stack.kind().hasCellState() ? runs.get(k).initialCellGradient().clone() : new double[0];
        }
        GradientTrace g = new GradientTrace(grads.byName(), dx, dh0, dc0, stack.stepGradients(runs, 0));
        return new TracedRun(xs, forward, Optional.of(g));
    }

    private static void checkRows(String name, double[][] m, int rows, int cols) {
        if (m.length != rows) throw new IllegalArgumentException(name + " has " + m.length + " rows, expected " + rows);
        for (double[] row : m) {
            if (row.length != cols) throw new IllegalArgumentException(name + " has a row of " + row.length + ", expected " + cols);
        }
    }
}
