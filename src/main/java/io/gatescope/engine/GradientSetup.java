package io.gatescope.engine;

import java.util.SplittableRandom;

/**
 * The random models and input of the gradient view: what a lecturer sets with its controls. Every
 * cell gets recurrent weight blocks ρ·Q, Q a random orthogonal matrix (Saxe et al. 2014), so the
 * spectral radius and the largest singular value are both ρ and a plain RNN in its linear range
 * scales a gradient by exactly ρ per step; input weights U(−1/√H, 1/√H) as PyTorch draws them; zero
 * biases except the LSTM's forget-gate bias; inputs x_t ~ N(0, 0.1²) with {@link #INPUT_SIZE} features. The same seed gives the
 * same weights and input, bit for bit.
 *
 * @param steps          T, the input's length (1 to {@link #MAX_STEPS})
 * @param hidden         H (1 to {@link #MAX_HIDDEN})
 * @param spectralRadius the recurrent blocks' largest |eigenvalue|, above 0
 * @param relu           the plain RNN's activation: ReLU instead of tanh
 * @param forgetBias     the LSTM's forget-gate bias (in bias_ih)
 * @param seed           weights and input
 */
public record GradientSetup(int steps, int hidden, double spectralRadius, boolean relu, double forgetBias, long seed) {
    public static final int INPUT_SIZE = 4;
    /** The inputs' standard deviation: small, so only the recurrence can drive tanh into saturation. */
    public static final double INPUT_SCALE = 0.1;
    public static final int MAX_STEPS = 5000;
    public static final int MAX_HIDDEN = 512;

    /** T = 200, H = 32, radius 1, tanh, forget bias 0, seed 1. */
    public static final GradientSetup DEFAULT = new GradientSetup(200, 32, 1.0, false, 0.0, 1);

    public GradientSetup {
        if (steps < 1 || steps > MAX_STEPS) throw new IllegalArgumentException("steps must be 1 to " + MAX_STEPS + ", got " + steps);
        if (hidden < 1 || hidden > MAX_HIDDEN) throw new IllegalArgumentException("hidden size must be 1 to " + MAX_HIDDEN + ", got " + hidden);
        if (!(spectralRadius > 0) || !Double.isFinite(spectralRadius)) {
            throw new IllegalArgumentException("spectral radius must be a number above 0, got " + spectralRadius);
        }
        if (!Double.isFinite(forgetBias)) throw new IllegalArgumentException("forget bias must be a number, got " + forgetBias);
    }

    public GradientSetup withSteps(int t) { return new GradientSetup(t, hidden, spectralRadius, relu, forgetBias, seed); }

    public GradientSetup withHidden(int h) { return new GradientSetup(steps, h, spectralRadius, relu, forgetBias, seed); }

    public GradientSetup withSpectralRadius(double r) { return new GradientSetup(steps, hidden, r, relu, forgetBias, seed); }

    public GradientSetup withRelu(boolean on) { return new GradientSetup(steps, hidden, spectralRadius, on, forgetBias, seed); }

    public GradientSetup withForgetBias(double b) { return new GradientSetup(steps, hidden, spectralRadius, relu, b, seed); }

    public GradientSetup withSeed(long s) { return new GradientSetup(steps, hidden, spectralRadius, relu, forgetBias, s); }

    /** The plain RNN of this setup: tanh or ReLU. */
    public CellKind rnnKind() { return relu ? CellKind.RNN_RELU : CellKind.RNN_TANH; }

    /** A one-layer {@code kind} with this setup's random weights (the forget bias only for an LSTM). */
    public RecurrentStack model(CellKind kind) {
        return model(kind, INPUT_SIZE);
    }

    /** As {@link #model(CellKind)} for inputs of {@code inputSize} features (an addition input's 11). */
    public RecurrentStack model(CellKind kind, int inputSize) {
        RecurrentStack stack = new RecurrentStack("", kind, inputSize, hidden, 1, false);
        RecurrentLayer layer = stack.layer(0);
        SplittableRandom rng = new SplittableRandom(seed);
        Initialisers.uniform(layer.weightIh(), 1.0 / Math.sqrt(hidden), rng);
        double[] w = layer.weightHh().data();
        int hh = hidden * hidden;
        Parameter q = new Parameter("Q", hidden, hidden);
        for (int b = 0; b < kind.blocks(); b++) {
            // ρ·Q with Q orthogonal: every eigenvalue has modulus ρ and every singular value is ρ.
            Initialisers.orthogonal(q, rng);
            for (int i = 0; i < hh; i++) w[b * hh + i] = spectralRadius * q.data()[i];
        }
        layer.weightHh().touch();
        if (kind.anatomy().find("f").isPresent()) Initialisers.forgetBias(layer, forgetBias);
        return stack;
    }

    /** The input x_1..x_T, T×{@link #INPUT_SIZE}, from its own stream of the seed (the same for every cell). */
    public double[][] input() {
        SplittableRandom rng = new SplittableRandom(seed).split();
        double[][] x = new double[steps][INPUT_SIZE];
        for (double[] row : x) {
            for (int i = 0; i < INPUT_SIZE; i++) row[i] = INPUT_SCALE * rng.nextGaussian();
        }
        return x;
    }
}
