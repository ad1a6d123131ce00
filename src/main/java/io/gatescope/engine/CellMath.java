package io.gatescope.engine;

import java.util.List;

/**
 * The per-kind arithmetic of one time step, forward and backward side by side. The layer has already
 * computed the input part {@code px = W_ih·x_t + b_ih} and the recurrent part
 * {@code ph = W_hh·h_{t-1} + b_hh}; the cell combines them into gates and new states. A cell that
 * needs more than the layer's four parameters (the LSTM's peepholes) owns them. The cell is shared by
 * every thread that runs the layer, so it keeps no per-call state: everything per call is in the run.
 */
interface CellMath {
    /** Writes r.pre[t], r.gates[t], r.h[t] (and r.c[t], r.tanhC[t] for the LSTM). */
    void forward(LayerRun r, int t, double[] hPrev, double[] cPrev);

    /**
     * Reads the total r.dh[t] and, for the LSTM, r.dcNext = dL/dc_t arriving from step t+1. Writes
     * r.dgates[t], r.dpx[t], r.dph[t] and r.dc[t]; adds the direct path h_{t-1} → h_t into r.dhNext,
     * leaves dL/dc_{t-1} in r.dcNext, and adds the gradients of the cell's own parameters into {@code grads}.
     */
    void backward(LayerRun r, int t, double[] hPrev, double[] cPrev, Gradients grads);

    /** The cell's own parameters beyond the layer's four, in state_dict order (the LSTM's weight_ch). */
    default List<Parameter> ownParameters() { return List.of(); }
}
