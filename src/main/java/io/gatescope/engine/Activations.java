package io.gatescope.engine;

/** The nonlinearities, each with its derivative written in terms of the output, as backprop uses it. */
public final class Activations {
    private Activations() {
    }

    /** σ(z), bit-identical to the vectorised form the cells use (see {@link VectorMath}). */
    public static double sigmoid(double z) {
        return VectorMath.sigmoid(z);
    }

    /** tanh(z), bit-identical to the vectorised form the cells use (see {@link VectorMath}). */
    public static double tanh(double z) {
        return VectorMath.tanh(z);
    }

    /** dσ/dz given y = σ(z). */
    public static double sigmoidGrad(double y) { return y * (1.0 - y); }

    /** d tanh/dz given y = tanh(z). */
    public static double tanhGrad(double y) { return 1.0 - y * y; }

    public static double relu(double z) { return z > 0 ? z : 0.0; }

    /** d relu/dz given y = relu(z); at 0 PyTorch uses 0. */
    public static double reluGrad(double y) { return y > 0 ? 1.0 : 0.0; }
}
