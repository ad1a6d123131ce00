package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatescope.chart.Notation.State;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.StepTrace;
import org.junit.jupiter.api.Test;

class NotationTest {
    private final StepTrace lstm = Fixtures.lstmUnit3();
    private final StepTrace gru = Fixtures.gruUnit3();

    @Test
    void eachNotationNamesTheLstmBlocksItsOwnWay() {
        assertThat(symbols(Notation.PYTORCH, CellKind.LSTM)).containsExactly("i", "f", "g", "o");
        assertThat(symbols(Notation.NG, CellKind.LSTM)).containsExactly("Γ_u", "Γ_f", "c̃", "Γ_o");
        assertThat(symbols(Notation.INTERVIEW, CellKind.LSTM)).containsExactly("u", "f", "c′", "o");
        assertThat(symbols(Notation.KERAS, CellKind.LSTM)).containsExactly("i", "f", "c", "o");
        assertThat(Notation.NG.longName(CellKind.LSTM, 0)).isEqualTo("update gate");
        assertThat(Notation.PYTORCH.longName(CellKind.LSTM, 1)).isEqualTo("forget gate");
        assertThat(Notation.INTERVIEW.longName(CellKind.LSTM, 2)).isEqualTo("temporary cell state");
    }

    @Test
    void gruBlocksFollowTheSources() {
        assertThat(symbols(Notation.PYTORCH, CellKind.GRU)).containsExactly("r", "z", "n");
        assertThat(symbols(Notation.NG, CellKind.GRU)).containsExactly("Γ_r", "Γ_u", "c̃");
        assertThat(symbols(Notation.PYTORCH, CellKind.GRU_SIMPLE)).containsExactly("u", "g");
        assertThat(Notation.PYTORCH.symbol(CellKind.RNN_TANH, 0)).isEqualTo("h");
        assertThat(Notation.NG.symbol(CellKind.RNN_TANH, 0)).isEqualTo("a");
    }

    @Test
    void displayOrderFollowsEachSource() {
        assertThat(Notation.KERAS.displayOrder(CellKind.LSTM)).containsExactly(0, 1, 2, 3);   // i, f, c, o
        assertThat(Notation.KERAS.displayOrder(CellKind.GRU)).containsExactly(1, 0, 2);       // z, r, h̃
        assertThat(Notation.NG.displayOrder(CellKind.LSTM)).containsExactly(2, 0, 1, 3);      // c̃, Γu, Γf, Γo
        assertThat(Notation.INTERVIEW.displayOrder(CellKind.LSTM)).containsExactly(2, 1, 0, 3); // c′, f, u, o
    }

    @Test
    void stateSymbolsCarryEachNotationsTimeIndex() {
        assertThat(Notation.PYTORCH.stateSymbol(State.PREVIOUS_HIDDEN, CellKind.LSTM)).isEqualTo("h_{t−1}");
        assertThat(Notation.PYTORCH.stateSymbol(State.INPUT, CellKind.LSTM)).isEqualTo("x_t");
        assertThat(Notation.NG.stateSymbol(State.HIDDEN, CellKind.LSTM)).isEqualTo("a^{⟨t⟩}");
        assertThat(Notation.NG.stateSymbol(State.PREVIOUS_CELL, CellKind.LSTM)).isEqualTo("c^{⟨t−1⟩}");
        assertThat(Notation.NG.stateSymbol(State.HIDDEN, CellKind.GRU)).isEqualTo("c^{⟨t⟩}");
        assertThat(Notation.INTERVIEW.stateSymbol(State.PREVIOUS_HIDDEN, CellKind.LSTM)).isEqualTo("h_{i−1}");
        assertThat(Notation.NG.stateName(State.CELL)).isEqualTo("memory cell");
        assertThat(Notation.PYTORCH.stateName(State.CELL)).isEqualTo("cell state");
    }

    @Test
    void labelsAndTitlesChangeWithTheNotation() {
        assertThat(Notation.PYTORCH.label(CellKind.LSTM, Quantity.gate(1))).isEqualTo("f");
        assertThat(Notation.NG.label(CellKind.LSTM, Quantity.gate(1))).isEqualTo("Γ_f");
        assertThat(Notation.NG.title(CellKind.LSTM, Quantity.cellState())).isEqualTo("c^{⟨t⟩} — memory cell");
        assertThat(Notation.plain("Γ_f")).isEqualTo("Γf");
        assertThat(Notation.plain("h_{t−1}")).isEqualTo("ht−1");
    }

