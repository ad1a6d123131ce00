package io.gatescope.train;

import io.gatescope.engine.Gradients;
import io.gatescope.engine.Losses;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.SequenceModel;
import io.gatescope.optim.Adam;
import io.gatescope.optim.Clipping;
import io.gatescope.optim.Optimizer;
import io.gatescope.optim.Sgd;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Dataset;
import io.gatescope.task.Evaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Mini-batch training of an addition model with softmax cross-entropy.
 *
 * <p>Deterministic on one thread or two: every batch is cut into the same two shards whatever the
 * thread count, each shard accumulates its own gradients, and the shard sums are added in a fixed
 * order. The same seed and settings therefore give the same weights bit for bit.
 *
 * <p>{@link #run} blocks its caller (a background thread); {@link #pause}, {@link #resume},
 * {@link #cancel}, {@link #latest} and {@link #requestWeights} may be called from any thread.
 */
public final class Trainer {
    /** Where a run stands. */
    public enum State { RUNNING, PAUSED, COMPLETED, TARGET_REACHED, TIME_LIMIT, CANCELLED }

    private static final int SHARDS = 2;

    private final TrainingConfig config;
    private final SequenceModel model;
    private final Dataset data;
    private final Optimizer optimizer;
    private final Shard[] shards = new Shard[SHARDS];
    private final AtomicReference<TrainingSnapshot> latest = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Map<String, double[]>>> weightRequest = new AtomicReference<>();
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile boolean cancelled;

    /** A fresh model from the config's seed. */
    public Trainer(TrainingConfig config) {
        this(config, config.isDense() ? AdditionModels.denseBaseline(config.seed())
                : AdditionModels.encoderDecoder(config.cellKind(), config.hidden(), config.seed()));
    }

    /** Continues training {@code model} (e.g. a loaded checkpoint) with the config's settings. */
    public Trainer(TrainingConfig config, SequenceModel model) {
        this.config = config;
        this.model = model;
        this.data = Dataset.generate(config.seed(), config.datasetSize(), config.validationFraction(), Dataset.DEFAULT_TEST);
        this.optimizer = config.optimizer().equals("sgd") ? new Sgd(config.learningRate(), config.momentum())
                : new Adam(config.learningRate());
        int shardBatch = (config.batch() + SHARDS - 1) / SHARDS;
        for (int s = 0; s < SHARDS; s++) shards[s] = new Shard(shardBatch);
    }

    public SequenceModel model() { return model; }

    public TrainingConfig config() { return config; }

    public Dataset data() { return data; }

    /** The most recent snapshot, or null before the first batch. */
    public TrainingSnapshot latest() { return latest.get(); }

    public void pause() { paused = true; }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public void cancel() {
        cancelled = true;
        resume();
    }

    public boolean isCancelled() { return cancelled; }

    /** A copy of the current weights (state_dict names), taken safely between two batches. */
    public CompletableFuture<Map<String, double[]>> requestWeights() {
        CompletableFuture<Map<String, double[]>> f = new CompletableFuture<>();
        CompletableFuture<Map<String, double[]>> previous = weightRequest.getAndSet(f);
        if (previous != null) f.thenAccept(previous::complete);
        if (latest.get() != null && isFinished(latest.get().state())) f.complete(copyWeights());
        return f;
    }

    /**
     * Trains until the epochs run out, the target accuracy or time limit is reached, or
     * {@link #cancel} is called. {@code onEpoch} receives the snapshot after every epoch's validation.
     */
    public TrainingSnapshot run(Consumer<TrainingSnapshot> onEpoch) {
        ExecutorService pool = config.threads() > 1 ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gatescope-train-shard");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            return loop(onEpoch, pool);
        } finally {
            if (pool != null) pool.shutdownNow();
            CompletableFuture<Map<String, double[]>> f = weightRequest.getAndSet(null);
            if (f != null) f.complete(copyWeights());
        }
    }

    private TrainingSnapshot loop(Consumer<TrainingSnapshot> onEpoch, ExecutorService pool) {
        List<AdditionTask.Example> train = data.train();
        int n = train.size(), bs = config.batch();
        int batches = (n + bs - 1) / bs;
        int[] order = new int[n];
        SplittableRandom shuffleRng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        Gradients total = shards[0].grads;
        long start = System.nanoTime();
        long seen = 0;
        double valLoss = Double.NaN, valChars = Double.NaN, valSeqs = Double.NaN;
        TrainingSnapshot snap = null;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            for (int i = 0; i < n; i++) order[i] = i;
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates with the run's own generator
                int j = shuffleRng.nextInt(i + 1);
                int tmp = order[i]; order[i] = order[j]; order[j] = tmp;
            }
            double lossSum = 0;
            long lossCount = 0;
            for (int b = 0; b < batches; b++) {
                if (waitWhilePaused()) return finish(snap, State.CANCELLED, onEpoch);
                int from = b * bs, size = Math.min(bs, n - from);
                double loss = step(train, order, from, size, pool);
                double norm = config.clipNorm() > 0 ? Clipping.byGlobalNorm(total, config.clipNorm()) : total.norm();
                optimizer.step(model.parameters(), total);
                seen += size;
                lossSum += loss;
                lossCount += (long) size * model.outputSteps();
                double elapsed = (System.nanoTime() - start) / 1e9;
                snap = new TrainingSnapshot(epoch, b + 1, batches, seen, lossSum / lossCount, valLoss, valChars, valSeqs,
                        seen / elapsed, elapsed, optimizer.learningRate(), norm, paused ? State.PAUSED : State.RUNNING);
                latest.set(snap);
                serveWeightRequest();
                if (config.timeLimitSeconds() > 0 && elapsed >= config.timeLimitSeconds()) {
                    return finish(validate(snap, pool), State.TIME_LIMIT, onEpoch);
                }
            }
            snap = validate(snap, pool);
            valLoss = snap.validationLoss();
            valChars = snap.validationChars();
            valSeqs = snap.validationSequences();
            latest.set(snap);
            if (config.untilAccuracy() > 0 && valSeqs >= config.untilAccuracy()) {
                return finish(snap, State.TARGET_REACHED, onEpoch);
            }
            if (epoch == config.epochs()) return finish(snap, State.COMPLETED, onEpoch);
            onEpoch.accept(snap);
            optimizer.setLearningRate(optimizer.learningRate() * config.lrDecay());
        }
        return finish(snap, State.COMPLETED, onEpoch);
    }

    /** One batch: both shards forward and backward, then their gradients summed into shard 0's. */
    private double step(List<AdditionTask.Example> train, int[] order, int from, int size, ExecutorService pool) {
        int half = (size + 1) / 2;
        double scale = 1.0 / ((double) size * model.outputSteps()); // Keras' mean over examples and steps
        Shard s0 = shards[0], s1 = shards[1];
        s0.load(train, order, from, half);
        s1.load(train, order, from + half, size - half);
        double loss0, loss1;
        if (pool != null && size - half > 0) {
            Future<Double> other = pool.submit(() -> s1.forwardBackward(scale));
            loss0 = s0.forwardBackward(scale);
            try {
                loss1 = other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training was interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a training shard failed: " + e.getCause(), e.getCause());
            }
        } else {
            loss0 = s0.forwardBackward(scale);
            loss1 = s1.forwardBackward(scale);
        }
        s0.grads.add(s1.grads);
        return loss0 + loss1;
    }

    private TrainingSnapshot validate(TrainingSnapshot s, ExecutorService pool) {
        Evaluation.Accuracy acc = pool == null ? Evaluation.evaluate(model, data.validation())
                : Evaluation.evaluate(model, data.validation(), pool);
        return new TrainingSnapshot(s.epoch(), s.batch(), s.batchesPerEpoch(), s.examplesSeen(), s.trainLoss(), acc.loss(),
                acc.characters(), acc.sequences(), s.examplesPerSecond(), s.elapsedSeconds(), s.learningRate(),
                s.gradientNorm(), s.state());
    }

    private TrainingSnapshot finish(TrainingSnapshot s, State state, Consumer<TrainingSnapshot> onEpoch) {
        TrainingSnapshot last = s == null ? new TrainingSnapshot(0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 0, 0, optimizer.learningRate(), Double.NaN, state)
                : new TrainingSnapshot(s.epoch(), s.batch(), s.batchesPerEpoch(), s.examplesSeen(), s.trainLoss(),
                s.validationLoss(), s.validationChars(), s.validationSequences(), s.examplesPerSecond(),
                s.elapsedSeconds(), s.learningRate(), s.gradientNorm(), state);
        latest.set(last);
        onEpoch.accept(last);
        return last;
    }

    /** Blocks while paused; returns true when the run was cancelled. */
    private boolean waitWhilePaused() {
        if (paused && !cancelled) {
            TrainingSnapshot s = latest.get();
            if (s != null) latest.set(withState(s, State.PAUSED));
            synchronized (pauseLock) {
                while (paused && !cancelled) {
                    try {
                        pauseLock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        cancelled = true;
                    }
                }
            }
        }
        return cancelled || Thread.currentThread().isInterrupted();
    }

    private static TrainingSnapshot withState(TrainingSnapshot s, State state) {
        return new TrainingSnapshot(s.epoch(), s.batch(), s.batchesPerEpoch(), s.examplesSeen(), s.trainLoss(),
                s.validationLoss(), s.validationChars(), s.validationSequences(), s.examplesPerSecond(),
                s.elapsedSeconds(), s.learningRate(), s.gradientNorm(), state);
    }

    private void serveWeightRequest() {
        CompletableFuture<Map<String, double[]>> f = weightRequest.getAndSet(null);
        if (f != null) f.complete(copyWeights());
    }

    private Map<String, double[]> copyWeights() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) out.put(p.name(), p.data().clone());
        return out;
    }

    private static boolean isFinished(State s) {
        return s != State.RUNNING && s != State.PAUSED;
    }

    /** Half a batch with its own buffers, so two threads never share a writable array. */
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

        void load(List<AdditionTask.Example> train, int[] order, int from, int n) {
            size = n;
            java.util.List<String> inputs = new java.util.ArrayList<>(n);
            for (int b = 0; b < n; b++) {
                AdditionTask.Example e = train.get(order[from + b]);
                inputs.add(e.input());
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
