package io.gatescope.engine;

import java.util.Arrays;

/**
 * How the gradient of one loss L = g·h_T flows back through time in one recurrent cell: what
 * {@link GradientProfiles#compute} measured with the engine's exact BPTT. Steps are numbered as the
 * states they name: k = 0 is the initial state h_0, k = T the last state h_T, on which the loss sits.
 * Arrays indexed by k have T+1 entries; a per-step factor between h_k and h_{k+1} sits at index k
 * (0..T−1). Norms are Euclidean; an overflow is kept as ∞ or NaN, never dropped.
 *
 * @param kind              the cell
 * @param gradH             ‖∂L/∂h_k‖, k = 0..T
 * @param gradC             ‖∂L/∂c_k‖ (LSTM), else empty
 * @param unitGradH         |∂L/∂h_k[u]| per unit, (T+1)×H
 * @param ratio             ‖∂L/∂h_k‖ / ‖∂L/∂h_{k+1}‖, k = 0..T−1: below 1 the gradient shrinks going back
 * @param jacobianNorm      the largest singular value of the step Jacobian ∂h_{k+1}/∂h_k (c_k held fixed),
 *                          k = 0..T−1, or empty when not asked for
 * @param cellPath          LSTM: ‖∂L/∂c_T ⊙ ∏_{j=k+1..T} f_j‖, the part of ∂L/∂c_k that travelled along
 *                          the cell state alone (the constant error carousel); else empty
 * @param throughH          LSTM: ‖∂L/∂c_k − that part‖, everything that reached c_k through some h_j
 *                          (or a peephole) on the way; else empty
 * @param forgetProduct     LSTM: the mean over units of ∏_{j=k+1..T} f_j (1 at k = T); else empty
 * @param parameterGradNorm ‖∂L/∂θ‖ over all the model's parameters, what clipping by norm looks at
 * @param spectralRadius    the largest |eigenvalue| of the recurrent weights' candidate block (W_hh of a
 *                          plain RNN, W_hg of the LSTM, W_hn of the GRU)
 * @param weightNorm        the largest singular value of that block (Pascanu et al. 2013: below 1/γ, with
 *                          γ = 1 for tanh, the gradient of a plain RNN must vanish)
 */
public record GradientProfile(CellKind kind, double[] gradH, double[] gradC, double[][] unitGradH, double[] ratio,
                              double[] jacobianNorm, double[] cellPath, double[] throughH, double[] forgetProduct,
                              double parameterGradNorm, double spectralRadius, double weightNorm) {

    /** The fraction of the last step's gradient below which it counts as gone: 10⁻³. */
    public static final double DEFAULT_THRESHOLD = 1e-3;

    /** T, the number of steps the input had. */
    public int steps() { return gradH.length - 1; }

    /** H. */
    public int hiddenSize() { return unitGradH[0].length; }

    /**
     * How many steps back from T the gradient stays at or above {@code threshold}·‖∂L/∂h_T‖: the
     * largest n such that every k from T−1 down to T−n passes. T when it never drops (it may grow); a
     * NaN stops the count, an ∞ passes it.
     */
    public int stepsAbove(double threshold) {
        double bar = threshold * gradH[steps()];
        int n = 0;
        for (int k = steps() - 1; k >= 0 && gradH[k] >= bar; k--) n++;
        return n;
    }

    /**
     * The slope of log₁₀‖∂L/∂h_k‖ per step back (least squares over the finite, non-zero norms):
     * negative when the gradient shrinks going back in time (vanishing), positive when it grows
     * (exploding). 10^slope is the typical factor per step; NaN when fewer than two norms are usable.
     */
    public double slope() {
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = 0; k <= steps(); k++) {
            double v = gradH[k];
            if (!(v > 0) || !Double.isFinite(v)) continue;
            double back = steps() - k, y = Math.log10(v);
            n++;
            sx += back;
            sy += y;
            sxx += back * back;
            sxy += back * y;
        }
        double den = n * sxx - sx * sx;
        return n < 2 || den == 0 ? Double.NaN : (n * sxy - sx * sy) / den;
    }

    /**
     * The factor clipping by global norm (torch.nn.utils.clip_grad_norm_) multiplies every gradient
     * by when the limit is {@code maxNorm}: 1 below the limit, maxNorm / (‖∂L/∂θ‖ + 10⁻⁶) above it.
     * The profile's shape does not change: clipping tames a step that is too large, it does not bring
     * back a gradient that vanished.
     */
    public double clipFactor(double maxNorm) {
        return Gradients.clipFactor(parameterGradNorm, maxNorm);
    }

    /** Whether the LSTM's two paths were recorded. */
    public boolean hasCellState() { return gradC.length > 0; }

    @Override
    public String toString() {
        return kind.id() + " profile over " + steps() + " steps: ‖∂L/∂h‖ " + Arrays.toString(gradH);
    }
}
