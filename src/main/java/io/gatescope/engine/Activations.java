package io.gatescope.engine;

/** The nonlinearities, each with its derivative written in terms of the output, as backprop uses it. */
public final class Activations {
    private Activations() {
    }

    public static double sigmoid(double z) {
        // Two branches keep exp() from overflowing for large |z|.
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /**
     * tanh from {@link Math#exp}, which HotSpot intrinsifies identically in the interpreter and in
     * compiled code; {@link Math#tanh} is a native call about three times slower. Near zero, where
     * (1 − t)/(1 + t) would cancel, the Taylor series to x¹⁵ is exact to well under an ulp for |x| &lt; 0.1.
     * Within a few ulps of {@link Math#tanh} everywhere (checked in the tests).
     */
    public static double tanh(double z) {
        double a = Math.abs(z);
        double r;
        if (a < 0.1) {
            double x2 = z * z;
            return z * (1 + x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315 + x2 * (62.0 / 2835
                    + x2 * (-1382.0 / 155925 + x2 * (21844.0 / 6081075 + x2 * (-929569.0 / 638512875))))))));
        } else if (a > 22) {
            r = 1.0;
        } else {
            double t = Math.exp(-2 * a);
            r = (1 - t) / (1 + t);
        }
        return z < 0 ? -r : r;
    }

    /** dσ/dz given y = σ(z). */
    public static double sigmoidGrad(double y) { return y * (1.0 - y); }

    /** d tanh/dz given y = tanh(z). */
    public static double tanhGrad(double y) { return 1.0 - y * y; }

    public static double relu(double z) { return z > 0 ? z : 0.0; }

    /** d relu/dz given y = relu(z); at 0 PyTorch uses 0. */
    public static double reluGrad(double y) { return y > 0 ? 1.0 : 0.0; }
}
