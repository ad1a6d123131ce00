package io.gatescope.task;

import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.Losses;
import io.gatescope.engine.SequenceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Predictions and accuracies of a model on the addition task. The trainer's validation metrics, the
 * CLI's predict and evaluate, and the UI all go through here, so they cannot disagree.
 */
public final class Evaluation {
    private static final int BATCH = 256;

    private Evaluation() {
    }

    /**
     * @param characters fraction of output characters right
     * @param sequences  fraction of examples with all five characters right (the headline metric)
     * @param loss       mean cross-entropy per character
     */
    public record Accuracy(double characters, double sequences, double loss, int examples) {
    }

    /** Predicts the five-character answer of each padded input text, in order. */
    public static List<String> predict(SequenceModel model, List<String> paddedInputs) {
        return predict(model, paddedInputs, GateClamps.NONE);
    }

    /**
     * The same with gates held at constants. Only an encoder–decoder has gates; {@code clamps} must be
     * {@link GateClamps#NONE} for the dense baseline.
     */
    public static List<String> predict(SequenceModel model, List<String> paddedInputs, GateClamps clamps) {
        List<String> out = new ArrayList<>(paddedInputs.size());
        SequenceModel.Workspace w = model.newWorkspace(Math.min(BATCH, Math.max(1, paddedInputs.size())));
        if (w instanceof EncoderDecoder.Run run) {
            run.clamp(clamps);
        } else if (!clamps.isEmpty()) {
            throw new IllegalArgumentException("the dense baseline has no gates to hold");
        }
        double[][] xs = inputs(model, w.maxBatch);
        for (int start = 0; start < paddedInputs.size(); start += w.maxBatch) {
            int n = Math.min(w.maxBatch, paddedInputs.size() - start);
            fill(xs, paddedInputs.subList(start, start + n));
            model.forward(w, n, xs);
            for (int b = 0; b < n; b++) out.add(argmaxText(model, w, b));
        }
        return out;
    }

    /** Accuracy and loss on {@code examples}, read as written. */
    public static Accuracy evaluate(SequenceModel model, List<AdditionTask.Example> examples) {
        return evaluate(model, examples, false);
    }

    /** Accuracy and loss on {@code examples}, the questions reversed for a model trained on reversed input. */
    public static Accuracy evaluate(SequenceModel model, List<AdditionTask.Example> examples, boolean reversed) {
        return count(model, examples, reversed, workspace(model, examples.size())).accuracy(model.outputSteps());
    }

    /** The same on one thread in the caller's buffers. */
    public static Accuracy evaluate(SequenceModel model, List<AdditionTask.Example> examples, boolean reversed,
                                    SequenceModel.Workspace w) {
        return count(model, examples, reversed, w).accuracy(model.outputSteps());
    }

    private static SequenceModel.Workspace workspace(SequenceModel model, int examples) {
        return model.newWorkspace(Math.min(BATCH, Math.max(1, examples)));
    }

    /**
     * The same, with the second half of the examples counted on {@code pool} while this thread counts
     * the first: the trainer validates every epoch and should use both cores for it too.
     */
    public static Accuracy evaluate(SequenceModel model, List<AdditionTask.Example> examples, boolean reversed,
                                    ExecutorService pool) {
        return evaluate(model, examples, reversed, pool, workspace(model, examples.size() / 2),
                workspace(model, examples.size() - examples.size() / 2));
    }

    /**
     * The same in the caller's buffers, one per half (the trainer lends its shards' between two batches):
     * a fresh workspace for 256 sequences of a 128-unit LSTM is about 60 MB to allocate and clear, and
     * the trainer validates up to five times per epoch.
     */
    public static Accuracy evaluate(SequenceModel model, List<AdditionTask.Example> examples, boolean reversed,
                                    ExecutorService pool, SequenceModel.Workspace firstHalf, SequenceModel.Workspace secondHalf) {
        int half = examples.size() / 2;
        Future<Counts> second = pool.submit(() -> count(model, examples.subList(half, examples.size()), reversed, secondHalf));
        Counts first = count(model, examples.subList(0, half), reversed, firstHalf);
        try {
            return first.plus(second.get()).accuracy(model.outputSteps());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        }
    }

    /** Right characters and sequences and the summed loss: integers add exactly, so halves combine. */
    private record Counts(long rightChars, long rightSeqs, double loss, int examples) {
        Counts plus(Counts o) {
            return new Counts(rightChars + o.rightChars, rightSeqs + o.rightSeqs, loss + o.loss, examples + o.examples);
        }

        Accuracy accuracy(int steps) {
            int n = Math.max(1, examples);
            return new Accuracy((double) rightChars / (n * (long) steps), (double) rightSeqs / n, loss / (n * (double) steps), examples);
        }
    }

    private static Counts count(SequenceModel model, List<AdditionTask.Example> examples, boolean reversed,
                                SequenceModel.Workspace w) {
        double[][] xs = inputs(model, w.maxBatch);
        int v = model.outputSize(), steps = model.outputSteps();
        int[] targets = new int[w.maxBatch];
        long rightChars = 0, rightSeqs = 0;
        double loss = 0;
        for (int start = 0; start < examples.size(); start += w.maxBatch) {
            int n = Math.min(w.maxBatch, examples.size() - start);
            List<AdditionTask.Example> chunk = examples.subList(start, start + n);
            fill(xs, chunk, reversed);
            model.forward(w, n, xs);
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < n; b++) targets[b] = chunk.get(b).targetSymbol(t);
                loss += Losses.softmaxCrossEntropy(n, v, w.logits[t], targets, 1.0, w.probs[t], null);
            }
            for (int b = 0; b < n; b++) {
                int right = 0;
                for (int t = 0; t < steps; t++) {
                    if (AdditionTask.argmax(w.logits[t], b * v, v) == chunk.get(b).targetSymbol(t)) right++;
                }
                rightChars += right;
                if (right == steps) rightSeqs++;
            }
        }
        return new Counts(rightChars, rightSeqs, loss, examples.size());
    }

    /** One-hot encodes {@code texts} into the per-step batch matrices {@code xs[t]} (B×11). */
    public static void fill(double[][] xs, List<String> texts) {
        for (int b = 0; b < texts.size(); b++) {
            for (int t = 0; t < AdditionTask.STEPS; t++) oneHot(xs[t], b, AdditionTask.ALPHABET.indexOf(texts.get(b).charAt(t)));
        }
    }

    /** One-hot encodes the inputs of {@code examples}, read as the model reads them, into {@code xs[t]} (B×11). */
    public static void fill(double[][] xs, List<AdditionTask.Example> examples, boolean reversed) {
        for (int b = 0; b < examples.size(); b++) {
            for (int t = 0; t < AdditionTask.STEPS; t++) oneHot(xs[t], b, examples.get(b).inputSymbol(reversed, t));
        }
    }

    /** Row {@code b} of one step's B×11 input: all zeros but a 1 at {@code symbol}. */
    private static void oneHot(double[] x, int b, int symbol) {
        int s = AdditionTask.SYMBOLS;
        java.util.Arrays.fill(x, b * s, (b + 1) * s, 0.0);
        x[b * s + symbol] = 1.0;
    }

    static double[][] inputs(SequenceModel model, int batch) {
        return new double[model.inputSteps()][batch * model.inputSize()];
    }

    private static String argmaxText(SequenceModel model, SequenceModel.Workspace w, int b) {
        int v = model.outputSize();
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < model.outputSteps(); t++) {
            sb.append(AdditionTask.ALPHABET.charAt(AdditionTask.argmax(w.logits[t], b * v, v)));
        }
        return sb.toString();
    }
}
