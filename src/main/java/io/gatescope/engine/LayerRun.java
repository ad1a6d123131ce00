package io.gatescope.engine;

import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.StepGradient;
import io.gatescope.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The workspace of one recurrent layer over one batch of sequences: every per-step buffer the
 * forward pass fills and the backward pass reads, allocated once for a maximum batch and length
 * and reused, so the training loop allocates nothing.
 *
 * <p>Matrices are batch-major: row b of {@code h[t]} is example b's h_t. Fields are package-private
 * because the cells write them; other packages read through {@link #trace} and {@link #gradients}.
 */
public final class LayerRun {
    final RecurrentLayer layer;
    final int maxBatch;
    final int maxSteps;
    int batch;
    int steps;
    /** True when every x[t] is the same array (the decoder's repeated vector): W_ih·x is computed once. */
    boolean sharedInput;
    /**
     * Whether the backward pass computes dL/dx_t. Off only for a layer whose input is data nobody
     * differentiates (the encoder of an addition model in training): a product with a width of 11 that
     * cost about 3 % of a training step.
     */
    boolean wantsInputGradient = true;
    /**
     * A hint that the input is mostly zeros (the one-hot question of an addition model's encoder): the
     * input's products then skip the zeros ({@link Kernels#gemmSparseA}), the same bits in a fraction
     * of the time. Any input gives the same result either way.
     */
    boolean sparseInput;

    final double[][] x;          // x_t, B×I (references to the caller's arrays)
    final double[] h0;           // B×H
    final double[] c0;           // B×H (LSTM)
    final double[][] pre;        // pre-activations, B×GH
    final double[][] ph;         // recurrent part W_hh·h_{t-1} + b_hh, B×GH (the GRU's n gate needs it apart)
    final double[][] gates;      // after the nonlinearities, B×GH
    final double[][] c;          // c_t, B×H (LSTM)
    final double[][] tanhC;      // tanh(c_t), B×H (LSTM)
    final double[][] h;          // h_t, B×H
    final double[] px;           // scratch: W_ih·x + b_ih, B×GH
    final double[] peep;         // scratch: peephole products W_ch·c_{t-1}, B×3H (LSTM with peepholes)

    final double[][] dh;         // total dL/dh_t, B×H
    final double[][] dc;         // total dL/dc_t, B×H (LSTM)
    final double[][] dgates;     // dL/d(gate after nonlinearity), B×GH
    final double[][] dpx;        // dL/d(input-side pre-activation), B×GH
    final double[][] dph;        // dL/d(recurrent-side pre-activation), B×GH (same values as dpx except GRU's n)
    final double[][] dx;         // dL/dx_t, B×I
    final double[] dxShared;     // Σ_t dL/dx_t when the input is shared, B×I
    final double[] dpxSum;       // Σ_t dpx_t when the input is shared, B×GH
    final double[] dhNext;       // dL/dh_{t-1} being accumulated, B×H
    final double[] dcNext;       // dL/dc_{t-1} being accumulated, B×H
    final double[] dpeep;        // scratch for peephole gradients, B×3H
    /** Per step, the held gate values (NaN where free; a null step holds nothing), or null: no clamp. */
    double[][] clamp;

    LayerRun(RecurrentLayer layer, int maxBatch, int maxSteps) {
        this.layer = layer;
        this.maxBatch = maxBatch;
        this.maxSteps = maxSteps;
        int hb = maxBatch * layer.hiddenSize();
        int gb = maxBatch * layer.kind().blocks() * layer.hiddenSize();
        int ib = maxBatch * layer.inputSize();
        boolean lstm = layer.kind().hasCellState();
        x = new double[maxSteps][];
        h0 = new double[hb];
        c0 = new double[lstm ? hb : 0];
        pre = alloc(maxSteps, gb);
        ph = alloc(maxSteps, gb);
        gates = alloc(maxSteps, gb);
        c = alloc(maxSteps, lstm ? hb : 0);
        tanhC = alloc(maxSteps, lstm ? hb : 0);
        h = alloc(maxSteps, hb);
        px = new double[gb];
        int pb = layer.hasPeepholes() ? 3 * hb : 0;
        peep = new double[pb];
        dh = alloc(maxSteps, hb);
        dc = alloc(maxSteps, lstm ? hb : 0);
        dgates = alloc(maxSteps, gb);
        dpx = alloc(maxSteps, gb);
        // Only a reset gate makes the recurrent side's gradient differ from the input side's.
        dph = layer.kind().anatomy().reset().isPresent() ? alloc(maxSteps, gb) : dpx;
        dx = alloc(maxSteps, ib);
        dxShared = new double[ib];
        dpxSum = new double[gb];
        dhNext = new double[hb];
        dcNext = new double[lstm ? hb : 0];
        dpeep = new double[pb];
    }

    /** The held values at step t (GH wide, NaN where free), or null when nothing is held then. */
    double[] clampAt(int t) {
        return clamp == null ? null : clamp[t];
    }

    private static double[][] alloc(int steps, int size) {
        double[][] a = new double[steps][];
        for (int t = 0; t < steps; t++) a[t] = new double[size];
        return a;
    }

    public RecurrentLayer layer() { return layer; }

    public int batch() { return batch; }

    public int steps() { return steps; }

    /** h_t for the whole batch, B×H: live buffer, read only, valid until the next forward. */
    public double[] hidden(int t) { return h[t]; }

    /** The stacked blocks after their nonlinearity (held values where a clamp held them), B×GH: live buffer, read only. */
    public double[] gates(int t) { return gates[t]; }

    /** c_t for the whole batch (LSTM): live buffer, read only. */
    public double[] cell(int t) { return c[t]; }

    /** dL/dx_t after a backward without a shared input (zeros for an addition model's encoder): live buffer, read only. */
    public double[] inputGradient(int t) { return dx[t]; }

    /** Σ_t dL/dx_t after a backward with a shared input: live buffer, read only. */
    public double[] sharedInputGradient() { return dxShared; }

    /** dL/dh_0 after a backward: live buffer, read only. */
    public double[] initialHiddenGradient() { return dhNext; }

    /** dL/dc_0 after a backward (LSTM): live buffer, read only. */
    public double[] initialCellGradient() { return dcNext; }

    /** An immutable trace of example {@code b}'s forward pass. */
    public LayerTrace trace(int b) {
        int hs = layer.hiddenSize();
        int gs = layer.kind().blocks() * hs;
        int is = layer.inputSize();
        List<StepTrace> out = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            double[] hPrev = t == 0 ? h0 : h[t - 1];
            double[] cPrev = t == 0 ? c0 : c[t - 1];
            out.add(new StepTrace(row(x[t], b, is), row(hPrev, b, hs), row(cPrev, b, c0.length == 0 ? 0 : hs),
                    row(pre[t], b, gs), row(gates[t], b, gs), row(c[t], b, c[t].length == 0 ? 0 : hs),
                    row(h[t], b, hs)));
        }
        return new LayerTrace(layer.kind(), is, hs, out, heldMask(gs));
    }

    /** Which gate entries a clamp held, per step (see {@link LayerTrace#held}); the same for every example. */
    private boolean[][] heldMask(int width) {
        if (clamp == null) return new boolean[0][];
        boolean[][] out = new boolean[steps][];
        for (int t = 0; t < steps; t++) {
            out[t] = new boolean[clamp[t] == null ? 0 : width];
            for (int k = 0; k < out[t].length; k++) out[t][k] = !Double.isNaN(clamp[t][k]);
        }
        return out;
    }

    /** Example {@code b}'s per-step node gradients after a backward pass. */
    public List<StepGradient> gradients(int b) {
        int hs = layer.hiddenSize();
        int gs = layer.kind().blocks() * hs;
        List<StepGradient> out = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            out.add(new StepGradient(row(dh[t], b, hs), row(dc[t], b, dc[t].length == 0 ? 0 : hs),
                    row(dgates[t], b, gs), row(dpx[t], b, gs)));
        }
        return out;
    }

    static double[] row(double[] m, int b, int width) {
        return Arrays.copyOfRange(m, b * width, b * width + width);
    }
}
