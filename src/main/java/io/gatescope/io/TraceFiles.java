package io.gatescope.io;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gatescope.engine.CellAnatomy;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.TracedRun;
import io.gatescope.engine.trace.GradientTrace;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.StepGradient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Writes what a recurrent stack computed over one sequence ({@link TracedRun}, which the engine
 * computes) as a trace file: the top layer's h, c and gates per step, every layer's when there are
 * several, and, given an upstream gradient on each h_t, every gradient BPTT produced. The layout is
 * in docs/formats.md.
 */
public final class TraceFiles {
    public static final String FORMAT = "gatescope-trace";
    public static final int VERSION = 1;

    private TraceFiles() {
    }

    /** Writes {@code result} of {@code stack} as a trace file, atomically. */
    public static void write(Path file, RecurrentStack stack, TracedRun result) throws FileException {
        Json.write(file, g -> {
            boolean lstm = stack.kind().hasCellState();
            GradientTrace grads = result.gradients().orElse(null);
            int top = stack.numLayers() - 1;
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("cell", stack.kind().id());
            g.writeNumberField("input_size", stack.inputSize());
            g.writeNumberField("hidden_size", stack.hiddenSize());
            g.writeNumberField("layers", stack.numLayers());
            g.writeBooleanField("peepholes", stack.hasPeepholes());
            g.writeNumberField("steps", result.x().length);
            g.writeFieldName("x");
            Json.matrix(g, result.x());
            writeLayer(g, stack, result.forward().top(), null);
            if (stack.numLayers() > 1) {
                g.writeArrayFieldStart("per_layer");
                for (int k = 0; k <= top; k++) {
                    g.writeStartObject();
                    g.writeNumberField("layer", k);
                    writeLayer(g, stack, result.forward().layers().get(k), grads == null ? null : grads.steps().get(k));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (grads != null) {
                g.writeObjectFieldStart("grads");
                for (Parameter p : stack.parameters()) {
                    g.writeFieldName(p.name());
                    double[] d = grads.params().get(p.name());
                    if (StateDicts.isBias(p)) Json.vector(g, d); else Json.matrix(g, d, p.rows(), p.cols());
                }
                g.writeFieldName("x");
                Json.matrix(g, grads.dx());
                writeStates(g, "h0", grads.dh0());
                if (lstm) writeStates(g, "c0", grads.dc0());
                List<StepGradient> topSteps = grads.steps().get(top);
                g.writeFieldName("dh");
                Json.matrix(g, column(topSteps, StepGradient::dhCopy));
                if (lstm) {
                    g.writeFieldName("dc");
                    Json.matrix(g, column(topSteps, StepGradient::dcCopy));
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /** h, c (LSTM) and the gates after their nonlinearity, each T×H; given step gradients also dh and dc. */
    private static void writeLayer(JsonGenerator g, RecurrentStack stack, LayerTrace layer, List<StepGradient> steps)
            throws IOException {
        boolean lstm = stack.kind().hasCellState();
        g.writeFieldName("h");
        Json.matrix(g, layer.hidden());
        if (lstm) {
            g.writeFieldName("c");
            Json.matrix(g, layer.cell());
        }
        // A plain RNN's only block is h itself: it has no gates to show.
        g.writeObjectFieldStart("gates");
        if (!stack.kind().isPlainRnn()) {
            for (CellAnatomy.Block b : stack.kind().anatomy().blocks()) {
                g.writeFieldName(b.letter());
                Json.matrix(g, layer.gate(b.index()));
            }
        }
        g.writeEndObject();
        if (layer.anyHeld()) writeHeld(g, stack, layer);
        if (steps != null) {
            g.writeFieldName("dh");
            Json.matrix(g, column(steps, StepGradient::dhCopy));
            if (lstm) {
                g.writeFieldName("dc");
                Json.matrix(g, column(steps, StepGradient::dcCopy));
            }
        }
    }

    /** Which gate entries a clamp held (1) and which ran free (0), per gate T×H: only in a what-if trace. */
    private static void writeHeld(JsonGenerator g, RecurrentStack stack, LayerTrace layer) throws IOException {
        g.writeObjectFieldStart("held");
        List<String> names = stack.kind().anatomy().letters();
        int hidden = stack.hiddenSize();
        for (int b = 0; b < names.size(); b++) {
            double[][] held = new double[layer.length()][hidden];
            for (int t = 0; t < layer.length(); t++) {
                for (int u = 0; u < hidden; u++) held[t][u] = layer.isHeld(t, b, u) ? 1 : 0;
            }
            g.writeFieldName(names.get(b));
            Json.matrix(g, held);
        }
        g.writeEndObject();
    }

    /** Initial-state gradients as the user gave the states: H numbers for one layer, K×H for several. */
    private static void writeStates(JsonGenerator g, String name, double[][] perLayer) throws IOException {
        g.writeFieldName(name);
        if (perLayer.length == 1) Json.vector(g, perLayer[0]); else Json.matrix(g, perLayer);
    }

    private static double[][] column(List<StepGradient> steps, Function<StepGradient, double[]> part) {
        return steps.stream().map(part).toArray(double[][]::new);
    }

}
