package io.gatescope.ui.training;

import io.gatescope.chart.TrainingCurves;
import io.gatescope.engine.SequenceModel;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.Evaluation;
import io.gatescope.train.Comparison;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingHistory;
import io.gatescope.train.TrainingSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
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
 * view stay live). The trainer publishes snapshots and appends its curves; an {@link AnimationTimer}
 * takes the latest at most once per pulse, so a fast trainer never floods the FX thread. What the
 * trainer thread hands over (a snapshot of the weights and the predictions at each epoch) goes
 * through an {@link AtomicReference} read by the same timer.
 */
final class TrainingSession {
    /** How many validation sums the predictions table shows. */
    static final int PREDICTIONS = 12;

    /** The weights and predictions at one moment of a run (the end of an epoch, or a single update). */
    record Moment(String run, double epoch, TrainingConfig config, Map<String, double[]> weights, List<Prediction> predictions) {
        String label() { return String.format(java.util.Locale.ROOT, "%s · epoch %.2f", run, epoch); }
    }

    /** One row of the predictions table. */
    record Prediction(AdditionTask.Example example, String predicted) {
        boolean right() { return predicted.equals(example.target()); }
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gatescope-training");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ObservableList<TrainingCurves.Series> runs = FXCollections.observableArrayList();
    private final ObservableList<Moment> moments = FXCollections.observableArrayList();
    private final ObservableList<Comparison.Result> comparison = FXCollections.observableArrayList();
    private final AtomicReference<List<Moment>> handed = new AtomicReference<>(List.of());
    private final AtomicReference<Object> finished = new AtomicReference<>();
    private final AnimationTimer sampler;
    private volatile Trainer trainer;
    private volatile Comparison running;
    private Trainer shownTrainer;
    private int shownPoints;
    private final List<TrainingHistory.Point> points = new ArrayList<>();

    TrainingSession() {
        sampler = new AnimationTimer() {
            @Override public void handle(long now) { sample(); }
        };
        sampler.start();
    }

    ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }

    /** Whether a run (or a comparison) is in progress, paused included. */
    ReadOnlyBooleanProperty activeProperty() { return active.getReadOnlyProperty(); }

    /** Why the last run stopped early, a warning, or a file error; empty otherwise. */
    ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Whether the latest weights were trained since the last save. */
    ReadOnlyBooleanProperty unsavedProperty() { return unsaved.getReadOnlyProperty(); }

    ObservableList<TrainingCurves.Series> runs() { return runs; }

    ObservableList<Moment> moments() { return moments; }

    ObservableList<Comparison.Result> comparison() { return comparison; }

    Trainer trainer() { return trainer; }

    void setMessage(String m) { message.set(m); }

    void markSaved() { unsaved.set(false); }

    /** Starts a run with {@code config} (from {@code model} when continuing); {@code paused} waits for a step. */
    void start(TrainingConfig config, SequenceModel model, boolean paused) {
        if (active.get()) return;
        Trainer t = model == null ? new Trainer(config) : new Trainer(config, model);
        if (paused) t.pause();
        begin(t);
        message.set("");
        thread.execute(() -> {
            TrainingSnapshot last = t.run(s -> handOver(t, s));
            finished.set(last);
        });
    }

    /** Trains the seeds' comparison, one cell after another, on the training thread. */
    void compare(TrainingConfig base) {
        if (active.get()) return;
        Comparison c = new Comparison(base, Comparison.SEEDS_CELLS);
        running = c;
        comparison.clear();
        runs.clear();
        moments.clear();
        message.set("");
        active.set(true);
        thread.execute(() -> {
            List<Comparison.Result> results = c.run(t -> trainer = t, (t, s) -> handOver(t, s));
            finished.set(results);
        });
    }

    void pause() { if (trainer != null) trainer.pause(); }

    void resume() { if (trainer != null) trainer.resume(); }

    /** One batch, one optimiser step: from a paused run, or as the first step of a new paused run. */
    void step(TrainingConfig config) {
        Trainer t = trainer;
        if (active.get() && t != null && t.latest() != null && t.latest().state() == Trainer.State.PAUSED) {
            long before = t.latest().examplesSeen();
            t.step();
            afterStep(t, before);
        } else if (!active.get()) {
            start(config, null, true);
            Trainer fresh = trainer;
            fresh.step();
            afterStep(fresh, 0);
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
        Comparison c = running;
        if (c != null) c.cancel();
        Trainer t = trainer;
        if (t != null) t.cancel();
    }

    /** Stops and forgets every run. */
    void reset() {
        stop();
        runs.clear();
        moments.clear();
        comparison.clear();
        points.clear();
        shownTrainer = null;
        message.set("");
        unsaved.set(false);
    }

    private void begin(Trainer t) {
        trainer = t;
        active.set(true);
    }

    /** On the training thread, between two batches: copy the weights and predict the table's sums. */
    private void handOver(Trainer t, TrainingSnapshot s) {
        List<AdditionTask.Example> sums = t.data().validation().subList(0, Math.min(PREDICTIONS, t.data().validation().size()));
        List<String> predicted = Evaluation.predict(t.model(), sums.stream().map(e -> e.input(t.config().reversed())).toList());
        List<Prediction> rows = new ArrayList<>();
        for (int i = 0; i < sums.size(); i++) rows.add(new Prediction(sums.get(i), predicted.get(i)));
        Moment m = new Moment(runLabel(t.config()), s.epochProgress(), t.config(), t.weights(), List.copyOf(rows));
        handed.updateAndGet(list -> {
            List<Moment> next = new ArrayList<>(list);
            next.add(m);
            return next;
        });
    }

    /** Once per pulse: the latest snapshot, the new curve points, the moments handed over, the end of a run. */
    private void sample() {
        Trainer t = trainer;
        if (t != null) {
            if (t != shownTrainer) {
                shownTrainer = t;
                shownPoints = 0;
                points.clear();
                runs.add(new TrainingCurves.Series(runLabel(t.config()), List.of()));
            }
            TrainingSnapshot s = t.latest();
            if (s != null && s != snapshot.get()) {
                snapshot.set(s);
                unsaved.set(true);
                if (!s.note().isEmpty()) message.set(s.note());
            }
            List<TrainingHistory.Point> fresh = t.history().since(shownPoints);
            if (!fresh.isEmpty()) {
                shownPoints += fresh.size();
                points.addAll(fresh);
                runs.set(runs.size() - 1, new TrainingCurves.Series(runLabel(t.config()), List.copyOf(points)));
            }
        }
        List<Moment> arrived = handed.getAndSet(List.of());
        if (!arrived.isEmpty()) moments.addAll(arrived);
        Object done = finished.getAndSet(null);
        if (done != null) {
            active.set(false);
            if (done instanceof List<?> results) {
                @SuppressWarnings("unchecked") List<Comparison.Result> r = (List<Comparison.Result>) results;
                comparison.setAll(r);
                running = null;
            }
        }
    }

    static String runLabel(TrainingConfig c) {
        return Comparison.title(c.cell()) + (c.isDense() ? "" : " " + c.hidden()) + (c.reversed() ? " reversed" : "");
    }

    /** Stops any run and the sampler; the panel is going away. */
    void dispose() {
        stop();
        active.set(false);
        sampler.stop();
        thread.shutdownNow();
    }
}
