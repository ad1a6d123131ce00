package io.gatescope.ui.training;

import io.gatescope.engine.SequenceModel;
import io.gatescope.train.TrainingConfig;
import java.util.Map;

/**
 * The weights of a training run at one moment, for other views to follow. The map holds the copies
 * the trainer handed over at that moment; nothing writes them afterwards, so any thread may read
 * them, and {@link #model} builds a fresh model each call that nobody else holds.
 *
 * @param label  the run and epoch, as the snapshot slider names it ("LSTM 8 · epoch 3.00")
 * @param config the run's settings (cell, hidden size, whether the input is reversed)
 */
public record TrainedWeights(String label, TrainingConfig config, Map<String, double[]> weights) {
    public TrainedWeights {
        weights = Map.copyOf(weights);
    }

    /** A new model of the run's architecture holding these weights. */
    public SequenceModel model() {
        return Weights.model(config, weights);
    }
}
