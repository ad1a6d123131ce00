package io.gatescope.ui.training;

import io.gatescope.chart.RunCurves;
import io.gatescope.chart.TrainingCurves;
import io.gatescope.engine.SequenceModel;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import io.gatescope.train.BackgroundPriority;
import io.gatescope.train.Comparison;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingHistory;
import io.gatescope.train.TrainingSetting;
import io.gatescope.train.TrainingSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The training panel's state on the JavaFX thread, and the one place that talks to the trainer.
 *
 * <p>Threading: runs train on their own daemon thread (not the compute thread, so traces in the main
 * view stay live); the trainer is built there too, since making the model and the data set takes a
 * while. The trainer publishes snapshots and appends its curves; while a run is active a timer
 * thread asks the FX thread to look at them every {@link #LOOK_EVERY_MS} ms (one request outstanding
 * at most, so a busy FX thread is never queued up), and each look is a bounded amount of work: the
 * latest snapshot for the progress line, the new curve points (one list copy, one redraw), whatever
 * the trainer's speed. No pulse runs only to look (an AnimationTimer would make sixty a second): on
 * two cores the window's own CPU time is training time lost (docs/performance.md). What the trainer
 * thread prepares (a copy of the weights and the predictions at each epoch, a comparison's results)
 * arrives through {@link AtomicReference}s read by the same timer.
 */
final class TrainingSession {
    /** How many validation sums the predictions table shows. */
    static final int PREDICTIONS = 12;
    /**
     * How often the panel shows what the trainer did (ms). Twice a second still reads as live; each look
     * repaints the whole plot, and on two cores the look's drawing takes a core from the trainer's two
     * threads, which wait for each other at every batch (docs/performance.md, "Throughput within one run").
     */
    static final long LOOK_EVERY_MS = 500;
    /** Enough batches for the kernels' loops to reach the JIT's thresholds, few enough to take seconds. */
    static final int WARM_UP_EXAMPLES = 2_000, WARM_UP_EPOCHS = 2;

    /**
     * The weights and predictions at one moment of a run (the end of an epoch, or a single update).
     *
     * @param at the trainer's snapshot of that moment: where in the run it is, and its counters
     */
    record Moment(String run, TrainingSnapshot at, TrainingConfig config, Map<String, double[]> weights, List<Prediction> predictions) {
        /** Where in the run, in epochs. */
        double epoch() { return at.epochProgress(); }

        String label() { return String.format(java.util.Locale.ROOT, "%s · epoch %.2f", run, epoch()); }
    }

    /** One row of the predictions table. */
    record Prediction(AdditionTask.Example example, String predicted) {
        boolean right() { return predicted.equals(example.target()); }
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();   // building the model too gives way to the window
            r.run();
        }, "gatescope-training");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyObjectWrapper<Comparison> comparing = new ReadOnlyObjectWrapper<>(this, "comparing");
    private final ObservableList<TrainingCurves.Series> runs = FXCollections.observableArrayList();
    private final ObservableList<Moment> moments = FXCollections.observableArrayList();
    private final ObservableList<Comparison.Result> comparison = FXCollections.observableArrayList();
    private final ObservableList<ComparisonRow> comparisonRows = FXCollections.observableArrayList();
    private final AtomicReference<List<Moment>> handed = new AtomicReference<>(List.of());
    private final AtomicReference<List<Comparison.Result>> results = new AtomicReference<>(List.of());
    private final AtomicReference<Object> finished = new AtomicReference<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gatescope-looks");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean lookRequested = new AtomicBoolean();
    private ScheduledFuture<?> looking;
    private volatile Trainer trainer;
    /** Guards {@link #trainer} being set against a pause pressed at the same moment. */
    private final Object assigning = new Object();
    private boolean pauseAsked;
    /** Trainers that began, not yet shown: one look may find several. */
    private final ConcurrentLinkedQueue<Trainer> begun = new ConcurrentLinkedQueue<>();
    private volatile boolean stopping;
    /** The warm-up's runs ({@link #warmUp}), null before; cancelled by any run the user starts. */
    private volatile Comparison warming;
    private volatile int warmedUp;
    private Trainer shownTrainer;
    private int shownPoints, shownMerges;
    private RunCurves shownCurves;

    ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    /** Whether a run (or a comparison) is in progress, paused included. */
    ReadOnlyBooleanProperty activeProperty() { return active.getReadOnlyProperty(); }

    /** Why the last run stopped early, a warning, or a file error; empty otherwise. */
    ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Whether the latest weights were trained since the last save. */
    ReadOnlyBooleanProperty unsavedProperty() { return unsaved.getReadOnlyProperty(); }

    /** The comparison in progress, null when none runs: set when it starts, cleared when it ends. */
    ReadOnlyObjectProperty<Comparison> comparingProperty() { return comparing.getReadOnlyProperty(); }

    ObservableList<TrainingCurves.Series> runs() { return runs; }

    ObservableList<Moment> moments() { return moments; }

    /** The comparison's results, one added as each model reaches its verdict. */
    ObservableList<Comparison.Result> comparison() { return comparison; }

    /** The comparison's table: done, training and waiting models, refreshed while it runs. */
    ObservableList<ComparisonRow> comparisonRows() { return comparisonRows; }

    Trainer trainer() { return trainer; }

    void setMessage(String m) { message.set(m); }

    void markSaved() { unsaved.set(false); }

    /**
     * Starts a run with {@code config} (from {@code model} when continuing). With {@code oneStep} it
     * starts paused and takes a single optimiser step.
     */
    void start(TrainingConfig config, SequenceModel model, boolean oneStep) {
        if (active.get()) return;
        cancelWarmUp();
        begin();
        thread.execute(() -> {
            Trainer t;
            try {
                t = model == null ? new Trainer(config) : new Trainer(config, model);
            } catch (IllegalArgumentException e) {
                finished.set(e);
                return;
            }
            if (oneStep) {
                t.pause();
                t.step();
                afterStep(t, 0);
            }
            assign(t);
            if (stopping) t.cancel();
            finished.set(t.run(s -> handOver(t, s)));
        });
    }

    /** Trains the seeds' comparison, one cell after another, on the training thread; the table fills in as it goes. */
    void compare(TrainingConfig base) {
        if (active.get()) return;
        cancelWarmUp();
        Comparison c = new Comparison(base, Comparison.SEEDS_CELLS);
        runs.clear();
        moments.clear();
        comparison.clear();
        comparisonRows.setAll(c.cells().stream().map(ComparisonRow::waiting).toList());
        begin();
        comparing.set(c);
        thread.execute(() -> finished.set(c.run(this::assign, this::handOver, r -> results.updateAndGet(list -> append(list, r)))));
    }

    /**
     * Trains {@code cells} briefly, one after another, on the training thread at its background priority,
     * showing nothing, so that the JIT has compiled the training step (the engine's batched kernels,
     * forward and backward, the optimiser) before the first run: a run that starts cold spends its first
     * seconds in unoptimised code, and in the window longer than on the command line, since the compiler
     * is busy with the panel's drawing code too. A comparison of the form's defaults on {@link
     * #WARM_UP_EXAMPLES} examples for {@link #WARM_UP_EPOCHS} epochs: a second or two of one core per cell.
     * Start, One update and Compare cancel it at its next batch and run after it.
     */
    void warmUp(List<String> cells) {
        Comparison w = new Comparison(TrainingConfig.defaults().with(TrainingSetting.EXAMPLES, WARM_UP_EXAMPLES)
                .withEpochs(WARM_UP_EPOCHS), cells);
        warming = w;
        thread.execute(() -> warmedUp = (int) w.run(t -> { }, (t, s) -> { }).stream()
                .filter(r -> r.last().state() == Trainer.State.COMPLETED).count());
    }

    /** How many cells the warm-up trained whole (tests). */
    int warmedUp() { return warmedUp; }

    private void cancelWarmUp() {
        Comparison w = warming;
        if (w != null) w.cancel();
    }

    /**
     * Pauses the run. Pressed while the model is still being built (or between two models of a
     * comparison) it is kept, and the next trainer starts paused.
     */
    void pause() {
        synchronized (assigning) {
            pauseAsked = true;
            if (trainer != null) trainer.pause();
        }
    }

    void resume() {
        synchronized (assigning) {
            pauseAsked = false;
            if (trainer != null) trainer.resume();
        }
    }

    /** On the training thread: {@code t} trains now. Every trainer is queued, so a look shows each run's curves, however short. */
    private void assign(Trainer t) {
        synchronized (assigning) {
            trainer = t;
            begun.add(t);
            if (pauseAsked) t.pause();
        }
    }

    /** One batch, one optimiser step: from a paused run, or as the first step of a new paused run. */
    void step(TrainingConfig config) {
        Trainer t = trainer;
        if (active.get() && t != null && t.latest() != null && t.latest().state() == Trainer.State.PAUSED) {
            long before = t.latest().examplesSeen();
            t.step();
            afterStep(t, before);
        } else if (!active.get()) {
            start(config, null, true);
        }
    }

    /** Once the granted batch is done, the weights and predictions of that moment join the snapshots. */
    private void afterStep(Trainer t, long before) {
        t.requestWeights().thenAccept(w -> {
            TrainingSnapshot s = t.latest();
            if (s != null && s.examplesSeen() > before) handOver(t, s);
            else afterStep(t, before);
        });
    }

    void stop() {
        stopping = true;
        Comparison c = comparing.get();
        if (c != null) c.cancel();
        Trainer t = trainer;
        if (t != null) t.cancel();
    }

    /** Stops and forgets every run. */
    void reset() {
        stop();
        begun.clear();
        runs.clear();
        moments.clear();
        comparison.clear();
        comparisonRows.clear();
        shownTrainer = null;
        shownCurves = null;
        message.set("");
        unsaved.set(false);
    }

    private void begin() {
        synchronized (assigning) {
            trainer = null;
            pauseAsked = false;
        }
        stopping = false;
        message.set("");
        active.set(true);
        if (looking == null) looking = ticker.scheduleAtFixedRate(() -> {
            if (!lookRequested.getAndSet(true)) Platform.runLater(() -> {
                lookRequested.set(false);
                sample();
            });
        }, 0, LOOK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** On the training thread, between two batches: copy the weights and predict the table's sums. */
    private void handOver(Trainer t, TrainingSnapshot s) {
        List<AdditionTask.Example> sums = t.data().validation().subList(0, Math.min(PREDICTIONS, t.data().validation().size()));
        List<String> predicted = Evaluation.predict(t.model(), sums.stream().map(e -> e.input(t.config().reversed())).toList());
        List<Prediction> rows = new ArrayList<>();
        for (int i = 0; i < sums.size(); i++) rows.add(new Prediction(sums.get(i), predicted.get(i)));
        Moment m = new Moment(runLabel(t.config()), s, t.config(), t.weights(), List.copyOf(rows));
        handed.updateAndGet(list -> append(list, m));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> next = new ArrayList<>(list);
        next.add(item);
        return next;
    }

    /** Every {@link #LOOK_EVERY_MS} while active, on the FX thread: what arrived since the last look. */
    private void sample() {
        Object done = finished.getAndSet(null);   // read first: everything the run did before it ended is then visible below
        // Each model that began since the last look gets its curves, in order: a comparison's dense model can
        // train in less than a look's interval.
        for (Trainer next; (next = begun.poll()) != null; ) {
            if (shownTrainer != null) showPoints(shownTrainer);   // the previous model's last points
            shownTrainer = next;
            shownPoints = 0;
            shownMerges = 0;
            shownCurves = new RunCurves(runLabel(next.config()));
            runs.add(shownCurves.series());
        }
        Trainer t = shownTrainer;
        if (t != null) {
            TrainingSnapshot s = t.latest();
            if (s != null && s != snapshot.get()) {
                snapshot.set(s);
                unsaved.set(true);
                if (!s.note().isEmpty()) message.set(s.note());
                showComparisonRows();
            }
            showPoints(t);
        }
        List<Moment> arrived = handed.getAndSet(List.of());
        if (!arrived.isEmpty()) {
            List<Moment> all = new ArrayList<>(moments);
            all.addAll(arrived);
            List<Moment> kept = Moments.thin(all, Moments.limit(arrived.get(arrived.size() - 1).weights()));
            if (kept.size() == all.size()) moments.addAll(arrived);
            else moments.setAll(kept);
        }
        List<Comparison.Result> verdicts = results.getAndSet(List.of());
        if (!verdicts.isEmpty()) {
            comparison.addAll(verdicts);
            showComparisonRows();
        }
        if (done != null) end(done);
    }

    /** Appends the trainer's new curve points to its curves (work for the new points only) and redraws once. */
    private void showPoints(Trainer t) {
        TrainingHistory.Update u = t.history().update(shownMerges, shownPoints);
        if (u.restart()) {   // the history merged old batch points: draw it anew
            shownCurves = new RunCurves(runLabel(t.config()));
            shownPoints = 0;
            shownMerges = u.merges();
        } else if (u.points().isEmpty()) {
            return;
        }
        shownPoints += u.points().size();
        shownCurves.add(u.points());
        runs.set(runs.size() - 1, shownCurves.series());
    }

    /** The comparison's table: every result so far, the model training now, the ones still waiting. */
    private void showComparisonRows() {
        Comparison c = comparing.get();
        if (c == null) return;
        List<ComparisonRow> rows = new ArrayList<>();
        for (Comparison.Result r : comparison) rows.add(ComparisonRow.done(r));
        Trainer t = trainer;
        boolean training = t != null && !stopping && comparison.stream().noneMatch(r -> r.trainer() == t);
        for (int i = rows.size(); i < c.cells().size(); i++) {
            String cell = c.cells().get(i);
            boolean now = training && i == rows.size() && t.config().cell().equals(cell);
            rows.add(now ? ComparisonRow.training(cell, t.latest()) : ComparisonRow.waiting(cell));
        }
        if (!rows.equals(comparisonRows)) comparisonRows.setAll(rows);
    }

    private void end(Object done) {
        if (done instanceof Exception e) message.set("Could not start: " + e.getMessage());
        if (comparing.get() != null) {
            showComparisonRows();
            if (stopping) comparisonRows.removeIf(r -> r.verdict().equals(ComparisonRow.WAITING) || r.verdict().equals(ComparisonRow.TRAINING));
            comparing.set(null);
        }
        active.set(false);
        stopLooking();
    }

    private void stopLooking() {
        if (looking != null) looking.cancel(false);
        looking = null;
    }

    static String runLabel(TrainingConfig c) {
        return Comparison.title(c.cell()) + (c.isDense() ? "" : " " + c.hidden()) + (c.reversed() ? " reversed" : "");
    }

    /** Stops any run (at its next batch, as Stop does) and the looks at it; the panel is going away. */
    void dispose() {
        cancelWarmUp();
        stop();
        active.set(false);
        stopLooking();
        ticker.shutdownNow();
        thread.shutdown();
    }
}
