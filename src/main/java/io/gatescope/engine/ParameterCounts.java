package io.gatescope.engine;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

/**
 * How many numbers a layer holds, from its sizes alone (no allocation), in PyTorch's layout: the one
 * count the model summary, the file readers' plausibility check and the memory estimates use. Exact:
 * a count that does not fit a long throws {@link ArithmeticException}, never wraps to a negative.
 */
public final class ParameterCounts {
    private ParameterCounts() {
    }

    /**
     * A recurrent stack of {@code layers}: per layer weight_ih (G·H×in, in = {@code input} for layer 0,
     * H above), weight_hh (G·H×H), with {@code biases} bias_ih and bias_hh (G·H each), with
     * {@code peepholes} weight_ch (P·H×H, P the blocks a peephole feeds: i, f, o).
     */
    public static long recurrent(CellKind kind, int input, int hidden, int layers, boolean peepholes, boolean biases) {
        long gh = multiplyExact((long) kind.blocks(), hidden);
        long peepholeBlocks = kind.anatomy().peepholeBlocks().size();
        long total = 0;
        for (int k = 0; k < layers; k++) {
            long in = k == 0 ? input : hidden;
            total = addExact(total, multiplyExact(gh, addExact(in, hidden)));
            if (biases) total = addExact(total, multiplyExact(2, gh));
            if (peepholes) total = addExact(total, multiplyExact((long) peepholeBlocks * hidden, hidden));
        }
        return total;
    }

    /** A dense layer: weight (out×in) and bias (out). */
    public static long dense(int input, int output) {
        return addExact(multiplyExact((long) output, input), output);
    }
}
