package io.gatescope.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The comparison the gradient view draws: the same input and loss through a plain RNN, an LSTM and
 * a GRU, each a {@link GradientProfile}; and the sweep of the spectral radius that shows where the
 * gradient turns from vanishing to exploding.
 *
 * @param profiles one per cell, in the order RNN, LSTM, GRU (or the models given)
 */
public record GradientStudy(List<GradientProfile> profiles) {

    public GradientStudy {
        profiles = List.copyOf(profiles);
    }

    /** The three cells with {@code setup}'s random weights on its random input, g all ones. */
    public static GradientStudy random(GradientSetup setup, boolean jacobians) {
        return random(setup, null, jacobians);
    }

    /** As {@link #random(GradientSetup, boolean)} with the loss's weights g (H numbers, or null for ones). */
    public static GradientStudy random(GradientSetup setup, double[] g, boolean jacobians) {
        List<RecurrentStack> models = List.of(setup.model(setup.rnnKind()), setup.model(CellKind.LSTM), setup.model(CellKind.GRU));
        return of(models, setup.input(), g, jacobians);
    }

    /** Each model on the same input x (T×I) from zero states, L = g·h_T (g null for ones). */
    public static GradientStudy of(List<RecurrentStack> models, double[][] x, double[] g, boolean jacobians) {
        List<GradientProfile> out = new ArrayList<>();
        for (RecurrentStack m : models) out.add(GradientProfiles.compute(m, x, null, null, g, jacobians));
        return new GradientStudy(out);
    }

    /**
     * The typical factor per step back, 10^{@link GradientProfile#slope()}, of each cell as the
     * spectral radius goes from {@code from} to {@code to} in {@code points} even steps, every other
     * setting as in {@code setup}.
     *
     * @param radius  the radii
     * @param factors per cell (RNN, LSTM, GRU), the factor at each radius
     */
    public record Sweep(double[] radius, List<CellKind> kinds, List<double[]> factors) {
        /**
         * Where cell {@code i}'s factor crosses 1 (from below to above), by linear interpolation between
         * the two radii around it; NaN if it never does.
         */
        public double crossing(int i) {
            double[] f = factors.get(i);
            for (int j = 1; j < radius.length; j++) {
                if (f[j - 1] < 1 && f[j] >= 1) {
                    return radius[j - 1] + (1 - f[j - 1]) / (f[j] - f[j - 1]) * (radius[j] - radius[j - 1]);
                }
            }
            return Double.NaN;
        }
    }

    public static Sweep sweep(GradientSetup setup, double from, double to, int points) {
        if (points < 2) throw new IllegalArgumentException("a sweep needs at least 2 points, got " + points);
        double[] radius = new double[points];
        List<CellKind> kinds = List.of(setup.rnnKind(), CellKind.LSTM, CellKind.GRU);
        List<double[]> factors = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) factors.add(new double[points]);
        for (int j = 0; j < points; j++) {
            radius[j] = from + (to - from) * j / (points - 1);
            GradientStudy s = random(setup.withSpectralRadius(radius[j]), false);
            for (int i = 0; i < kinds.size(); i++) factors.get(i)[j] = Math.pow(10, s.profiles().get(i).slope());
        }
        return new Sweep(radius, kinds, factors);
    }
}