    @Test
    void pytorchLstmEquations() {
        assertThat(Notation.PYTORCH.equations(CellKind.LSTM)).containsExactly(
                "i_t = σ(W_i·[h_{t−1}, x_t] + b_i)",
                "f_t = σ(W_f·[h_{t−1}, x_t] + b_f)",
                "g_t = tanh(W_g·[h_{t−1}, x_t] + b_g)",
                "o_t = σ(W_o·[h_{t−1}, x_t] + b_o)",
                "c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t",
                "h_t = o_t ⊙ tanh(c_t)");
    }

    @Test
    void kerasFoldsTheCandidateIntoTheCellLineInKernelOrder() {
        assertThat(Notation.KERAS.equations(CellKind.LSTM)).containsExactly(
                "i_t = σ(x_t·W_i + h_{t−1}·U_i + b_i)",
                "f_t = σ(x_t·W_f + h_{t−1}·U_f + b_f)",
                "c_t = f_t ⊙ c_{t−1} + i_t ⊙ tanh(x_t·W_c + h_{t−1}·U_c + b_c)",
                "o_t = σ(x_t·W_o + h_{t−1}·U_o + b_o)",
                "h_t = o_t ⊙ tanh(c_t)");
    }

    @Test
    void interviewSingleGateGruIsTheSeedsForm() {
        assertThat(Notation.INTERVIEW.equations(CellKind.GRU_SIMPLE)).containsExactly(
                "c′_i = tanh(W_c·[c_{i−1}, x_i] + b_c)",
                "u_i = σ(W_u·[c_{i−1}, x_i] + b_u)",
                "c_i = u_i ⊙ c′_i + (1 − u_i) ⊙ c_{i−1}",
                "h_i = c_i");
    }

    @Test
    void pytorchGruShowsResetInsideTheCandidateAndZKeepingTheOldState() {
        assertThat(Notation.PYTORCH.equations(CellKind.GRU)).containsExactly(
                "r_t = σ(W_r·[h_{t−1}, x_t] + b_r)",
                "z_t = σ(W_z·[h_{t−1}, x_t] + b_z)",
                "n_t = tanh(W_{in}·x_t + b_{in} + r_t ⊙ (W_{hn}·h_{t−1} + b_{hn}))",
                "h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}");
        assertThat(Notation.NG.equations(CellKind.GRU)).last().isEqualTo("a^{⟨t⟩} = c^{⟨t⟩}");
    }

