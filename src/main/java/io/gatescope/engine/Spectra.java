package io.gatescope.engine;

import io.gatescope.engine.trace.StepTrace;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Why gradients vanish or explode, in numbers: the spectral radius of a recurrent weight block and the
 * step-to-step Jacobian of the hidden state with its largest singular value. EJML does the
 * decompositions; the Jacobian comes from the engine's own backward pass, so it is exact.
 */
public final class Spectra {
    private Spectra() {
    }

    /** The largest |eigenvalue| of block {@code block} (H×H) of weight_hh: above 1, a linear RNN explodes. */
    public static double spectralRadius(RecurrentLayer layer, int block) {
        int h = layer.hiddenSize();
        double[] w = new double[h * h];
        System.arraycopy(layer.weightHh().data(), block * h * h, w, 0, h * h);
        return spectralRadius(w, h);
    }

    /** The largest |eigenvalue| of the n×n row-major matrix {@code m} (not modified). */
    public static double spectralRadius(double[] m, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(new DMatrixRMaj(n, n, true, m))) throw new IllegalStateException("eigenvalue decomposition did not converge");
        double radius = 0;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            Complex_F64 ev = eig.getEigenvalue(i);
            radius = Math.max(radius, ev.getMagnitude());
        }
        return radius;
    }

    /**
     * The Jacobian ∂h_t/∂h_{t−1} (H×H, row i = ∂h_t[i]/∂h_{t−1}) at a recorded step, with the input and
     * (LSTM) c_{t−1} held fixed. Built as one backward step over a batch of H copies of the step,
     * copy i seeded with the unit vector e_i on h_t.
     */
    public static double[][] hiddenJacobian(RecurrentLayer layer, StepTrace step) {
        int h = layer.hiddenSize(), in = layer.inputSize();
        double[] x = new double[h * in], h0 = new double[h * h], c0 = layer.kind().hasCellState() ? new double[h * h] : null;
        double[] xs = step.xCopy(), hPrev = step.hPrevCopy(), cPrev = step.cPrevCopy();
        for (int b = 0; b < h; b++) {
            System.arraycopy(xs, 0, x, b * in, in);
            System.arraycopy(hPrev, 0, h0, b * h, h);
            if (c0 != null) System.arraycopy(cPrev, 0, c0, b * h, h);
        }
        LayerRun run = layer.newRun(h, 1);
        layer.forward(run, h, 1, new double[][] {x}, h0, c0);
        double[] seed = new double[h * h];
        for (int i = 0; i < h; i++) seed[i * h + i] = 1.0;
        layer.backward(run, new double[][] {seed}, null, new Gradients(layer.parameters()));
        double[] rows = run.initialHiddenGradient();
        double[][] jac = new double[h][h];
        for (int i = 0; i < h; i++) System.arraycopy(rows, i * h, jac[i], 0, h);
        return jac;
    }

    /** The largest singular value of a matrix: how much one step can stretch a gradient at most. */
    public static double largestSingularValue(double[][] m) {
        int rows = m.length, cols = m[0].length;
        DMatrixRMaj a = new DMatrixRMaj(m);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
        if (!svd.decompose(a)) throw new IllegalStateException("singular value decomposition did not converge");
        double best = 0;
        for (double s : svd.getSingularValues()) best = Math.max(best, s);
        return best;
    }
}
