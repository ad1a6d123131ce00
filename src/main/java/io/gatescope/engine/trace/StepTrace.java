package io.gatescope.engine.trace;

/**
 * What one layer computed at one time step, for one sequence. All arrays are private copies.
 *
 * @param x             the layer's input x_t (length I)
 * @param hPrev         h_{t-1} (length H)
 * @param cPrev         c_{t-1} (length H; LSTM only, otherwise empty)
 * @param preactivation the stacked gate pre-activations, G*H, in the kind's block order; for GRU the
 *                      n block holds W_in x + b_in + r*(W_hn h + b_hn)
 * @param gates         the stacked gates after their nonlinearity, G*H (for a plain RNN: h_t)
 * @param c             c_t (LSTM only, otherwise empty)
 * @param h             h_t (length H)
 */
public record StepTrace(double[] x, double[] hPrev, double[] cPrev, double[] preactivation,
                        double[] gates, double[] c, double[] h) {

    /** Gate block {@code block} of the post-nonlinearity gates, a copy of length H. */
    public double[] gate(int block) {
        int hidden = h.length;
        double[] out = new double[hidden];
        System.arraycopy(gates, block * hidden, out, 0, hidden);
        return out;
    }

    /** Gate block {@code block} of the pre-activations, a copy of length H. */
    public double[] pre(int block) {
        int hidden = h.length;
        double[] out = new double[hidden];
        System.arraycopy(preactivation, block * hidden, out, 0, hidden);
        return out;
    }
}