    @Test
    void peepholesAddThePreviousCellToTheGateInputs() {
        assertThat(new Equations(Notation.PYTORCH, CellKind.LSTM, true).lines())
                .contains("f_t = σ(W_f·[c_{t−1}, h_{t−1}, x_t] + b_f)", "g_t = tanh(W_g·[h_{t−1}, x_t] + b_g)");
        assertThatThrownBy(() -> new Equations(Notation.PYTORCH, CellKind.GRU, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only for the LSTM");
    }

    @Test
    void aPeepholeLstmsUnitEquationReadsThePreviousCell() {
        assertThat(Notation.PYTORCH.equations(CellKind.LSTM, true)).first().isEqualTo("i_t = σ(W_i·[c_{t−1}, h_{t−1}, x_t] + b_i)");
        assertThat(Notation.PYTORCH.unitEquation(CellKind.LSTM, true, Quantity.gate(1), lstm, 3))
                .isEqualTo("f₃ = σ(W_f[3]·[c_{t−1}, h_{t−1}, x_t] + b_f[3]) = σ(0.412) = 0.602");
        assertThat(Notation.KERAS.unitEquation(CellKind.LSTM, true, Quantity.gate(1), lstm, 3))
                .startsWith("f₃ = σ(x_t·W_f[:,3] + h_{t−1}·U_f[:,3] + c_{t−1}·V_f[:,3] + b_f[3])");
    }

    @Test
    void forgetGateUnitEquationSubstitutesTheStepsNumbers() {
        assertThat(Notation.PYTORCH.unitEquation(CellKind.LSTM, Quantity.gate(1), lstm, 3))
                .isEqualTo("f₃ = σ(W_f[3]·[h_{t−1}, x_t] + b_f[3]) = σ(0.412) = 0.602");
        assertThat(Notation.NG.unitEquation(CellKind.LSTM, Quantity.gate(1), lstm, 3))
                .isEqualTo("Γ_f₃ = σ(W_f[3]·[a^{⟨t−1⟩}, x^{⟨t⟩}] + b_f[3]) = σ(0.412) = 0.602");
    }

    @Test
    void cellStateUnitEquationShowsBothTermsWithNegativesInParentheses() {
        assertThat(Notation.PYTORCH.unitEquation(CellKind.LSTM, Quantity.cellState(), lstm, 3))
                .isEqualTo("c₃ = f₃·c_{t−1,3} + i₃·g₃ = 0.602·(−0.113) + 0.871·0.455 = 0.328");
        assertThat(Notation.INTERVIEW.unitEquation(CellKind.LSTM, Quantity.cellState(), lstm, 3))
                .isEqualTo("c₃ = u₃·c′₃ + f₃·c_{i−1,3} = 0.871·0.455 + 0.602·(−0.113) = 0.328");
        assertThat(Notation.KERAS.unitEquation(CellKind.LSTM, Quantity.cellState(), lstm, 3))
                .isEqualTo("c₃ = f₃·c_{t−1,3} + i₃·tanh(…) = 0.602·(−0.113) + 0.871·0.455 = 0.328");
    }

    @Test
    void hiddenAndCandidateUnitEquations() {
        assertThat(Notation.PYTORCH.unitEquation(CellKind.LSTM, Quantity.hiddenState(), lstm, 3))
                .isEqualTo("h₃ = o₃·tanh(c₃) = 0.700·tanh(0.328) = 0.222");
        assertThat(Notation.KERAS.unitEquation(CellKind.LSTM, Quantity.gate(2), lstm, 3))
                .isEqualTo("tanh(x_t·W_c[:,3] + h_{t−1}·U_c[:,3] + b_c[3]) = tanh(0.491) = 0.455");
    }

    @Test
    void gruUnitEquations() {
        assertThat(Notation.PYTORCH.unitEquation(CellKind.GRU, Quantity.hiddenState(), gru, 3))
                .isEqualTo("h₃ = (1 − z₃)·n₃ + z₃·h_{t−1,3} = (1 − 0.300)·0.390 + 0.300·(−0.200) = 0.213");
        assertThat(Notation.KERAS.unitEquation(CellKind.GRU, Quantity.hiddenState(), gru, 3))
                .isEqualTo("h₃ = z₃·h_{t−1,3} + (1 − z₃)·h̃₃ = 0.300·(−0.200) + (1 − 0.300)·0.390 = 0.213");
        assertThat(Notation.PYTORCH.unitEquation(CellKind.GRU, Quantity.gate(2), gru, 3))
                .isEqualTo("n₃ = tanh(W_{in}[3]·x_t + b_{in}[3] + r₃·(W_{hn}[3]·h_{t−1} + b_{hn}[3])) = tanh(0.412) = 0.390");
    }

    @Test
    void rnnUnitEquationNamesTheActivation() {
        StepTrace relu = Fixtures.step(CellKind.RNN_RELU, new double[] {1}, new double[] {0, 0},
                new double[0], new double[] {-0.25, 0.5});
        assertThat(Notation.PYTORCH.unitEquation(CellKind.RNN_RELU, Quantity.hiddenState(), relu, 0))
                .isEqualTo("h₀ = relu(W_h[0]·[h_{t−1}, x_t] + b_h[0]) = relu(−0.250) = 0.000");
    }

    @Test
    void fullPrecisionReadsBackToTheSameDouble() {
        double f = lstm.gate(1, 3);
        assertThat(Double.parseDouble(Notation.fullPrecision(f))).isEqualTo(f);
        assertThat(Notation.fullPrecision(f)).startsWith("0.6015");
        assertThat(Equations.digits(12)).isEqualTo("₁₂");
    }

    @Test
    void rejectsUnitsAndQuantitiesThatDoNotExist() {
        assertThatThrownBy(() -> Notation.PYTORCH.unitEquation(CellKind.LSTM, Quantity.gate(1), lstm, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..3");
        assertThatThrownBy(() -> Notation.PYTORCH.unitEquation(CellKind.GRU, Quantity.cellState(), gru, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Notation.PYTORCH.symbol(CellKind.GRU, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blocks 0..2");
    }

    private static String[] symbols(Notation n, CellKind kind) {
        String[] out = new String[kind.blocks()];
        for (int b = 0; b < out.length; b++) out[b] = n.symbol(kind, b);
        return out;
    }
}
