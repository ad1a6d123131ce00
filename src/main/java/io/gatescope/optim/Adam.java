package io.gatescope.optim;

import io.gatescope.engine.Parameter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam (Kingma &amp; Ba) as PyTorch writes it: bias-corrected first and second moments,
 * p −= lr·m̂/(√v̂ + ε).
 */
public final class Adam implements Optimizer {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    /** m and v per parameter (Parameter keeps Object's identity equality); two threads may add to it. */
    private final Map<Parameter, double[][]> moments = new ConcurrentHashMap<>();
    private int t;
    /** This step's bias corrections, 1 − β₁ᵗ and 1 − β₂ᵗ. */
    private double c1;
    private double c2;

    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    public Adam(double lr, double beta1, double beta2, double eps) {
        if (!(lr > 0)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public void begin() {
        t++;
        c1 = 1 - Math.pow(beta1, t);
        c2 = 1 - Math.pow(beta2, t);
    }

    @Override
    public void update(Parameter p, double[] g, double scale) {
        double[] w = p.data();
        double[][] mv = moments.computeIfAbsent(p, k -> new double[2][k.size()]);
        double[] m = mv[0], v = mv[1];
        double c1 = this.c1, c2 = this.c2;
        // On the vector units; every lane does the scalar loop's operations in the same order, so the
        // result is bit-identical (sqrt and division are exactly rounded in both). The gradient is scaled
        // as it is read, which gives the same bits as scaling it in memory first.
        int i = 0;
        for (; i + L <= w.length; i += L) {
            DoubleVector gi = DoubleVector.fromArray(S, g, i).mul(scale);
            DoubleVector mi = DoubleVector.fromArray(S, m, i).mul(beta1).add(gi.mul(1 - beta1));
            DoubleVector vi = DoubleVector.fromArray(S, v, i).mul(beta2).add(gi.mul(1 - beta2).mul(gi));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            DoubleVector step = mi.div(c1).mul(lr).div(vi.div(c2).sqrt().add(eps));
            DoubleVector.fromArray(S, w, i).sub(step).intoArray(w, i);
        }
        for (; i < w.length; i++) {
            double gi = g[i] * scale;
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
        p.touch();
    }

    @Override public double learningRate() { return lr; }

    @Override public void setLearningRate(double lr) { this.lr = lr; }
}
