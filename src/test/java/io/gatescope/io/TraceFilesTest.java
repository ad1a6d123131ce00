package io.gatescope.io;

import static io.gatescope.io.Fixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.Gradients;
import io.gatescope.engine.LayerRun;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.TracedRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace files hold the documented fields, in the documented shapes, with the engine's exact numbers. */
class TraceFilesTest {
    private static final int I = 3, H = 4, T = 5;

    @TempDir
    Path dir;

    @Test
    void twoLayerLstmWithGradients() throws Exception {
        RecurrentStack stack = Fixtures.randomStack(new RecurrentStack("", CellKind.LSTM, I, H, 2, false), 11);
        SplittableRandom rng = new SplittableRandom(12);
        double[][] x = random(rng, T, I), h0 = random(rng, 2, H), c0 = random(rng, 2, H), g = random(rng, T, H);
        JsonNode trace = writeAndRead(stack, TracedRun.of(stack, x, h0, c0, g));

        assertThat(trace.get("format").asText()).isEqualTo("gatescope-trace");
        assertThat(trace.get("steps").asInt()).isEqualTo(T);
        assertShape(trace.get("x"), T, I);
        assertShape(trace.get("h"), T, H);
        assertShape(trace.get("c"), T, H);
        assertThat(names(trace.get("gates"))).containsExactly("i", "f", "g", "o");
        trace.get("gates").forEach(gate -> assertShape(gate, T, H));
        assertThat(trace.get("per_layer")).hasSize(2);
        for (JsonNode layer : trace.get("per_layer")) {
            assertThat(names(layer)).containsExactly("layer", "h", "c", "gates", "dh", "dc");
        }
        JsonNode grads = trace.get("grads");
        assertThat(names(grads)).containsExactly("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1", "x", "h0", "c0", "dh", "dc");
        assertShape(grads.get("weight_hh_l1"), 4 * H, H);
        assertThat(grads.get("bias_ih_l0")).hasSize(4 * H);
        assertShape(grads.get("x"), T, I);
        assertShape(grads.get("h0"), 2, H);
        assertShape(grads.get("dh"), T, H);

        // The same computation driven directly through the engine: the file must hold its exact numbers.
        List<LayerRun> runs = stack.newRun(1, T);
        stack.forward(runs, 1, T, x, h0, c0);
        Gradients expected = new Gradients(stack.parameters());
        stack.backward(runs, g, null, expected);
        for (Parameter p : stack.parameters()) {
            assertThat(flat(grads.get(p.name()))).as(p.name()).isEqualTo(expected.of(p));
        }
        List<double[]> dx = new ArrayList<>();
        for (int t = 0; t < T; t++) dx.add(runs.get(0).inputGradient(t));
        assertThat(flat(grads.get("x"))).isEqualTo(flat(dx.toArray(double[][]::new)));
        assertThat(flat(grads.get("h0").get(1))).isEqualTo(runs.get(1).initialHiddenGradient());
        assertThat(flat(grads.get("c0").get(0))).isEqualTo(runs.get(0).initialCellGradient());
        for (int t = 0; t < T; t++) {
            assertThat(flat(trace.get("h").get(t))).isEqualTo(runs.get(1).hidden(t));
            assertThat(flat(trace.get("per_layer").get(0).get("c").get(t))).isEqualTo(runs.get(0).cell(t));
            assertThat(flat(grads.get("dh").get(t))).isEqualTo(runs.get(1).gradients(0).get(t).dhCopy());
        }
    }

    @Test
    void oneLayerGruForwardOnly() throws Exception {
        RecurrentStack stack = Fixtures.randomStack(new RecurrentStack("", CellKind.GRU, I, H, 1, false), 13);
        JsonNode trace = writeAndRead(stack, TracedRun.of(stack, random(new SplittableRandom(14), T, I), null, null, null));
        assertThat(names(trace)).containsExactly("format", "version", "cell", "input_size", "hidden_size", "layers",
                "peepholes", "steps", "x", "h", "gates");
        assertThat(names(trace.get("gates"))).containsExactly("r", "z", "n");
    }

    @Test
    void aPlainRnnHasNoGatesAndItsInitialStateGradientIsAList() throws Exception {
        RecurrentStack stack = Fixtures.randomStack(new RecurrentStack("", CellKind.RNN_RELU, I, H, 1, false), 15);
        SplittableRandom rng = new SplittableRandom(16);
        JsonNode trace = writeAndRead(stack, TracedRun.of(stack, random(rng, T, I), null, null, random(rng, T, H)));
        assertThat(trace.get("gates").isEmpty()).isTrue();
        assertThat(trace.get("grads").get("h0")).hasSize(H);
        assertThat(trace.get("grads").has("c0")).isFalse();
    }

    private JsonNode writeAndRead(RecurrentStack stack, TracedRun result) throws Exception {
        Path out = dir.resolve("trace.json");
        TraceFiles.write(out, stack, result);
        return Fixtures.read(out);
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void assertShape(JsonNode m, int rows, int cols) {
        assertThat(m).hasSize(rows);
        m.forEach(row -> assertThat(row).hasSize(cols));
    }

    private static double[][] random(SplittableRandom rng, int n, int size) {
        double[][] a = new double[n][size];
        for (double[] row : a) for (int i = 0; i < size; i++) row[i] = 2 * rng.nextDouble() - 1;
        return a;
    }
}
