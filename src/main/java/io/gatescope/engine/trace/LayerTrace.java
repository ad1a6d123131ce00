package io.gatescope.engine.trace;

import io.gatescope.engine.CellKind;
import java.util.List;

/** One recurrent layer's run over a whole sequence, step by step. */
public record LayerTrace(CellKind kind, int inputSize, int hiddenSize, List<StepTrace> steps) {
    public LayerTrace {
        steps = List.copyOf(steps);
    }

    public int length() { return steps.size(); }

    public StepTrace step(int t) { return steps.get(t); }

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
