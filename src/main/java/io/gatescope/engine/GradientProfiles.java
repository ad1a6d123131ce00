package io.gatescope.engine;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Measures a {@link GradientProfile}: one forward pass over the input, one backward pass of the loss
 * L = g·h_T (as {@code torch.autograd.backward(h_T, g)}), and from what the backward pass recorded
 * per step (the total ∂L/∂h_k and ∂L/∂c_k) every norm the gradient view draws. For a stack of layers
 * the profile is the top layer's. Nothing here throws on overflow: an ∞ or a NaN is measured as such.
 */
public final class GradientProfiles {
    private GradientProfiles() {
    }

    /**
     * @param stack     the model; only read
     * @param x         the input, T×I
     * @param h0        initial hidden states, one H-vector per layer, or null for zeros
     * @param c0        initial cell states (LSTM), as h0, or null for zeros
     * @param gLast     g, the loss's weights on h_T (H numbers), or null for all ones
     * @param jacobians whether to measure the step Jacobians' largest singular values (one SVD per step)
     */
    public static GradientProfile compute(RecurrentStack stack, double[][] x, double[][] h0, double[][] c0,
                                          double[] gLast, boolean jacobians) {
        int steps = x.length, h = stack.hiddenSize();
        if (steps < 1) throw new IllegalArgumentException("the input needs at least one step");
        if (gLast != null && gLast.length != h) {
            throw new IllegalArgumentException("g needs " + h + " numbers (one per hidden unit), got " + gLast.length);
        }
        double[] g = gLast != null ? gLast.clone() : ones(h);
        List<LayerRun> runs = stack.newRun(1, steps);
        // Distinct row arrays: the layer computes W_ih·x once for a shared array, and each step's x is its own.
        double[][] xs = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        stack.forward(runs, 1, steps, xs, h0, c0);
        double[][] dhTop = new double[steps][];
        dhTop[steps - 1] = g;
        Gradients grads = new Gradients(stack.parameters());
        stack.backward(runs, dhTop, null, grads);

        LayerRun top = runs.get(runs.size() - 1);
        RecurrentLayer layer = top.layer;
        boolean lstm = layer.kind().hasCellState();
        double[][] dh = new double[steps + 1][], dc = new double[lstm ? steps + 1 : 0][];
        dh[0] = Arrays.copyOf(top.initialHiddenGradient(), h);
        for (int k = 1; k <= steps; k++) dh[k] = top.dh[k - 1];       // the engine's step t writes h_{t+1}
        if (lstm) {
            dc[0] = Arrays.copyOf(top.initialCellGradient(), h);
            for (int k = 1; k <= steps; k++) dc[k] = top.dc[k - 1];
        }
        double[] gradH = norms(dh), gradC = norms(dc);
        double[][] units = new double[steps + 1][h];
        for (int k = 0; k <= steps; k++) {
            for (int u = 0; u < h; u++) units[k][u] = Math.abs(dh[k][u]);
        }
        double[] ratio = new double[steps];
        for (int k = 0; k < steps; k++) ratio[k] = gradH[k] / gradH[k + 1];
        double[] jac = jacobians ? jacobianNorms(top) : new double[0];
        double[] cellPath = new double[0], throughH = new double[0], forget = new double[0];
        if (lstm) {
            cellPath = new double[steps + 1];
            throughH = new double[steps + 1];
            forget = new double[steps + 1];
            carousel(top, dc, cellPath, throughH, forget);
        }
        int block = candidateBlock(layer.kind());
        return new GradientProfile(layer.kind(), gradH, gradC, units, ratio, jac, cellPath, throughH, forget,
                grads.norm(), spectralRadius(layer, block), weightNorm(layer, block));
    }

    /** The block's spectral radius, NaN when the weights hold a non-finite number or EJML does not converge. */
    private static double spectralRadius(RecurrentLayer layer, int block) {
        try {
            return Spectra.spectralRadius(layer, block);
        } catch (IllegalStateException e) {
            return Double.NaN;
        }
    }

