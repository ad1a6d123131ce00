package io.gatescope.engine;

import static io.gatescope.engine.GradientCheckTest.assertClose;
import static io.gatescope.engine.GradientCheckTest.numeric;
import static io.gatescope.engine.GradientCheckTest.random;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole encoder → repeat → decoder → dense model, and the dense baseline, under softmax
 * cross-entropy, against finite differences: the repeated vector's summed gradient and the head are
 * exactly what the training loop uses.
 */
class ModelGradientTest {
    private static final int I = 4, H = 3, V = 5, T_IN = 3, T_OUT = 4, B = 2;

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void encoderDecoderGradientsMatchFiniteDifferences(CellKind kind) {
        SplittableRandom rng = new SplittableRandom(11 + kind.ordinal());
        EncoderDecoder model = new EncoderDecoder(kind, I, H, V, T_IN, T_OUT, 2, false);
        for (Parameter p : model.parameters()) Initialisers.uniform(p, 0.9, rng);
        check(model, rng);
    }

    @org.junit.jupiter.api.Test
    void lstmWithPeepholesInsideTheModel() {
        SplittableRandom rng = new SplittableRandom(5);
        EncoderDecoder model = new EncoderDecoder(CellKind.LSTM, I, H, V, T_IN, T_OUT, 1, true);
        for (Parameter p : model.parameters()) Initialisers.uniform(p, 0.9, rng);
        check(model, rng);
    }

    @org.junit.jupiter.api.Test
    void denseBaselineGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        DenseBaseline model = new DenseBaseline(I, V, T_IN, 6, 7);
        for (Parameter p : model.parameters()) Initialisers.uniform(p, 0.9, rng);
        check(model, rng);
    }

    private static void check(SequenceModel model, SplittableRandom rng) {
        double[][] xs = random(rng, model.inputSteps(), B * I);
        int[][] targets = new int[model.outputSteps()][B];
        for (int[] row : targets) for (int b = 0; b < B; b++) row[b] = rng.nextInt(V);
        SequenceModel.Workspace w = model.newWorkspace(B);
        DoubleSupplier loss = () -> {
            model.forward(w, B, xs);
            double l = 0;
            for (int t = 0; t < model.outputSteps(); t++) {
                l += Losses.softmaxCrossEntropy(B, V, w.logits[t], targets[t], 1.0, w.probs[t], w.dlogits[t]);
            }
            return l;
        };
        loss.getAsDouble();
        Gradients grads = new Gradients(model.parameters());
        model.backward(w, grads);
        for (Parameter p : model.parameters()) {
            double[] g = grads.of(p).clone();
            for (int i = 0; i < p.size(); i++) assertClose(g[i], numeric(p.data(), i, loss, p), p.name() + "[" + i + "]");
        }
    }
}
