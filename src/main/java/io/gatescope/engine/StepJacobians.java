package io.gatescope.engine;

import static io.gatescope.engine.Activations.reluGrad;
import static io.gatescope.engine.Activations.sigmoidGrad;
import static io.gatescope.engine.Activations.tanhGrad;

/**
 * The step Jacobian ∂h_t/∂h_{t−1} (H×H, row i = ∂h_t[i]/∂h_{t−1}) written out per cell kind from
 * the values a forward pass recorded, with the input and (LSTM) c_{t−1} held fixed, as
 * {@link Spectra#hiddenJacobian} defines it. It costs O(G·H²) per step instead of one backward pass
 * over a batch of H, so a 200-step profile of a 64-unit cell stays interactive. The seeds'
 * single-gate GRU, rarely profiled, goes through {@link Spectra#hiddenJacobian}.
 */
final class StepJacobians {
    private StepJacobians() {
    }

    /** ∂h_t/∂h_{t−1} at step {@code t} of example 0 of {@code r}, row-major H×H into {@code out}; modifies out. */
    static void hidden(LayerRun r, int t, double[] out) {
        RecurrentLayer layer = r.layer;
        CellKind kind = layer.kind();
        int h = layer.hiddenSize();
        double[] w = layer.weightHh().data();
        double[] gates = r.gates[t];
        double[] hPrev = t == 0 ? r.h0 : r.h[t - 1];
        switch (kind) {
            case RNN_TANH, RNN_RELU -> {
                // h_t = act(W_hh h_{t−1} + …): row i is act′ times row i of W_hh.
                for (int i = 0; i < h; i++) {
                    double d = kind == CellKind.RNN_RELU ? reluGrad(gates[i]) : tanhGrad(gates[i]);
                    for (int j = 0; j < h; j++) out[i * h + j] = d * w[i * h + j];
                }
            }
            case LSTM -> lstm(r, t, h, w, gates, out);
            case GRU -> gru(r, t, h, w, gates, hPrev, out);
            case GRU_SIMPLE -> {
                double[][] jac = Spectra.hiddenJacobian(layer, r.trace(0).step(t));
                for (int i = 0; i < h; i++) System.arraycopy(jac[i], 0, out, i * h, h);
            }
        }
    }

    /**
     * c_t = f⊙c_{t−1} + i⊙g, h_t = o⊙tanh(c_t), c_{t−1} fixed:
     * ∂h_t[i]/∂h_{t−1} = tanh(c_t[i])·o′·W_ho[i] + o[i]·tanh′(c_t[i])·(c_{t−1}[i]·f′·W_hf[i] + g[i]·i′·W_hi[i] + i[i]·g′·W_hg[i]).
     */
    private static void lstm(LayerRun r, int t, int h, double[] w, double[] gates, double[] out) {
        CellAnatomy a = r.layer.kind().anatomy();
        int ib = a.blockIndex("i") * h, fb = a.blockIndex("f") * h, gb = a.blockIndex("g") * h, ob = a.blockIndex("o") * h;
        double[] cPrev = t == 0 ? r.c0 : r.c[t - 1], tanhC = r.tanhC[t];
        for (int u = 0; u < h; u++) {
            double in = gates[ib + u], forget = gates[fb + u], cand = gates[gb + u], o = gates[ob + u];
            double dO = tanhC[u] * sigmoidGrad(o);                 // through the output gate
            double dC = o * tanhGrad(tanhC[u]);                    // through c_t
            double dF = dC * cPrev[u] * sigmoidGrad(forget), dI = dC * cand * sigmoidGrad(in), dG = dC * in * tanhGrad(cand);
            for (int j = 0; j < h; j++) {
                out[u * h + j] = dO * w[(ob + u) * h + j] + dF * w[(fb + u) * h + j] + dI * w[(ib + u) * h + j]
                        + dG * w[(gb + u) * h + j];
            }
        }
    }

    /**
     * h_t = (1−z)⊙n + z⊙h_{t−1}, n = tanh(W_in x + b_in + r⊙(W_hn h_{t−1} + b_hn)):
     * ∂h_t[i]/∂h_{t−1} = z[i]·e_i + (1−z[i])·n′·(r[i]·W_hn[i] + (W_hn h + b_hn)[i]·r′·W_hr[i]) + (h_{t−1}[i] − n[i])·z′·W_hz[i].
     */
    private static void gru(LayerRun r, int t, int h, double[] w, double[] gates, double[] hPrev, double[] out) {
        CellAnatomy a = r.layer.kind().anatomy();
        int rb = a.blockIndex("r") * h, zb = a.blockIndex("z") * h, nb = a.blockIndex("n") * h;
        double[] ph = r.ph[t];
        for (int u = 0; u < h; u++) {
            double reset = gates[rb + u], update = gates[zb + u], cand = gates[nb + u];
            double dN = (1 - update) * tanhGrad(cand);             // through the candidate
            double dNr = dN * reset, dR = dN * ph[nb + u] * sigmoidGrad(reset), dZ = (hPrev[u] - cand) * sigmoidGrad(update);
            for (int j = 0; j < h; j++) {
                out[u * h + j] = dNr * w[(nb + u) * h + j] + dR * w[(rb + u) * h + j] + dZ * w[(zb + u) * h + j];
            }
            out[u * h + u] += update;                              // the z⊙h_{t−1} path
        }
    }
}
