package io.gatescope.train;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.ParameterCounts;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Dataset;
import io.gatescope.task.Memory;
import java.util.Locale;

/**
 * What a training run needs before it spends it: the memory of its big arrays and a lower bound on
 * the time to its first update, computed from the settings alone. The command line and the window
 * both refuse, with these figures and the same words, a run that cannot fit in the heap Java may
 * still use or cannot reach one update within its time limit — instead of an OutOfMemoryError or
 * minutes of silent initialisation.
 *
 * <p>Both figures are lower bounds: only the big arrays are counted, and the time assumes a speed
 * (10¹¹ multiply-adds a second) well beyond this kind of machine. What they refuse cannot work.
 */
public record TrainingEstimate(long bytes, long weights, double secondsToFirstUpdate) {
    /** The seeds' encoder and decoder each read or write five steps. */
    private static final int STEPS = 2 * AdditionTask.STEPS;
    /** Per weight: the weight, its transposed cache, Adam's two moments and two shards' gradients. */
    private static final int COPIES_PER_WEIGHT = 6;
    /** Faster than any machine this runs on, so the time below is a floor: multiply-adds per second. */
    private static final double FLOPS = 1e11;
    /** Drawing one initial weight or generating one sum takes at least this long, in seconds. */
    private static final double SECONDS_PER_WEIGHT = 2e-9, SECONDS_PER_EXAMPLE = 2e-8;

    /** The estimate for {@code c}; a count beyond 64 bits gives −1 bytes (refused as "more than 8 EB"). */
    public static TrainingEstimate of(TrainingConfig c) {
        long weights = 0, bytes;
        double work = c.datasetSize() * SECONDS_PER_EXAMPLE;
        try {
            long data = Math.multiplyExact((long) c.datasetSize(), Dataset.BYTES_PER_EXAMPLE);
            long perExample = 0;
            if (!c.isDense()) {
                CellKind k = c.cellKind();
                int h = c.hidden(), v = AdditionTask.SYMBOLS;
                weights = Math.addExact(Math.addExact(ParameterCounts.recurrent(k, v, h, 1, false, true),
                        ParameterCounts.recurrent(k, h, h, 1, false, true)), ParameterCounts.dense(h, v));
                // per example, step and unit: the gate pre-activations, the gates and their gradients
                // (3 per gate block), plus h, c, dh and dc, kept for backpropagation
                perExample = Math.multiplyExact((long) STEPS * (3L * k.blocks() + 4), h);
                // one update: forward and backward through every step, about 3 multiply-adds per weight and example
                work += weights * SECONDS_PER_WEIGHT + 3.0 * weights * c.batch() * (STEPS / 2.0) / FLOPS;
            }
            bytes = Math.addExact(data, Math.multiplyExact(8L, Math.addExact(
                    Math.multiplyExact(weights, COPIES_PER_WEIGHT), Math.multiplyExact(perExample, c.batch()))));
        } catch (ArithmeticException overflow) {
            bytes = -1;
        }
        return new TrainingEstimate(bytes, weights, work);
    }

    /**
     * Throws an IllegalArgumentException saying what {@code c} needs and what there is, when it
     * cannot fit in memory or cannot reach its first update within its time limit.
     */
    public static void check(TrainingConfig c) {
        TrainingEstimate e = of(c);
        String what = String.format(Locale.ROOT, "training with hidden size %d, batch size %d and %,d examples",
                c.hidden(), c.batch(), c.datasetSize());
        Memory.require(what, e.bytes());
        double limit = c.timeLimitSeconds();
        if (limit > 0 && e.secondsToFirstUpdate() > limit) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs at least %s before its first update"
                    + " (%,d weights), more than the time limit of %s; allow more time, or ask for less",
                    what, duration(e.secondsToFirstUpdate()), e.weights(), duration(limit)));
        }
    }

    /** "33 ms", "0.4 s", "12 s", "3 min 20 s", "5.2 h", "61 days". */
    public static String duration(double seconds) {
        if (seconds < 0.1) return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
        if (seconds < 10) return String.format(Locale.ROOT, "%.1f s", seconds);
        if (seconds < 60) return String.format(Locale.ROOT, "%.0f s", seconds);
        if (seconds < 3600) return String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
        if (seconds < 86_400 * 2) return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        return String.format(Locale.ROOT, "%,.0f days", seconds / 86_400);
    }
}
