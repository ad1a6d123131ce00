package io.gatescope.engine;

import java.util.IdentityHashMap;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient buffers for a set of parameters, one array of the parameter's size each. A backward pass
 * accumulates ({@code +=}) into them; each training thread owns one set so no locking is needed.
 */
public final class Gradients {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private final Map<Parameter, double[]> grads = new IdentityHashMap<>();
    private final Iterable<Parameter> params;

    public Gradients(Iterable<Parameter> params) {
        this.params = params;
        for (Parameter p : params) grads.put(p, new double[p.size()]);
    }

    /** The gradient buffer of {@code p}; modified by backward passes. */
    public double[] of(Parameter p) {
        double[] g = grads.get(p);
        if (g == null) throw new IllegalArgumentException("no gradient buffer for parameter " + p.name());
        return g;
    }

    /** Sets every gradient to zero. */
    public void zero() {
        for (double[] g : grads.values()) java.util.Arrays.fill(g, 0.0);
    }

    /** Adds {@code other}'s gradients (same parameters) into this one. */
    public void add(Gradients other) {
        for (Parameter p : params) add(other, p);
    }

    /**
     * Adds {@code other}'s gradient of {@code p} into this one's and returns the sum of squares of the
     * result, in one pass: {@link #norm} is the square root of these, summed in parameter order.
     */
    public double add(Gradients other, Parameter p) {
        double[] g = of(p), o = other.of(p);
        int n = g.length, i = 0;
        for (; i + L <= n; i += L) DoubleVector.fromArray(S, g, i).add(DoubleVector.fromArray(S, o, i)).intoArray(g, i);
        for (; i < n; i++) g[i] += o[i];
        return Kernels.sumSquares(g, n);
    }

    /** Multiplies every gradient by {@code s}. */
    public void scale(double s) {
        for (double[] g : grads.values()) {
            for (int i = 0; i < g.length; i++) g[i] *= s;
        }
    }

    /** The global L2 norm over all gradients. */
    public double norm() {
        double s = 0;
        for (Parameter p : params) s += Kernels.sumSquares(of(p), p.size());
        return Math.sqrt(s);
    }

    /**
     * What clipping by global norm multiplies every gradient by (torch.nn.utils.clip_grad_norm_):
     * 1 up to {@code maxNorm}, above it maxNorm / (norm + 10⁻⁶).
     */
    public static double clipFactor(double norm, double maxNorm) {
        return norm > maxNorm ? maxNorm / (norm + 1e-6) : 1.0;
    }

    /** Copies keyed by parameter name, in parameter order. */
    public Map<String, double[]> byName() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Parameter p : params) out.put(p.name(), of(p).clone());
        return out;
    }

    public Iterable<Parameter> parameters() { return params; }
}
