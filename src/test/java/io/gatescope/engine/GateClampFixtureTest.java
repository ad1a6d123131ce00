package io.gatescope.engine;

import static io.gatescope.io.Fixtures.assertClose;
import static io.gatescope.io.Fixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.SequenceTrace;
import io.gatescope.engine.trace.StepGradient;
import io.gatescope.io.Fixtures;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clamped runs against PyTorch: make_clamp_fixtures.py writes the LSTM and the GRU by hand in PyTorch
 * with the held gates replaced by constants (torch.where), for a two-layer stack and an
 * encoder–decoder, and records every value and gradient. The clamps come as specs, so the parser is
 * part of what is checked.
 */
class GateClampFixtureTest {
    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lstm_stack", "gru_stack"})
    void aClampedStackComputesWhatPyTorchComputes(String name) {
        JsonNode f = fixture(name);
        CellKind kind = CellKind.fromId(f.get("cell").asText());
        int in = f.get("input_size").asInt(), hidden = f.get("hidden_size").asInt(), layers = f.get("layers").asInt();
        RecurrentStack stack = new RecurrentStack("", kind, in, hidden, layers, false);
        load(stack.parameters(), f.get("params"));
        GateClamps clamps = clamps(f, kind);
        double[][] x = rows(f.get("x")), h0 = rows(f.get("h0")), c0 = kind.hasCellState() ? rows(f.get("c0")) : null;
        TracedRun r = TracedRun.of(stack, x, h0, c0, rows(f.get("grad_h")), clamps);

        compare(r.forward(), r.gradients().orElseThrow().steps(), f.get("encoder"), kind);
        var g = r.gradients().orElseThrow();
        for (Parameter p : stack.parameters()) {
            assertClose(g.params().get(p.name()), flat(f.get("grads").get(p.name())), TOLERANCE, "grad of " + p.name());
        }
        assertClose(flat(g.dx()), flat(f.get("grads").get("x")), TOLERANCE, "grad of x");
        assertClose(flat(g.dh0()), flat(f.get("grads").get("h0")), TOLERANCE, "grad of h0");
        if (kind.hasCellState()) assertClose(flat(g.dc0()), flat(f.get("grads").get("c0")), TOLERANCE, "grad of c0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lstm_encoder_decoder", "gru_encoder_decoder"})
    void aClampedEncoderDecoderComputesWhatPyTorchComputes(String name) {
        JsonNode f = fixture(name);
        CellKind kind = CellKind.fromId(f.get("cell").asText());
        int v = f.get("output_size").asInt(), tIn = f.get("input_steps").asInt(), tOut = f.get("output_steps").asInt();
        EncoderDecoder model = new EncoderDecoder(kind, f.get("input_size").asInt(), f.get("hidden_size").asInt(), v,
                tIn, tOut, 1, false);
        load(model.parameters(), f.get("params"));
        EncoderDecoder.Run run = model.newWorkspace(1);
        run.clamp(clamps(f, kind));
        model.forward(run, 1, rows(f.get("x")));
        double[][] gradLogits = rows(f.get("grad_logits"));
        for (int t = 0; t < tOut; t++) System.arraycopy(gradLogits[t], 0, run.dlogits[t], 0, v);
        Gradients grads = new Gradients(model.parameters());
        model.backward(run, grads);

        double[][] logits = new double[tOut][];
        for (int t = 0; t < tOut; t++) logits[t] = java.util.Arrays.copyOf(run.logits[t], v);
        assertClose(flat(logits), flat(f.get("logits")), TOLERANCE, "logits");
        compare(run.encoderTrace(0), model.encoder().stepGradients(run.encoderRuns(), 0), f.get("encoder"), kind);
        compare(run.decoderTrace(0), model.decoder().stepGradients(run.decoderRuns(), 0), f.get("decoder"), kind);
        Map<String, double[]> byName = grads.byName();
        for (Parameter p : model.parameters()) {
            assertClose(byName.get(p.name()), flat(f.get("grads").get(p.name())), TOLERANCE, "grad of " + p.name());
        }
    }

    /** Every layer's per-step values and node gradients, and the trace's marks on exactly the held entries. */
    private static void compare(SequenceTrace trace, List<List<StepGradient>> steps, JsonNode expected, CellKind kind) {
        for (int k = 0; k < trace.layers().size(); k++) {
            LayerTrace layer = trace.layers().get(k);
            JsonNode e = expected.get(k);
            for (int t = 0; t < layer.length(); t++) {
                String at = "layer " + k + " step " + t + " ";
                var s = layer.step(t);
                var d = steps.get(k).get(t);
                assertClose(s.preactivationCopy(), flat(e.get("pre").get(t)), TOLERANCE, at + "pre-activations");
                assertClose(s.gatesCopy(), flat(e.get("gates").get(t)), TOLERANCE, at + "gates");
                assertClose(s.hCopy(), flat(e.get("h").get(t)), TOLERANCE, at + "h");
                assertClose(d.dpreCopy(), flat(e.get("dpre").get(t)), TOLERANCE, at + "dL/dpre");
                assertClose(d.dgatesCopy(), flat(e.get("dgates").get(t)), TOLERANCE, at + "dL/dgates");
                assertClose(d.dhCopy(), flat(e.get("dh").get(t)), TOLERANCE, at + "dL/dh");
                if (kind.hasCellState()) {
                    assertClose(s.cCopy(), flat(e.get("c").get(t)), TOLERANCE, at + "c");
                    assertClose(d.dcCopy(), flat(e.get("dc").get(t)), TOLERANCE, at + "dL/dc");
                }
                for (int i = 0; i < s.blockCount() * s.hiddenSize(); i++) {
                    boolean held = layer.isHeld(t, i / layer.hiddenSize(), i % layer.hiddenSize());
                    if (held) assertThat(d.dpre(i / layer.hiddenSize(), i % layer.hiddenSize())).as(at + "held entry " + i + " passes no gradient").isZero();
                }
            }
        }
        assertThat(trace.layers().stream().anyMatch(LayerTrace::anyHeld)).as("the fixture holds something here").isTrue();
    }

    private static GateClamps clamps(JsonNode f, CellKind kind) {
        List<GateClamp> out = new ArrayList<>();
        for (JsonNode s : f.get("clamps")) out.add(ClampSpec.parse(s.asText()).toClamp(kind));
        return new GateClamps(out);
    }

    private static void load(List<Parameter> params, JsonNode values) {
        assertThat(values.size()).as("the fixture has every parameter").isEqualTo(params.size());
        for (Parameter p : params) {
            double[] v = flat(values.get(p.name()));
            System.arraycopy(v, 0, p.data(), 0, p.size());
            p.touch();
        }
    }

    private static double[][] rows(JsonNode n) {
        double[][] out = new double[n.size()][];
        for (int i = 0; i < n.size(); i++) out[i] = flat(n.get(i));
        return out;
    }

    private static JsonNode fixture(String name) {
        try {
            return Fixtures.read(Path.of(GateClampFixtureTest.class.getResource("/fixtures/clamp/" + name + ".json").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
