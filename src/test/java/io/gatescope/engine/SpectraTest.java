package io.gatescope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatescope.engine.trace.StepTrace;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpectraTest {
    @ParameterizedTest
    @EnumSource(CellKind.class)
    void hiddenJacobianMatchesFiniteDifferencesOfTheStep(CellKind kind) {
        int in = 3, h = 5;
        SplittableRandom rng = new SplittableRandom(9);
        RecurrentLayer layer = new RecurrentLayer(kind, in, h, false);
        Initialisers.pytorchDefault(layer, rng);
        double[][] x = {GradientCheckTest.random(rng, 1, in)[0]};
        double[] h0 = GradientCheckTest.random(rng, 1, h)[0];
        double[] c0 = kind.hasCellState() ? GradientCheckTest.random(rng, 1, h)[0] : null;
        LayerRun run = layer.newRun(1, 1);
        layer.forward(run, 1, 1, x, h0, c0);
        StepTrace step = run.trace(0).step(0);
        double[][] jac = Spectra.hiddenJacobian(layer, step);
        double eps = 1e-6;
        for (int j = 0; j < h; j++) {
            double[] up = h0.clone(), down = h0.clone();
            up[j] += eps;
            down[j] -= eps;
            layer.forward(run, 1, 1, x, up, c0);
            double[] hUp = run.hidden(0).clone();
            layer.forward(run, 1, 1, x, down, c0);
            double[] hDown = run.hidden(0);
            for (int i = 0; i < h; i++) {
                assertThat(jac[i][j]).as("d h[%d] / d hPrev[%d]", i, j).isCloseTo((hUp[i] - hDown[i]) / (2 * eps), within(1e-8));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void spectralRadiusAndSingularValueOfKnownMatrices() {
        RecurrentLayer rnn = new RecurrentLayer(CellKind.RNN_TANH, 1, 2, false);
        // [[0, 2], [0.5, 0]] has eigenvalues ±1 and singular values 2 and 0.5.
        rnn.weightHh().set(new double[] {0, 2, 0.5, 0});
        assertThat(Spectra.spectralRadius(rnn, 0)).isCloseTo(1.0, within(1e-12));
        assertThat(Spectra.largestSingularValue(new double[][] {{0, 2}, {0.5, 0}})).isCloseTo(2.0, within(1e-12));
    }
}
