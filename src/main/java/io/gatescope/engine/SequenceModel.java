package io.gatescope.engine;

import java.util.List;

/**
 * A model that reads T_in input vectors and emits T_out vectors of logits, trained by the trainer
 * on batches. The encoder–decoder and the dense baseline implement it.
 */
public interface SequenceModel {
    /** Every parameter in state_dict order. */
    List<Parameter> parameters();

    int inputSteps();

    int inputSize();

    int outputSteps();

    int outputSize();

    /** Buffers for batches of up to {@code maxBatch} examples; one per thread. */
    Workspace newWorkspace(int maxBatch);

    /** Runs the batch: {@code xs[t]} is B×I. Leaves the logits in the workspace. */
    void forward(Workspace w, int batch, double[][] xs);

    /** Back-propagates {@code w.dlogits} (filled by the caller) into {@code grads}. */
    void backward(Workspace w, Gradients grads);

    /** Per-batch buffers every model has: logits, softmax and their gradient, per output step, B×V. */
    abstract class Workspace {
        public final int maxBatch;
        public final double[][] logits;
        public final double[][] probs;
        public final double[][] dlogits;
        protected int batch;

        protected Workspace(int maxBatch, int outputSteps, int outputSize) {
            this.maxBatch = maxBatch;
            this.logits = new double[outputSteps][maxBatch * outputSize];
            this.probs = new double[outputSteps][maxBatch * outputSize];
            this.dlogits = new double[outputSteps][maxBatch * outputSize];
        }

        public int batch() { return batch; }
    }
}
