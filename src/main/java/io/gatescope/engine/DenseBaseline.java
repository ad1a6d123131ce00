package io.gatescope.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' baseline without memory: Dense(50, ReLU) → Dense(100, ReLU) → Dense(V) applied to each
 * time step on its own. It cannot carry a digit from one position to another, which is the point.
 * Parameters: {@code dense1.*}, {@code dense2.*}, {@code dense3.*}.
 */
public final class DenseBaseline implements SequenceModel {
    private final List<Dense> layers;
    private final int steps;
    private final List<Parameter> parameters;

    public DenseBaseline(int inputSize, int outputSize, int steps, int... hidden) {
        List<Dense> ls = new ArrayList<>();
        int in = inputSize;
        for (int k = 0; k < hidden.length; k++) {
            ls.add(new Dense("dense" + (k + 1) + ".", in, hidden[k], Dense.Activation.RELU));
            in = hidden[k];
        }
        ls.add(new Dense("dense" + (hidden.length + 1) + ".", in, outputSize, Dense.Activation.LINEAR));
        this.layers = List.copyOf(ls);
        this.steps = steps;
        List<Parameter> ps = new ArrayList<>();
        for (Dense d : layers) ps.addAll(d.parameters());
        this.parameters = List.copyOf(ps);
    }

    public List<Dense> layers() { return layers; }

    @Override public List<Parameter> parameters() { return parameters; }

    @Override public int inputSteps() { return steps; }

    @Override public int inputSize() { return layers.get(0).inputSize(); }

    @Override public int outputSteps() { return steps; }

    @Override public int outputSize() { return layers.get(layers.size() - 1).outputSize(); }

    /** Activations of every layer at every step, and their gradients. */
    public final class Run extends Workspace {
        final double[][] xs;
        final double[][][] act;
        final double[][][] dact;

        Run(int maxBatch) {
            super(maxBatch, steps, outputSize());
            xs = new double[steps][];
            act = new double[layers.size() - 1][steps][];
            dact = new double[layers.size() - 1][steps][];
            for (int k = 0; k < layers.size() - 1; k++) {
                for (int t = 0; t < steps; t++) {
                    act[k][t] = new double[maxBatch * layers.get(k).outputSize()];
                    dact[k][t] = new double[maxBatch * layers.get(k).outputSize()];
                }
            }
        }
    }

    @Override
    public Run newWorkspace(int maxBatch) {
        return new Run(maxBatch);
    }

    @Override
    public void forward(Workspace w, int batch, double[][] xs) {
        Run r = (Run) w;
        r.batch = batch;
        int v = outputSize();
        for (int t = 0; t < steps; t++) {
            r.xs[t] = xs[t];
            double[] in = xs[t];
            for (int k = 0; k < layers.size(); k++) {
                double[] out = k < layers.size() - 1 ? r.act[k][t] : r.logits[t];
                layers.get(k).forward(batch, in, out);
                in = out;
            }
            for (int b = 0; b < batch; b++) Losses.softmaxRow(r.logits[t], b * v, v, r.probs[t]);
        }
    }

    @Override
    public void backward(Workspace w, Gradients grads) {
        Run r = (Run) w;
        int last = layers.size() - 1;
        for (int t = 0; t < steps; t++) {
            double[] dy = r.dlogits[t];
            for (int k = last; k >= 0; k--) {
                double[] x = k == 0 ? r.xs[t] : r.act[k - 1][t];
                double[] y = k == last ? r.logits[t] : r.act[k][t];
                double[] dx = k == 0 ? null : r.dact[k - 1][t];
                layers.get(k).backward(r.batch, x, y, dy, dx, grads);
                dy = dx;
            }
        }
    }
}
