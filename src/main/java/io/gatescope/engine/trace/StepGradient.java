package io.gatescope.engine.trace;

import java.util.Arrays;

/**
 * The gradients at one layer's nodes at one time step. Immutable: arrays are copied in, read by
 * index or as fresh copies.
 */
public final class StepGradient {
    private final double[] dh;
    private final double[] dc;
    private final double[] dgates;
    private final double[] dpre;

    /**
     * @param dh     total dL/dh_t: the upstream gradient given for this step plus what flows back from
     *               later steps and from the layer above
     * @param dc     total dL/dc_t (LSTM; otherwise empty)
     * @param dgates dL/d(block output) for each block after its nonlinearity, stacked G*H
     * @param dpre   dL/d(pre-activation) for each block, stacked G*H
     */
    public StepGradient(double[] dh, double[] dc, double[] dgates, double[] dpre) {
        if (dgates.length != dpre.length || (dh.length > 0 && dgates.length % dh.length != 0)
                || (dc.length != 0 && dc.length != dh.length)) {
            throw new IllegalArgumentException("inconsistent gradient: dh " + dh.length + ", dc " + dc.length
                    + ", dgates " + dgates.length + ", dpre " + dpre.length);
        }
        this.dh = dh.clone();
        this.dc = dc.clone();
        this.dgates = dgates.clone();
        this.dpre = dpre.clone();
    }

    public int hiddenSize() { return dh.length; }

    /** G: the number of stacked blocks. */
    public int blockCount() { return dh.length == 0 ? 0 : dgates.length / dh.length; }

    public double dh(int unit) { return dh[unit]; }

    /** dL/dc_t of {@code unit} (LSTM). */
    public double dc(int unit) { return dc[unit]; }

    /** dL/d(block output) of {@code unit}. */
    public double dgate(int block, int unit) { return dgates[index(block, unit)]; }

    /** dL/d(pre-activation) of {@code unit}. */
    public double dpre(int block, int unit) { return dpre[index(block, unit)]; }

    public double[] dhCopy() { return dh.clone(); }

    /** A copy; empty without a cell state. */
    public double[] dcCopy() { return dc.clone(); }

    /** Every block's dL/d(output) stacked in block order, G·H: a copy. */
    public double[] dgatesCopy() { return dgates.clone(); }

    /** Every block's dL/d(pre-activation) stacked in block order, G·H: a copy. */
    public double[] dpreCopy() { return dpre.clone(); }

    /** Block {@code block}'s dL/d(output), a copy of length H. */
    public double[] dgateCopy(int block) {
        index(block, 0);
        return Arrays.copyOfRange(dgates, block * dh.length, (block + 1) * dh.length);
    }

    /** Block {@code block}'s dL/d(pre-activation), a copy of length H. */
    public double[] dpreCopy(int block) {
        index(block, 0);
        return Arrays.copyOfRange(dpre, block * dh.length, (block + 1) * dh.length);
    }

    private int index(int block, int unit) {
        if (block < 0 || block >= blockCount()) throw new IndexOutOfBoundsException("block " + block + " of " + blockCount());
        if (unit < 0 || unit >= dh.length) throw new IndexOutOfBoundsException("unit " + unit + " of " + dh.length);
        return block * dh.length + unit;
    }
}
