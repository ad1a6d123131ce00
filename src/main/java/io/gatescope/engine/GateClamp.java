package io.gatescope.engine;

/**
 * One what-if clamp: gate block {@code block} of the cell held at {@code value} after its nonlinearity,
 * over steps {@code firstStep..lastStep} and units {@code firstUnit..lastUnit} (inclusive, counted from 0),
 * in the layers {@code where} names. A held entry is a constant: the forward reads the value instead of the
 * gate, and no gradient reaches the gate's pre-activation; everything else is the normal forward and BPTT.
 * In a stack of several layers the clamp holds the gate in every layer of the stack it names.
 *
 * @param lastStep {@link #END} for "to the last step"
 * @param lastUnit {@link #END} for "to the last unit"
 */
public record GateClamp(Where where, int block, double value, int firstStep, int lastStep, int firstUnit, int lastUnit) {
    /** An open upper end of a step or unit range. */
    public static final int END = Integer.MAX_VALUE;

    /** Which stacks of a model the clamp holds: a bare stack is the encoder. */
    public enum Where {
        BOTH("both"), ENCODER("encoder"), DECODER("decoder");

        private final String id;

        Where(String id) { this.id = id; }

        /** The name used in specs and scene files. */
        public String id() { return id; }

        /** Whether a clamp said for {@code this} holds in the stack {@code stack} (ENCODER or DECODER). */
        public boolean covers(Where stack) { return this == BOTH || this == stack; }

        public static Where fromId(String id) {
            for (Where w : values()) if (w.id.equals(id)) return w;
            throw new IllegalArgumentException("unknown layer '" + id + "', expected encoder, decoder or both");
        }
    }

    public GateClamp {
        if (where == null) throw new IllegalArgumentException("where must be encoder, decoder or both");
        if (block < 0) throw new IllegalArgumentException("block must be >= 0, got " + block);
        if (!Double.isFinite(value)) throw new IllegalArgumentException("the held value must be a finite number, got " + value);
        if (firstStep < 0 || lastStep < firstStep) {
            throw new IllegalArgumentException("steps " + firstStep + "-" + lastStep + " must be 0 <= first <= last");
        }
        if (firstUnit < 0 || lastUnit < firstUnit) {
            throw new IllegalArgumentException("units " + firstUnit + "-" + lastUnit + " must be 0 <= first <= last");
        }
    }

    /** Every step and every unit of one gate. */
    public static GateClamp everywhere(Where where, int block, double value) {
        return new GateClamp(where, block, value, 0, END, 0, END);
    }

    public boolean allSteps() { return firstStep == 0 && lastStep == END; }

    public boolean allUnits() { return firstUnit == 0 && lastUnit == END; }
}
