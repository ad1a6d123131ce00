package io.gatescope.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.Notation;
import io.gatescope.chart.Quantity;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.Traces;
import org.junit.jupiter.api.Test;

class QuantitiesTest {
    private static final double[][] X = {{0.5, -1.0}, {0.25, 0.75}};

    private static LoadedModel.Stack stack(CellKind kind, boolean peepholes) {
        return new LoadedModel.Stack(kind.id(), "test", new RecurrentStack("", kind, 2, 3, 1, peepholes));
    }

    private static TraceCursor cursor(LoadedModel.Stack model) {
        return new TraceCursor(Traces.of(model.stack(), X), 1, 0);
    }

    @Test
    void aPeepholeLstmsTooltipEquationReadsThePreviousCell() {
        LoadedModel.Stack peephole = stack(CellKind.LSTM, true);
        TraceCursor at = cursor(peephole);
        assertThat(Quantities.peepholes(peephole, at)).isTrue();
        String text = Quantities.describeUnit(Notation.PYTORCH, at, Quantity.gate(1), 0, Quantities.peepholes(peephole, at));
        assertThat(text).contains("f₀ = σ(W_f[0]·[c_{t−1}, h_{t−1}, x_t] + b_f[0])");
        LoadedModel.Stack plain = stack(CellKind.LSTM, false);
        assertThat(Quantities.describeUnit(Notation.PYTORCH, cursor(plain), Quantity.gate(1), 0,
                Quantities.peepholes(plain, cursor(plain)))).contains("f₀ = σ(W_f[0]·[h_{t−1}, x_t] + b_f[0])");
    }

    @Test
    void aPeepholeLstmLoadingOverAGruTraceAsksNoPeepholeOfTheGru() {
        TraceCursor gruTrace = cursor(stack(CellKind.GRU, false));
        LoadedModel.Stack loading = stack(CellKind.LSTM, true);
        assertThat(Quantities.peepholes(loading, gruTrace)).isFalse();
        String text = Quantities.describeUnit(Notation.PYTORCH, gruTrace, Quantity.gate(0), 0,
                Quantities.peepholes(loading, gruTrace));
        // Name, when (t counts from 1: index 1 of 2 is t = 2), the exact value, and the GRU's own equation.
        assertThat(text.lines().toList()).containsExactly("r — reset gate, unit 0", "t = 2 of 2 · reads x₂",
                "value = " + gruTrace.step().gate(0, 0),
                Notation.PYTORCH.unitEquation(CellKind.GRU, Quantity.gate(0), gruTrace.step(), 0));
        assertThat(text).contains("r₀ = σ(W_r[0]·[h_{t−1}, x_t] + b_r[0])").doesNotContain("c_{t−1}");
    }
}
