package io.gatescope.train;

import io.gatescope.engine.CellKind;
import java.util.Locale;

/**
 * Every setting of a training run, in one place, so saving a run's settings into a model file and
 * restoring them is one loop. Defaults are the seeds' (Adam, validation split 0.2, 20,000 examples)
 * with the batch and learning rate that train fastest here.
 *
 * @param cell               {@code lstm}, {@code gru}, {@code rnn} (tanh SimpleRNN), {@code dense}, or a cell id
 * @param clipNorm           clip gradients to this global L2 norm; 0 turns clipping off
 * @param untilAccuracy      stop once validation full-sequence accuracy reaches this; 0 never stops early
 * @param timeLimitSeconds   stop after this much wall time; 0 means no limit
 * @param lrDecay            multiply the learning rate by this after every epoch (1 keeps it)
 * @param threads            worker threads, 1 or 2; results are identical either way
 */
public record TrainingConfig(String cell, int hidden, int batch, double learningRate, int epochs, long seed,
                             double clipNorm, double untilAccuracy, double timeLimitSeconds, String optimizer,
                             double momentum, int datasetSize, double validationFraction, int threads,
                             double lrDecay) {

    public static TrainingConfig defaults(String cell, int hidden) {
        return new TrainingConfig(cell, hidden, 128, 0.01, 100, 1L, 0.0, 0.0, 0.0, "adam", 0.9, 20_000, 0.2,
                Math.min(2, Runtime.getRuntime().availableProcessors()), 1.0);
    }

    public TrainingConfig {
        cell = cell == null ? "" : cell.toLowerCase(Locale.ROOT);
        optimizer = optimizer == null ? "" : optimizer.toLowerCase(Locale.ROOT);
        if (!isDense(cell)) cellKind(cell); // rejects unknown names with the accepted list
        require(hidden >= 1 && hidden <= 4096, "hidden size must be 1..4096, got " + hidden);
        require(batch >= 1 && batch <= 65_536, "batch size must be 1..65536, got " + batch);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be a positive number, got " + learningRate);
        require(epochs >= 1, "epochs must be at least 1, got " + epochs);
        require(clipNorm >= 0 && Double.isFinite(clipNorm), "clip must be 0 (off) or a positive norm, got " + clipNorm);
        require(untilAccuracy >= 0 && untilAccuracy <= 1, "until-accuracy must be within 0..1, got " + untilAccuracy);
        require(timeLimitSeconds >= 0 && Double.isFinite(timeLimitSeconds), "time limit must be 0 (none) or positive seconds, got " + timeLimitSeconds);
        require(optimizer.equals("adam") || optimizer.equals("sgd"), "optimizer must be adam or sgd, got '" + optimizer + "'");
        require(momentum >= 0 && momentum < 1, "momentum must be within [0, 1), got " + momentum);
        require(datasetSize >= 10, "the data set needs at least 10 examples, got " + datasetSize);
        require(validationFraction > 0 && validationFraction < 1, "validation fraction must be between 0 and 1, got " + validationFraction);
        require(threads == 1 || threads == 2, "threads must be 1 or 2, got " + threads);
        require(lrDecay > 0 && lrDecay <= 1, "lr decay must be within (0, 1], got " + lrDecay);
    }

    public boolean isDense() { return isDense(cell); }

    /** The recurrent cell; {@code rnn} is Keras' SimpleRNN (tanh). */
    public CellKind cellKind() { return cellKind(cell); }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(cell, hidden, batch, learningRate, e, seed, clipNorm, untilAccuracy, timeLimitSeconds,
                optimizer, momentum, datasetSize, validationFraction, threads, lrDecay);
    }

    public TrainingConfig withThreads(int n) {
        return new TrainingConfig(cell, hidden, batch, learningRate, epochs, seed, clipNorm, untilAccuracy, timeLimitSeconds,
                optimizer, momentum, datasetSize, validationFraction, n, lrDecay);
    }

    private static boolean isDense(String cell) { return cell.equals("dense"); }

    private static CellKind cellKind(String cell) {
        if (cell.equals("rnn")) return CellKind.RNN_TANH;
        try {
            return CellKind.fromId(cell);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown cell '" + cell + "', expected lstm, gru, rnn, dense, rnn_relu or gru_simple");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
