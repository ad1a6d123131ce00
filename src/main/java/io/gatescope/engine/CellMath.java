package io.gatescope.engine;

/**
 * The per-kind arithmetic of one time step, forward and backward side by side. The layer has already
 * computed the input part {@code px = W_ih·x_t + b_ih} and the recurrent part
 * {@code ph = W_hh·h_{t-1} + b_hh}; the cell combines them into gates and new states.
 */
interface CellMath {
    /** Writes r.pre[t], r.gates[t], r.h[t] (and r.c[t], r.tanhC[t] for the LSTM). */
    void forward(LayerRun r, int t, double[] hPrev, double[] cPrev, double[] weightChT);

    /**
     * Reads the total r.dh[t] and, for the LSTM, r.dcNext = dL/dc_t arriving from step t+1. Writes
     * r.dgates[t], r.dpx[t], r.dph[t] and r.dc[t]; adds the direct path h_{t-1} → h_t into r.dhNext and
     * leaves dL/dc_{t-1} in r.dcNext.
     */
    void backward(LayerRun r, int t, double[] hPrev, double[] cPrev, double[] weightCh, double[] dWeightCh);
}
