package io.gatescope.engine.trace;

import io.gatescope.engine.CellKind;
import java.util.List;

/**
 * One recurrent layer's run over a whole sequence, step by step.
 *
 * @param held per step, which stacked gate entries (G*H) a what-if clamp held at a constant; an empty
 *             row at a step where nothing was held, and an empty array when nothing was held at all
 */
public record LayerTrace(CellKind kind, int inputSize, int hiddenSize, List<StepTrace> steps, boolean[][] held) {
    public LayerTrace {
        steps = List.copyOf(steps);
        held = held.clone();
        for (int t = 0; t < held.length; t++) held[t] = held[t].clone();
    }

    /** A run in which every gate ran free. */
    public LayerTrace(CellKind kind, int inputSize, int hiddenSize, List<StepTrace> steps) {
        this(kind, inputSize, hiddenSize, steps, new boolean[0][]);
    }

    /** The held mask, a copy (read one entry with {@link #isHeld}). */
    @Override
    public boolean[][] held() {
        boolean[][] out = held.clone();
        for (int t = 0; t < out.length; t++) out[t] = out[t].clone();
        return out;
    }

    public int length() { return steps.size(); }

    public StepTrace step(int t) { return steps.get(t); }

    /** Whether a clamp held gate block {@code block} of unit {@code unit} at step {@code t}. */
    public boolean isHeld(int t, int block, int unit) {
        return t < held.length && held[t].length > 0 && held[t][block * hiddenSize + unit];
    }

    /** Whether a clamp held any gate entry at step {@code t}. */
    public boolean anyHeldAt(int t) {
        return t < held.length && held[t].length > 0;
    }

    /** Whether a clamp held any gate anywhere in this layer. */
    public boolean anyHeld() {
        for (boolean[] row : held) if (row.length > 0) return true;
        return false;
    }

    /** h_t for every step, T×H. */
    public double[][] hidden() {
        return steps.stream().map(StepTrace::hCopy).toArray(double[][]::new);
    }

    /** c_t for every step, T×H (LSTM). */
    public double[][] cell() {
        return steps.stream().map(StepTrace::cCopy).toArray(double[][]::new);
    }

    /** Block {@code block} after its nonlinearity for every step, T×H (copies). */
    public double[][] gate(int block) {
        return steps.stream().map(s -> s.gateCopy(block)).toArray(double[][]::new);
    }
}
