package io.gatescope.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One recurrent layer (RNN, LSTM or GRU) with PyTorch's parameters: {@code weight_ih_l{k}} (G·H×I),
 * {@code weight_hh_l{k}} (G·H×H), {@code bias_ih_l{k}} and {@code bias_hh_l{k}} (G·H), gate blocks
 * stacked in the kind's order. An LSTM with peepholes has {@code weight_ch_l{k}} (3H×H) feeding
 * c_{t-1} into the i, f and o gates, as the seeds describe.
 *
 * <p>The forward pass runs a batch over T steps into a {@link LayerRun}; the backward pass takes the
 * upstream gradient on every h_t, as {@code torch.autograd.backward(h, grad)} does, and accumulates
 * parameter gradients. The per-kind arithmetic lives in the cell classes.
 */
public final class RecurrentLayer {
    private final CellKind kind;
    private final int inputSize;
    private final int hiddenSize;
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;
    private final CellMath cell;

    /** A zero-initialised layer named as PyTorch names layer 0 of a bare module. */
    public RecurrentLayer(CellKind kind, int inputSize, int hiddenSize, boolean peepholes) {
        this(kind, inputSize, hiddenSize, peepholes, "", 0);
    }

    /**
     * A zero-initialised layer; parameter names are {@code prefix + "weight_ih_l" + index} and so on,
     * e.g. {@code encoder.weight_ih_l0} inside a larger model.
     */
    public RecurrentLayer(CellKind kind, int inputSize, int hiddenSize, boolean peepholes, String prefix, int index) {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException("layer sizes must be positive, got input " + inputSize
                    + " and hidden " + hiddenSize);
        }
        if (peepholes && kind.anatomy().peepholeBlocks().isEmpty()) {
            throw new IllegalArgumentException("peephole connections exist only for the LSTM, not " + kind.id());
        }
        this.kind = kind;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        int g = kind.blocks() * hiddenSize;
        this.weightIh = new Parameter(prefix + "weight_ih_l" + index, g, inputSize);
        this.weightHh = new Parameter(prefix + "weight_hh_l" + index, g, hiddenSize);
        this.biasIh = Parameter.vector(prefix + "bias_ih_l" + index, g);
        this.biasHh = Parameter.vector(prefix + "bias_hh_l" + index, g);
        int peep = kind.anatomy().peepholeBlocks().size();
        this.cell = switch (kind) {
            case LSTM -> new LstmCell(hiddenSize,
                    peepholes ? new Parameter(prefix + "weight_ch_l" + index, peep * hiddenSize, hiddenSize) : null);
            case GRU -> new GruCell(hiddenSize);
            case GRU_SIMPLE -> new SimpleGruCell(hiddenSize);
            case RNN_TANH, RNN_RELU -> new RnnCell(hiddenSize, kind == CellKind.RNN_RELU);
        };
    }

    public CellKind kind() { return kind; }

    public int inputSize() { return inputSize; }

    public int hiddenSize() { return hiddenSize; }

    public boolean hasPeepholes() { return weightCh() != null; }

    public Parameter weightIh() { return weightIh; }

    public Parameter weightHh() { return weightHh; }

    public Parameter biasIh() { return biasIh; }

    public Parameter biasHh() { return biasHh; }

    /** The peephole weights (3H×H for i, f, o), or null without peepholes. */
    public Parameter weightCh() {
        List<Parameter> own = cell.ownParameters();
        return own.isEmpty() ? null : own.get(0);
    }

    /** All parameters in state_dict order: the layer's four, then the cell's own. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>(List.of(weightIh, weightHh, biasIh, biasHh));
        out.addAll(cell.ownParameters());
        return out;
    }

    /** A workspace for batches of up to {@code maxBatch} sequences of up to {@code maxSteps} steps. */
    public LayerRun newRun(int maxBatch, int maxSteps) {
        return new LayerRun(this, maxBatch, maxSteps);
    }

    /**
     * Runs {@code steps} steps for {@code batch} sequences. {@code xs[t]} is x_t (B×I); when every
     * entry is the same array the input projection is computed once, and the backward pass then leaves
     * only the summed input gradient ({@link LayerRun#sharedInputGradient()}), not one per step: pass
     * distinct arrays when per-step dx is wanted. {@code h0}/{@code c0} (B×H) may be
     * null for zeros. The arrays in {@code xs} must stay unchanged until the backward pass.
     */
    public void forward(LayerRun r, int batch, int steps, double[][] xs, double[] h0, double[] c0) {
        checkRun(r, batch, steps);
        double[] weightIhT = weightIh.transposed(), weightHhT = weightHh.transposed();   // the kernels stream Wᵀ row by row
        r.batch = batch;
        r.steps = steps;
        boolean shared = true;
        for (int t = 0; t < steps; t++) {
            r.x[t] = xs[t];
            shared &= xs[t] == xs[0];
        }
        r.sharedInput = shared && steps > 1;
        int hb = batch * hiddenSize;
        copyOrZero(h0, r.h0, hb);
        if (kind.hasCellState()) copyOrZero(c0, r.c0, hb);
        int g = kind.blocks() * hiddenSize;
        for (int t = 0; t < steps; t++) {
            if (t == 0 || !r.sharedInput) {
                inputProjection(batch, xs[t], weightIhT, r.px, r.sparseInput);
            }
            double[] hPrev = t == 0 ? r.h0 : r.h[t - 1];
            double[] ph = r.ph[t];
            fillRows(batch, g, biasHh.data(), ph);
            Kernels.gemm(batch, hiddenSize, g, hPrev, weightHhT, ph);
            cell.forward(r, t, hPrev, t == 0 ? r.c0 : r.c[t - 1]);
        }
    }

    /**
     * Back-propagates through time. {@code dhUp[t]} is the upstream gradient on h_t (B×H), null for a
     * step without one; {@code dcLast} optionally seeds dL/dc_T (LSTM). Parameter gradients are added
     * into {@code grads}; the input and initial-state gradients are left in the run.
     */
    public void backward(LayerRun r, double[][] dhUp, double[] dcLast, Gradients grads) {
        int batch = r.batch;
        int hb = batch * hiddenSize;
        int g = kind.blocks() * hiddenSize;
        double[] dWih = grads.of(weightIh), dWhh = grads.of(weightHh);
        double[] dbIh = grads.of(biasIh), dbHh = grads.of(biasHh);
        Arrays.fill(r.dhNext, 0, hb, 0.0);
        if (kind.hasCellState()) copyOrZero(dcLast, r.dcNext, hb);
        if (r.sharedInput) Arrays.fill(r.dpxSum, 0, batch * g, 0.0);
        for (int t = r.steps - 1; t >= 0; t--) {
            double[] hPrev = t == 0 ? r.h0 : r.h[t - 1];
            double[] cPrev = t == 0 ? r.c0 : r.c[t - 1];
            // dh_t in total = its own upstream term + what flowed back from step t+1 (and the layer above).
            double[] dh = r.dh[t];
            for (int i = 0; i < hb; i++) dh[i] = r.dhNext[i] + (dhUp != null && dhUp[t] != null ? dhUp[t][i] : 0.0);
            Arrays.fill(r.dhNext, 0, hb, 0.0);
            // The cell turns dh_t (and dc_{t+1}'s flow) into gate gradients and the direct paths to h_{t-1}, c_{t-1}.
            cell.backward(r, t, hPrev, cPrev, grads);
            // Recurrent weights: dW_hh += dph_tᵀ·h_{t-1}, db_hh += Σ_b dph_t, dh_{t-1} += dph_t·W_hh.
            Kernels.gemmTransA(g, batch, hiddenSize, r.dph[t], hPrev, dWhh);
            Kernels.addColumnSums(batch, g, r.dph[t], dbHh);
            Kernels.gemm(batch, g, hiddenSize, r.dph[t], weightHh.data(), r.dhNext);
            if (r.sharedInput) {
                for (int i = 0; i < batch * g; i++) r.dpxSum[i] += r.dpx[t][i];
            } else {
                inputBackward(batch, r.dpx[t], r.x[t], dWih, dbIh, r.wantsInputGradient ? r.dx[t] : null, r.sparseInput);
            }
        }
        if (r.sharedInput) {
            inputBackward(batch, r.dpxSum, r.x[0], dWih, dbIh, r.dxShared, r.sparseInput);
        }
    }

    /** dW_ih += dpxᵀ·x, db_ih += Σ_b dpx, and dx = dpx·W_ih unless {@code dx} is null. */
    private void inputBackward(int batch, double[] dpx, double[] x, double[] dWih, double[] dbIh, double[] dx, boolean sparse) {
        int g = kind.blocks() * hiddenSize;
        if (sparse) Kernels.gemmTransASparseB(g, batch, inputSize, dpx, x, dWih);
        else Kernels.gemmTransA(g, batch, inputSize, dpx, x, dWih);
        Kernels.addColumnSums(batch, g, dpx, dbIh);
        if (dx == null) return;
        Arrays.fill(dx, 0, batch * inputSize, 0.0);
        Kernels.gemm(batch, g, inputSize, dpx, weightIh.data(), dx);
    }

    /** px = b_ih + x·W_ihᵀ for the batch. */
    private void inputProjection(int batch, double[] x, double[] weightIhT, double[] px, boolean sparse) {
        int g = kind.blocks() * hiddenSize;
        fillRows(batch, g, biasIh.data(), px);
        if (sparse) Kernels.gemmSparseA(batch, inputSize, g, x, weightIhT, px);
        else Kernels.gemm(batch, inputSize, g, x, weightIhT, px);
    }

    private void checkRun(LayerRun r, int batch, int steps) {
        if (r.layer != this) throw new IllegalArgumentException("the run belongs to another layer");
        if (batch < 1 || batch > r.maxBatch || steps < 1 || steps > r.maxSteps) {
            throw new IllegalArgumentException("batch " + batch + " and steps " + steps + " must be within 1.."
                    + r.maxBatch + " and 1.." + r.maxSteps);
        }
    }

    static void fillRows(int batch, int width, double[] v, double[] out) {
        for (int b = 0; b < batch; b++) System.arraycopy(v, 0, out, b * width, width);
    }

    private static void copyOrZero(double[] src, double[] dst, int n) {
        if (src == null) {
            Arrays.fill(dst, 0, n, 0.0);
        } else {
            System.arraycopy(src, 0, dst, 0, n);
        }
    }
}
