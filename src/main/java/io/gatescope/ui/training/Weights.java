package io.gatescope.ui.training;

import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.SequenceModel;
import io.gatescope.io.ModelFile;
import io.gatescope.task.AdditionModels;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import java.util.Map;

/** Models rebuilt from a moment's copied weights, and settings recovered from a model file. */
final class Weights {
    private Weights() {
    }

    /** A new model of {@code config}'s architecture holding {@code weights} (by parameter name). */
    static SequenceModel model(TrainingConfig config, Map<String, double[]> weights) {
        SequenceModel m = config.isDense() ? AdditionModels.denseBaseline(config.seed())
                : AdditionModels.encoderDecoder(config.cellKind(), config.hidden(), config.seed());
        for (Parameter p : m.parameters()) {
            double[] w = weights.get(p.name());
            System.arraycopy(w, 0, p.data(), 0, p.size());
            p.touch();
        }
        return m;
    }

    /** The settings a model file was trained with (its notes), its cell and size taken from the weights themselves. */
    static TrainingConfig config(ModelFile.Sequence file) {
        TrainingConfig c;
        try {
            c = TrainingConfig.fromNotes(file.metadata().training());
        } catch (IllegalArgumentException badNotes) {
            c = TrainingConfig.defaults();
        }
        if (file.model() instanceof EncoderDecoder ed) {
            String cell = ed.kind().id().equals("rnn_tanh") ? "rnn" : ed.kind().id();
            return c.with(TrainingSetting.CELL, cell).with(TrainingSetting.HIDDEN, ed.hiddenSize());
        }
        return c.with(TrainingSetting.CELL, "dense");
    }
}
