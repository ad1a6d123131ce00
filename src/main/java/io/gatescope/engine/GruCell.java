package io.gatescope.engine;

import static io.gatescope.engine.Activations.sigmoidGrad;
import static io.gatescope.engine.Activations.tanhGrad;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GRU step in PyTorch's form (blocks r, z, n):
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr)           reset gate
 *   z = σ(W_iz x + b_iz + W_hz h + b_hz)           update gate
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))  candidate: r scales the recurrent product with its bias
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 */
final class GruCell implements CellMath {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

    private final int hidden;

    GruCell(int hidden) {
        this.hidden = hidden;
    }

    @Override
    public void forward(LayerRun r, int t, double[] hPrev, double[] cPrev) {
        int H = hidden;
        double[] px = r.px, ph = r.ph[t], pre = r.pre[t], gates = r.gates[t], h = r.h[t], held = r.clampAt(t);
        for (int b = 0; b < r.batch; b++) {
            int base = b * 3 * H, row = b * H;
            Kernels.sum(px, ph, pre, base, 2 * H);
            VectorMath.sigmoid(pre, base, gates, base, 2 * H);                  // reset and update gates
            if (held != null) GateClamps.hold(held, gates, base, 0, 2 * H);     // what-if: a held r is what n reads
            int j = 0;
            for (; j + L <= H; j += L) {   // the scalar loop's operations, L units at once
                int n = base + 2 * H + j;
                DoubleVector.fromArray(S, px, n).add(DoubleVector.fromArray(S, gates, base + j).mul(DoubleVector.fromArray(S, ph, n)))
                        .intoArray(pre, n);
            }
            for (; j < H; j++) {
                pre[base + 2 * H + j] = px[base + 2 * H + j] + gates[base + j] * ph[base + 2 * H + j];
            }
            VectorMath.tanh(pre, base + 2 * H, gates, base + 2 * H, H);         // candidate
            if (held != null) GateClamps.hold(held, gates, base, 2 * H, 3 * H);
            j = 0;
            for (; j + L <= H; j += L) {
                DoubleVector update = DoubleVector.fromArray(S, gates, base + H + j);
                ONE.sub(update).mul(DoubleVector.fromArray(S, gates, base + 2 * H + j))
                        .add(update.mul(DoubleVector.fromArray(S, hPrev, row + j))).intoArray(h, row + j);
            }
            for (; j < H; j++) {
                double update = gates[base + H + j];
                // z keeps the old state, 1 − z takes the new
                h[row + j] = (1.0 - update) * gates[base + 2 * H + j] + update * hPrev[row + j];
            }
        }
    }

    @Override
    public void backward(LayerRun r, int t, double[] hPrev, double[] cPrev, Gradients grads) {
        int H = hidden;
        double[] gates = r.gates[t], ph = r.ph[t], dh = r.dh[t];
        double[] dgates = r.dgates[t], dpx = r.dpx[t], dph = r.dph[t], held = r.clampAt(t);
        for (int b = 0; b < r.batch; b++) {
            int base = b * 3 * H;
            int j = 0;
            if (held == null) {
                for (; j + L <= H; j += L) backwardLanes(r, base + j, b * H + j, gates, ph, dh, hPrev, dgates, dpx, dph);
            }
            for (; j < H; j++) {
                int ri = base + j, zi = ri + H, ni = zi + H, s = b * H + j;
                double reset = gates[ri], update = gates[zi], cand = gates[ni];
                double dCand = dh[s] * (1.0 - update);
                double dUpdate = dh[s] * (hPrev[s] - cand);
                r.dhNext[s] += dh[s] * update;                  // the z ⊙ h path
                // A held candidate is a constant: nothing reaches its pre-activation, nor r through it.
                double dnPre = held != null && !Double.isNaN(held[2 * H + j]) ? 0.0 : dCand * tanhGrad(cand);
                double dReset = dnPre * ph[ni];                 // r multiplies W_hn h + b_hn
                dgates[ri] = dReset; dgates[zi] = dUpdate; dgates[ni] = dCand;
                dpx[ri] = dReset * sigmoidGrad(reset);
                dpx[zi] = dUpdate * sigmoidGrad(update);
                dpx[ni] = dnPre;
                dph[ri] = dpx[ri];
                dph[zi] = dpx[zi];
                dph[ni] = dnPre * reset;                        // only the recurrent side is gated by r
            }
        }
        if (held != null) {                                     // held gates are constants
            GateClamps.cut(held, dpx, r.batch);
            GateClamps.cut(held, dph, r.batch);
        }
    }

    /**
     * The backward loop's body on L consecutive units with nothing held: the same operations in the same
     * order, so the same bits (the scalar loop did not vectorise).
     */
    private void backwardLanes(LayerRun r, int ri, int s, double[] gates, double[] ph, double[] dh, double[] hPrev,
                               double[] dgates, double[] dpx, double[] dph) {
        int H = hidden, zi = ri + H, ni = zi + H;
        DoubleVector reset = DoubleVector.fromArray(S, gates, ri), update = DoubleVector.fromArray(S, gates, zi);
        DoubleVector cand = DoubleVector.fromArray(S, gates, ni), d = DoubleVector.fromArray(S, dh, s);
        DoubleVector dCand = d.mul(ONE.sub(update));
        DoubleVector dUpdate = d.mul(DoubleVector.fromArray(S, hPrev, s).sub(cand));
        DoubleVector.fromArray(S, r.dhNext, s).add(d.mul(update)).intoArray(r.dhNext, s);
        DoubleVector dnPre = dCand.mul(ONE.sub(cand.mul(cand)));
        DoubleVector dReset = dnPre.mul(DoubleVector.fromArray(S, ph, ni));
        dReset.intoArray(dgates, ri); dUpdate.intoArray(dgates, zi); dCand.intoArray(dgates, ni);
        DoubleVector dr = dReset.mul(reset.mul(ONE.sub(reset))), dz = dUpdate.mul(update.mul(ONE.sub(update)));
        dr.intoArray(dpx, ri); dz.intoArray(dpx, zi); dnPre.intoArray(dpx, ni);
        dr.intoArray(dph, ri); dz.intoArray(dph, zi); dnPre.mul(reset).intoArray(dph, ni);
    }
}
