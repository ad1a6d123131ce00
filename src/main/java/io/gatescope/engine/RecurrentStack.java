package io.gatescope.engine;

import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.SequenceTrace;
import io.gatescope.engine.trace.StepGradient;
import java.util.ArrayList;
import java.util.List;

/**
 * Stacked recurrent layers as {@code nn.LSTM(num_layers=K)} builds them: layer k reads the h_t of
 * layer k−1, parameter names end in {@code _l{k}}, and an optional prefix (e.g. {@code encoder.})
 * places the stack inside a larger model's state_dict.
 */
public final class RecurrentStack {
    private final String prefix;
    private final List<RecurrentLayer> layers;
    private final List<Parameter> parameters;

    public RecurrentStack(String prefix, CellKind kind, int inputSize, int hiddenSize, int numLayers, boolean peepholes) {
        if (numLayers < 1) throw new IllegalArgumentException("a stack needs at least one layer, got " + numLayers);
        this.prefix = prefix;
        List<RecurrentLayer> ls = new ArrayList<>();
        for (int k = 0; k < numLayers; k++) {
            ls.add(new RecurrentLayer(kind, k == 0 ? inputSize : hiddenSize, hiddenSize, peepholes, prefix, k));
        }
        this.layers = List.copyOf(ls);
        List<Parameter> ps = new ArrayList<>();
        for (RecurrentLayer l : layers) ps.addAll(l.parameters());
        this.parameters = List.copyOf(ps);
    }

    public List<RecurrentLayer> layers() { return layers; }

    public RecurrentLayer layer(int k) { return layers.get(k); }

    public int numLayers() { return layers.size(); }

    public CellKind kind() { return layers.get(0).kind(); }

    public int inputSize() { return layers.get(0).inputSize(); }

    public int hiddenSize() { return layers.get(0).hiddenSize(); }

    public boolean hasPeepholes() { return layers.get(0).hasPeepholes(); }

    public String prefix() { return prefix; }

    /** All layers' parameters in state_dict order. */
    public List<Parameter> parameters() { return parameters; }

    /** A workspace: one {@link LayerRun} per layer. */
    public List<LayerRun> newRun(int maxBatch, int maxSteps) {
        return layers.stream().map(l -> l.newRun(maxBatch, maxSteps)).toList();
    }

    /**
     * Forward through every layer. {@code h0}/{@code c0} hold one B×H array per layer, or are null
     * (zeros); entries may be null too.
     */
    public void forward(List<LayerRun> runs, int batch, int steps, double[][] xs, double[][] h0, double[][] c0) {
        double[][] input = xs;
        for (int k = 0; k < layers.size(); k++) {
            LayerRun r = runs.get(k);
            layers.get(k).forward(r, batch, steps, input, h0 == null ? null : h0[k], c0 == null ? null : c0[k]);
            input = java.util.Arrays.copyOf(r.h, steps);
        }
    }

    /**
     * Backward through every layer, top first. {@code dhTop[t]} is the upstream gradient on the top
     * layer's h_t; {@code dcLast} optionally holds one dL/dc_T per layer (LSTM). Gradients are added
     * into {@code grads}.
     */
    public void backward(List<LayerRun> runs, double[][] dhTop, double[][] dcLast, Gradients grads) {
        double[][] dhUp = dhTop;
        for (int k = layers.size() - 1; k >= 0; k--) {
            LayerRun r = runs.get(k);
            layers.get(k).backward(r, dhUp, dcLast == null ? null : dcLast[k], grads);
            dhUp = k > 0 ? java.util.Arrays.copyOf(r.dx, r.steps) : null;
        }
    }

    /** A trace of example {@code b} after a forward pass. */
    public SequenceTrace trace(List<LayerRun> runs, int b) {
        List<LayerTrace> out = new ArrayList<>();
        for (LayerRun r : runs) out.add(r.trace(b));
        return new SequenceTrace(out);
    }

    /** Per layer, per step node gradients of example {@code b} after a backward pass. */
    public List<List<StepGradient>> stepGradients(List<LayerRun> runs, int b) {
        return runs.stream().map(r -> r.gradients(b)).toList();
    }
}
