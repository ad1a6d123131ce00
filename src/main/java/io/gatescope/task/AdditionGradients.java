package io.gatescope.task;

import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GradientStudy;
import io.gatescope.engine.RecurrentStack;
import java.util.List;

/**
 * The gradient view's {@code trained} preset: the addition models' encoders on one addition input.
 * The loss sits on the encoder's last state h_T, the vector the decoder receives, so the profile
 * shows how far back into "67+60" the training signal of the answer can reach (T = 5).
 */
public final class AdditionGradients {
    private AdditionGradients() {
    }

    /**
     * T characters of the addition alphabet drawn uniformly from {@code seed}, one-hot: a long input
     * for the trained encoders, which were trained on five.
     */
    public static double[][] randomInput(int steps, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double[][] x = new double[steps][AdditionTask.SYMBOLS];
        for (double[] row : x) row[rng.nextInt(AdditionTask.SYMBOLS)] = 1.0;
        return x;
    }

    /**
     * Each model's encoder on {@code example} read as the models were trained ({@code reversed} or as
     * written), L = g·h_T (g null for ones).
     */
    public static GradientStudy study(List<EncoderDecoder> models, AdditionTask.Example example, boolean reversed, double[] g,
                                      boolean jacobians) {
        List<RecurrentStack> encoders = models.stream().map(EncoderDecoder::encoder).toList();
        return GradientStudy.of(encoders, example.sequence(reversed), g, jacobians);
    }
}
