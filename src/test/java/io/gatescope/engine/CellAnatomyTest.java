package io.gatescope.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gatescope.engine.CellAnatomy.Activated;
import io.gatescope.engine.CellAnatomy.Activation;
import io.gatescope.engine.CellAnatomy.Block;
import io.gatescope.engine.CellAnatomy.CellUpdate;
import io.gatescope.engine.CellAnatomy.Interpolation;
import io.gatescope.engine.CellAnatomy.Role;
import io.gatescope.engine.CellAnatomy.State;
import io.gatescope.engine.CellAnatomy.SubStep;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each kind's description says what PyTorch says, and what the engine's step code computes: every
 * block's output is its activation of its pre-activation, and the update shape gives the recorded
 * c_t and h_t. A wrong letter, activation or update in a description fails here.
 */
class CellAnatomyTest {
    private static final int H = 5;
    private static final double EXACT = 1e-13;

    @Test
    void blocksArePyTorchsInStackingOrder() {
        assertThat(CellKind.LSTM.anatomy().letters()).containsExactly("i", "f", "g", "o");
        assertThat(CellKind.GRU.anatomy().letters()).containsExactly("r", "z", "n");
        assertThat(CellKind.GRU_SIMPLE.anatomy().letters()).containsExactly("u", "g");
        assertThat(CellKind.RNN_TANH.anatomy().letters()).containsExactly("h");
        assertThat(CellKind.LSTM.anatomy().block("g").role()).isEqualTo(Role.CANDIDATE);
        assertThat(CellKind.LSTM.anatomy().block("g").activation()).isEqualTo(Activation.TANH);
        assertThat(CellKind.RNN_RELU.anatomy().block(0).activation()).isEqualTo(Activation.RELU);
        assertThat(CellKind.RNN_RELU.anatomy().hiddenActivation()).isEqualTo(Activation.RELU);
        assertThat(CellKind.GRU.anatomy().hiddenActivation()).isEqualTo(Activation.TANH);
    }

    @Test
    void clampingFindsGatesByLetter() {
        CellAnatomy lstm = CellKind.LSTM.anatomy();
        assertThat(lstm.blockIndex("f")).isEqualTo(1);
        assertThat(lstm.clampable()).extracting(Block::letter).containsExactly("i", "f", "o");
        assertThat(CellKind.GRU.anatomy().clampable()).extracting(Block::letter).containsExactly("r", "z");
        assertThat(CellKind.GRU_SIMPLE.anatomy().clampable()).extracting(Block::letter).containsExactly("u");
        assertThat(CellKind.RNN_TANH.anatomy().clampable()).isEmpty();
        assertThat(lstm.find("z")).isEmpty();
        assertThatThrownBy(() -> lstm.block("z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[i, f, g, o]");
        assertThatThrownBy(() -> lstm.block(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blocks 0..3");
    }

    @Test
    void subStepsComputeWhatLecturesComputeInOrder() {
        CellAnatomy lstm = CellKind.LSTM.anatomy();
        assertThat(lstm.subSteps()).extracting(s -> letters(s)).containsExactly("", "f", "i g", "c", "o h");
        assertThat(CellKind.GRU.anatomy().subSteps()).extracting(s -> letters(s)).containsExactly("", "r", "z", "n", "h");
        assertThat(CellKind.GRU_SIMPLE.anatomy().subSteps()).extracting(s -> letters(s)).containsExactly("", "u", "g", "h");
        assertThat(CellKind.RNN_TANH.anatomy().subSteps()).extracting(s -> letters(s)).containsExactly("", "h h");
        assertThat(lstm.subStepOf(lstm.block("o"))).isEqualTo(4);
        assertThat(lstm.subStepOf(State.CELL)).isEqualTo(3);
        assertThat(lstm.subSteps().get(0).isInputs()).isTrue();
        assertThat(lstm.peepholeBlocks()).extracting(Block::letter).containsExactly("i", "f", "o");
        // The file readers and the parameter count ask this, not the kind's name.
        assertThat(java.util.Arrays.stream(CellKind.values()).filter(k -> k.anatomy().takesPeepholes()))
                .containsExactly(CellKind.LSTM);
        assertThat(ParameterCounts.recurrent(CellKind.LSTM, 3, 5, 1, true, true)
                - ParameterCounts.recurrent(CellKind.LSTM, 3, 5, 1, false, true)).as("weight_ch is 3H×H").isEqualTo(3 * 5 * 5);
        assertThat(CellKind.GRU.anatomy().reset().map(Block::letter)).contains("r");
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void theEngineComputesWhatTheDescriptionSays(CellKind kind) {
        CellAnatomy a = kind.anatomy();
        LayerTrace trace = run(kind);
        for (StepTrace s : trace.steps()) {
            for (Block b : a.blocks()) {
                for (int u = 0; u < H; u++) {
                    assertThat(s.gate(b.index(), u)).as("%s %s unit %d", kind, b.letter(), u)
                            .isCloseTo(apply(b.activation(), s.pre(b.index(), u)), within(EXACT));
                }
            }
            for (int u = 0; u < H; u++) {
                assertThat(s.h(u)).as("%s h unit %d", kind, u).isCloseTo(expectedH(a.update(), s, u), within(EXACT));
                if (a.update() instanceof CellUpdate c) {
                    double cell = s.gate(c.forget().index(), u) * s.cPrev(u)
                            + s.gate(c.input().index(), u) * s.gate(c.candidate().index(), u);
                    assertThat(s.c(u)).isCloseTo(cell, within(EXACT));
                }
            }
        }
        assertThat(kind.hasCellState()).isEqualTo(a.update() instanceof CellUpdate);
        assertThat(trace.step(0).blockCount()).isEqualTo(a.blockCount());
    }

    private static double expectedH(CellAnatomy.Update update, StepTrace s, int u) {
        if (update instanceof CellUpdate c) return s.gate(c.output().index(), u) * Math.tanh(s.c(u));
        if (update instanceof Interpolation m) {
            double gate = s.gate(m.gate().index(), u), cand = s.gate(m.candidate().index(), u);
            return m.gateKeepsOld() ? (1 - gate) * cand + gate * s.hPrev(u) : gate * cand + (1 - gate) * s.hPrev(u);
        }
        return s.gate(((Activated) update).hidden().index(), u);
    }

    private static double apply(Activation act, double z) {
        return switch (act) {
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case TANH -> Math.tanh(z);
            case RELU -> Math.max(0, z);
        };
    }

    private static LayerTrace run(CellKind kind) {
        SplittableRandom rng = new SplittableRandom(17 + kind.ordinal());
        RecurrentLayer layer = new RecurrentLayer(kind, 3, H, false);
        for (Parameter p : layer.parameters()) Initialisers.uniform(p, 0.9, rng);
        int steps = 4;
        double[][] xs = new double[steps][3];
        for (double[] x : xs) for (int i = 0; i < 3; i++) x[i] = rng.nextDouble(-1.5, 1.5);
        double[] h0 = new double[H], c0 = new double[H];
        for (int u = 0; u < H; u++) {
            h0[u] = rng.nextDouble(-0.8, 0.8);
            c0[u] = rng.nextDouble(-2, 2);
        }
        LayerRun r = layer.newRun(1, steps);
        layer.forward(r, 1, steps, xs, h0, kind.hasCellState() ? c0 : null);
        return r.trace(0);
    }

    private static String letters(SubStep s) {
        List<String> out = new ArrayList<>();
        s.blocks().forEach(b -> out.add(b.letter()));
        s.states().forEach(st -> out.add(st == State.CELL ? "c" : "h"));
        return String.join(" ", out);
    }
}
