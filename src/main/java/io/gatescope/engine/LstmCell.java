package io.gatescope.engine;

import static io.gatescope.engine.Activations.sigmoidGrad;
import static io.gatescope.engine.Activations.tanhGrad;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The LSTM step, PyTorch's form (blocks i, f, g, o):
 * <pre>
 *   i = σ(W_ii x + b_ii + W_hi h + b_hi)        input gate
 *   f = σ(W_if x + b_if + W_hf h + b_hf)        forget gate
 *   g = tanh(W_ig x + b_ig + W_hg h + b_hg)     candidate
 *   o = σ(W_io x + b_io + W_ho h + b_ho)        output gate
 *   c' = f ⊙ c + i ⊙ g                           next cell state
 *   h' = o ⊙ tanh(c')                           next hidden state
 * </pre>
 * With peepholes, W_c·c_{t-1} is added to the i, f and o pre-activations (the seeds' variant).
 */
final class LstmCell implements CellMath {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

    private final int hidden;
    private final boolean peepholes;
    /** The peephole weights W_c (3H×H for i, f, o), or null without peepholes. */
    private final Parameter weightCh;

    /** @param weightCh the peephole weights (3H×H), or null for PyTorch's LSTM without them */
    LstmCell(int hidden, Parameter weightCh) {
        this.hidden = hidden;
        this.peepholes = weightCh != null;
        this.weightCh = weightCh;
    }

    @Override
    public List<Parameter> ownParameters() {
        return peepholes ? List.of(weightCh) : List.of();
    }

    @Override
    public void forward(LayerRun r, int t, double[] hPrev, double[] cPrev) {
        int H = hidden, batch = r.batch;
        if (peepholes) {
            java.util.Arrays.fill(r.peep, 0, batch * 3 * H, 0.0);
            Kernels.gemm(batch, H, 3 * H, cPrev, weightCh.transposed(), r.peep);
        }
        double[] px = r.px, ph = r.ph[t], pre = r.pre[t], gates = r.gates[t];
        double[] c = r.c[t], tanhC = r.tanhC[t], h = r.h[t], held = r.clampAt(t);
        for (int b = 0; b < batch; b++) {
            int base = b * 4 * H, pb = b * 3 * H, row = b * H;
            Kernels.sum(px, ph, pre, base, 4 * H);
            if (peepholes) {
                for (int j = 0; j < H; j++) {
                    pre[base + j] += r.peep[pb + j];
                    pre[base + H + j] += r.peep[pb + H + j];
                    pre[base + 3 * H + j] += r.peep[pb + 2 * H + j];
                }
            }
            VectorMath.sigmoid(pre, base, gates, base, 2 * H);                  // input and forget gates
            VectorMath.tanh(pre, base + 2 * H, gates, base + 2 * H, H);         // candidate
            VectorMath.sigmoid(pre, base + 3 * H, gates, base + 3 * H, H);      // output gate
            if (held != null) GateClamps.hold(held, gates, base, 0, 4 * H);     // what-if: held gates replace them
            int j = 0;
            for (; j + L <= H; j += L) {   // the same operations as the scalar loop below, L units at once
                DoubleVector in = DoubleVector.fromArray(S, gates, base + j), forget = DoubleVector.fromArray(S, gates, base + H + j);
                DoubleVector cand = DoubleVector.fromArray(S, gates, base + 2 * H + j);
                forget.mul(DoubleVector.fromArray(S, cPrev, row + j)).add(in.mul(cand)).intoArray(c, row + j);
            }
            for (; j < H; j++) {
                // keep part of the old memory, write part of the new
                c[row + j] = gates[base + H + j] * cPrev[row + j] + gates[base + j] * gates[base + 2 * H + j];
            }
            VectorMath.tanh(c, row, tanhC, row, H);
            Kernels.product(gates, base + 3 * H, tanhC, row, h, row, H);     // a gated view of the memory
        }
    }

    @Override
    public void backward(LayerRun r, int t, double[] hPrev, double[] cPrev, Gradients grads) {
        int H = hidden, batch = r.batch;
        double[] gates = r.gates[t], tanhC = r.tanhC[t], dh = r.dh[t], dc = r.dc[t];
        double[] dgates = r.dgates[t], dpx = r.dpx[t], held = r.clampAt(t);
        for (int b = 0; b < batch; b++) {
            int base = b * 4 * H, row = b * H;
            int j = 0;
            for (; j + L <= H; j += L) backwardLanes(r, base + j, row + j, gates, tanhC, dh, dc, dgates, dpx, cPrev);
            for (; j < H; j++) backwardOne(r, base + j, row + j, gates, tanhC, dh, dc, dgates, dpx, cPrev);
        }
        if (held != null) GateClamps.cut(held, dpx, batch);                   // held gates are constants
        if (peepholes) {
            // The peephole pre-activation gradients are those of i, f and o; gather them as B×3H.
            for (int b = 0; b < batch; b++) {
                int base = b * 4 * H, pb = b * 3 * H;
                System.arraycopy(dpx, base, r.dpeep, pb, 2 * H);
                System.arraycopy(dpx, base + 3 * H, r.dpeep, pb + 2 * H, H);
            }
            Kernels.gemmTransA(3 * H, batch, H, r.dpeep, cPrev, grads.of(weightCh)); // dW_c += dpeepᵀ·c_{t-1}
            Kernels.gemm(batch, 3 * H, H, r.dpeep, weightCh.data(), r.dcNext);      // dc_{t-1} += dpeep·W_c
        }
    }

    /**
     * One unit of one example: h = o·tanh(c) and c = f·c_prev + i·g differentiated. {@link #backwardLanes}
     * does the same operations in the same order on L units at once, so both give the same bits.
     */
    private void backwardOne(LayerRun r, int ii, int s, double[] gates, double[] tanhC, double[] dh, double[] dc,
                             double[] dgates, double[] dpx, double[] cPrev) {
        int H = hidden, fi = ii + H, gi = fi + H, oi = gi + H;
        double in = gates[ii], forget = gates[fi], cand = gates[gi], out = gates[oi];
        double dOut = dh[s] * tanhC[s];                                   // h = o·tanh(c)
        double dC = r.dcNext[s] + dh[s] * out * tanhGrad(tanhC[s]);       // from c_{t+1} and from h_t
        dc[s] = dC;
        double dIn = dC * cand, dForget = dC * cPrev[s], dCand = dC * in; // c = f·c_prev + i·g
        r.dcNext[s] = dC * forget;                                        // dL/dc_{t-1} through the forget gate
        dgates[ii] = dIn; dgates[fi] = dForget; dgates[gi] = dCand; dgates[oi] = dOut;
        dpx[ii] = dIn * sigmoidGrad(in);
        dpx[fi] = dForget * sigmoidGrad(forget);
        dpx[gi] = dCand * tanhGrad(cand);
        dpx[oi] = dOut * sigmoidGrad(out);
    }

    /** {@link #backwardOne} on L consecutive units (the scalar loop did not vectorise: 9 % of a training step). */
    private void backwardLanes(LayerRun r, int ii, int s, double[] gates, double[] tanhC, double[] dh, double[] dc,
                               double[] dgates, double[] dpx, double[] cPrev) {
        int H = hidden, fi = ii + H, gi = fi + H, oi = gi + H;
        DoubleVector in = DoubleVector.fromArray(S, gates, ii), forget = DoubleVector.fromArray(S, gates, fi);
        DoubleVector cand = DoubleVector.fromArray(S, gates, gi), out = DoubleVector.fromArray(S, gates, oi);
        DoubleVector d = DoubleVector.fromArray(S, dh, s), tc = DoubleVector.fromArray(S, tanhC, s);
        DoubleVector dOut = d.mul(tc);
        DoubleVector dC = DoubleVector.fromArray(S, r.dcNext, s).add(d.mul(out).mul(ONE.sub(tc.mul(tc))));
        dC.intoArray(dc, s);
        DoubleVector dIn = dC.mul(cand), dForget = dC.mul(DoubleVector.fromArray(S, cPrev, s)), dCand = dC.mul(in);
        dC.mul(forget).intoArray(r.dcNext, s);
        dIn.intoArray(dgates, ii); dForget.intoArray(dgates, fi); dCand.intoArray(dgates, gi); dOut.intoArray(dgates, oi);
        dIn.mul(in.mul(ONE.sub(in))).intoArray(dpx, ii);
        dForget.mul(forget.mul(ONE.sub(forget))).intoArray(dpx, fi);
        dCand.mul(ONE.sub(cand.mul(cand))).intoArray(dpx, gi);
        dOut.mul(out.mul(ONE.sub(out))).intoArray(dpx, oi);
    }
}
