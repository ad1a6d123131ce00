package io.gatescope.engine.trace;

/**
 * The gradients at one layer's nodes at one time step.
 *
 * @param dh    total dL/dh_t: the upstream gradient given for this step plus what flows back from
 *              later steps and from the layer above
 * @param dc    total dL/dc_t (LSTM; otherwise empty)
 * @param dgates dL/d(gate) for each gate after its nonlinearity, stacked G*H
 * @param dpre  dL/d(pre-activation) for each gate block, stacked G*H
 */
public record StepGradient(double[] dh, double[] dc, double[] dgates, double[] dpre) {
}
