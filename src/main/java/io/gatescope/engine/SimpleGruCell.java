package io.gatescope.engine;

import static io.gatescope.engine.Activations.sigmoidGrad;
import static io.gatescope.engine.Activations.tanhGrad;

/**
 * The seeds' simplified GRU (blocks u, g): one update gate decides how much of the candidate replaces
 * the old state, and the hidden state is the cell state.
 * <pre>
 *   u = σ(W_iu x + b_iu + W_hu h + b_hu)        update gate
 *   g = tanh(W_ig x + b_ig + W_hg h + b_hg)     candidate (the seeds' temporary cell state c′)
 *   h' = u ⊙ g + (1 − u) ⊙ h
 * </pre>
 */
final class SimpleGruCell implements CellMath {
    private final int hidden;

    SimpleGruCell(int hidden) {
        this.hidden = hidden;
    }

    @Override
    public void forward(LayerRun r, int t, double[] hPrev, double[] cPrev) {
        int H = hidden;
        double[] px = r.px, ph = r.ph[t], pre = r.pre[t], gates = r.gates[t], h = r.h[t], held = r.clampAt(t);
        for (int b = 0; b < r.batch; b++) {
            int base = b * 2 * H, row = b * H;
            for (int k = base; k < base + 2 * H; k++) pre[k] = px[k] + ph[k];
            VectorMath.sigmoid(pre, base, gates, base, H);                      // update gate
            VectorMath.tanh(pre, base + H, gates, base + H, H);                 // candidate
            if (held != null) GateClamps.hold(held, gates, base, 0, 2 * H);     // what-if: held gates replace them
            for (int j = 0; j < H; j++) {
                double update = gates[base + j];
                h[row + j] = update * gates[base + H + j] + (1.0 - update) * hPrev[row + j];
            }
        }
    }

    @Override
    public void backward(LayerRun r, int t, double[] hPrev, double[] cPrev, Gradients grads) {
        int H = hidden;
        double[] gates = r.gates[t], dh = r.dh[t], dgates = r.dgates[t], dpx = r.dpx[t], held = r.clampAt(t);
        for (int b = 0; b < r.batch; b++) {
            int base = b * 2 * H;
            for (int j = 0; j < H; j++) {
                int ui = base + j, gi = ui + H, s = b * H + j;
                double update = gates[ui], cand = gates[gi];
                double dUpdate = dh[s] * (cand - hPrev[s]);
                double dCand = dh[s] * update;
                r.dhNext[s] += dh[s] * (1.0 - update);          // the (1 − u) ⊙ h path
                dgates[ui] = dUpdate; dgates[gi] = dCand;
                dpx[ui] = dUpdate * sigmoidGrad(update);
                dpx[gi] = dCand * tanhGrad(cand);
            }
        }
        if (held != null) GateClamps.cut(held, dpx, r.batch);           // held gates are constants
    }
}
