package io.gatescope.chart;

import io.gatescope.engine.CellAnatomy;
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

    /** This quantity's value for {@code unit} at one step. */
    public double value(StepTrace step, int unit) {
        return switch (type) {
            case GATE -> step.gate(block, unit);
            case PREACTIVATION -> step.pre(block, unit);
            case CELL_STATE -> step.c(unit);
            case HIDDEN_STATE -> step.h(unit);
        };
    }

    /** This quantity's values at one step, length H (a copy). */
    public double[] values(StepTrace step) {
        return switch (type) {
            case GATE -> step.gateCopy(block);
            case PREACTIVATION -> step.preCopy(block);
            case CELL_STATE -> step.cCopy();
            case HIDDEN_STATE -> step.hCopy();
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
            case GATE -> range(kind.anatomy().block(block).activation());
            case PREACTIVATION, CELL_STATE -> Range.UNBOUNDED;
            case HIDDEN_STATE -> range(kind.anatomy().hiddenActivation());
        };
    }

    /** The sub-step of a {@code kind} step in which this quantity gets its value (a block's pre-activation with its gate). */
    public int subStep(CellKind kind) {
        CellAnatomy a = kind.anatomy();
        return switch (type) {
            case GATE, PREACTIVATION -> a.subStepOf(a.block(block));
            case CELL_STATE -> a.subStepOf(CellAnatomy.State.CELL);
            case HIDDEN_STATE -> a.subStepOf(CellAnatomy.State.HIDDEN);
        };
    }

    /** The range a nonlinearity's outputs lie in. */
    static Range range(CellAnatomy.Activation activation) {
        return switch (activation) {
            case SIGMOID -> Range.UNIT_INTERVAL;
            case TANH -> Range.SIGNED_UNIT;
            case RELU -> Range.NON_NEGATIVE;
        };
    }
}
