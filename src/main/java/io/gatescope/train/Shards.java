package io.gatescope.train;

import io.gatescope.engine.Gradients;
import io.gatescope.engine.Losses;
import io.gatescope.engine.SequenceModel;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One batch cut into the same two halves whatever the thread count, each half with its own
 * workspace and gradient buffers (so two threads never share a writable array), the second half's
 * gradients added into the first's in a fixed order: one thread and two give the same bits.
 */
final class Shards {
    private final SequenceModel model;
    private final boolean reversed;
    private final Shard first;
    private final Shard second;

    Shards(SequenceModel model, int batch, boolean reversed) {
        this.model = model;
        this.reversed = reversed;
        int half = (batch + 1) / 2;
        this.first = new Shard(half);
        this.second = new Shard(half);
    }

    /** Loads examples {@code order[from .. from+size)} of {@code train}; returns them in order. */
    List<AdditionTask.Example> load(List<AdditionTask.Example> train, int[] order, int from, int size) {
        List<AdditionTask.Example> batch = new ArrayList<>(size);
        for (int b = 0; b < size; b++) batch.add(train.get(order[from + b]));
        int half = (size + 1) / 2;
        first.load(batch.subList(0, half));
        second.load(batch.subList(half, size));
        return List.copyOf(batch);
    }

    /**
     * Forward, loss and backward of the loaded batch, the second half on {@code pool} when given;
     * returns the summed loss (per character, not yet averaged). The gradient of the mean loss is then
     * in {@link #total}.
     */
    double forwardBackward(ExecutorService pool) {
        int size = first.size + second.size;
        double scale = 1.0 / ((double) size * model.outputSteps()); // Keras' mean over examples and steps
        double loss0, loss1;
        if (pool != null && second.size > 0) {
            Future<Double> other = pool.submit(() -> second.forwardBackward(scale));
            loss0 = first.forwardBackward(scale);
            try {
                loss1 = other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a training shard failed: " + e.getCause(), e.getCause());
            }
        } else {
            loss0 = first.forwardBackward(scale);
            loss1 = second.forwardBackward(scale);
        }
        first.grads.add(second.grads);
        return loss0 + loss1;
    }

    /** The first or second half's buffers, free between two batches (validation borrows them). */
    SequenceModel.Workspace workspace(int half) {
        return half == 0 ? first.work : second.work;
    }

    /** The whole batch's gradients after {@link #forwardBackward}; the optimiser may scale them. */
    Gradients total() { return first.grads; }

    /** Half a batch with its own buffers. */
    private final class Shard {
        final SequenceModel.Workspace work;
        final double[][] xs;
        final int[][] targets;
        final Gradients grads;
        int size;

        Shard(int maxBatch) {
            work = model.newWorkspace(maxBatch);
            xs = new double[model.inputSteps()][maxBatch * model.inputSize()];
            targets = new int[model.outputSteps()][maxBatch];
            grads = new Gradients(model.parameters());
        }

        void load(List<AdditionTask.Example> examples) {
            size = examples.size();
            List<String> inputs = new ArrayList<>(size);
            for (int b = 0; b < size; b++) {
                AdditionTask.Example e = examples.get(b);
                inputs.add(e.input(reversed));
                String target = e.target();
                for (int t = 0; t < targets.length; t++) targets[t][b] = AdditionTask.ALPHABET.indexOf(target.charAt(t));
            }
            Evaluation.fill(xs, inputs);
        }

        /** Forward, loss and backward of this shard; returns its summed (unscaled) loss. */
        double forwardBackward(double scale) {
            grads.zero();
            if (size == 0) return 0;
            model.forward(work, size, xs);
            double loss = 0;
            int v = model.outputSize();
            for (int t = 0; t < model.outputSteps(); t++) {
                loss += Losses.softmaxCrossEntropy(size, v, work.logits[t], targets[t], scale, work.probs[t], work.dlogits[t]);
            }
            model.backward(work, grads);
            return loss;
        }
    }
}
