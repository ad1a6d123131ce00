package io.gatescope.task;

import io.gatescope.engine.CellAnatomy;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GateClamp;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.LayerRun;
import io.gatescope.engine.RecurrentStack;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * How often each unit's gates are saturated over a set of inputs: the fraction of (example, step)
 * pairs at which the gate is left-saturated (below {@link #LEFT}: shut) or right-saturated (above
 * {@link #RIGHT}: open). Karpathy, Johnson and Fei-Fei (2015, "Visualizing and understanding recurrent
 * networks", fig. 5) plot one dot per unit at (left fraction, right fraction); a forget gate that is
 * right-saturated nearly always is a unit that remembers across the whole sequence.
 */
public final class GateSaturation {
    public static final double LEFT = 0.1;
    public static final double RIGHT = 0.9;
    /** A unit that is saturated one way at least this often is "always" open or shut. */
    public static final double ALWAYS = 0.95;
    private static final int BATCH = 128;

    /**
     * One gate of one layer.
     *
     * @param stack "encoder" or "decoder" ("" for a bare stack)
     * @param left  per unit, the fraction of steps below {@link #LEFT}
     * @param right per unit, the fraction of steps above {@link #RIGHT}
     * @param steps how many (example, step) pairs were counted
     */
    public record Gate(String stack, int layer, CellAnatomy.Block block, double[] left, double[] right, long steps) {
        public Gate {
            left = left.clone();
            right = right.clone();
        }

        /** Units right-saturated at least {@link #ALWAYS} of the time: always open. */
        public List<Integer> alwaysOpen() { return units(right); }

        /** Units left-saturated at least {@link #ALWAYS} of the time: always shut. */
        public List<Integer> alwaysShut() { return units(left); }

        private static List<Integer> units(double[] fraction) {
            List<Integer> out = new ArrayList<>();
            for (int u = 0; u < fraction.length; u++) if (fraction[u] >= ALWAYS) out.add(u);
            return out;
        }
    }

    /** Every gate of every layer, encoder first, and how many inputs were run. */
    public record Result(CellKind kind, int examples, List<Gate> gates) {
        public Result {
            gates = List.copyOf(gates);
        }
    }

    private GateSaturation() {
    }

    /**
     * {@code count} sums a+b (a, b uniform in 0..99) drawn from {@code seed}, padded and in the order
     * the model reads them ({@code reversed} for a model trained on reversed input).
     */
    public static List<String> randomSums(int count, long seed, boolean reversed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new AdditionTask.Example(rng.nextInt(100), rng.nextInt(100)).input(reversed));
        }
        return out;
    }

    /**
     * Runs {@code model} over {@code paddedInputs} in batches, with {@code clamps} held (a what-if run;
     * {@link GateClamps#NONE} for the model as trained), and counts. Checks {@code cancelled} between
     * batches (returning null when it says so) and reports the fraction done to {@code progress}.
     */
    public static Result of(EncoderDecoder model, List<String> paddedInputs, GateClamps clamps, BooleanSupplier cancelled,
                            DoubleConsumer progress) {
        List<Counter> counters = new ArrayList<>();
        for (int k = 0; k < model.encoder().numLayers(); k++) counters.addAll(Counter.forLayer("encoder", k, model.encoder()));
        for (int k = 0; k < model.decoder().numLayers(); k++) counters.addAll(Counter.forLayer("decoder", k, model.decoder()));
        EncoderDecoder.Run run = model.newWorkspace(Math.min(BATCH, Math.max(1, paddedInputs.size())));
        run.clamp(clamps);
        double[][] xs = new double[model.inputSteps()][run.maxBatch * model.inputSize()];
        for (int start = 0; start < paddedInputs.size(); start += run.maxBatch) {
            if (cancelled.getAsBoolean()) return null;
            int n = Math.min(run.maxBatch, paddedInputs.size() - start);
            Evaluation.fill(xs, paddedInputs.subList(start, start + n));
            model.forward(run, n, xs);
            for (Counter c : counters) {
                c.add(("encoder".equals(c.stack) ? run.encoderRuns() : run.decoderRuns()).get(c.layer), n);
            }
            progress.accept((double) (start + n) / paddedInputs.size());
        }
        return new Result(model.kind(), paddedInputs.size(), counters.stream().map(Counter::gate).toList());
    }

    /** The same for a bare stack over one input sequence (T×I) from zero states, {@code clamps} held. */
    public static Result of(RecurrentStack stack, double[][] x, GateClamps clamps) {
        List<Counter> counters = new ArrayList<>();
        for (int k = 0; k < stack.numLayers(); k++) counters.addAll(Counter.forLayer("", k, stack));
        List<LayerRun> runs = stack.newRun(1, x.length);
        clamps.install(runs, GateClamp.Where.ENCODER);
        stack.forward(runs, 1, x.length, x, null, null);
        for (Counter c : counters) c.add(runs.get(c.layer), 1);
        return new Result(stack.kind(), 1, counters.stream().map(Counter::gate).toList());
    }

    /** Counts for one gate block of one layer. */
    private static final class Counter {
        final String stack;
        final int layer;
        final CellAnatomy.Block block;
        final long[] left;
        final long[] right;
        long steps;

        Counter(String stack, int layer, CellAnatomy.Block block, int hidden) {
            this.stack = stack;
            this.layer = layer;
            this.block = block;
            this.left = new long[hidden];
            this.right = new long[hidden];
        }

        static List<Counter> forLayer(String stack, int layer, RecurrentStack s) {
            return s.kind().anatomy().gates().stream().map(b -> new Counter(stack, layer, b, s.hiddenSize())).toList();
        }

        void add(LayerRun r, int batch) {
            int hidden = left.length, width = r.layer().kind().blocks() * hidden, from = block.index() * hidden;
            for (int t = 0; t < r.steps(); t++) {
                double[] gates = r.gates(t);
                for (int b = 0; b < batch; b++) {
                    for (int u = 0; u < hidden; u++) {
                        double v = gates[b * width + from + u];
                        if (v < LEFT) left[u]++;
                        else if (v > RIGHT) right[u]++;
                    }
                }
                steps += batch;
            }
        }

        Gate gate() {
            double[] l = new double[left.length], r = new double[right.length];
            for (int u = 0; u < l.length; u++) {
                l[u] = steps == 0 ? 0 : (double) left[u] / steps;
                r[u] = steps == 0 ? 0 : (double) right[u] / steps;
            }
            return new Gate(stack, layer, block, l, r, steps);
        }
    }
}
