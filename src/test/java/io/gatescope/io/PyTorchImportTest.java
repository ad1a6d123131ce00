package io.gatescope.io;

import static io.gatescope.io.Fixtures.assertClose;
import static io.gatescope.io.Fixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.TracedRun;
import io.gatescope.engine.trace.GradientTrace;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.SequenceTrace;
import io.gatescope.engine.trace.StepTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PyTorch weight files import as they are, and the engine then computes what PyTorch computed: the
 * fixtures (make_fixtures.py, PyTorch 1.13, double) hold modules, an input, initial states, an
 * upstream gradient on every h_t, PyTorch's outputs and gradients, and every block's pre-activation
 * and value at every step of every layer. The H = 128 case runs the batch-1 kernel's register-blocked
 * path against PyTorch.
 */
class PyTorchImportTest {
    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lstm,LSTM,4,2", "gru,GRU,4,2", "rnn_tanh,RNN_TANH,4,2", "rnn_relu,RNN_RELU,4,2", "lstm_nobias,LSTM,4,2",
        "lstm_h128,LSTM,128,1"})
    void engineAgreesWithPyTorch(String name, CellKind kind, int hidden, int layers) throws Exception {
        Path fixture = Fixtures.torch(name);
        ModelFile file = ModelFiles.load(fixture.resolve("model.json"));
        assertThat(file).isInstanceOf(ModelFile.Stack.class);
        RecurrentStack stack = ((ModelFile.Stack) file).stack();
        assertThat(stack.kind()).isEqualTo(kind);
        assertThat(stack.numLayers()).isEqualTo(layers);
        assertThat(stack.inputSize()).isEqualTo(3);
        assertThat(stack.hiddenSize()).isEqualTo(hidden);
        JsonNode model = Fixtures.read(fixture.resolve("model.json")).get("state_dict");
        for (Parameter p : stack.parameters()) {
            double[] expected = model.has(p.name()) ? flat(model.get(p.name())) : new double[p.size()];
            assertThat(p.data()).as(p.name() + " is a copy (zeros without bias)").isEqualTo(expected);
        }

        boolean lstm = kind.hasCellState();
        double[][] x = ArrayFiles.readSteps(fixture.resolve("x.json"), "x", -1, 3, "the test");
        double[][] h0 = ArrayFiles.readStates(fixture.resolve("h0.json"), "h0", layers, hidden, "the test");
        double[][] c0 = lstm ? ArrayFiles.readStates(fixture.resolve("c0.json"), "c0", layers, hidden, "the test") : null;
        double[][] g = ArrayFiles.readSteps(fixture.resolve("grad_h.json"), "grad_h", 5, hidden, "the test");
        TracedRun r = TracedRun.of(stack, x, h0, c0, g);

        JsonNode expected = Fixtures.read(fixture.resolve("expected.json"));
        assertClose(flat(r.forward().top().hidden()), flat(expected.get("h")), TOLERANCE, "h");
        for (int k = 0; k < layers; k++) {
            var last = r.forward().layers().get(k).step(4);
            assertClose(last.hCopy(), flat(expected.get("h_n").get(k)), TOLERANCE, "h_n layer " + k);
            if (lstm) assertClose(last.cCopy(), flat(expected.get("c_n").get(k)), TOLERANCE, "c_n layer " + k);
        }
        compareBlocks(r.forward(), expected.get("layers"), lstm);
        GradientTrace grads = r.gradients().orElseThrow();
        JsonNode eg = expected.get("grads");
        for (Iterator<Map.Entry<String, JsonNode>> it = eg.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double[] actual = switch (e.getKey()) {
                case "x" -> flat(grads.dx());
                case "h0" -> flat(grads.dh0());
                case "c0" -> flat(grads.dc0());
                default -> grads.params().get(e.getKey());
            };
            assertClose(actual, flat(e.getValue()), TOLERANCE, "grad of " + e.getKey());
        }
        assertThat(eg.size()).as("every gradient PyTorch has was compared").isEqualTo(model.size() + (lstm ? 3 : 2));
    }

    /** Every block's pre-activation and value, c and h, at every step of every layer: what every view shows. */
    private static void compareBlocks(SequenceTrace forward, JsonNode expected, boolean lstm) {
        assertThat(expected.size()).as("layers in the fixture").isEqualTo(forward.layers().size());
        for (int k = 0; k < expected.size(); k++) {
            LayerTrace layer = forward.layers().get(k);
            JsonNode e = expected.get(k);
            assertThat(e.get("gates").size()).isEqualTo(layer.length());
            for (int t = 0; t < layer.length(); t++) {
                StepTrace s = layer.step(t);
                String at = "layer " + k + " t index " + t + " ";
                assertClose(s.preactivationCopy(), flat(e.get("pre").get(t)), TOLERANCE, at + "pre-activations");
                assertClose(s.gatesCopy(), flat(e.get("gates").get(t)), TOLERANCE, at + "blocks after their nonlinearity");
                assertClose(s.hCopy(), flat(e.get("h").get(t)), TOLERANCE, at + "h");
                if (lstm) assertClose(s.cCopy(), flat(e.get("c").get(t)), TOLERANCE, at + "c");
            }
        }
    }

    @Test
    void layerCountComesFromTheKeys() throws Exception {
        RecurrentStack three = Fixtures.randomStack(new RecurrentStack("", CellKind.GRU, 2, 3, 3, false), 5);
        RecurrentStack loaded = importAgain(three);
        assertThat(loaded.numLayers()).isEqualTo(3);
        assertSameWeights(loaded, three);
    }

    @Test
    void peepholeKeysMakeAPeepholeLstm() throws Exception {
        RecurrentStack peep = Fixtures.randomStack(new RecurrentStack("", CellKind.LSTM, 3, 4, 2, true), 6);
        RecurrentStack loaded = importAgain(peep);
        assertThat(loaded.hasPeepholes()).isTrue();
        assertThat(loaded.layer(1).weightCh().name()).isEqualTo("weight_ch_l1");
        assertSameWeights(loaded, peep);
    }

    @Test
    void theSeedsSimplifiedGruImportsWithInputSizeOne() throws Exception {
        // input_size 1 makes weight_ih_l0 8x1: one column, yet a nested list, not a bias-like flat list.
        RecurrentStack simple = Fixtures.randomStack(new RecurrentStack("", CellKind.GRU_SIMPLE, 1, 4, 1, false), 7);
        RecurrentStack loaded = importAgain(simple);
        assertThat(loaded.kind()).isEqualTo(CellKind.GRU_SIMPLE);
        assertSameWeights(loaded, simple);
    }

    private RecurrentStack importAgain(RecurrentStack stack) throws Exception {
        ObjectNode file = Fixtures.pytorchFile(stack);
        Path m = dir.resolve("m.json");
        Files.writeString(m, file.toString());
        return ((ModelFile.Stack) ModelFiles.load(m)).stack();
    }

    private static void assertSameWeights(RecurrentStack actual, RecurrentStack expected) {
        assertThat(actual.parameters()).hasSameSizeAs(expected.parameters());
        for (int i = 0; i < expected.parameters().size(); i++) {
            Parameter a = actual.parameters().get(i), e = expected.parameters().get(i);
            assertThat(a.name()).isEqualTo(e.name());
            assertThat(a.data()).as(e.name()).isEqualTo(e.data());
        }
    }
}
