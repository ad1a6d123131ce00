package io.gatescope.optim;

import io.gatescope.engine.Gradients;
import io.gatescope.engine.Parameter;

/** Gradient clipping, the standard remedy for exploding gradients. */
public final class Clipping {
    private Clipping() {
    }

    /**
     * Rescales all gradients together so their global L2 norm is at most {@code maxNorm}
     * (torch.nn.utils.clip_grad_norm_). Returns the norm before clipping.
     */
    public static double byGlobalNorm(Gradients grads, double maxNorm) {
        double norm = grads.norm();
        if (norm > maxNorm) grads.scale(Gradients.clipFactor(norm, maxNorm));
        return norm;
    }

    /** Clamps every gradient element into [−limit, limit] (torch.nn.utils.clip_grad_value_). */
    public static void byValue(Gradients grads, double limit) {
        for (Parameter p : grads.parameters()) {
            double[] g = grads.of(p);
            for (int i = 0; i < g.length; i++) g[i] = Math.max(-limit, Math.min(limit, g[i]));
        }
    }
}
