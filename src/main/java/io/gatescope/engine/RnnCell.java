package io.gatescope.engine;

import static io.gatescope.engine.Activations.relu;
import static io.gatescope.engine.Activations.reluGrad;
import static io.gatescope.engine.Activations.tanhGrad;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** The Elman RNN step: {@code h' = act(W_ih x + b_ih + W_hh h + b_hh)} with act tanh or ReLU. */
final class RnnCell implements CellMath {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

    private final int hidden;
    private final boolean useRelu;

    RnnCell(int hidden, boolean useRelu) {
        this.hidden = hidden;
        this.useRelu = useRelu;
    }

    @Override
    public void forward(LayerRun r, int t, double[] hPrev, double[] cPrev) {
        int n = r.batch * hidden;
        double[] px = r.px, ph = r.ph[t], pre = r.pre[t], gates = r.gates[t], h = r.h[t];
        Kernels.sum(px, ph, pre, 0, n);
        if (useRelu) {
            for (int s = 0; s < n; s++) h[s] = relu(pre[s]);
        } else {
            VectorMath.tanh(pre, 0, h, 0, n);
        }
        System.arraycopy(h, 0, gates, 0, n);
    }

    @Override
    public void backward(LayerRun r, int t, double[] hPrev, double[] cPrev, Gradients grads) {
        int n = r.batch * hidden;
        double[] h = r.h[t], dh = r.dh[t], dgates = r.dgates[t], dpx = r.dpx[t];
        int s = 0;
        if (!useRelu) {   // dpx = dh ⊙ (1 − h²), as the scalar loop computes it, L units at once
            for (; s + L <= n; s += L) {
                DoubleVector y = DoubleVector.fromArray(S, h, s), d = DoubleVector.fromArray(S, dh, s);
                d.intoArray(dgates, s);
                d.mul(ONE.sub(y.mul(y))).intoArray(dpx, s);
            }
        }
        for (; s < n; s++) {
            dgates[s] = dh[s];
            dpx[s] = dh[s] * (useRelu ? reluGrad(h[s]) : tanhGrad(h[s]));
        }
    }
}
