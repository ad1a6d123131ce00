package io.gatescope.engine;

import static io.gatescope.engine.GradientCheckTest.assertClose;
import static io.gatescope.engine.GradientCheckTest.dot;
import static io.gatescope.engine.GradientCheckTest.numeric;
import static io.gatescope.engine.GradientCheckTest.random;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A clamped run's backward against central finite differences: with some gates held at constants, the
 * loss is still a smooth function of every parameter, input and initial state, and BPTT must be its
 * gradient. Every gate block is held somewhere (a step range, a unit range, a single entry).
 */
class GateClampGradientTest {
    private static final int I = 3, H = 4, T = 4, B = 2, LAYERS = 2;

    @ParameterizedTest(name = "{0} peepholes={1}")
    @CsvSource({"LSTM,false", "LSTM,true", "GRU,false", "GRU_SIMPLE,false"})
    void clampedBackwardMatchesFiniteDifferences(CellKind kind, boolean peepholes) {
        SplittableRandom rng = new SplittableRandom(7 + kind.ordinal());
        RecurrentStack stack = new RecurrentStack("", kind, I, H, LAYERS, peepholes);
        for (Parameter p : stack.parameters()) Initialisers.uniform(p, 0.8, rng);
        List<GateClamp> held = new ArrayList<>();
        for (int block = 0; block < kind.blocks(); block++) {
            int t0 = block % T, u0 = (block + 1) % H;
            held.add(new GateClamp(GateClamp.Where.BOTH, block, 0.9 - 0.4 * block, t0, Math.min(T - 1, t0 + 1), u0, u0 + (H - 1 - u0) / 2));
        }
        GateClamps clamps = new GateClamps(held);
        double[][] xs = random(rng, T, B * I);
        double[][] h0 = random(rng, LAYERS, B * H);
        double[][] c0 = kind.hasCellState() ? random(rng, LAYERS, B * H) : null;
        double[][] dhUp = random(rng, T, B * H);
        double[][] dcLast = kind.hasCellState() ? random(rng, LAYERS, B * H) : null;
        List<LayerRun> runs = stack.newRun(B, T);
        clamps.install(runs, GateClamp.Where.ENCODER);

        DoubleSupplier loss = () -> {
            stack.forward(runs, B, T, xs, h0, c0);
            double l = 0;
            for (int t = 0; t < T; t++) l += dot(dhUp[t], runs.get(LAYERS - 1).hidden(t));
            if (dcLast != null) for (int k = 0; k < LAYERS; k++) l += dot(dcLast[k], runs.get(k).cell(T - 1));
            return l;
        };
        loss.getAsDouble();
        for (int k = 0; k < LAYERS; k++) {
            assertThat(runs.get(k).trace(1).isHeld(held.get(0).firstStep(), 0, held.get(0).firstUnit()))
                    .as("layer %d holds the first clamp", k).isTrue();
        }
        Gradients grads = new Gradients(stack.parameters());
        stack.backward(runs, dhUp, dcLast, grads);
        List<double[]> dx = new ArrayList<>(), dh0 = new ArrayList<>(), dc0 = new ArrayList<>();
        for (int t = 0; t < T; t++) dx.add(runs.get(0).inputGradient(t).clone());
        for (int k = 0; k < LAYERS; k++) {
            dh0.add(runs.get(k).initialHiddenGradient().clone());
            if (c0 != null) dc0.add(runs.get(k).initialCellGradient().clone());
        }
        for (Parameter p : stack.parameters()) {
            for (int i = 0; i < p.size(); i++) assertClose(grads.of(p)[i], numeric(p.data(), i, loss, p), p.name() + "[" + i + "]");
        }
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < B * I; i++) assertClose(dx.get(t)[i], numeric(xs[t], i, loss, null), "x_" + t + "[" + i + "]");
        }
        for (int k = 0; k < LAYERS; k++) {
            for (int i = 0; i < B * H; i++) {
                assertClose(dh0.get(k)[i], numeric(h0[k], i, loss, null), "h0 layer " + k + "[" + i + "]");
                if (c0 != null) assertClose(dc0.get(k)[i], numeric(c0[k], i, loss, null), "c0 layer " + k + "[" + i + "]");
            }
        }
    }

    @Test
    void aHeldGateReadsItsValueAndNothingElseIsHeld() {
        RecurrentStack stack = new RecurrentStack("", CellKind.LSTM, I, H, 1, false);
        for (Parameter p : stack.parameters()) Initialisers.uniform(p, 0.8, new SplittableRandom(3));
        List<LayerRun> runs = stack.newRun(1, T);
        GateClamps.of(new GateClamp(GateClamp.Where.ENCODER, 1, 0.0, 1, 2, 2, 3)).install(runs, GateClamp.Where.ENCODER);
        stack.forward(runs, 1, T, random(new SplittableRandom(4), T, I), null, null);
        var trace = runs.get(0).trace(0);
        for (int t = 0; t < T; t++) {
            for (int k = 0; k < 4 * H; k++) {
                boolean expected = k / H == 1 && k % H >= 2 && t >= 1 && t <= 2;
                assertThat(trace.isHeld(t, k / H, k % H)).as("step %d entry %d", t, k).isEqualTo(expected);
                if (expected) assertThat(trace.step(t).gate(k / H, k % H)).isZero();
                else assertThat(trace.step(t).gate(k / H, k % H)).isNotZero();
            }
        }
        // The same run without clamps forgets them.
        GateClamps.NONE.install(runs, GateClamp.Where.ENCODER);
        stack.forward(runs, 1, T, random(new SplittableRandom(4), T, I), null, null);
        assertThat(runs.get(0).trace(0).anyHeld()).isFalse();
    }
}
