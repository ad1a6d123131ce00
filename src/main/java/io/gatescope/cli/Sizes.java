package io.gatescope.cli;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.ParameterCounts;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Dataset;
import io.gatescope.task.Memory;
import io.gatescope.train.TrainingConfig;
import java.util.Locale;

/**
 * The memory a command's request needs, computed from its sizes before anything is allocated, so a
 * request that cannot fit is refused at once with both figures ({@link Memory#require}) rather than
 * ending minutes later in an OutOfMemoryError. Estimates count only the big arrays, so they are a
 * lower bound: what they refuse cannot fit.
 */
final class Sizes {
    /** The seeds' encoder and decoder each read or write five steps. */
    private static final int STEPS = 2 * AdditionTask.STEPS;
    /** Per parameter: the weight, its transposed cache, Adam's two moments and two shards' gradients. */
    private static final int COPIES_PER_PARAMETER = 6;

    private Sizes() {
    }

    /** {@code examples} generated test sums. */
    static void checkExamples(String what, long examples) {
        Memory.require(what, Memory.times(examples, Dataset.BYTES_PER_EXAMPLE));
    }

    /**
     * A training run: its data set, the model's parameters with their copies, and the activations a batch
     * keeps for backpropagation: per example, step and unit the gate pre-activations, the gates and
     * their gradients (3 per gate block), plus h, c, dh and dc.
     */
    static void checkTraining(TrainingConfig c) {
        long bytes;
        try {
            long data = Math.multiplyExact((long) c.datasetSize(), Dataset.BYTES_PER_EXAMPLE);
            long params, perExample;
            if (c.isDense()) {
                params = 0;
                perExample = 0;
            } else {
                CellKind k = c.cellKind();
                int h = c.hidden(), v = AdditionTask.SYMBOLS;
                params = ParameterCounts.recurrent(k, v, h, 1, false, true) + ParameterCounts.recurrent(k, h, h, 1, false, true)
                        + ParameterCounts.dense(h, v);
                perExample = Math.multiplyExact((long) STEPS * (3L * k.blocks() + 4), h);
            }
            bytes = Math.addExact(data, Math.multiplyExact(8L, Math.addExact(
                    Math.multiplyExact(params, COPIES_PER_PARAMETER), Math.multiplyExact(perExample, c.batch()))));
        } catch (ArithmeticException overflow) {
            bytes = -1;
        }
        Memory.require(String.format(Locale.ROOT, "training with --hidden %d, --batch %d and --examples %,d", c.hidden(),
                c.batch(), c.datasetSize()), bytes);
    }
}
