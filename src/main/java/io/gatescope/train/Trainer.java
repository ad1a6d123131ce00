package io.gatescope.train;

import io.gatescope.engine.Gradients;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.SequenceModel;
import io.gatescope.optim.Adam;
import io.gatescope.optim.Optimizer;
import io.gatescope.optim.Sgd;
import io.gatescope.task.AdditionModels;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Dataset;
import io.gatescope.task.Evaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Mini-batch training of an addition model with softmax cross-entropy.
 *
 * <p>Deterministic on one thread or two: every batch is cut into the same two shards whatever the
 * thread count ({@link Shards}), and the shard sums are added in a fixed order. The same seed and
 * settings therefore give the same weights bit for bit, whether the run goes straight through or
 * is paused and stepped one update at a time.
 *
 * <p>Every batch checks the loss and the gradient norm: at the first value that is not finite the
 * run stops ({@link State#DIVERGED}) with the last weights that gave a finite loss restored, and a
 * note saying where and why. A loss ten times the first batch's (a model worse than guessing) keeps
 * running but carries a warning.
 *
 * <p>{@link #run} blocks its caller (a background thread); {@link #pause}, {@link #resume},
 * {@link #step}, {@link #cancel}, {@link #latest} and {@link #requestWeights} may be called from any thread.
 */
public final class Trainer {
    /** Where a run stands. */
    public enum State { RUNNING, PAUSED, COMPLETED, TARGET_REACHED, PLATEAU, TIME_LIMIT, CANCELLED, DIVERGED }

    /** For the patience, a validation loss counts as better only when it is this fraction below the best so far. */
    private static final double MIN_IMPROVEMENT = 0.005;

    /**
     * Near its target accuracy a run checks it this many times per epoch instead of once, so it stops
     * within a fraction of an epoch of reaching it (an LSTM epoch at 128 units is about 2 s).
     */
    static final int CHECKS_NEAR_TARGET = 4;

    /**
     * "Near": the last check was at most this far below the target. Further away a check would cost
     * (a validation pass is about 4 % of an epoch) without any chance of stopping.
     */
    static final double NEAR = 0.1;

    /** A loss this many times the first batch's is worse than guessing: the run is warned about it. */
    private static final double GROWTH_WARNING = 10;

    private final TrainingConfig config;
    private final SequenceModel model;
    private final Dataset data;
    private final Optimizer optimizer;
    private final Shards shards;
    private final double[][] lastGood;
    /** When the run was asked for (System.nanoTime): the time limit counts the startup too. */
    private final long startedAt;
    private final AtomicReference<TrainingSnapshot> latest = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Map<String, double[]>>> weightRequest = new AtomicReference<>();
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private volatile boolean cancelled;
    private int stepsAllowed; // guarded by pauseLock: single updates granted while paused
    private volatile List<AdditionTask.Example> lastBatch = List.of();
    private final TrainingHistory history = new TrainingHistory();

    /** A fresh model from the config's seed; its time limit counts from here (the startup included). */
    public Trainer(TrainingConfig config) {
        this(config, new Startup(0));
    }

    /**
     * A fresh model from the config's seed, its startup reported to and timed by {@code startup}.
     *
     * @throws Startup.Stopped when the time limit runs out (or {@code startup} is cancelled) first
     */
    public Trainer(TrainingConfig config, Startup startup) {
        this(config, freshModel(config, startup), startup);
    }

    /** Continues training {@code model} (e.g. a loaded checkpoint) with the config's settings. */
    public Trainer(TrainingConfig config, SequenceModel model) {
        this(config, model, new Startup(0));
    }

    private Trainer(TrainingConfig config, SequenceModel model, Startup startup) {
        this.config = config;
        this.model = model;
        this.startedAt = startup.startedAt();
        startup.enter(String.format(Locale.ROOT, "generating %,d sums", config.datasetSize()));
        this.data = Dataset.generate(config.seed(), config.datasetSize(), config.validationFraction(), Dataset.TEST_SIZE);
        if (data.train().isEmpty()) {
            throw new IllegalArgumentException("no examples are left for training: " + config.datasetSize()
                    + " examples with a validation fraction of " + config.validationFraction());
        }
        this.optimizer = config.optimizer().equals("sgd") ? new Sgd(config.learningRate(), config.momentum())
                : new Adam(config.learningRate());
        startup.enter("allocating the batch buffers");
        this.shards = new Shards(model, config.batch(), config.reversed());
        List<Parameter> ps = model.parameters();
        this.lastGood = new double[ps.size()][];
        for (int i = 0; i < ps.size(); i++) lastGood[i] = new double[ps.get(i).size()];
        startup.check();
    }

    private static SequenceModel freshModel(TrainingConfig config, Startup startup) {
        startup.enter(config.isDense() ? "building the dense baseline"
                : String.format(Locale.ROOT, "drawing %,d initial weights", TrainingEstimate.of(config).weights()));
        return config.isDense() ? AdditionModels.denseBaseline(config.seed())
                : AdditionModels.encoderDecoder(config.cellKind(), config.hidden(), config.seed());
    }

    public SequenceModel model() { return model; }

    public TrainingConfig config() { return config; }

    public Dataset data() { return data; }

    /** The most recent snapshot, or null before the first batch. */
    public TrainingSnapshot latest() { return latest.get(); }

    /** The run's curves: a point per batch and one per epoch. */
    public TrainingHistory history() { return history; }

    /** The examples of the most recent batch, in the order they were drawn. */
    public List<AdditionTask.Example> lastBatch() { return lastBatch; }

    /** Stops before the next batch until {@link #resume}, {@link #step} or {@link #cancel}; may precede {@link #run}. */
    public void pause() { paused = true; }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    /** While paused: lets exactly one more batch (one optimiser step) run, then stays paused. */
    public void step() {
        synchronized (pauseLock) {
            stepsAllowed++;
            pauseLock.notifyAll();
        }
    }

    public void cancel() {
        cancelled = true;
        resume();
    }

    public boolean isCancelled() { return cancelled; }

    /** A copy of the current weights (state_dict names), taken safely between two batches or while paused. */
    public CompletableFuture<Map<String, double[]>> requestWeights() {
        CompletableFuture<Map<String, double[]>> f = new CompletableFuture<>();
        CompletableFuture<Map<String, double[]>> previous = weightRequest.getAndSet(f);
        if (previous != null) f.thenAccept(previous::complete);
        TrainingSnapshot s = latest.get();
        if (s != null && s.finished()) f.complete(weights());
        synchronized (pauseLock) {
            pauseLock.notifyAll(); // a paused run serves it at once
        }
        return f;
    }

    /**
     * A copy of the current weights by parameter name. Call it from the training thread (the
     * {@code onEpoch} callback) or after {@link #run} returned; other threads use {@link #requestWeights}.
     */
    public Map<String, double[]> weights() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) out.put(p.name(), p.data().clone());
        return out;
    }

    /**
     * Trains until the epochs run out, the target accuracy, the patience or the time limit is reached,
     * the run diverges, or {@link #cancel} is called. {@code onEpoch} receives the snapshot after every
     * epoch's validation, and the final one.
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
            if (f != null) f.complete(weights());
        }
    }

    private TrainingSnapshot loop(Consumer<TrainingSnapshot> onEpoch, ExecutorService pool) {
        List<AdditionTask.Example> train = data.train();
        int n = train.size(), bs = config.batch();
        int batches = (n + bs - 1) / bs;
        int[] order = new int[n];
        SplittableRandom shuffleRng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        List<Parameter> params = model.parameters();
        long start = System.nanoTime();
        long seen = 0;
        double firstLoss = Double.NaN, bestValidationLoss = Double.POSITIVE_INFINITY;
        int epochsWithoutBetter = 0;
        String warning = "";
        TrainingSnapshot snap = new TrainingSnapshot(0, 0, batches, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 0, 0, optimizer.learningRate(), Double.NaN, State.RUNNING, "");
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            for (int i = 0; i < n; i++) order[i] = i;
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates with the run's own generator
                int j = shuffleRng.nextInt(i + 1);
                int tmp = order[i]; order[i] = order[j]; order[j] = tmp;
            }
            double lossSum = 0;
            long lossCount = 0;
            for (int b = 0; b < batches; b++) {
                if (waitWhilePaused(snap)) return finish(snap, State.CANCELLED, snap.note(), onEpoch);
                int from = b * bs, size = Math.min(bs, n - from);
                lastBatch = shards.load(train, order, from, size);
                double loss = shards.forwardBackward(pool);
                double norm = shards.norm();
                double batchLoss = loss / ((double) size * model.outputSteps());
                if (!Double.isFinite(batchLoss) || !Double.isFinite(norm)) {
                    restore(params);
                    return finish(validate(snap, pool), State.DIVERGED, divergence(epoch, b + 1, batchLoss, norm), onEpoch);
                }
                // Kept first (these weights gave a finite loss: the ones to fall back on), then updated.
                double clip = config.clipNorm() > 0 ? Gradients.clipFactor(norm, config.clipNorm()) : 1.0;
                shards.update(optimizer, clip, lastGood, pool);
                if (Double.isNaN(firstLoss)) firstLoss = batchLoss;
                if (warning.isEmpty() && batchLoss > GROWTH_WARNING * firstLoss) warning = growth(epoch, b + 1, firstLoss, batchLoss);
                seen += size;
                lossSum += loss;
                lossCount += (long) size * model.outputSteps();
                double elapsed = (System.nanoTime() - start) / 1e9;
                snap = new TrainingSnapshot(epoch, b + 1, batches, seen, lossSum / lossCount, batchLoss, snap.validationLoss(),
                        snap.validationChars(), snap.validationSequences(), seen / elapsed, elapsed,
                        optimizer.learningRate(), norm, paused ? State.PAUSED : State.RUNNING, warning);
                latest.set(snap);
                history.add(new TrainingHistory.Point(snap.epochProgress(), batchLoss, Double.NaN, Double.NaN, Double.NaN));
                serveWeightRequest();
                if (checkNow(b + 1, batches, snap)) {
                    snap = validate(snap, pool);
                    latest.set(snap);
                    history.add(new TrainingHistory.Point(snap.epochProgress(), snap.trainLoss(), snap.validationLoss(),
                            snap.validationChars(), snap.validationSequences()));
                    if (snap.validationSequences() >= config.untilAccuracy()) return finish(snap, State.TARGET_REACHED, warning, onEpoch);
                }
                if (config.timeLimitSeconds() > 0 && (System.nanoTime() - startedAt) / 1e9 >= config.timeLimitSeconds()) {
                    return finish(validate(snap, pool), State.TIME_LIMIT, warning, onEpoch);
                }
            }
            snap = validate(snap, pool);
            latest.set(snap);
            history.add(new TrainingHistory.Point(epoch, snap.trainLoss(), snap.validationLoss(), snap.validationChars(),
                    snap.validationSequences()));
            if (config.untilAccuracy() > 0 && snap.validationSequences() >= config.untilAccuracy()) {
                return finish(snap, State.TARGET_REACHED, warning, onEpoch);
            }
            if (snap.validationLoss() < bestValidationLoss * (1 - MIN_IMPROVEMENT)) {
                bestValidationLoss = snap.validationLoss();
                epochsWithoutBetter = 0;
            } else if (config.patience() > 0 && ++epochsWithoutBetter >= config.patience()) {
                return finish(snap, State.PLATEAU, warning, onEpoch);
            }
            if (epoch == config.epochs()) break;
            onEpoch.accept(snap);
            optimizer.setLearningRate(Math.max(optimizer.learningRate() * config.lrDecay(), config.learningRate() * config.lrFloor()));
        }
        return finish(snap, State.COMPLETED, warning, onEpoch);
    }

    /**
     * Whether to check the target after batch {@code done} of {@code batches}, before the epoch's end:
     * at every {@link #CHECKS_NEAR_TARGET}-th of the epoch, once the last check came within {@link #NEAR}.
     * It only reads the weights, so the run trains exactly as without it.
     */
    private boolean checkNow(int done, int batches, TrainingSnapshot s) {
        int every = (batches + CHECKS_NEAR_TARGET - 1) / CHECKS_NEAR_TARGET;
        return config.untilAccuracy() > 0 && done < batches && done % every == 0
                && s.validationSequences() >= config.untilAccuracy() - NEAR;
    }

    private TrainingSnapshot validate(TrainingSnapshot s, ExecutorService pool) {
        // In the shards' buffers: validation runs between two batches, when they are free.
        Evaluation.Accuracy acc = pool == null ? Evaluation.evaluate(model, data.validation(), config.reversed(), shards.workspace(0))
                : Evaluation.evaluate(model, data.validation(), config.reversed(), pool, shards.workspace(0), shards.workspace(1));
        return s.withValidation(acc.loss(), acc.characters(), acc.sequences());
    }

    private TrainingSnapshot finish(TrainingSnapshot s, State state, String note, Consumer<TrainingSnapshot> onEpoch) {
        history.flush();
        TrainingSnapshot last = s.withState(state, note);
        latest.set(last);
        onEpoch.accept(last);
        return last;
    }

    private static String divergence(int epoch, int batch, double loss, double norm) {
        String what = !Double.isFinite(loss) ? "the loss became " + word(loss) : "the gradient norm became " + word(norm);
        return String.format(Locale.ROOT, "diverged at epoch %d, batch %d: %s. The weights before that batch are kept. "
                + "Try clipping the gradients (clip 1) or a lower learning rate.", epoch, batch, what);
    }

    private static String growth(int epoch, int batch, double first, double now) {
        return String.format(Locale.ROOT, "the loss grew from %.3g to %.3g by epoch %d, batch %d: the learning rate "
                + "is probably too high. Try clipping the gradients (clip 1) or a lower learning rate.", first, now, epoch, batch);
    }

    private static String word(double v) {
        return Double.isNaN(v) ? "NaN" : v > 0 ? "+∞" : "−∞";
    }

    private void restore(List<Parameter> params) {
        if (latest.get() == null) return; // the first batch failed: the weights were never changed
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(lastGood[i], 0, params.get(i).data(), 0, lastGood[i].length);
            params.get(i).touch();
        }
    }

    /** Blocks while paused (unless a single step was granted); returns true when the run was cancelled. */
    private boolean waitWhilePaused(TrainingSnapshot s) {
        if (paused && !cancelled) {
            history.flush();   // the window shows every batch up to the pause (and each single step)
            latest.set(s.withState(State.PAUSED));
            synchronized (pauseLock) {
                while (paused && !cancelled && stepsAllowed == 0) {
                    serveWeightRequest(); // between two batches: the weights are still
                    try {
                        pauseLock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        cancelled = true;
                    }
                }
                if (paused && stepsAllowed > 0) stepsAllowed--;
            }
        }
        return cancelled || Thread.currentThread().isInterrupted();
    }

    private void serveWeightRequest() {
        CompletableFuture<Map<String, double[]>> f = weightRequest.getAndSet(null);
        if (f != null) f.complete(weights());
    }
}
