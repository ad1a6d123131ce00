package io.gatescope.ui.training;

import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import java.util.List;

/**
 * A short run of each cell that nobody sees, so that the JIT compiles the training step (the engine's
 * batched kernels, forward and backward, the optimiser) before the user's first run rather than
 * during it. The settings' defaults at their hidden size and batch, so the compiled code is the code a
 * default run needs, on a few thousand examples for two epochs: a second or two of one core per cell.
 * Cancellable between cells and within one; it keeps no state and shows nothing.
 */
final class WarmUp {
    /** Enough batches for the kernels' loops to reach the JIT's thresholds, few enough to take seconds. */
    static final int EXAMPLES = 2_000, EPOCHS = 2;

    private volatile boolean cancelled;
    private volatile Trainer current;
    private volatile int completed;

    /** How many cells trained their whole warm-up. */
    int completed() { return completed; }

    /** Trains each of {@code cells} briefly on the calling thread, unless cancelled. */
    void run(List<String> cells) {
        for (String cell : cells) {
            if (cancelled) return;
            TrainingConfig c = TrainingConfig.defaults().with(TrainingSetting.CELL, cell)
                    .with(TrainingSetting.EXAMPLES, EXAMPLES).withEpochs(EPOCHS);
            Trainer t = new Trainer(c);
            current = t;
            if (cancelled) t.cancel();
            if (t.run(s -> { }).state() == Trainer.State.COMPLETED) completed++;
            current = null;
        }
    }

    /** Stops the warm-up at its next batch; the runs queued after it then start at once. */
    void cancel() {
        cancelled = true;
        Trainer t = current;
        if (t != null) t.cancel();
    }
}
