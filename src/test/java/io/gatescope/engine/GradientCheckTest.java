package io.gatescope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every cell's backward against central finite differences, in double, for all parameters, inputs
 * and initial states of a two-layer stack, with an upstream gradient on every h_t and on the last c_t.
 */
class GradientCheckTest {
    private static final int I = 3, H = 4, T = 4, B = 2, LAYERS = 2;
    private static final double EPS = 1e-6;

    @ParameterizedTest(name = "{0} peepholes={1}")
    @CsvSource({"RNN_TANH,false", "RNN_RELU,false", "LSTM,false", "LSTM,true", "GRU,false", "GRU_SIMPLE,false"})
    void analyticGradientsMatchFiniteDifferences(CellKind kind, boolean peepholes) {
        SplittableRandom rng = new SplittableRandom(42 + kind.ordinal());
        RecurrentStack stack = new RecurrentStack("", kind, I, H, LAYERS, peepholes);
        for (Parameter p : stack.parameters()) Initialisers.uniform(p, 0.8, rng);
        double[][] xs = random(rng, T, B * I);
        double[][] h0 = random(rng, LAYERS, B * H);
        double[][] c0 = kind.hasCellState() ? random(rng, LAYERS, B * H) : null;
        double[][] dhUp = random(rng, T, B * H);
        double[][] dcLast = kind.hasCellState() ? random(rng, LAYERS, B * H) : null;
        List<LayerRun> runs = stack.newRun(B, T);

        // The scalar loss whose gradient backward computes: L = Σ_t <dhUp_t, h_t> + Σ_k <dcLast_k, c_T^k>.
        DoubleSupplier loss = () -> {
            stack.forward(runs, B, T, xs, h0, c0);
            double l = 0;
            LayerRun top = runs.get(LAYERS - 1);
            for (int t = 0; t < T; t++) l += dot(dhUp[t], top.hidden(t));
            if (dcLast != null) {
                for (int k = 0; k < LAYERS; k++) l += dot(dcLast[k], runs.get(k).cell(T - 1));
            }
            return l;
        };

        loss.getAsDouble();
        Gradients grads = new Gradients(stack.parameters());
        stack.backward(runs, dhUp, dcLast, grads);
        // Copy the analytic results before the finite differences reuse the run.
        List<double[]> dx = new ArrayList<>();
        for (int t = 0; t < T; t++) dx.add(runs.get(0).inputGradient(t).clone());
        List<double[]> dh0 = new ArrayList<>(), dc0 = new ArrayList<>();
        for (int k = 0; k < LAYERS; k++) {
            dh0.add(runs.get(k).initialHiddenGradient().clone());
            if (c0 != null) dc0.add(runs.get(k).initialCellGradient().clone());
        }

        for (Parameter p : stack.parameters()) {
            double[] g = grads.of(p);
            for (int i = 0; i < p.size(); i++) {
                assertClose(g[i], numeric(p.data(), i, loss, p), p.name() + "[" + i + "]");
            }
        }
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < B * I; i++) assertClose(dx.get(t)[i], numeric(xs[t], i, loss, null), "x_" + t + "[" + i + "]");
        }
        for (int k = 0; k < LAYERS; k++) {
            for (int i = 0; i < B * H; i++) {
                assertClose(dh0.get(k)[i], numeric(h0[k], i, loss, null), "h0 layer " + k + "[" + i + "]");
                if (c0 != null) assertClose(dc0.get(k)[i], numeric(c0[k], i, loss, null), "c0 layer " + k + "[" + i + "]");
            }
        }
    }

    /** Central difference of the loss in element i of {@code v}; touches {@code p} so caches refresh. */
    static double numeric(double[] v, int i, DoubleSupplier loss, Parameter p) {
        double old = v[i];
        v[i] = old + EPS;
        if (p != null) p.touch();
        double up = loss.getAsDouble();
        v[i] = old - EPS;
        if (p != null) p.touch();
        double down = loss.getAsDouble();
        v[i] = old;
        if (p != null) p.touch();
        return (up - down) / (2 * EPS);
    }

    static void assertClose(double analytic, double numeric, String what) {
        double scale = Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numeric)));
        assertThat(Math.abs(analytic - numeric) / scale).as("%s: analytic %s vs numeric %s", what, analytic, numeric)
                .isLessThan(1e-6);
    }

    static double[][] random(SplittableRandom rng, int n, int size) {
        double[][] a = new double[n][size];
        for (double[] row : a) for (int i = 0; i < size; i++) row[i] = 2 * rng.nextDouble() - 1;
        return a;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
