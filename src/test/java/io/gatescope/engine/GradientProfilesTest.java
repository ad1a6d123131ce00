package io.gatescope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatescope.io.ArrayFiles;
import io.gatescope.io.Fixtures;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gradient view's numbers against PyTorch autograd (fixtures by make_gradient_fixtures.py, T = 50),
 * exploding cases of 10¹⁵ to 10¹⁰⁰ and an overflow included, to 1e-9 relative.
 */
class GradientProfilesTest {
    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rnn_tanh", "lstm", "gru", "rnn_tanh_exploding", "rnn_tanh_exploding_1e100",
            "rnn_relu_exploding", "rnn_tanh_overflow"})
    void agreesWithPyTorchAutograd(String name) throws Exception {
        Path dir = fixture(name);
        RecurrentStack stack = ((ModelFile.Stack) ModelFiles.load(dir.resolve("model.json"))).stack();
        double[][] x = ArrayFiles.readSteps(dir.resolve("x.json"), "x", -1, stack.inputSize(), "the test");
        double[] g = ArrayFiles.readStates(dir.resolve("g.json"), "g", 1, stack.hiddenSize(), "the test")[0];
        GradientProfile p = GradientProfiles.compute(stack, x, null, null, g, true);
        JsonNode expected = Fixtures.read(dir.resolve("expected.json"));

        assertThat(p.steps()).isEqualTo(50);
        assertNorms(p.gradH(), expected.get("grad_h_norm"), "‖∂L/∂h_k‖");
        assertNorms(p.jacobianNorm(), expected.get("jacobian_norm"), "σ_max(∂h_{k+1}/∂h_k)");
        assertNorms(new double[] {p.parameterGradNorm()}, Fixtures.JSON.createArrayNode().add(expected.get("parameter_grad_norm")), "‖∂L/∂θ‖");
        if (stack.kind().hasCellState()) {
            assertNorms(p.gradC(), expected.get("grad_c_norm"), "‖∂L/∂c_k‖");
            assertNorms(p.cellPath(), expected.get("cell_path"), "cell-state path");
            assertNorms(p.throughH(), expected.get("through_h"), "through h");
            assertNorms(p.forgetProduct(), expected.get("forget_product"), "mean ∏f");
        } else {
            assertThat(p.gradC()).isEmpty();
        }
    }

    @Test
    void explodingCasesReallyExplode() throws Exception {
        JsonNode e = Fixtures.read(fixture("rnn_tanh_exploding_1e100").resolve("expected.json"));
        assertThat(e.get("grad_h_norm").get(0).doubleValue()).isGreaterThan(1e100);
        JsonNode overflow = Fixtures.read(fixture("rnn_tanh_overflow").resolve("expected.json")).get("grad_h_norm");
        assertThat(overflow.get(0).asText()).isIn("Infinity", "NaN");
        assertThat(overflow.get(50).doubleValue()).isFinite();
    }

    /** An overflow is measured as ∞ or NaN at the steps it reaches, and every statistic still answers. */
    @Test
    void overflowIsKeptNotDropped() {
        GradientSetup setup = new GradientSetup(400, 8, 1e3, false, 0, 3);
        GradientProfile p = GradientProfiles.compute(setup.model(CellKind.RNN_RELU), setup.input(), null, null, null, true);
        assertThat(p.gradH()).hasSize(401);
        assertThat(java.util.Arrays.stream(p.gradH()).anyMatch(v -> !Double.isFinite(v))).as("an overflow in %s", p).isTrue();
        assertThat(p.gradH()[400]).isFinite();
        assertThat(p.stepsAbove(1e-3)).isBetween(0, 400);
        assertThat(p.ratio()).hasSize(400);
        assertThat(p.jacobianNorm()).hasSize(400);
    }

    @Test
    void readoutCountsStepsBackAboveTheThreshold() {
        double[] norms = {1e-9, 1e-4, 2e-3, 1e-3, 0.5, 1.0};   // k = 0..5, T = 5
        GradientProfile p = new GradientProfile(CellKind.RNN_TANH, norms, new double[0], new double[6][1], new double[5],
                new double[0], new double[0], new double[0], new double[0], 1, 1, 1);
        assertThat(p.stepsAbove(1e-3)).isEqualTo(3);            // k = 4, 3 (equal counts), 2; stops at k = 1
        assertThat(p.stepsAbove(0.6)).isZero();
        assertThat(p.stepsAbove(1e-12)).isEqualTo(5);
        double[] withNaN = {1, Double.NaN, 1, 1};
        GradientProfile q = new GradientProfile(CellKind.RNN_TANH, withNaN, new double[0], new double[4][1], new double[3],
                new double[0], new double[0], new double[0], new double[0], 1, 1, 1);
        assertThat(q.stepsAbove(1e-3)).isEqualTo(1);
    }

    @Test
    void slopeIsTheLogDecayPerStepBack() {
        double[] norms = new double[11];
        for (int k = 0; k <= 10; k++) norms[k] = Math.pow(0.5, 10 - k);    // halves per step back
        GradientProfile p = new GradientProfile(CellKind.RNN_TANH, norms, new double[0], new double[11][1], new double[10],
                new double[0], new double[0], new double[0], new double[0], 1, 1, 1);
        assertThat(p.slope()).isCloseTo(Math.log10(0.5), within(1e-12));
    }

    /** The analytic step Jacobian is the engine's exact one (a backward pass over H unit seeds). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(CellKind.class)
    void stepJacobianMatchesTheBackwardPass(CellKind kind) {
        SplittableRandom rng = new SplittableRandom(5);
        RecurrentLayer layer = new RecurrentLayer(kind, 3, 6, kind == CellKind.LSTM);
        Initialisers.pytorchDefault(layer, rng);
        int steps = 4;
        double[][] x = GradientCheckTest.random(rng, steps, 3);
        double[] h0 = GradientCheckTest.random(rng, 1, 6)[0];
        double[] c0 = kind.hasCellState() ? GradientCheckTest.random(rng, 1, 6)[0] : null;
        LayerRun run = layer.newRun(1, steps);
        layer.forward(run, 1, steps, x, h0, c0);
        double[] analytic = new double[36];
        for (int t = 0; t < steps; t++) {
            StepJacobians.hidden(run, t, analytic);
            double[][] exact = Spectra.hiddenJacobian(layer, run.trace(0).step(t));
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    assertThat(analytic[i * 6 + j]).as("step %d, ∂h[%d]/∂h_prev[%d]", t, i, j).isCloseTo(exact[i][j], within(1e-13));
                }
            }
        }
    }

    /** And it is the derivative of the step itself: central finite differences on h_{t−1}. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = CellKind.class, names = {"RNN_TANH", "RNN_RELU", "LSTM", "GRU"})
    void stepJacobianMatchesFiniteDifferences(CellKind kind) {
        SplittableRandom rng = new SplittableRandom(8);
        int h = 5;
        RecurrentLayer layer = new RecurrentLayer(kind, 2, h, false);
        Initialisers.pytorchDefault(layer, rng);
        double[][] x = GradientCheckTest.random(rng, 1, 2);
        double[] h0 = GradientCheckTest.random(rng, 1, h)[0];
        double[] c0 = kind.hasCellState() ? GradientCheckTest.random(rng, 1, h)[0] : null;
        LayerRun run = layer.newRun(1, 1);
        layer.forward(run, 1, 1, x, h0, c0);
        double[] jac = new double[h * h];
        StepJacobians.hidden(run, 0, jac);
        LayerRun probe = layer.newRun(1, 1);
        double eps = 1e-6;
        for (int j = 0; j < h; j++) {
            double[] up = h0.clone(), down = h0.clone();
            up[j] += eps;
            down[j] -= eps;
            layer.forward(probe, 1, 1, x, up, c0);
            double[] hUp = probe.hidden(0).clone();
            layer.forward(probe, 1, 1, x, down, c0);
            for (int i = 0; i < h; i++) {
                assertThat(jac[i * h + j]).isCloseTo((hUp[i] - probe.hidden(0)[i]) / (2 * eps), within(1e-8));
            }
        }
    }

    private static void assertNorms(double[] actual, JsonNode expected, String what) {
        assertThat(actual).as(what + " count").hasSize(expected.size());
        for (int k = 0; k < actual.length; k++) {
            JsonNode e = expected.get(k);
            if (e.isTextual()) {
                assertThat(Double.isFinite(actual[k])).as("%s at %d: PyTorch %s, engine %s", what, k, e.asText(), actual[k]).isFalse();
            } else {
                double want = e.doubleValue();
                assertThat(actual[k]).as("%s at %d", what, k).isCloseTo(want, within(TOLERANCE * Math.max(Math.abs(want), 1e-300)));
            }
        }
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(GradientProfilesTest.class.getResource("/fixtures/torch-gradients/" + name + "/model.json").toURI()).getParent();
    }
}
