package io.gatescope.train;

/**
 * What the trainer has done so far: immutable, published after every batch (latest wins), so a view
 * can draw it without locking.
 *
 * @param trainLoss          mean cross-entropy per character over the epoch so far
 * @param validationChars    character accuracy on the validation set after the last finished epoch (NaN before)
 * @param validationSequences full-sequence accuracy on the validation set after the last finished epoch (NaN before)
 */
public record TrainingSnapshot(int epoch, int batch, int batchesPerEpoch, long examplesSeen, double trainLoss,
                               double validationLoss, double validationChars, double validationSequences,
                               double examplesPerSecond, double elapsedSeconds, double learningRate,
                               double gradientNorm, Trainer.State state) {
}
