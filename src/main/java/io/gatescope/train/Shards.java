package io.gatescope.train;

import io.gatescope.engine.Gradients;
import io.gatescope.engine.Losses;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.SequenceModel;
import io.gatescope.optim.Optimizer;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * One batch cut into the same two halves whatever the thread count, each half with its own
 * workspace and gradient buffers (so two threads never share a writable array), the second half's
 * gradients added into the first's in a fixed order: one thread and two give the same bits.
 *
 * <p>What follows the two halves is split by parameter between the same two threads: adding the
 * halves' gradients (with each parameter's sum of squares for the norm), then the optimiser's update
 * and the transposed copy the next forward reads. Every parameter's work reads and writes only that
 * parameter's arrays, and the norm adds the parameters' sums of squares in their fixed order, so who
 * did which parameter changes no bit. On one thread this was a twelfth of a batch with the other core idle.
 */
final class Shards {
    private final SequenceModel model;
    private final boolean reversed;
    private final Shard first;
    private final Shard second;
    private final List<Parameter> params;
    /** The parameters each thread updates (indices into {@link #params}), about half of the numbers each. */
    private final int[][] groups;
    private final double[] squares;
    private double norm;

    Shards(SequenceModel model, int batch, boolean reversed) {
        this.model = model;
        this.reversed = reversed;
        int half = (batch + 1) / 2;
        this.first = new Shard(half);
        this.second = new Shard(half);
        this.params = model.parameters();
        this.groups = balance(params);
        this.squares = new double[params.size()];
    }

    /** Largest first, each to the lighter group: the LSTM's three big matrices go two and one. */
    private static int[][] balance(List<Parameter> params) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) order.add(i);
        order.sort((a, b) -> Integer.compare(params.get(b).size(), params.get(a).size()));
        List<Integer> g0 = new ArrayList<>(), g1 = new ArrayList<>();
        long w0 = 0, w1 = 0;
        for (int i : order) {
            if (w0 <= w1) { g0.add(i); w0 += params.get(i).size(); } else { g1.add(i); w1 += params.get(i).size(); }
        }
        return new int[][] {g0.stream().mapToInt(Integer::intValue).toArray(), g1.stream().mapToInt(Integer::intValue).toArray()};
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
     * in the first half's buffers, its global L2 norm in {@link #norm}.
     */
    double forwardBackward(ExecutorService pool) {
        int size = first.size + second.size;
        double scale = 1.0 / ((double) size * model.outputSteps()); // Keras' mean over examples and steps
        double loss0, loss1;
        if (pool != null && second.size > 0) {
            Future<Double> other = pool.submit(() -> second.forwardBackward(scale));
            loss0 = first.forwardBackward(scale);
            loss1 = await(other);
        } else {
            loss0 = first.forwardBackward(scale);
            loss1 = second.forwardBackward(scale);
        }
        inParallel(pool, g -> {
            for (int i : groups[g]) squares[i] = first.grads.add(second.grads, params.get(i));
        });
        double s = 0;
        for (double q : squares) s += q;   // in parameter order, as Gradients.norm adds them
        norm = Math.sqrt(s);
        return loss0 + loss1;
    }

    /** The global L2 norm of the batch's gradient after {@link #forwardBackward}, before any clipping. */
    double norm() { return norm; }

    /**
     * One optimiser step from the batch's gradient times {@code scale} (the clipping factor, 1 for none), each
     * parameter first copied into {@code kept} (same order as the model's parameters), then updated, then
     * its transposed copy refreshed, the parameters split between the caller and {@code pool}.
     */
    void update(Optimizer optimizer, double scale, double[][] kept, ExecutorService pool) {
        optimizer.begin();
        inParallel(pool, g -> {
            for (int i : groups[g]) {
                Parameter p = params.get(i);
                System.arraycopy(p.data(), 0, kept[i], 0, kept[i].length);
                optimizer.update(p, first.grads.of(p), scale);
                p.refreshTransposed();
            }
        });
    }

    /** Runs {@code work} for group 1 on {@code pool} (when given) and group 0 on the caller; returns when both are done. */
    private static void inParallel(ExecutorService pool, IntConsumer work) {
        if (pool == null) {
            work.accept(0);
            work.accept(1);
            return;
        }
        Future<?> other = pool.submit(() -> work.accept(1));
        work.accept(0);
        await(other);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a training shard failed: " + e.getCause(), e.getCause());
        }
    }

    /** The first or second half's buffers, free between two batches (validation borrows them). */
    SequenceModel.Workspace workspace(int half) {
        return half == 0 ? first.work : second.work;
    }


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
            for (int b = 0; b < size; b++) {
                for (int t = 0; t < targets.length; t++) targets[t][b] = examples.get(b).targetSymbol(t);
            }
            Evaluation.fill(xs, examples, reversed);
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
