package io.gatescope.chart;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.StepTrace;

/**
 * Which vector of a {@link StepTrace} a chart shows: one gate block (after or before its
 * nonlinearity), the cell state or the hidden state.
 *
 * <p>It also knows the range the values can take, because that, not the name, decides the colour
 * scale: a sigmoid gate lives in [0,1], a tanh output in [−1,1], the cell state and pre-activations
 * are unbounded.
 *
 * @param type  what is shown
 * @param block the gate block in the kind's stacking order (for {@link Type#GATE} and
 *              {@link Type#PREACTIVATION}; 0 otherwise)
 */
public record Quantity(Type type, int block) {

    /** The four things a step records per unit. */
    public enum Type { GATE, PREACTIVATION, CELL_STATE, HIDDEN_STATE }

    /** The range a quantity's values can take, which picks its colour scale. */
    public enum Range {
        /** (0,1): sigmoid gates. */
        UNIT_INTERVAL,
        /** (−1,1): tanh outputs and the hidden state of tanh cells. */
        SIGNED_UNIT,
        /** [0,∞): ReLU outputs. */
        NON_NEGATIVE,
        /** Anything: cell state, pre-activations. */
        UNBOUNDED
    }

    public Quantity {
        if (block < 0) throw new IllegalArgumentException("block must be >= 0, got " + block);
    }

    public static Quantity gate(int block) { return new Quantity(Type.GATE, block); }

    public static Quantity preactivation(int block) { return new Quantity(Type.PREACTIVATION, block); }

    public static Quantity cellState() { return new Quantity(Type.CELL_STATE, 0); }

    public static Quantity hiddenState() { return new Quantity(Type.HIDDEN_STATE, 0); }

    /** This quantity's values at one step, length H (a copy). */
    public double[] values(StepTrace step) {
        return switch (type) {
            case GATE -> step.gate(block);
            case PREACTIVATION -> step.pre(block);
            case CELL_STATE -> step.c().clone();
            case HIDDEN_STATE -> step.h().clone();
        };
    }

    /** Whether {@code kind} records this quantity at all (a cell state only exists in the LSTM). */
    public boolean existsFor(CellKind kind) {
        return switch (type) {
            case GATE, PREACTIVATION -> block < kind.blocks();
            case CELL_STATE -> kind.hasCellState();
            case HIDDEN_STATE -> true;
        };
    }

    /** The range of this quantity in a cell of {@code kind}. */
    public Range range(CellKind kind) {
        return switch (type) {
            case GATE -> blockRange(kind, block);
            case PREACTIVATION, CELL_STATE -> Range.UNBOUNDED;
            // LSTM: o·tanh(c); GRU: a convex mix of a tanh candidate and the previous h.
            case HIDDEN_STATE -> kind == CellKind.RNN_RELU ? Range.NON_NEGATIVE : Range.SIGNED_UNIT;
        };
    }

    /** The output range of gate block {@code block}: the candidate and a plain RNN's h are tanh (or ReLU). */
    static Range blockRange(CellKind kind, int block) {
        return switch (kind) {
            case RNN_TANH -> Range.SIGNED_UNIT;
            case RNN_RELU -> Range.NON_NEGATIVE;
            case LSTM -> block == 2 ? Range.SIGNED_UNIT : Range.UNIT_INTERVAL;
            case GRU -> block == 2 ? Range.SIGNED_UNIT : Range.UNIT_INTERVAL;
            case GRU_SIMPLE -> block == 1 ? Range.SIGNED_UNIT : Range.UNIT_INTERVAL;
        };
    }

    /** The nonlinearity's name as the equations write it: σ, tanh or relu. */
    static String activationName(CellKind kind, int block) {
        return switch (blockRange(kind, block)) {
            case UNIT_INTERVAL -> "σ";
            case NON_NEGATIVE -> "relu";
            default -> "tanh";
        };
    }
}
