package io.gatescope.engine.trace;

import java.util.Arrays;

/**
 * What one layer computed at one time step, for one sequence. Immutable in fact: the constructor
 * copies its arrays and every reader either reads one number by index ({@link #gate(int, int)},
 * {@link #h(int)}) or gets a fresh copy ({@link #hCopy()}, {@link #gateCopy(int)}).
 *
 * <p>Blocks are numbered in the cell kind's stacking order ({@code CellAnatomy}); a plain RNN's one
 * block holds h_t after its nonlinearity. For the GRU the n block's pre-activation is
 * {@code W_in x + b_in + r*(W_hn h + b_hn)}.
 */
public final class StepTrace {
    private final double[] x;
    private final double[] hPrev;
    private final double[] cPrev;
    private final double[] preactivation;
    private final double[] gates;
    private final double[] c;
    private final double[] h;

    /**
     * @param x             the layer's input x_t (length I)
     * @param hPrev         h_{t-1} (length H)
     * @param cPrev         c_{t-1} (length H; LSTM only, otherwise empty)
     * @param preactivation the stacked block pre-activations, G*H
     * @param gates         the stacked blocks after their nonlinearity, G*H
     * @param c             c_t (LSTM only, otherwise empty)
     * @param h             h_t (length H)
     */
    public StepTrace(double[] x, double[] hPrev, double[] cPrev, double[] preactivation, double[] gates,
                     double[] c, double[] h) {
        int hidden = h.length;
        if (hPrev.length != hidden || preactivation.length != gates.length || gates.length % Math.max(1, hidden) != 0
                || c.length != cPrev.length || (c.length != 0 && c.length != hidden)) {
            throw new IllegalArgumentException("inconsistent step: h " + hidden + ", h_prev " + hPrev.length + ", pre "
                    + preactivation.length + ", gates " + gates.length + ", c " + c.length + ", c_prev " + cPrev.length);
        }
        this.x = x.clone();
        this.hPrev = hPrev.clone();
        this.cPrev = cPrev.clone();
        this.preactivation = preactivation.clone();
        this.gates = gates.clone();
        this.c = c.clone();
        this.h = h.clone();
    }

    /** H. */
    public int hiddenSize() { return h.length; }

    /** I: the length of x_t. */
    public int inputSize() { return x.length; }

    /** G: the number of stacked blocks. */
    public int blockCount() { return h.length == 0 ? 0 : gates.length / h.length; }

    /** Whether c_t was recorded (the LSTM). */
    public boolean hasCellState() { return c.length > 0; }

    /** Block {@code block}'s output after its nonlinearity for {@code unit}. */
    public double gate(int block, int unit) { return gates[index(block, unit)]; }

    /** Block {@code block}'s pre-activation for {@code unit}. */
    public double pre(int block, int unit) { return preactivation[index(block, unit)]; }

    /** Block {@code block} after its nonlinearity, a copy of length H. */
    public double[] gateCopy(int block) { return block(gates, block); }

    /** Block {@code block}'s pre-activations, a copy of length H. */
    public double[] preCopy(int block) { return block(preactivation, block); }

    public double x(int i) { return x[i]; }

    public double hPrev(int unit) { return hPrev[unit]; }

    public double cPrev(int unit) { return cPrev[unit]; }

    public double c(int unit) { return c[unit]; }

    public double h(int unit) { return h[unit]; }

    /** Every block's outputs stacked in block order, G·H: a copy. */
    public double[] gatesCopy() { return gates.clone(); }

    /** Every block's pre-activations stacked in block order, G·H: a copy. */
    public double[] preactivationCopy() { return preactivation.clone(); }

    public double[] xCopy() { return x.clone(); }

    public double[] hPrevCopy() { return hPrev.clone(); }

    /** c_{t-1}, a copy (empty without a cell state). */
    public double[] cPrevCopy() { return cPrev.clone(); }

    /** c_t, a copy (empty without a cell state). */
    public double[] cCopy() { return c.clone(); }

    public double[] hCopy() { return h.clone(); }

    private double[] block(double[] stacked, int block) {
        checkBlock(block);
        return Arrays.copyOfRange(stacked, block * h.length, (block + 1) * h.length);
    }

    private int index(int block, int unit) {
        checkBlock(block);
        if (unit < 0 || unit >= h.length) throw new IndexOutOfBoundsException("unit " + unit + " of " + h.length);
        return block * h.length + unit;
    }

    private void checkBlock(int block) {
        if (block < 0 || block >= blockCount()) {
            throw new IndexOutOfBoundsException("block " + block + " of " + blockCount());
        }
    }
}