    private static double weightNorm(RecurrentLayer layer, int block) {
        int h = layer.hiddenSize();
        DMatrixRMaj m = new DMatrixRMaj(h, h);
        System.arraycopy(layer.weightHh().data(), block * h * h, m.data, 0, h * h);
        return largestSingularValue(m, DecompositionFactory_DDRM.svd(h, h, false, false, true));
    }

    /**
     * Splits ∂L/∂c_k into the part that came along the cell state alone from c_T, ∂L/∂c_T ⊙ ∏_{j=k+1..T} f_j
     * (the loss reaches c_T only through h_T, so ∂L/∂c_T is where the carousel starts), and the rest.
     * Writes the two norms and the mean forget-gate product into the arrays.
     */
    private static void carousel(LayerRun top, double[][] dc, double[] cellPath, double[] throughH, double[] forget) {
        int steps = top.steps, h = top.layer.hiddenSize();
        int fb = top.layer.kind().anatomy().blockIndex("f") * h;
        double[] product = ones(h), path = new double[h], rest = new double[h];
        for (int k = steps; k >= 0; k--) {
            if (k < steps) {
                double[] f = top.gates[k];                         // f_{k+1}: the gate of the step that wrote c_{k+1}
                for (int u = 0; u < h; u++) product[u] *= f[fb + u];
            }
            double mean = 0;
            for (int u = 0; u < h; u++) {
                path[u] = dc[steps][u] * product[u];
                rest[u] = dc[k][u] - path[u];
                mean += product[u];
            }
            cellPath[k] = norm(path);
            throughH[k] = norm(rest);
            forget[k] = mean / h;
        }
    }

    /** σ_max(∂h_{k+1}/∂h_k) for k = 0..T−1; NaN where the Jacobian holds a non-finite number or the SVD fails. */
    private static double[] jacobianNorms(LayerRun top) {
        int steps = top.steps, h = top.layer.hiddenSize();
        double[] out = new double[steps];
        DMatrixRMaj m = new DMatrixRMaj(h, h);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(h, h, false, false, true);
        for (int t = 0; t < steps; t++) {
            StepJacobians.hidden(top, t, m.data);
            out[t] = largestSingularValue(m, svd);
        }
        return out;
    }

    private static double largestSingularValue(DMatrixRMaj m, SingularValueDecomposition_F64<DMatrixRMaj> svd) {
        for (double v : m.data) {
            if (!Double.isFinite(v)) return Double.NaN;
        }
        // The decomposition overwrites its input only when asked to; m is refilled every step anyway.
        if (!svd.decompose(m)) return Double.NaN;
        double best = 0;
        for (double s : svd.getSingularValues()) best = Math.max(best, s);
        return best;
    }

    /** The block whose weights play W_hh's role: a plain RNN's only block, the LSTM's g, the GRU's n. */
    static int candidateBlock(CellKind kind) {
        // The one block that is not a σ gate: the candidate, or a plain RNN's whole new state.
        return kind.anatomy().blocks().stream().filter(b -> !b.isGate()).findFirst().orElseThrow().index();
    }

    private static double[] norms(double[][] vs) {
        double[] out = new double[vs.length];
        for (int k = 0; k < vs.length; k++) out[k] = norm(vs[k]);
        return out;
    }

    /**
     * The Euclidean norm, scaled by the largest |entry| first so that a gradient of 10²⁰⁰ is measured
     * (its squares would overflow); NaN if any entry is NaN, ∞ if any is infinite.
     */
    static double norm(double[] v) {
        double max = 0;
        for (double e : v) {
            if (Double.isNaN(e)) return Double.NaN;
            max = Math.max(max, Math.abs(e));
        }
        if (max == 0 || Double.isInfinite(max)) return max;
        double s = 0;
        for (double e : v) {
            double q = e / max;
            s += q * q;
        }
        return max * Math.sqrt(s);
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }
}
