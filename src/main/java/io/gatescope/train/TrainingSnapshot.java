package io.gatescope.train;

/**
 * What the trainer has done so far: immutable, published after every batch (latest wins), so a view
 * can draw it without locking.
 *
 * @param batch              batches done in the current epoch (1-based; 0 before the first)
 * @param trainLoss          mean cross-entropy per character over the epoch so far
 * @param batchLoss          mean cross-entropy per character of the last batch alone
 * @param validationChars    character accuracy on the validation set at the last check: the end of an epoch, or a
 *                           quarter of one near the target accuracy (NaN before the first)
 * @param validationSequences full-sequence accuracy on the validation set at the last check (NaN before the first)
 * @param gradientNorm       the last batch's global gradient norm before clipping
 * @param note               what a user should know beyond the numbers: why the run diverged, a warning
 *                           that the loss grows by orders of magnitude; empty otherwise
 */
public record TrainingSnapshot(int epoch, int batch, int batchesPerEpoch, long examplesSeen, double trainLoss,
                               double batchLoss, double validationLoss, double validationChars,
                               double validationSequences, double examplesPerSecond, double elapsedSeconds,
                               double learningRate, double gradientNorm, Trainer.State state, String note) {

    /** The same snapshot in another state. */
    public TrainingSnapshot withState(Trainer.State s) {
        return new TrainingSnapshot(epoch, batch, batchesPerEpoch, examplesSeen, trainLoss, batchLoss, validationLoss,
                validationChars, validationSequences, examplesPerSecond, elapsedSeconds, learningRate, gradientNorm, s, note);
    }

    /** The same snapshot in another state with a note for the user. */
    public TrainingSnapshot withState(Trainer.State s, String why) {
        return new TrainingSnapshot(epoch, batch, batchesPerEpoch, examplesSeen, trainLoss, batchLoss, validationLoss,
                validationChars, validationSequences, examplesPerSecond, elapsedSeconds, learningRate, gradientNorm, s, why);
    }

    /** The same snapshot with the validation figures of the check just made. */
    public TrainingSnapshot withValidation(double loss, double chars, double sequences) {
        return new TrainingSnapshot(epoch, batch, batchesPerEpoch, examplesSeen, trainLoss, batchLoss, loss, chars,
                sequences, examplesPerSecond, elapsedSeconds, learningRate, gradientNorm, state, note);
    }

    /** Epochs as a real number (3.5 = half-way through the fourth), for a curve's x axis. */
    public double epochProgress() {
        return batchesPerEpoch == 0 ? 0 : epoch - 1 + (double) batch / batchesPerEpoch;
    }

    /**
     * What a model file records about the run that produced its weights: every setting (so the run can
     * be reproduced) and the results. No timings, so two runs with the same settings write the same bytes.
     */
    public java.util.Map<String, Object> notes(TrainingConfig config) {
        java.util.Map<String, Object> m = config.notes();
        m.put("epochs_done", epoch);
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        m.put("validation_char_accuracy", finite(validationChars));
        m.put("validation_sequence_accuracy", finite(validationSequences));
        m.put("train_loss", finite(trainLoss));
        if (!note.isEmpty()) m.put("note", note);
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : "n/a";
    }

    /** Whether the run has ended (any state but running or paused). */
    public boolean finished() {
        return state != Trainer.State.RUNNING && state != Trainer.State.PAUSED;
    }
}
