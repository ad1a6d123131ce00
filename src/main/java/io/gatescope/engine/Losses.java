package io.gatescope.engine;

/** Losses with their gradients, written side by side. */
public final class Losses {
    private Losses() {
    }

    /**
     * Softmax cross-entropy over {@code rows} rows of {@code logits} (rows×V) with integer targets.
     * Writes the softmax into {@code probs} and dL/dlogits = (p − onehot)·scale into {@code dlogits}
     * (either may alias {@code logits}'s size, not its array). Returns the summed loss Σ −log p_target.
     */
    public static double softmaxCrossEntropy(int rows, int vocab, double[] logits, int[] targets, double scale,
                                             double[] probs, double[] dlogits) {
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int off = r * vocab;
            softmaxRow(logits, off, vocab, probs);
            int target = targets[r];
            // log p from the logits directly, so a confident wrong answer gives a large finite loss, not inf.
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < vocab; v++) max = Math.max(max, logits[off + v]);
            double sum = 0;
            for (int v = 0; v < vocab; v++) sum += Math.exp(logits[off + v] - max);
            loss -= logits[off + target] - max - Math.log(sum);
            if (dlogits != null) {
                for (int v = 0; v < vocab; v++) {
                    dlogits[off + v] = (probs[off + v] - (v == target ? 1.0 : 0.0)) * scale;
                }
            }
        }
        return loss;
    }

    /** Softmax of one row of {@code logits} starting at {@code off}, written at the same offset of {@code out}. */
    public static void softmaxRow(double[] logits, int off, int n, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < n; v++) max = Math.max(max, logits[off + v]);
        double sum = 0;
        for (int v = 0; v < n; v++) {
            out[off + v] = Math.exp(logits[off + v] - max);
            sum += out[off + v];
        }
        for (int v = 0; v < n; v++) out[off + v] /= sum;
    }

    /**
     * Mean squared error Σ (y − t)² · scale over n numbers; writes dL/dy = 2(y − t)·scale into {@code dy}.
     * Returns the scaled loss.
     */
    public static double meanSquaredError(int n, double[] y, double[] target, double scale, double[] dy) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double d = y[i] - target[i];
            loss += d * d;
            if (dy != null) dy[i] = 2 * d * scale;
        }
        return loss * scale;
    }
}
